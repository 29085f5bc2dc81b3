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

  describe('neighbours', () => {
    const neighbours = (params: Record<string, string>) => t.request('GET', `/api/v1/lineage/neighbours?${new URLSearchParams(params)}`);

    it('pages through a fan-out with a total and an opaque cursor', async () => {
      const first = await neighbours({ nodeId: 'job:spark:fanout.split', direction: 'downstream', limit: '10' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ nodeId: 'job:spark:fanout.split', direction: 'downstream', total: 25 });
      expect(first.body.items.map((n: { id: string }) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => id(`staging.part_${String(i).padStart(2, '0')}`)));
      expect(first.body.items[0]).toMatchObject({ type: 'DATASET', inEdges: [{ origin: 'job:spark:fanout.split', destination: id('staging.part_00') }], outEdges: [], data: { products: [], fields: [] } });
      expect((await documentedResponses(t))('GET', '/api/v1/lineage/neighbours', first.body)).toEqual([]);
      const seen: string[] = first.body.items.map((n: { id: string }) => n.id);
      let cursor: string | null = first.body.nextCursor;
      while (cursor) {
        const next = await neighbours({ nodeId: 'job:spark:fanout.split', direction: 'downstream', limit: '10', cursor });
        expect(next.body.total).toBe(25);
        seen.push(...next.body.items.map((n: { id: string }) => n.id));
        cursor = next.body.nextCursor;
      }
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
    });

    it('filters by a case-insensitive part of the name and reads upstream too', async () => {
      const filtered = await neighbours({ nodeId: 'job:spark:fanout.split', direction: 'downstream', q: 'PART_1' });
      expect(filtered.body.total).toBe(10);
      expect(filtered.body.nextCursor).toBeNull();
      const up = await neighbours({ nodeId: id('analytics.orders_daily'), direction: 'upstream' });
      expect(up.body.items.map((n: { id: string }) => n.id)).toEqual(['job:airflow-prod-ns:orders_daily.load']);
      expect(up.body.items[0]).toMatchObject({ outEdges: [{ origin: 'job:airflow-prod-ns:orders_daily.load', destination: id('analytics.orders_daily') }], data: { orchestrator: { name: 'airflow-prod' } } });
      const none = await neighbours({ nodeId: id('raw.orders'), direction: 'upstream' });
      expect(none.body).toMatchObject({ total: 0, items: [], nextCursor: null });
    });

    it('names the field of a bad request and answers 404 for an unknown node', async () => {
      for (const [params, field] of [
        [{ nodeId: id('raw.orders'), direction: 'sideways' }, 'query.direction'],
        [{ nodeId: id('raw.orders'), direction: 'upstream', limit: '201' }, 'query.limit'],
        [{ nodeId: id('raw.orders'), direction: 'upstream', cursor: '***' }, 'query.cursor'],
        [{ nodeId: 'orders', direction: 'upstream' }, 'query.nodeId'],
      ] as const) {
        const r = await neighbours(params);
        expect([r.status, r.body.errors[0].field]).toEqual([400, field]);
      }
      const unknown = await neighbours({ nodeId: id('nope'), direction: 'upstream' });
      expect([unknown.status, unknown.body.errors[0].field]).toEqual([404, 'query.nodeId']);
    });
  });

  describe('path', () => {
    const path = (params: Record<string, string>) => t.request('GET', `/api/v1/lineage/path?${new URLSearchParams(params)}`);

    it('finds a shortest path downstream, else upstream', async () => {
      const down = await path({ from: id('raw.orders'), to: id('analytics.revenue') });
      expect(down.status).toBe(200);
      expect(down.body).toEqual({
        from: id('raw.orders'),
        to: id('analytics.revenue'),
        found: true,
        direction: 'downstream',
        nodes: [id('raw.orders'), 'job:airflow-prod-ns:orders_daily.load', id('analytics.orders_daily'), 'job:airflow-prod-ns:revenue.build', id('analytics.revenue')],
        edges: [
          { origin: id('raw.orders'), destination: 'job:airflow-prod-ns:orders_daily.load' },
          { origin: 'job:airflow-prod-ns:orders_daily.load', destination: id('analytics.orders_daily') },
          { origin: id('analytics.orders_daily'), destination: 'job:airflow-prod-ns:revenue.build' },
          { origin: 'job:airflow-prod-ns:revenue.build', destination: id('analytics.revenue') },
        ],
        truncated: false,
      });
      expect((await documentedResponses(t))('GET', '/api/v1/lineage/path', down.body)).toEqual([]);
      const up = await path({ from: id('analytics.orders_daily'), to: id('raw.orders') });
      expect(up.body).toMatchObject({ found: true, direction: 'upstream', nodes: [id('analytics.orders_daily'), 'job:airflow-prod-ns:orders_daily.load', id('raw.orders')] });
      expect(up.body.edges[0]).toEqual({ origin: 'job:airflow-prod-ns:orders_daily.load', destination: id('analytics.orders_daily') });
    });

    it('says when nodes are not connected (or too far apart) and names an unknown node', async () => {
      const apart = await path({ from: id('staging.part_00'), to: id('analytics.revenue') });
      expect(apart.body).toEqual({ from: id('staging.part_00'), to: id('analytics.revenue'), found: false, direction: null, nodes: [], edges: [], truncated: false });
      expect((await path({ from: id('raw.orders'), to: id('analytics.revenue'), maxDepth: '3' })).body.found).toBe(false);
      const unknown = await path({ from: id('raw.orders'), to: id('nope') });
      expect([unknown.status, unknown.body.errors[0].field]).toEqual([404, 'query.to']);
      const bad = await path({ from: id('raw.orders'), to: id('nope'), maxDepth: '51' });
      expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'query.maxDepth']);
    });
  });
});
