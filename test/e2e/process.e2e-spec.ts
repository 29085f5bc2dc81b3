import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The built server as an operator runs it (`npm test` builds first, see the pretest script).
const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
const describeBuilt = existsSync(MAIN) ? describe : describe.skip;

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Running {
  let out = '';
  let err = '';
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeBuilt('the gatehouse process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-process-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://nope' }],
    ['GATEHOUSE_ENVIRONMENTS', { GATEHOUSE_ENVIRONMENTS: 'Dev' }],
  ])('stops with a message naming %s when it is invalid', async (variable, env) => {
    const p = run({ GATEHOUSE_DATA_DIR: dataDir, ...env });
    expect(await p.exited).toBe(2);
    expect(p.stderr()).toContain(variable);
  });

  it('logs JSON with request ids, never the token, and shuts down cleanly on SIGTERM', async () => {
    const p = run({ GATEHOUSE_DATA_DIR: dataDir, PORT: '0' });
    const url = await waitFor(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(p.stdout())?.[1]);
    const token = /ghs_[A-Za-z0-9_-]{43}/.exec(p.stdout())![0];

    const ok = await fetch(`${url}/api/v1/data-products`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'proc-test-1' } });
    expect(ok.status).toBe(200);
    await fetch(`${url}/api/v1/data-products`, { headers: { authorization: 'Bearer wrong-secret-value-123' } });

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);

    const lines = p.stdout().split('\n').filter((l) => l.startsWith('{'));
    const records = lines.map((l) => JSON.parse(l));
    expect(records.some((r) => r.requestId === 'proc-test-1' && r.msg === 'request completed')).toBe(true);
    expect(records.some((r) => r.msg === 'shutting down')).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain('wrong-secret-value-123');
    }
  });
});
