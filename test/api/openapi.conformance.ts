/**
 * Gatehouse against its own OpenAPI document: schemathesis generates requests for every operation
 * from /openapi.json (valid ones, and invalid ones of every kind the schemas allow it to derive),
 * sends them to a Gatehouse started here, and checks each answer: never a server error; every
 * status and content type documented, responses matching their schemas; a method an operation
 * does not declare answered 405 with Allow; a request without a token refused. Its stateful phase
 * chains operations through the links it infers (create, then read, then change).
 *
 * Left out:
 * - `positive_data_acceptance`, which expects every schema-valid request to succeed. Some rules
 *   cannot be said in a schema (an opaque cursor, the configured environments, a product name that
 *   must exist), so those requests are rightly refused with 400 or 404.
 * - `use_after_free`, which expects a DELETEd resource to be gone. Gatehouse's DELETEs revoke a
 *   token or retire a product and keep the record readable (status `revoked` or `retired`), so
 *   that the audit trail and the product's history still resolve.
 *
 *   npm run test:api
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { manifest } from '../support/manifests';

const VENV_SH = path.resolve(__dirname, '..', '..', 'scripts', 'orchestrators', 'venv.sh');
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'openlineage');
/** The checks' settings (which statuses count as refusing invalid data). */
const CONFIG = path.join(__dirname, 'schemathesis.toml');

/**
 * Runs a command without blocking this process's event loop (the app under test runs on it), in a
 * scratch directory: schemathesis keeps its state in `.schemathesis/` of the working directory.
 */
function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'gatehouse-schemathesis-'));
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  }).finally(() => rmSync(cwd, { recursive: true, force: true }));
}

describe('the OpenAPI document, checked against the running service by schemathesis', () => {
  let t: TestApp;
  let schemathesis: string;

  beforeAll(async () => {
    schemathesis = path.join(execFileSync('bash', [VENV_SH, 'schemathesis'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim(), 'bin', 'schemathesis');
    t = await startTestApp();
    // Something to read: a product, and lineage of the shapes real producers send.
    expect((await t.request('POST', '/api/v1/data-products', { body: manifest('orders-daily') })).status).toBe(201);
    for (const name of ['airflow-dag-start.json', 'airflow-task-complete.json', 'spark-column-lineage.json']) {
      const body = (await import(path.join(FIXTURES, name))) as { default: unknown };
      expect((await t.request('POST', '/api/v1/lineage', { body: body.default })).status).toBe(200);
    }
  });
  afterAll(() => t?.close());

  it('answers every generated request as documented, and never with a server error', async () => {
    const { code, output } = await run(schemathesis, [
      '--config-file',
      CONFIG,
      'run',
      `${t.baseUrl}/openapi.json`,
      '--header',
      `Authorization: Bearer ${ADMIN_TOKEN}`,
      '--checks',
      'all',
      '--exclude-checks',
      'positive_data_acceptance,use_after_free',
      // The same requests every run, so that a failure is the service's and can be replayed
      // (deterministic mode ignores any seed).
      '--generation-deterministic',
      '--max-examples',
      '25',
      '--workers',
      '1',
    ]);
    // On failure the summary names each failing check with a curl command that reproduces it.
    expect({ code, summary: code === 0 ? '' : output.slice(-12_000) }).toEqual({ code: 0, summary: '' });
  });
});
