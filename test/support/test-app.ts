import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { Client } from 'pg';
import { createApp, CreateAppOptions } from '../../src/app.factory';
import { GatehouseConfig } from '../../src/config/config';
import { projectRoot } from '../../src/database/project-paths';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** Which database the suites run on: PostgreSQL when DATABASE_URL is set, else in-memory PGlite. */
export const onPostgres = () => Boolean(process.env.DATABASE_URL);

export interface TestDatabase {
  config: GatehouseConfig['database'];
  drop(): Promise<void>;
}

/** A fresh, empty database: a new schema on PostgreSQL, a new in-memory PGlite otherwise. */
export async function freshDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) return { config: { kind: 'embedded', dataDir: 'memory://' }, drop: async () => {} };
  const schema = `gh_test_${randomBytes(6).toString('hex')}`;
  return {
    config: { kind: 'postgres', url, schema },
    drop: async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export function testConfig(database: GatehouseConfig['database'], overrides: Partial<GatehouseConfig> = {}): GatehouseConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    database,
    adminToken: ADMIN_TOKEN,
    bodyLimitBytes: 256 * 1024,
    environments: ['dev', 'staging', 'prod'],
    policyDir: join(projectRoot(), 'policies'),
    orchestrators: [],
    logLevel: 'silent',
    shutdownTimeoutMs: 5_000,
    lineageEnvironments: {},
    slaIntervalMs: 0,
    lineagePollMs: 0,
    promotionPollMs: 200,
    webhooks: { urls: [], format: 'json', pollMs: 100, retryBaseMs: 100, maxAttempts: 5 },
    lineageViewMaxNodes: 1000,
    ...overrides,
  };
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  config: GatehouseConfig;
  /** fetch against the app with the admin token unless `token: null` is given. */
  request(method: string, path: string, init?: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body sent as-is (YAML, malformed JSON …). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  token?: string | null;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** Starts Gatehouse on a random loopback port over a fresh database. */
export async function startTestApp(overrides: Partial<GatehouseConfig> = {}, options: CreateAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = testConfig(database.config, overrides);
  const app = await createApp(config, { logger: pino({ level: 'silent' }), ...options });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    config,
    request: (method, path, init = {}) => send(baseUrl, method, path, init),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export async function send(baseUrl: string, method: string, path: string, init: RequestOptions = {}): Promise<TestResponse> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  const token = init.token === undefined ? ADMIN_TOKEN : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | Buffer | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (metrics, YAML): keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
