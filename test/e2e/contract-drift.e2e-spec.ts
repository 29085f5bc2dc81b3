import { manifest } from '../support/manifests';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { runEvent } from '../support/openlineage';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually, startWebhookReceiver } from '../support/webhook-receiver';

const OUTPUT = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders' };
const ID = `dataset:${OUTPUT.namespace}:${OUTPUT.name}`;
const SCHEMA = [
  { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true },
  { name: 'amount', logicalType: 'number' },
  { name: 'customer', logicalType: 'object', properties: [{ name: 'email', logicalType: 'string' }] },
];
const facet = (version: string, fields: unknown[]) => ({ _producer: 'https://example.com/p', _schemaURL: `https://openlineage.io/spec/facets/${version}/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet`, fields });

/** Observed schemas from lineage against declared ones; drift opened and resolved like an SLA breach (HTTP). */
describe('contract drift (HTTP)', () => {
  let t: TestApp;
  let documented: ResponseCheck;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({
      lineageEnvironments: { 'spark-staging': 'staging', 'spark-prod': 'prod' },
      webhooks: { urls: [receiver.url], format: 'json', pollMs: 50, retryBaseMs: 50, maxAttempts: 3 },
    });
    documented = await documentedResponses(t);
    expect((await t.request('PUT', '/api/v1/data-products/orders', { body: manifest('orders', { spec: { outputs: [{ ...OUTPUT, schema: SCHEMA }] } }) })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const report = async (namespace: string, schema: object, eventTime = new Date().toISOString(), eventType = 'COMPLETE') => {
    const r = await t.request('POST', '/api/v1/lineage', { body: runEvent({ job: 'orders_job', namespace, eventTime, eventType, outputs: [{ ...OUTPUT, facets: { schema } }] }) });
    expect(r.status).toBeLessThan(300);
  };
  const evaluate = async () => {
    const r = await t.request('POST', '/api/v1/contracts/drift/evaluate');
    expect(documented('POST', '/api/v1/contracts/drift/evaluate', r.body)).toEqual([]);
    return r.body;
  };
  // Lineage with outputs also starts an evaluation of its own (a second later): what is open is read back, not
  // taken from the answer of whichever evaluation happened to see the change first.
  const openDrift = async () => {
    await evaluate();
    const r = await t.request('GET', '/api/v1/contracts/drift?open=true');
    expect(documented('GET', '/api/v1/contracts/drift', r.body)).toEqual([]);
    return r.body.items;
  };
  const contract = async () => {
    const r = await t.request('GET', '/api/v1/data-products/orders/contract');
    expect(r.status).toBe(200);
    expect(documented('GET', '/api/v1/data-products/{name}/contract', r.body)).toEqual([]);
    return r.body;
  };

  it('shows the declared schema and nothing observed before lineage reports a schema', async () => {
    const c = await contract();
    expect(c.outputs).toEqual([expect.objectContaining({ output: ID, declared: SCHEMA, environments: ['dev', 'staging', 'prod'].map((environment) => ({ environment, observed: null, findings: [] })) })]);
    expect(c.openDrift).toEqual([]);
    expect((await evaluate()).opened).toEqual([]);
  });

  it('opens a drift from a schema facet of any version, shows it with the product, and announces it', async () => {
    // 1-0-0 facet, matching, in staging; a drifting 1-2-0 facet (retyped and missing fields, one undeclared) in prod
    await report('spark-staging', facet('1-0-0', [{ name: 'order_id', type: 'bigint' }, { name: 'amount', type: 'DECIMAL(12,2)' }, { name: 'customer', type: 'struct', fields: [{ name: 'email', type: 'varchar' }] }]));
    await report('spark-prod', facet('1-2-0', [{ name: 'order_id', type: 'varchar', ordinal_position: 1 }, { name: 'customer', type: 'struct', fields: [] }, { name: 'coupon', type: 'string' }]));
    const open = await openDrift();
    expect(open).toEqual([expect.objectContaining({ product: 'orders', output: ID, environment: 'prod', revision: 1, resolvedAt: null })]);
    expect(open[0].findings).toEqual([
      { kind: 'type', field: 'order_id', declared: 'BIGINT', observed: 'varchar' },
      { kind: 'missing', field: 'amount', declared: 'number', observed: null },
      { kind: 'missing', field: 'customer.email', declared: 'string', observed: null },
      { kind: 'undeclared', field: 'coupon', declared: null, observed: 'string' },
    ]);
    expect((await evaluate()).opened).toEqual([]); // evaluating again opens nothing new
    expect(await openDrift()).toHaveLength(1);
    const c = await contract();
    const [staging, prod] = [c.outputs[0].environments[1], c.outputs[0].environments[2]];
    expect(staging).toMatchObject({ environment: 'staging', findings: [], observed: { dataset: ID, facetVersion: expect.stringContaining('1-0-0'), job: 'spark-staging/orders_job' } });
    expect(prod.findings).toHaveLength(4);
    expect(c.openDrift).toEqual([expect.objectContaining({ environment: 'prod', findings: prod.findings })]);
    const metrics = (await t.request('GET', '/metrics')).text;
    expect(metrics).toMatch(/gatehouse_contract_drift\{product="orders",environment="prod"\} 1/);
    expect(metrics).toMatch(/gatehouse_contract_drift_transitions_total\{transition="opened"\} 1/);
    const event = await eventually(() => receiver.received.find((r) => JSON.parse(r.body).type === 'contract.drifted'), Boolean, 5000);
    expect(JSON.parse(event!.body)).toMatchObject({ type: 'contract.drifted', data: { product: 'orders', environment: 'prod', output: ID }, summary: expect.stringContaining('order_id is varchar, declared BIGINT') });
  });

  it('ignores older reports and failed runs, and resolves the drift once the observed schema matches', async () => {
    await report('spark-prod', facet('1-1-1', [{ name: 'order_id', type: 'bigint' }]), '2020-01-01T00:00:00Z');
    await report('spark-prod', facet('1-1-1', [{ name: 'order_id', type: 'bigint' }]), undefined, 'FAIL');
    expect((await openDrift()).map((d: { environment: string }) => d.environment)).toEqual(['prod']);
    await report('spark-prod', facet('1-1-1', [{ name: 'order_id', type: 'BIGINT' }, { name: 'amount', type: 'double' }, { name: 'customer', type: 'struct', fields: [{ name: 'email', type: 'string' }] }]));
    expect(await openDrift()).toEqual([]);
    expect((await contract()).openDrift).toEqual([]);
    expect((await t.request('GET', '/api/v1/contracts/drift?open=false')).body.items).toEqual([expect.objectContaining({ environment: 'prod', resolvedAt: expect.any(String) })]);
    await eventually(() => receiver.received.find((r) => JSON.parse(r.body).type === 'contract.drift-resolved'), Boolean, 5000);
  });

  it('compares with the current declaration: fields no longer declared resolve one drift and open another', async () => {
    await report('spark-staging', facet('1-2-0', [{ name: 'order_id', type: 'bigint' }]));
    expect(await openDrift()).toEqual([expect.objectContaining({ environment: 'staging' })]);
    expect((await t.request('PATCH', '/api/v1/data-products/orders', { body: { spec: { outputs: [{ ...OUTPUT, schema: [SCHEMA[0]] }] } } })).status).toBe(200);
    // staging observed only order_id: it matches now; prod observes fields the product no longer declares
    expect(await openDrift()).toEqual([expect.objectContaining({ environment: 'prod', revision: 2, findings: [expect.objectContaining({ kind: 'undeclared', field: 'amount' }), expect.objectContaining({ kind: 'undeclared', field: 'customer' })] })]);
  });
});
