/**
 * Shared helpers for the `npm run bench:*` scripts: options, backends, an HTTP client with low
 * overhead, latency statistics and table printing. Benchmarks report figures; they never fail on
 * them. Nothing here may import from test/ (it is not part of the build).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { Client } from 'pg';
import { createApp, CreateAppOptions } from '../src/app.factory';
import { GatehouseConfig, loadConfig } from '../src/config/config';
import { PrismaService } from '../src/database/prisma.service';

export const BENCH_TOKEN = 'bench-admin-token-0123456789abcdef';
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/test';

export type BackendName = 'pglite' | 'postgres';
export const BACKENDS: readonly BackendName[] = ['pglite', 'postgres'];

// ---------------------------------------------------------------------------------------------
// Options: `--name value` or `--name=value` flags, else BENCH_NAME environment variables.

export class Options {
  private readonly flags = new Map<string, string>();

  constructor(argv: string[] = process.argv.slice(2), private readonly env: NodeJS.ProcessEnv = process.env) {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}; flags look like --products 10000`);
      const eq = arg.indexOf('=');
      if (eq > 0) this.flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) this.flags.set(arg.slice(2), argv[++i]);
      else this.flags.set(arg.slice(2), 'true');
    }
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  raw(name: string): string | undefined {
    const env = this.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
    return this.flags.get(name) ?? (env === '' ? undefined : env);
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  /** One of `choices`; anything else stops the run naming the flag. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if (!(choices as readonly string[]).includes(raw)) throw new Error(`--${name} must be one of ${choices.join(', ')}, not ${raw}`);
    return raw as T;
  }

  int(name: string, fallback: number, min = 0): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}, not ${raw}`);
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    return !['false', '0', 'no', 'off'].includes(raw.toLowerCase());
  }

  backends(): BackendName[] {
    const list = this.string('backends', BACKENDS.join(','))
      .split(',')
      .map((b) => b.trim().toLowerCase())
      .filter(Boolean);
    for (const b of list) if (!BACKENDS.includes(b as BackendName)) throw new Error(`--backends: unknown backend ${b} (pglite, postgres)`);
    return list as BackendName[];
  }
}

// ---------------------------------------------------------------------------------------------
// Backends: Gatehouse in-process over a fresh database, listening on a random loopback port.

export interface BenchApp {
  backend: BackendName;
  app: NestFastifyApplication;
  baseUrl: string;
  port: number;
  config: GatehouseConfig;
  /** Runs SQL on the application's own connection (ANALYZE, EXPLAIN). */
  sql<T = Record<string, unknown>>(text: string): Promise<T[]>;
  close(): Promise<void>;
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Whether PostgreSQL answers at `url`; the reason when not. */
export async function postgresReachable(url: string, timeoutMs = 3_000): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>('SHOW server_version');
    return { ok: true, version: rows[0].v };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message || error.name : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when `backend` is PostgreSQL and DATABASE_URL's server does not answer; it says so, and the bench skips it. */
export async function postgresSkipped(backend: BackendName): Promise<boolean> {
  if (backend !== 'postgres') return false;
  const url = databaseUrl();
  const reachable = await postgresReachable(url);
  if (reachable.ok) return false;
  const safe = url.replace(/\/\/[^@/]*@/, '//…@');
  log(`\n## postgres — skipped: cannot reach ${safe} (${reachable.reason}). Set DATABASE_URL to a PostgreSQL server to include it.`);
  return true;
}

export async function startBenchApp(backend: BackendName, overrides: Partial<GatehouseConfig> = {}, options: CreateAppOptions = {}): Promise<BenchApp> {
  let database: GatehouseConfig['database'];
  let drop = async () => {};
  if (backend === 'postgres') {
    const url = databaseUrl();
    const schema = `gh_bench_${randomBytes(6).toString('hex')}`;
    database = { kind: 'postgres', url, schema };
    drop = async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    };
  } else {
    database = { kind: 'embedded', dataDir: 'memory://' };
  }
  // Defaults come from loadConfig, so settings added to Gatehouse later need no change here; the
  // environment is a fixed one (not process.env) so that every run measures the same setup.
  const defaults = loadConfig(
    {
      HOST: '127.0.0.1',
      PORT: '0',
      GATEHOUSE_ADMIN_TOKEN: BENCH_TOKEN,
      GATEHOUSE_BODY_LIMIT: String(1024 * 1024),
      GATEHOUSE_ENVIRONMENTS: 'dev,staging,prod',
      GATEHOUSE_LOG_LEVEL: 'silent',
      GATEHOUSE_SHUTDOWN_TIMEOUT_MS: '5000',
    },
    process.cwd(),
  );
  const config: GatehouseConfig = { ...defaults, database, ...overrides };
  let app: NestFastifyApplication | undefined;
  try {
    app = await createApp(config, { logger: pino({ level: 'silent' }), ...options });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app?.close().catch(() => {});
    await drop().catch(() => {});
    throw error;
  }
  const started = app;
  const port = (started.getHttpServer().address() as { port: number }).port;
  const prisma = started.get(PrismaService);
  let closed = false;
  return {
    backend,
    app: started,
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    config,
    sql: <T>(text: string) => prisma.$queryRawUnsafe<T[]>(text),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await started.close();
      } finally {
        await drop();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP: node:http with a keep-alive agent, so the client adds as little as possible to a figure.

export interface HttpResult {
  status: number;
  body: string;
  /** Wall time from sending the request to the last byte of the response, in milliseconds. */
  ms: number;
}

export class HttpClient {
  readonly agent: Agent;

  constructor(
    private readonly port: number,
    private readonly token = BENCH_TOKEN,
    sockets = 8,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  request(method: string, path: string, json?: unknown): Promise<HttpResult> {
    return this.send(method, path, json === undefined ? undefined : Buffer.from(JSON.stringify(json)));
  }

  /**
   * Sends a body that is already encoded (JSON text, say), as `application/json` unless told
   * otherwise, so a load generator need not pay for `JSON.stringify` on every request.
   */
  send(method: string, path: string, body?: Buffer | string, contentType = 'application/json'): Promise<HttpResult> {
    const payload = typeof body === 'string' ? Buffer.from(body) : body;
    const headers: Record<string, string | number> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    if (payload) {
      headers['content-type'] = contentType;
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = httpRequest({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: Number(process.hrtime.bigint() - started) / 1e6 }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  async json<T = any>(method: string, path: string, body?: unknown, expect = 200): Promise<T> {
    const res = await this.request(method, path, body);
    if (res.status !== expect) throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${res.body.slice(0, 500)}`);
    return JSON.parse(res.body) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function runPool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

// ---------------------------------------------------------------------------------------------
// Statistics and output.

export interface LatencyStats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles over latencies in milliseconds. */
export function latencyStats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    n: sorted.length,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** A plain-text table, also valid Markdown, so figures can be pasted into docs/benchmarks.md. */
export function table(headers: string[], rows: (string | number)[][], alignRight: boolean[] = []): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(3, ...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((v, c) => (alignRight[c] ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (alignRight[c] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Small deterministic PRNG (mulberry32) so every run generates the same catalog. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const log = (...parts: unknown[]) => console.log(...parts);

// ---------------------------------------------------------------------------------------------
// CPU time, read from /proc (Linux): figures per event that a busy or shared machine does not
// scale the way it scales throughput (time stolen by other guests or processes is not counted).

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on every Linux port in use). */
const USER_HZ = 100;

function procCpuMs(statPath: string): number | undefined {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ; // utime + stime
  } catch {
    return undefined;
  }
}

/** CPU time of this process's main thread (the one serving HTTP), undefined where /proc is missing. */
export function mainThreadCpuMs(): number | undefined {
  return procCpuMs(`/proc/self/task/${process.pid}/stat`);
}

/**
 * CPU time of the calling thread, undefined where /proc is missing. The load generator reads its
 * own with it: its worker thread shares the machine's cores with the server it loads.
 */
export function currentThreadCpuMs(): number | undefined {
  return procCpuMs('/proc/thread-self/stat');
}

/** The machine's idle and total CPU time so far, in ticks of all its CPUs (/proc/stat). */
function machineTicks(): { idle: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is already
    // counted in user and nice.
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return { idle: idle + iowait, total: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return undefined;
  }
}

/**
 * CPU time of each PostgreSQL process on this machine (backends, WAL writer, checkpointer) by pid,
 * or undefined when none is visible (a server elsewhere, or no /proc).
 */
export function localPostgresCpuMs(): Map<string, number> | undefined {
  const byPid = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue; // the process ended meanwhile
    }
    const ms = procCpuMs(`/proc/${pid}/stat`);
    if (ms !== undefined) byPid.set(pid, ms);
  }
  return byPid.size ? byPid : undefined;
}

/**
 * Both clocks at once; `since` gives what each used in between (undefined where unreadable). A
 * PostgreSQL process that started meanwhile counts whole; one that ended is missed (its time
 * goes with it), a small undercount since Gatehouse's pool keeps its connections.
 */
export class CpuClock {
  private readonly thread = mainThreadCpuMs();
  private readonly postgres = localPostgresCpuMs();
  private readonly machine = machineTicks();

  /** `idle`: the share of the machine's CPU time (all cores) that went unused meanwhile. */
  since(): { thread?: number; postgres?: number; idle?: number } {
    const thread = mainThreadCpuMs();
    const postgres = localPostgresCpuMs();
    const machine = machineTicks();
    let postgresUsed: number | undefined;
    if (postgres && this.postgres) {
      postgresUsed = 0;
      for (const [pid, ms] of postgres) postgresUsed += ms - (this.postgres.get(pid) ?? 0);
    }
    const elapsed = machine && this.machine ? machine.total - this.machine.total : 0;
    return {
      thread: thread !== undefined && this.thread !== undefined ? thread - this.thread : undefined,
      postgres: postgresUsed,
      idle: elapsed > 0 ? (machine!.idle - this.machine!.idle) / elapsed : undefined,
    };
  }
}
