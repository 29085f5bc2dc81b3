import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createApp } from '../../src/app.factory';
import { manifest } from '../support/manifests';
import { freshDatabase, send, testConfig, TestDatabase } from '../support/test-app';

/** Starts, stops and restarts Gatehouse on one database, as an operator would. */
describe('lifecycle: bootstrap token, restarts, migrations, shutdown', () => {
  let dataDir: string;
  let database: TestDatabase;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-lifecycle-'));
    // On PGlite a real data directory (not memory://) proves persistence across restarts.
    database = process.env.DATABASE_URL ? await freshDatabase() : { config: { kind: 'embedded', dataDir }, drop: async () => {} };
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function boot(printed: string[], beforeListen?: (fastify: FastifyInstance) => void) {
    const config = testConfig(database.config, { adminToken: undefined });
    const app = await createApp(config, { logger: pino({ level: 'silent' }), printSecret: (text) => printed.push(text) });
    beforeListen?.(app.getHttpAdapter().getInstance());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    return { app, baseUrl };
  }

  it('generates the admin token once, keeps only its hash, and keeps data across a restart', async () => {
    const printed: string[] = [];
    const first = await boot(printed);
    expect(printed).toHaveLength(1);
    const token = /ghs_[A-Za-z0-9_-]{43}/.exec(printed[0])![0];
    const created = await send(first.baseUrl, 'PUT', '/api/v1/data-products/survivor', { body: manifest('survivor'), token });
    expect(created.status).toBe(201);
    await first.app.close();

    const second = await boot(printed);
    expect(printed).toHaveLength(1); // not printed again
    const read = await send(second.baseUrl, 'GET', '/api/v1/data-products/survivor', { token });
    expect(read.status).toBe(200);
    expect(read.body.revision).toBe(1);

    // Migrations are recorded exactly as `prisma migrate deploy` records them, and not re-applied.
    const ready = await send(second.baseUrl, 'GET', '/health/ready', { token: null });
    expect(ready.body.database.migrations).toMatchObject({ pending: [] });
    expect(ready.body.database.migrations.applied).toBe(ready.body.database.migrations.expected);
    await second.app.close();
  });

  it('lets in-flight requests finish during a graceful shutdown, then refuses new ones', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { app, baseUrl } = await boot([], (fastify) =>
      fastify.addHook('preHandler', async (request) => {
        if (request.url === '/health') await gate;
      }),
    );
    const inFlight = fetch(`${baseUrl}/health`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = app.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    await closing;
    await expect(fetch(`${baseUrl}/health`)).rejects.toThrow();
  });
});
