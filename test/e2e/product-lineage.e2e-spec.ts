import { manifest } from '../support/manifests';
import { runEvent } from '../support/openlineage';
import { documentedResponses } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const WH = 'postgres://warehouse:5432';
const ds = (name: string) => ({ namespace: WH, name });

/**
 * raw.orders --(airflow orders_daily.load)--> orders_daily [orders-daily]
 *   --(airflow revenue.build)--> revenue [revenue, bound by DAG, no declared output]
 *   --(spark job)--> exec_dashboard [exec-dashboard]
 * and sales/customers (a Dagster asset of customers) --(airflow revenue.build)
 */
describe('product lineage and impact (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      orchestrators: [
        { kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'p' }, lineageNamespace: 'airflow-prod-ns' },
        { kind: 'dagster', name: 'dagster-staging', environment: 'staging', baseUrl: 'http://127.0.0.1:9', repositoryLocation: 'x', repositoryName: '__repository__', assetJob: '__ASSET_JOB', timeoutMs: 1000, headers: {} },
      ],
    });
    const put = async (name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
      expect((await t.request('PUT', `/api/v1/data-products/${name}`, { body: manifest(name, { spec, metadata }) })).status).toBe(201);
    await put('orders-daily', { outputs: [ds('analytics.public.orders_daily')], bindings: [{ orchestrator: 'airflow-prod', dag: 'orders_daily' }] });
    await put('revenue', { outputs: [], bindings: [{ orchestrator: 'airflow-prod', dag: 'revenue' }], classification: 'internal', tier: 2 }, { owner: 'team:finance' });
    await put('exec-dashboard', { outputs: [ds('bi.exec_dashboard')], bindings: [], tier: 3 }, { owner: 'team:bi' });
    await put('customers', { outputs: [], bindings: [{ orchestrator: 'dagster-staging', asset: ['sales', 'customers'] }] }, { owner: 'team:crm' });
    await put('never-ran', { outputs: [ds('nothing.here')], bindings: [] });
    const events = [
      runEvent({ namespace: 'airflow-prod-ns', job: 'orders_daily.load', inputs: [ds('raw.orders')], outputs: [ds('analytics.public.orders_daily')] }),
      runEvent({ namespace: 'airflow-prod-ns', job: 'revenue.build', inputs: [ds('analytics.public.orders_daily'), { namespace: 'dagster-staging', name: 'sales/customers' }], outputs: [ds('analytics.revenue')] }),
      runEvent({ namespace: 'spark', job: 'dashboard.refresh', inputs: [ds('analytics.revenue')], outputs: [ds('bi.exec_dashboard')] }),
    ];
    expect((await t.request('POST', '/api/v1/lineage', { body: events })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('lists every downstream product with owner, tier and the connecting path', async () => {
    const r = await t.request('GET', '/api/v1/data-products/orders-daily/impact');
    expect(r.status).toBe(200);
    expect(r.body.truncated).toBe(false);
    expect(r.body.downstream.map((d: { product: { name: string }; distance: number }) => [d.product.name, d.distance])).toEqual([
      ['revenue', 0],
      ['exec-dashboard', 1],
    ]);
    expect(r.body.downstream[0]).toMatchObject({
      product: { name: 'revenue', owner: 'team:finance', tier: 2 },
      path: [`dataset:${WH}:analytics.public.orders_daily`, 'job:airflow-prod-ns:revenue.build'],
    });
    expect(r.body.downstream[1].path.at(-1)).toBe(`dataset:${WH}:bi.exec_dashboard`);
    expect((await documentedResponses(t))('GET', '/api/v1/data-products/{name}/impact', r.body)).toEqual([]);
  });

  it('starts from the jobs of a bound DAG and from Dagster assets too', async () => {
    const customers = await t.request('GET', '/api/v1/data-products/customers/impact');
    expect(customers.body.downstream.map((d: { product: { name: string } }) => d.product.name)).toEqual(['revenue', 'exec-dashboard']);
    expect((await t.request('GET', '/api/v1/data-products/exec-dashboard/impact')).body.downstream).toEqual([]);
  });

  it('shows the product graph with upstream and downstream products and edges', async () => {
    const r = await t.request('GET', '/api/v1/data-products/revenue/lineage');
    expect(r.status).toBe(200);
    expect(r.body.nodes.map((n: { name: string; relation: string }) => [n.name, n.relation])).toEqual([
      ['customers', 'upstream'],
      ['exec-dashboard', 'downstream'],
      ['orders-daily', 'upstream'],
      ['revenue', 'self'],
    ]);
    expect(r.body.edges.map((e: { from: string; to: string }) => `${e.from}->${e.to}`)).toEqual(['customers->revenue', 'orders-daily->revenue', 'revenue->exec-dashboard']);
    // bound by its DAG only: its graph starts at the DAG's jobs
    expect(r.body.lineageNodes).toEqual(['job:airflow-prod-ns:revenue.build']);
    const daily = await t.request('GET', '/api/v1/data-products/orders-daily/lineage');
    expect(daily.body.lineageNodes).toEqual([`dataset:${WH}:analytics.public.orders_daily`, 'job:airflow-prod-ns:orders_daily.load']);
    const never = await t.request('GET', '/api/v1/data-products/never-ran/lineage');
    expect(never.body).toMatchObject({ nodes: [{ name: 'never-ran', relation: 'self' }], edges: [], unseen: [`dataset:${WH}:nothing.here`], lineageNodes: [] });
    const problems = await documentedResponses(t);
    expect(problems('GET', '/api/v1/data-products/{name}/lineage', r.body)).toEqual([]);
    expect(problems('GET', '/api/v1/data-products/{name}/lineage', never.body)).toEqual([]);
  });

  it('answers 404 for an unknown product and 400 for a bad depth', async () => {
    expect((await t.request('GET', '/api/v1/data-products/nope/impact')).status).toBe(404);
    const bad = await t.request('GET', '/api/v1/data-products/revenue/impact?depth=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.depth');
    expect((await t.request('DELETE', '/api/v1/data-products/never-ran')).status).toBe(200);
    const retired = await t.request('GET', '/api/v1/data-products/never-ran/impact');
    expect([retired.status, retired.body.code]).toEqual([409, 'product_retired']);
  });
});
