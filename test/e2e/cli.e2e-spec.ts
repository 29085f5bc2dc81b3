import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main';
import { manifest } from '../support/manifests';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const BUILT_CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** A loopback port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

describe('gatehouse apply (CLI against a running Gatehouse)', () => {
  let t: TestApp;
  let folder: string;

  beforeAll(async () => {
    t = await startTestApp();
    folder = await mkdtemp(join(tmpdir(), 'gatehouse-cli-'));
    await write('sales/orders-hourly.yaml', stringify(manifest('orders-hourly')));
    await write('customers.yaml', [manifest('crm-profiles'), manifest('crm-segments')].map((m) => stringify(m)).join('---\n'));
    await write('kpis.json', JSON.stringify(manifest('sales-kpis'), null, 2));
  });
  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  const write = async (file: string, text: string) => {
    await mkdir(join(folder, file, '..'), { recursive: true });
    await writeFile(join(folder, file), text);
  };

  /** Runs the CLI in-process from `folder`, with the server and token in the environment as a CI job would. */
  async function cli(args: string[], env: Record<string, string> = { GATEHOUSE_URL: t.baseUrl, GATEHOUSE_TOKEN: ADMIN_TOKEN }): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env, cwd: folder });
    return { code, stdout, stderr };
  }

  it('creates everything on the first run, in file order', async () => {
    const r = await cli(['apply', '-f', '.']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'created   crm-profiles    (customers.yaml)',
        'created   crm-segments    (customers.yaml)',
        'created   sales-kpis      (kpis.json)',
        'created   orders-hourly   (sales/orders-hourly.yaml)',
        '4 created, 0 updated, 0 unchanged, 0 failed',
        '',
      ].join('\n'),
    });
    expect((await t.request('GET', '/api/v1/data-products/crm-segments')).body).toMatchObject({ name: 'crm-segments', revision: 1 });
  });

  it('changes nothing on the second run', async () => {
    const r = await cli(['apply', '-f', '.']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^unchanged /gm)).toHaveLength(4);
    expect(r.stdout).toMatch(/^0 created, 0 updated, 4 unchanged, 0 failed$/m);
  });

  it('updates the one manifest that changed', async () => {
    await write('kpis.json', JSON.stringify(manifest('sales-kpis', { spec: { tier: 2 } })));
    const r = await cli(['apply', '-f', folder]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`updated   sales-kpis      (${join(folder, 'kpis.json')})`);
    expect(r.stdout).toMatch(/^0 created, 1 updated, 3 unchanged, 0 failed$/m);
    expect((await t.request('GET', '/api/v1/data-products/sales-kpis')).body.revision).toBe(2);
  });

  it('prints the field errors of an invalid manifest, applies the valid ones and exits 1', async () => {
    await write('new/broken.yaml', stringify(manifest('broken-product', { metadata: { owner: 'ana@example.com' }, spec: { tier: 9 } })));
    await write('new/fresh.yaml', stringify(manifest('fresh-product')));
    await write('new/unnamed.yaml', stringify({ apiVersion: 'gatehouse/v1', kind: 'DataProduct', metadata: { title: 'No name' } }));
    await write('new/tabs.yml', 'metadata:\n  name: x\n\ttitle: y\n');
    const r = await cli(['apply', '-f', 'new', '-f', 'sales']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'error     broken-product (new/broken.yaml): The data product manifest is invalid.',
      expect.stringMatching(/^ {2}- metadata\.owner: must be a team reference/),
      expect.stringMatching(/^ {2}- spec\.tier: .+/),
      'created   fresh-product    (new/fresh.yaml)',
      'error     new/tabs.yml: invalid YAML at line 3, column 1: Tabs are not allowed as indentation',
      'error     new/unnamed.yaml: The manifest cannot be applied without a name.',
      '  - metadata.name: is required',
      'unchanged orders-hourly    (sales/orders-hourly.yaml)',
      '1 created, 0 updated, 1 unchanged, 3 failed',
      '',
    ]);
    expect((await t.request('GET', '/api/v1/data-products/fresh-product')).status).toBe(200);
    expect((await t.request('GET', '/api/v1/data-products/broken-product')).status).toBe(404);
  });

  it('stops with a clear message when the token is refused, never printing it', async () => {
    const r = await cli(['apply', '-f', 'sales', '--token', 'not-the-right-token-42'], { GATEHOUSE_URL: t.baseUrl });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`gatehouse: Gatehouse at ${t.baseUrl} refused the token (401 Unauthorized); check --token or GATEHOUSE_TOKEN\n`);
    expect(r.stdout).toBe('0 created, 0 updated, 0 unchanged, 1 failed\n');
    expect(r.stdout + r.stderr).not.toContain('not-the-right-token-42');
  });

  it('names the server it cannot reach', async () => {
    const server = `http://127.0.0.1:${await closedPort()}`;
    const r = await cli(['apply', '-f', 'sales', '--server', server], { GATEHOUSE_TOKEN: ADMIN_TOKEN });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^gatehouse: cannot reach Gatehouse at ${server} \\(ECONNREFUSED\\); is it running\\?`));
    expect(r.stdout + r.stderr).not.toContain(ADMIN_TOKEN);
  });

  it('exits 2 with the usage for a path that does not exist', async () => {
    const r = await cli(['apply', '-f', 'no-such-folder/']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gatehouse: no such file or folder: no-such-folder\/\n\nUsage: gatehouse apply -f/);
  });

  it('prints the usage for help', async () => {
    for (const args of [['--help'], ['help'], ['apply', '-h']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: gatehouse apply -f <file-or-folder>/);
    }
  });

  // jest runs from the sources; the launcher needs `npm run build` output, so this only runs after a build.
  (existsSync(BUILT_CLI) ? it : it.skip)('works through bin/gatehouse.js as a separate process on the shipped examples', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, GATEHOUSE_URL: t.baseUrl, GATEHOUSE_TOKEN: ADMIN_TOKEN };
    const first = await run(process.execPath, [join(ROOT, 'bin', 'gatehouse.js'), 'apply', '-f', 'examples/products/'], { cwd: ROOT, env });
    expect(first.stdout).toBe(
      [
        'created   customer-profiles   (examples/products/customers.yaml)',
        'created   customer-segments   (examples/products/customers.yaml)',
        'created   orders-daily        (examples/products/sales/orders-daily.yaml)',
        '3 created, 0 updated, 0 unchanged, 0 failed',
        '',
      ].join('\n'),
    );
    const failed = await run(process.execPath, [join(ROOT, 'bin', 'gatehouse.js'), 'apply', '-f', 'examples/products/', '--token', 'wrong-token-xyz'], { cwd: ROOT, env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('refused the token') });
  });
});
