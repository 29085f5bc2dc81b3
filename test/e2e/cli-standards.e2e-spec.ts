import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main';
import { manifest } from '../support/manifests';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

const ORDERS = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders' };
const SCHEMA = [
  { name: 'order_id', logicalType: 'integer', required: true, primaryKey: true },
  { name: 'amount', logicalType: 'number' },
];

/** `gatehouse apply -f` with ODCS contracts and ODPS products beside Gatehouse manifests. */
describe('gatehouse apply with ODCS and ODPS documents', () => {
  let t: TestApp;
  let folder: string;
  beforeAll(async () => {
    t = await startTestApp();
    folder = await mkdtemp(join(tmpdir(), 'gatehouse-cli-standards-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  const write = async (file: string, text: string) => {
    await mkdir(join(folder, file, '..'), { recursive: true });
    await writeFile(join(folder, file), text);
  };
  async function cli(...paths: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['apply', ...paths.flatMap((p) => ['-f', p])], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { GATEHOUSE_URL: t.baseUrl, GATEHOUSE_TOKEN: ADMIN_TOKEN }, cwd: folder });
    return { code, stdout, stderr };
  }
  const get = async (path: string) => (await t.request('GET', path, { headers: { accept: 'application/json' } })).body;

  it('merges a contract into the manifest beside it, and an export applied again changes nothing', async () => {
    await write('orders/orders.yaml', stringify(manifest('orders', { spec: { outputs: [ORDERS] } })));
    const contract = {
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'orders-v1',
      version: '1.0.0',
      status: 'active',
      dataProduct: 'orders',
      servers: [{ server: 'prod', type: 'postgres', host: 'warehouse', port: 5432, database: 'analytics', schema: 'public' }],
      schema: [{ name: 'orders', physicalName: 'orders', properties: SCHEMA, quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }] }],
      slaProperties: [{ property: 'latency', value: 2, unit: 'h' }],
    };
    await write('orders/orders.odcs.yaml', stringify(contract));
    const r = await cli('orders');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      'created   orders   (orders/orders.yaml, orders/orders.odcs.yaml)',
      '  kept in spec.outputs[0].extensions.odcs (from orders/orders.odcs.yaml): schema[0].physicalName, id, servers',
      '1 created, 0 updated, 0 unchanged, 0 failed',
      '',
    ]);
    const product = await get('/api/v1/data-products/orders');
    expect(product.manifest.spec.sla).toEqual({ freshness: 'PT2H', schedule: '0 2 * * *' });
    expect(product.manifest.spec.outputs[0]).toEqual({ ...ORDERS, schema: SCHEMA, quality: contract.schema[0].quality, extensions: { odcs: { id: 'orders-v1', servers: contract.servers, schema: { physicalName: 'orders' } } } });

    // the exports, applied on their own, leave the product as it is
    const exported = await get(`/api/v1/data-products/orders/outputs/${encodeURIComponent(ORDERS.name)}/contract`);
    expect(exported).toMatchObject({ id: 'orders-v1', servers: contract.servers });
    await write('export/orders.odcs.json', JSON.stringify(exported));
    await write('export/orders.odps.json', JSON.stringify(await get('/api/v1/data-products/orders/odps')));
    const again = await cli('export');
    expect(again.stdout).toContain('unchanged orders   (export/orders.odcs.json, export/orders.odps.json)');
    expect(again.code).toBe(0);
  });

  it('creates a product from its ODPS document and contracts alone', async () => {
    const source = manifest('payments', { spec: { outputs: [{ namespace: 's3://lake', name: 'payments', schema: SCHEMA }] } });
    expect((await t.request('PUT', '/api/v1/data-products/payments', { body: source })).status).toBe(201);
    const odps = await get('/api/v1/data-products/payments/odps');
    const odcs = await get('/api/v1/data-products/payments/outputs/payments/contract');
    const renamed = (doc: Record<string, unknown>) =>
      JSON.parse(
        JSON.stringify(doc)
          .replaceAll('"gatehouseProduct","value":"payments"', '"gatehouseProduct","value":"payments-copy"')
          .replaceAll('"dataProduct":"payments"', '"dataProduct":"payments-copy"')
          .replaceAll('urn:gatehouse:data-product:payments"', 'urn:gatehouse:data-product:payments-copy"')
          .replaceAll('urn:gatehouse:contract:payments:', 'urn:gatehouse:contract:payments-copy:'),
      );
    await write('copy/payments.odps.yaml', stringify(renamed(odps)));
    await write('copy/payments.odcs.yaml', stringify(renamed(odcs)));
    const r = await cli('copy');
    expect(r.stdout.split('\n')).toEqual(['created   payments-copy   (copy/payments.odcs.yaml, copy/payments.odps.yaml)', '1 created, 0 updated, 0 unchanged, 0 failed', '']);
    const copy = (await get('/api/v1/data-products/payments-copy')).manifest;
    expect({ ...copy, metadata: { ...copy.metadata, name: 'payments' } }).toEqual((await get('/api/v1/data-products/payments')).manifest);
  });

  it('merges a contract into the product the server has, and refuses one it cannot place, naming the field', async () => {
    await write('later/amount.odcs.yaml', stringify({ apiVersion: 'v3.2.0', kind: 'DataContract', id: 'x', version: '2.0.0', status: 'draft', dataProduct: 'orders', schema: [{ name: 'orders', properties: [{ name: 'order_id', logicalType: 'integer' }] }] }));
    await write('later/stray.odcs.yaml', stringify({ apiVersion: 'v3.1.0', kind: 'DataContract', id: 'y', version: '1.0.0', status: 'draft', schema: [] }));
    const r = await cli('later');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'updated   orders   (later/amount.odcs.yaml)',
      '  kept in spec.outputs[0].extensions.odcs (from later/amount.odcs.yaml): id',
      'error     later/stray.odcs.yaml: The ODCS document names no Gatehouse product.',
      "  - customProperties: names no Gatehouse product: add the custom property gatehouseProduct, or set dataProduct to the product's name",
      '1 created, 1 updated, 0 unchanged, 1 failed'.replace('1 created', '0 created'),
      '',
    ]);
    const output = (await get('/api/v1/data-products/orders')).manifest.spec.outputs[0];
    expect(output.schema).toEqual([{ name: 'order_id', logicalType: 'integer' }]);
    expect(output.extensions).toEqual({ odcs: { id: 'x' } });
  });
});
