import { manifest } from '../support/manifests';
import { runEvent } from '../support/openlineage';
import { documentedResponses } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const WH = 'postgres://warehouse:5432';
const ds = (name: string, facets?: Record<string, unknown>) => ({ namespace: WH, name, ...(facets ? { facets } : {}) });
const id = (name: string) => `dataset:${WH}:${name}`;
const SCHEMA = {
  _producer: 'https://example.com/tests',
  _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet',
  fields: [
    { name: 'id', type: 'bigint', description: 'order id' },
    { name: 'address', type: 'struct', fields: [{ name: 'city', type: 'string' }] },
  ],
};

/**
 * raw.orders --(airflow-prod-ns orders_daily.load)--> orders_daily [orders-daily, declared; DAG orders_daily bound]
 *   --(airflow-prod-ns revenue.build)--> revenue
 * plus a fan-out: raw.orders --(spark fanout.split)--> part_00 … part_24
 */
describe('lineage explorer API (HTTP)', () => {
  let t: TestApp;
  const loadRun = '11111111-1111-4111-8111-111111111111';
  beforeAll(async () => {
    t = await startTestApp({
      orchestrators: [
        { kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'p' }, lineageNamespace: 'airflow-prod-ns' },
      ],
    });
    const put = async (name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
      expect((await t.request('PUT', `/api/v1/data-products/${name}`, { body: manifest(name, { spec, metadata }) })).status).toBe(201);
    await put('orders-daily', { outputs: [ds('analytics.orders_daily')], bindings: [{ orchestrator: 'airflow-prod', dag: 'orders_daily' }], tier: 2 }, { owner: 'team:orders' });
    const parts = Array.from({ length: 25 }, (_, i) => ds(`staging.part_${String(i).padStart(2, '0')}`));
    const events = [
      runEvent({ namespace: 'airflow-prod-ns', job: 'orders_daily.load', runId: loadRun, eventTime: '2026-12-01T06:00:00.000Z', inputs: [ds('raw.orders')], outputs: [ds('analytics.orders_daily', { schema: SCHEMA })] }),
      runEvent({ namespace: 'airflow-prod-ns', job: 'revenue.build', inputs: [ds('analytics.orders_daily')], outputs: [ds('analytics.revenue')] }),
      runEvent({ namespace: 'spark', job: 'fanout.split', inputs: [ds('raw.orders')], outputs: parts }),
    ];
    expect((await t.request('POST', '/api/v1/lineage', { body: events })).status).toBe(200);
  });
  afterAll(() => t.close());

  describe('graph nodes', () => {
    it('carry their products, last production, fields and orchestrator', async () => {
      const r = await t.request('GET', `/api/v1/lineage?${new URLSearchParams({ nodeId: id('analytics.orders_daily'), depth: '1' })}`);
      expect(r.status).toBe(200);
      const node = (nodeId: string) => r.body.graph.find((n: { id: string }) => n.id === nodeId);
      const dataset = node(id('analytics.orders_daily'));
      expect(dataset.data).toMatchObject({
        products: [{ name: 'orders-daily', owner: 'team:orders', tier: 2, environment: null }],
        lastProducedAt: '2026-12-01T06:00:00.000Z',
        fields: [
          { name: 'id', type: 'bigint', description: 'order id' },
          { name: 'address', type: 'struct', description: null },
          { name: 'address.city', type: 'string', description: null },
        ],
      });
      expect(dataset.data.facets.schema.fields).toHaveLength(2);
      expect(dataset.data).not.toHaveProperty('orchestrator');
      const job = node('job:airflow-prod-ns:orders_daily.load');
      expect(job.data).toMatchObject({
        products: [{ name: 'orders-daily', owner: 'team:orders', tier: 2, environment: 'prod' }],
        orchestrator: { name: 'airflow-prod', kind: 'airflow' },
        latestRun: { runId: loadRun },
      });
      expect(job.data).not.toHaveProperty('fields');
      const other = node('job:airflow-prod-ns:revenue.build');
      expect(other.data).toMatchObject({ products: [], orchestrator: { name: 'airflow-prod', kind: 'airflow' } });
      expect((await documentedResponses(t))('GET', '/api/v1/lineage', r.body)).toEqual([]);
    });

    it('say when a dataset was never produced and a job has no known orchestrator', async () => {
      const r = await t.request('GET', `/api/v1/lineage?${new URLSearchParams({ nodeId: id('raw.orders'), depth: '1', direction: 'downstream' })}`);
      const raw = r.body.graph.find((n: { id: string }) => n.id === id('raw.orders'));
      expect(raw.data).toMatchObject({ products: [], lastProducedAt: null, fields: [] });
      const spark = r.body.graph.find((n: { id: string }) => n.id === 'job:spark:fanout.split');
      expect(spark.data).toMatchObject({ products: [], orchestrator: null });
    });

    it('follow the catalog: a new product shows on the next read', async () => {
      const put = await t.request('PUT', '/api/v1/data-products/revenue', { body: manifest('revenue', { spec: { outputs: [ds('analytics.revenue')], bindings: [] } }) });
      expect(put.status).toBe(201);
      const r = await t.request('GET', `/api/v1/lineage?${new URLSearchParams({ nodeId: id('analytics.revenue'), depth: '0' })}`);
      expect(r.body.graph[0].data.products.map((p: { name: string }) => p.name)).toEqual(['revenue']);
    });
  });
});
