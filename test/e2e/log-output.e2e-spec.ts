import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEHOUSE_MAIN, gatehouseBuilt, startGatehouseProcess, tail } from '../support/gatehouse-process';
import { manifest } from '../support/manifests';
import { runEvent } from '../support/openlineage';
import { freshDatabase, TestDatabase } from '../support/test-app';

/**
 * The built process and its log reader: a reader that goes away, or stops reading, must neither
 * keep Gatehouse alive after SIGTERM nor stop it answering requests.
 */
const describeBuilt = gatehouseBuilt() ? describe : describe.skip;
const ADMIN = 'log-output-admin-token-0123456789';
const SHUTDOWN_MS = 5_000;

/**
 * A supervisor in a process group of its own: it starts Gatehouse with stdout and stderr as pipes
 * it reads, reports the child's pid and URL, and on SIGUSR2 sends SIGTERM to the whole group,
 * itself included, so the reader is gone at once (as a test harness or `npm start | tee` on Ctrl-C).
 */
const SUPERVISOR = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, [process.env.MAIN], { env: JSON.parse(process.env.CHILD_ENV), stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
let told = false;
child.stdout.on('data', (d) => {
  out += d;
  const url = /"url":"(http[^"]+)"/.exec(out);
  if (url && !told) { told = true; process.stdout.write(JSON.stringify({ pid: child.pid, url: url[1] }) + '\\n'); }
});
child.stderr.on('data', () => undefined);
process.on('SIGUSR2', () => process.kill(-process.pid, 'SIGTERM'));
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describeBuilt('the gatehouse process and its log reader', () => {
  let dataDir: string;
  // On PostgreSQL, a schema of its own, as every suite has: what an earlier run stored must not matter.
  let database: TestDatabase;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-logs-'));
    database = await freshDatabase();
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await database.drop();
  });
  const databaseUrl = () => {
    const db = database.config;
    return db.kind === 'postgres' ? `${db.url}${db.url.includes('?') ? '&' : '?'}schema=${db.schema}` : undefined;
  };

  const env = () => ({
    PATH: process.env.PATH ?? '',
    PORT: '0',
    GATEHOUSE_DATA_DIR: dataDir,
    GATEHOUSE_ADMIN_TOKEN: ADMIN,
    GATEHOUSE_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_MS),
    ...(databaseUrl() ? { DATABASE_URL: databaseUrl() } : {}),
  });

  it('exits after SIGTERM when the reader of its stdout and stderr goes away at the same moment', async () => {
    const supervisor = spawn(process.execPath, ['-e', SUPERVISOR], {
      env: { PATH: process.env.PATH ?? '', MAIN: GATEHOUSE_MAIN, CHILD_ENV: JSON.stringify(env()) },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    let said = '';
    supervisor.stdout!.on('data', (d) => (said += d));
    const deadline = Date.now() + 60_000;
    while (!said.includes('\n')) {
      if (Date.now() > deadline || supervisor.exitCode !== null) throw new Error(`supervisor reported nothing: ${said}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const { pid, url } = JSON.parse(said) as { pid: number; url: string };
    try {
      const headers = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
      const put = await fetch(`${url}/api/v1/data-products/orders-daily`, { method: 'PUT', headers, body: JSON.stringify(manifest('orders-daily')) });
      expect(put.status).toBe(201);
      for (let i = 0; i < 20; i++) {
        const posted = await fetch(`${url}/api/v1/lineage`, { method: 'POST', headers, body: JSON.stringify(runEvent({ job: `job_${i}` })) });
        expect(posted.status).toBeLessThan(300);
      }

      process.kill(supervisor.pid!, 'SIGUSR2');
      const until = Date.now() + SHUTDOWN_MS + 5_000;
      while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(alive(pid)).toBe(false);
    } finally {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('answers every request while its stdout reader stops reading, and logs what it queued once the reader reads again', async () => {
    const gatehouse = await startGatehouseProcess(env(), { token: ADMIN });
    try {
      gatehouse.child.stdout!.pause();
      const started = Date.now();
      const statuses: number[] = [];
      // 1,000 requests, ten at a time, each logged at info with its 2 KB URL: some 2 MB of log
      // lines, several times what the kernel buffers between the process and its reader.
      const padded = `/health?pad=${'x'.repeat(2_000)}`;
      for (let batch = 0; batch < 100; batch++) {
        const answers = await Promise.all(Array.from({ length: 10 }, () => gatehouse.request('GET', padded)));
        statuses.push(...answers.map((a) => a.status));
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(1_000);
      // The reader stays stalled for 10 s in all; the server keeps answering through it.
      while (Date.now() - started < 10_000) {
        expect((await gatehouse.request('GET', '/health')).status).toBe(200);
        await new Promise((r) => setTimeout(r, 500));
      }
      const metrics = await gatehouse.request('GET', '/metrics');
      expect(metrics.text).toMatch(/^gatehouse_log_lines_dropped_total 0$/m);

      gatehouse.child.stdout!.resume();
      const logged = () => gatehouse.output().split('\n').filter((l) => l.includes('"request completed"')).length;
      const until = Date.now() + 10_000;
      while (logged() < 1_000 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(logged()).toBeGreaterThanOrEqual(1_000);
      expect(await gatehouse.stop('SIGTERM', SHUTDOWN_MS + 5_000)).toEqual({ code: 0, signal: null });
    } catch (error) {
      gatehouse.child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\noutput:\n${tail(gatehouse.output())}`);
    }
  }, 60_000);
});
