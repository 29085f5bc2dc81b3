import { parse } from 'yaml';
import { manifest } from '../support/manifests';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const ORDERS = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders' };
const SCHEMA = [
  { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true, primaryKey: true },
  { name: 'customer', logicalType: 'object', properties: [{ name: 'email', logicalType: 'string', classification: 'restricted' }] },
];

/** ODCS and ODPS exports of a product (HTTP). */
describe('ODCS contracts and ODPS products (HTTP)', () => {
  let t: TestApp;
  let documented: ResponseCheck;
  beforeAll(async () => {
    t = await startTestApp();
    documented = await documentedResponses(t);
    const body = manifest('orders', { spec: { outputs: [{ ...ORDERS, schema: SCHEMA, quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }] }, { namespace: 's3://lake', name: 'analytics.public.orders' }] } });
    expect((await t.request('PUT', '/api/v1/data-products/orders', { body })).status).toBe(201);
    const revised = manifest('orders', { spec: { outputs: [{ ...ORDERS, schema: SCHEMA.slice(0, 1) }] } });
    expect((await t.request('PUT', '/api/v1/data-products/orders', { body: revised })).status).toBe(200);
  });
  afterAll(() => t.close());

  const path = (output: string, query = '') => `/api/v1/data-products/orders/outputs/${encodeURIComponent(output)}/contract${query}`;

  it("answers an output's contract as ODCS v3.1.0 YAML, and as JSON when asked", async () => {
    const r = await t.request('GET', path(ORDERS.name), { headers: { accept: 'application/yaml' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/yaml');
    const contract = parse(r.text);
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: `urn:gatehouse:contract:orders:${ORDERS.namespace}/${ORDERS.name}`,
      version: '2.0.0',
      status: 'active',
      domain: 'sales',
      dataProduct: 'orders',
      team: { name: 'team:sales-data' },
      schema: [{ name: 'orders', physicalName: ORDERS.name, properties: SCHEMA.slice(0, 1) }],
      slaProperties: [{ property: 'latency', value: 6, unit: 'h' }, { property: 'frequency', schedule: '0 2 * * *' }],
    });
    expect(contract.customProperties).toEqual(expect.arrayContaining([{ property: 'gatehouseTier', value: 1 }, { property: 'gatehouseBindings', value: expect.any(Array) }]));

    const json = await t.request('GET', path(ORDERS.name, `?namespace=${encodeURIComponent(ORDERS.namespace)}`), { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body).toEqual(contract);
    expect(documented('GET', '/api/v1/data-products/{name}/outputs/{output}/contract', json.body)).toEqual([]);
  });

  it('exports an earlier revision', async () => {
    const r = await t.request('GET', path(ORDERS.name, `?namespace=${encodeURIComponent(ORDERS.namespace)}&revision=1`), { headers: { accept: 'application/json' } });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe('1.0.0');
    expect(r.body.schema[0].properties).toEqual(SCHEMA);
    expect(r.body.schema[0].quality).toEqual([{ metric: 'rowCount', mustBeGreaterThan: 0 }]);
  });

  it('answers the product as ODPS v1.0.0 whose output ports name their contracts', async () => {
    const r = await t.request('GET', '/api/v1/data-products/orders/odps');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/yaml');
    const product = parse(r.text);
    expect(product).toMatchObject({ apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'urn:gatehouse:data-product:orders', version: '2.0.0', status: 'active' });
    const contract = (await t.request('GET', path(ORDERS.name), { headers: { accept: 'application/json' } })).body;
    expect(product.outputPorts).toEqual([expect.objectContaining({ name: ORDERS.name, version: '2.0.0', contractId: contract.id })]);
    const json = await t.request('GET', '/api/v1/data-products/orders/odps?revision=1', { headers: { accept: 'application/json' } });
    expect(json.body.outputPorts).toHaveLength(2);
    expect(documented('GET', '/api/v1/data-products/{name}/odps', json.body)).toEqual([]);
  });

  it('answers problems naming the field', async () => {
    const ambiguous = await t.request('GET', path(ORDERS.name, '?revision=1'));
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.headers.get('content-type')).toContain('application/problem+json');
    expect(ambiguous.body.errors).toEqual([{ field: 'query.namespace', message: expect.stringContaining('s3://lake') }]);
    const missing = await t.request('GET', path('analytics.public.nothing'));
    expect(missing.status).toBe(404);
    expect(missing.body.errors).toEqual([{ field: 'output', message: `declared outputs: ${ORDERS.name}` }]);
    const badRevision = await t.request('GET', path(ORDERS.name, '?revision=zero'));
    expect(badRevision.status).toBe(400);
    expect(badRevision.body.errors).toEqual([expect.objectContaining({ field: 'query.revision' })]);
    expect((await t.request('GET', '/api/v1/data-products/nothing/odps')).status).toBe(404);
    expect((await t.request('GET', '/api/v1/data-products/orders/odps?revision=9')).status).toBe(404);
  });
});
