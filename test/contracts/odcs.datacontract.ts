/**
 * Gatehouse's ODCS contracts against the reference tool, datacontract-cli (a pinned venv from
 * scripts/orchestrators/datacontract.lock, built by venv.sh):
 * - `datacontract lint` accepts every contract Gatehouse exports for a set of representative
 *   products (the examples, every kind of declared field, quality rules, an SLA, kept fields);
 * - a contract datacontract-cli produces (`datacontract import sql`) is applied with
 *   `gatehouse apply -f` beside a manifest, and what comes back out is the same contract to
 *   `datacontract breaking` in both perspectives;
 * - on a corpus of revision pairs, Gatehouse's breaking verdict (the revision diff) agrees with
 *   `datacontract breaking` (its default, consumer perspective) on the two revisions' exports,
 *   except for the deliberate differences listed in DELIBERATE (and in the README).
 *
 *   npm run test:contracts
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { runCli } from '../../src/cli/main';
import { manifest } from '../support/manifests';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

const ROOT = path.resolve(__dirname, '..', '..');
const VENV_SH = path.join(ROOT, 'scripts', 'orchestrators', 'venv.sh');

interface Run {
  code: number;
  output: string;
}

/** Runs datacontract-cli without blocking the event loop (the app under test runs on it). */
function datacontract(bin: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(bin, args, { cwd, env: { ...process.env, NO_COLOR: '1', COLUMNS: '200' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

const OUTPUT = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders' };

/** A representative declared schema: every attribute Gatehouse maps, nested properties and array items. */
const RICH_SCHEMA = [
  { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true, unique: true, primaryKey: true, description: 'The order' },
  { name: 'placed_at', logicalType: 'timestamp', physicalType: 'TIMESTAMPTZ', required: true },
  {
    name: 'customer',
    logicalType: 'object',
    properties: [
      { name: 'email', logicalType: 'string', physicalType: 'VARCHAR(200)', classification: 'restricted' },
      { name: 'address', logicalType: 'object', properties: [{ name: 'city', logicalType: 'string' }] },
    ],
  },
  { name: 'lines', logicalType: 'array', items: { logicalType: 'object', properties: [{ name: 'sku', logicalType: 'string', required: true }] } },
  { name: 'amount', logicalType: 'number', physicalType: 'DECIMAL(10,2)' },
];

/** Revision pairs: [case, spec of revision 1, spec of revision 2] of a product with one output. */
type Spec = Record<string, unknown>;
const schemaSpec = (schema: unknown[], spec: Spec = {}): Spec => ({ outputs: [{ ...OUTPUT, schema }], ...spec });
const BASE = [
  { name: 'id', logicalType: 'integer', physicalType: 'BIGINT', required: true, unique: true, primaryKey: true },
  { name: 'email', logicalType: 'string', classification: 'confidential', description: 'Contact' },
  { name: 'note', logicalType: 'string' },
  { name: 'address', logicalType: 'object', properties: [{ name: 'city', logicalType: 'string' }, { name: 'zip', logicalType: 'string' }] },
  { name: 'tags', logicalType: 'array', items: { logicalType: 'string' } },
];
const change = (i: number, patch: Record<string, unknown>) => BASE.map((p, j) => (j === i ? { ...p, ...patch } : p));
const drop = (i: number, key: string) => BASE.map((p, j) => (j === i ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== key)) : p));

const CORPUS: [string, Spec, Spec][] = [
  ['field removed', schemaSpec(BASE), schemaSpec(BASE.filter((p) => p.name !== 'note'))],
  ['field renamed', schemaSpec(BASE), schemaSpec(change(2, { name: 'remark' }))],
  ['nested field removed', schemaSpec(BASE), schemaSpec(change(3, { properties: [{ name: 'city', logicalType: 'string' }] }))],
  ['optional field added', schemaSpec(BASE), schemaSpec([...BASE, { name: 'channel', logicalType: 'string' }])],
  ['required field added', schemaSpec(BASE), schemaSpec([...BASE, { name: 'channel', logicalType: 'string', required: true }])],
  ['logical type changed', schemaSpec(BASE), schemaSpec(change(2, { logicalType: 'integer' }))],
  ['physical type changed', schemaSpec(BASE), schemaSpec(change(0, { physicalType: 'INTEGER' }))],
  ['array item type changed', schemaSpec(BASE), schemaSpec(change(4, { items: { logicalType: 'integer' } }))],
  ['type declared where none was', schemaSpec(drop(2, 'logicalType')), schemaSpec(BASE)],
  ['declared type dropped', schemaSpec(BASE), schemaSpec(drop(2, 'logicalType'))],
  ['required relaxed', schemaSpec(BASE), schemaSpec(change(0, { required: false }))],
  ['required tightened', schemaSpec(BASE), schemaSpec(change(2, { required: true }))],
  ['unique relaxed', schemaSpec(BASE), schemaSpec(change(0, { unique: false }))],
  ['unique tightened', schemaSpec(BASE), schemaSpec(change(2, { unique: true }))],
  ['primary key removed', schemaSpec(BASE), schemaSpec(change(0, { primaryKey: false }))],
  ['primary key added', schemaSpec(drop(0, 'primaryKey')), schemaSpec(BASE)],
  ['field classification raised', schemaSpec(BASE), schemaSpec(change(1, { classification: 'restricted' }))],
  ['field classification lowered', schemaSpec(BASE), schemaSpec(change(1, { classification: 'internal' }))],
  ['description changed', schemaSpec(BASE), schemaSpec(change(1, { description: 'Where to reach the customer' }))],
  ['personal data added', schemaSpec(BASE, { containsPii: false }), schemaSpec(BASE, { containsPii: true })],
  ['product classification raised', schemaSpec(BASE), schemaSpec(BASE, { classification: 'restricted' })],
  ['freshness loosened', schemaSpec(BASE), schemaSpec(BASE, { sla: { freshness: 'PT12H', schedule: '0 2 * * *' } })],
  ['freshness tightened', schemaSpec(BASE), schemaSpec(BASE, { sla: { freshness: 'PT1H', schedule: '0 2 * * *' } })],
  ['tags changed', schemaSpec(BASE), schemaSpec(BASE, {})],
];

/**
 * Where Gatehouse's verdict deliberately differs from `datacontract breaking` (consumer perspective),
 * and why. Each entry must still differ: a case that starts to agree fails here, so the list (and
 * the README, which repeats it) stays true.
 */
const DELIBERATE: Record<string, { gatehouse: boolean; datacontract: boolean; producer?: boolean; why: string }> = {
  'required tightened': { gatehouse: true, datacontract: false, producer: true, why: 'existing rows may not fit: the producer-side break, which datacontract-cli reports only with --perspective producer; a promotion waits for readers either way' },
  'unique tightened': { gatehouse: true, datacontract: false, producer: true, why: 'as required tightened: existing data may no longer fit' },
  'field classification raised': { gatehouse: true, datacontract: false, why: 'readers may lose access or take on obligations; datacontract-cli treats classification as metadata' },
  'personal data added': { gatehouse: true, datacontract: false, why: 'readers take on obligations; ODCS has no personal-data field (a Gatehouse custom property, metadata to datacontract-cli)' },
  'product classification raised': { gatehouse: true, datacontract: false, why: 'as field classification raised, for the product (a custom property to datacontract-cli)' },
  'declared type dropped': { gatehouse: false, datacontract: true, why: 'Gatehouse asks for review: the field and its data are unchanged, only the declaration is less precise' },
};

describe('Gatehouse contracts against datacontract-cli', () => {
  let t: TestApp;
  let bin: string;
  let work: string;

  beforeAll(async () => {
    const venv = execFileSync('bash', [VENV_SH, 'datacontract'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    bin = path.join(venv, 'bin', 'datacontract');
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    work = mkdtempSync(path.join(tmpdir(), 'gatehouse-datacontract-'));
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const put = async (body: unknown) => {
    const name = (body as { metadata: { name: string } }).metadata.name;
    const r = await t.request('PUT', `/api/v1/data-products/${name}`, { body });
    if (r.status >= 300) throw new Error(`PUT ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const contractPath = (product: string, output: { namespace: string; name: string }, revision?: number) =>
    `/api/v1/data-products/${product}/outputs/${encodeURIComponent(output.name)}/contract?namespace=${encodeURIComponent(output.namespace)}${revision ? `&revision=${revision}` : ''}`;
  const exportTo = async (file: string, product: string, output: { namespace: string; name: string }, revision?: number) => {
    const r = await t.request('GET', contractPath(product, output, revision));
    if (r.status !== 200) throw new Error(`export ${product}: ${r.status} ${r.text}`);
    writeFileSync(path.join(work, file), r.text);
    return parse(r.text) as Record<string, unknown>;
  };
  async function apply(folder: string) {
    let stdout = '';
    const code = await runCli(['apply', '-f', folder], { stdout: (s) => void (stdout += s), stderr: (s) => void (stdout += s), env: { GATEHOUSE_URL: t.baseUrl, GATEHOUSE_TOKEN: ADMIN_TOKEN }, cwd: work });
    return { code, stdout };
  }

  it('lints every contract Gatehouse exports for representative products', async () => {
    const examples = ['customers.yaml', 'sales/orders-daily.yaml'].flatMap((f) =>
      parseAllDocuments(readFileSync(path.join(ROOT, 'examples', 'products', f), 'utf8')).map((d) => d.toJS() as Record<string, unknown>),
    );
    const products = [
      ...examples,
      manifest('rich-orders', {
        spec: {
          sla: { freshness: 'P1W', schedule: '@daily' },
          outputs: [
            { ...OUTPUT, schema: RICH_SCHEMA, quality: [{ type: 'library', metric: 'rowCount', mustBeGreaterThan: 0 }, { type: 'sql', query: 'SELECT COUNT(*) FROM orders WHERE amount < 0', mustBe: 0 }] },
            { namespace: 's3://lake', name: 'orders/parquet' },
          ],
        },
      }),
      manifest('bare', { metadata: { stewards: [], tags: [] }, spec: { description: '', tier: 4, classification: 'public', containsPii: false, sla: undefined, bindings: [], outputs: [{ namespace: 'kafka://broker:9092', name: 'bare-events' }] } }),
    ];
    const files: string[] = [];
    for (const body of products) {
      await put(body);
      const m = body as { metadata: { name: string }; spec: { outputs: { namespace: string; name: string }[] } };
      for (const [i, output] of m.spec.outputs.entries()) {
        const file = `${m.metadata.name}-${i}.odcs.yaml`;
        await exportTo(file, m.metadata.name, output);
        files.push(file);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const r = await datacontract(bin, ['lint', file], work);
      if (r.code !== 0 || !/valid/i.test(r.output)) throw new Error(`datacontract lint ${file} failed (${r.code}):\n${r.output}\n${readFileSync(path.join(work, file), 'utf8')}`);
    }
  });

  it('applies a contract datacontract-cli produced, and exports it back unchanged to datacontract-cli', async () => {
    writeFileSync(
      path.join(work, 'orders.sql'),
      'CREATE TABLE orders (\n  order_id BIGINT NOT NULL PRIMARY KEY,\n  customer_email VARCHAR(200),\n  amount DECIMAL(10,2) NOT NULL,\n  placed_at TIMESTAMP\n);\n',
    );
    const imported = await datacontract(bin, ['import', 'sql', '--source', 'orders.sql', '--dialect', 'postgres', '--output', 'peer.odcs.yaml'], work);
    expect(imported.code).toBe(0);
    const peer = parse(readFileSync(path.join(work, 'peer.odcs.yaml'), 'utf8')) as Record<string, unknown>;
    // The one edit a user makes: say which Gatehouse product the contract belongs to.
    const folder = mkdtempSync(path.join(work, 'peer-'));
    writeFileSync(path.join(folder, 'orders.odcs.yaml'), stringify({ ...peer, dataProduct: 'peer-orders' }));
    writeFileSync(path.join(folder, 'peer-orders.yaml'), stringify(manifest('peer-orders', { spec: { outputs: [OUTPUT] } })));
    const r = await apply(path.basename(folder));
    expect(r.stdout).toContain('created   peer-orders');
    expect(r.code).toBe(0);

    const product = (await t.request('GET', '/api/v1/data-products/peer-orders')).body;
    expect(product.manifest.spec.outputs[0].schema).toEqual([
      { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true, unique: true, primaryKey: true },
      { name: 'customer_email', logicalType: 'string', physicalType: 'VARCHAR(200)' },
      { name: 'amount', logicalType: 'number', physicalType: 'DECIMAL(10, 2)', required: true },
      { name: 'placed_at', logicalType: 'timestamp', physicalType: 'TIMESTAMP' },
    ]);
    // what Gatehouse does not model is kept with the revision
    const kept = product.manifest.spec.outputs[0].extensions.odcs;
    expect(kept).toMatchObject({ id: peer.id, name: peer.name, servers: peer.servers, properties: { order_id: { primaryKeyPosition: 1 }, customer_email: { logicalTypeOptions: { maxLength: 200 } } } });

    // and comes back out: the export lints, and to datacontract-cli nothing that matters changed
    await exportTo('peer-export.odcs.yaml', 'peer-orders', OUTPUT);
    expect((await datacontract(bin, ['lint', 'peer-export.odcs.yaml'], work)).code).toBe(0);
    for (const perspective of ['consumer', 'producer']) {
      const b = await datacontract(bin, ['breaking', '--no-inline-references', '--perspective', perspective, 'peer.odcs.yaml', 'peer-export.odcs.yaml'], work);
      if (b.code !== 0) throw new Error(`datacontract breaking (${perspective}) between the peer's contract and Gatehouse's export:\n${b.output}`);
    }
  });

  it("agrees with datacontract breaking on a corpus of revision pairs, but for the deliberate differences", async () => {
    const verdicts: { case: string; gatehouse: boolean; datacontract: boolean; rules: string[] }[] = [];
    for (const [i, [name, before, after]] of CORPUS.entries()) {
      const product = `pair-${i}`;
      const tags = name === 'tags changed' ? { metadata: { tags: ['finance', 'orders'] } } : {};
      await put(manifest(product, { spec: before }));
      await put(manifest(product, { ...tags, spec: after }));
      const diff = await t.request('GET', `/api/v1/data-products/${product}/diff?from=1&to=2`);
      expect(diff.status).toBe(200);
      await exportTo(`${product}-1.odcs.yaml`, product, OUTPUT, 1);
      await exportTo(`${product}-2.odcs.yaml`, product, OUTPUT, 2);
      const b = await datacontract(bin, ['breaking', '--no-inline-references', `${product}-1.odcs.yaml`, `${product}-2.odcs.yaml`], work);
      // exit 1 is also how it fails; a verdict always names its perspective
      if ((b.code !== 0 && b.code !== 1) || !/Perspective:/.test(b.output)) throw new Error(`datacontract breaking failed on ${name} (${b.code}):\n${b.output}`);
      if (DELIBERATE[name]?.producer) {
        const producer = await datacontract(bin, ['breaking', '--no-inline-references', '--perspective', 'producer', `${product}-1.odcs.yaml`, `${product}-2.odcs.yaml`], work);
        expect({ case: name, producerBreaking: producer.code === 1 }).toEqual({ case: name, producerBreaking: true });
      }
      verdicts.push({ case: name, gatehouse: diff.body.contract.breaking, datacontract: b.code === 1, rules: diff.body.contract.changes.map((c: { rule: string }) => c.rule) });
    }
    process.stdout.write(
      `${verdicts.map((v) => `${v.case.padEnd(32)} gatehouse ${v.gatehouse ? 'breaking' : 'not    '}  datacontract ${v.datacontract ? 'breaking' : 'not    '}  ${v.rules.join(', ')}`).join('\n')}\n`,
    );
    const unexpected = verdicts.filter((v) => {
      const deliberate = DELIBERATE[v.case];
      return deliberate ? deliberate.gatehouse !== v.gatehouse || deliberate.datacontract !== v.datacontract : v.gatehouse !== v.datacontract;
    });
    expect(unexpected).toEqual([]);
    expect(verdicts.filter((v) => v.gatehouse === v.datacontract).length).toBe(CORPUS.length - Object.keys(DELIBERATE).length);
  });
});
