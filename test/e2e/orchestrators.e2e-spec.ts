import { OrchestratorError } from '../../adapters/core/orchestrator-error';
import { FakeOrchestrator } from '../support/fake-orchestrator';
import { manifest } from '../support/manifests';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

/** Service bookkeeping around adapters (sync, runs, error mapping); real adapters: test/orchestrators. */
describe('orchestrators and runs (HTTP, fake adapters)', () => {
  let t: TestApp;
  /** Real answers against the schemas the OpenAPI document gives them. */
  let documented: ResponseCheck;
  const airflow = new FakeOrchestrator('airflow', [
    { type: 'dag', dagId: 'orders_daily', owners: ['sales-data'], tags: ['finance'], schedule: '0 2 * * *', paused: false, description: 'Orders' },
    { type: 'dag', dagId: 'customers_snapshot', owners: ['crm-data'], tags: ['crm'], schedule: '@daily', paused: true, description: null },
  ]);
  const dagster = new FakeOrchestrator('dagster', [
    { type: 'asset', assetKey: ['finance', 'revenue'], group: 'finance', owners: ['team:finance', 'cfo@example.com'], tags: { tier: '1' }, kinds: ['python'], dependencies: [['sales', 'orders_daily']], checks: [], description: 'Revenue', freshness: null },
  ]);

  beforeAll(async () => {
    t = await startTestApp(
      {
        orchestrators: [
          { kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'secret-password' } },
          { kind: 'dagster', name: 'dagster-staging', environment: 'staging', baseUrl: 'http://127.0.0.1:9', repositoryLocation: 'x', repositoryName: '__repository__', assetJob: '__ASSET_JOB', timeoutMs: 1000, headers: {} },
        ],
      },
      { orchestratorAdapters: (instance) => (instance.kind === 'airflow' ? airflow : dagster) },
    );
    await t.request('PUT', '/api/v1/data-products/orders-daily', { body: manifest('orders-daily') });
    documented = await documentedResponses(t);
  });
  afterAll(() => t.close());

  it('lists instances with live health and never their credentials', async () => {
    const r = await t.request('GET', '/api/v1/orchestrators');
    expect(r.body.items.map((o: { name: string; health: { healthy: boolean } }) => [o.name, o.health.healthy])).toEqual([
      ['airflow-prod', true],
      ['dagster-staging', true],
    ]);
    expect(r.text).not.toContain('secret-password');
    expect(r.body.items[0]).toMatchObject({ uiUrl: r.body.items[0].baseUrl, health: { checkedAt: expect.any(String) } });
    expect(Date.now() - Date.parse(r.body.items[0].health.checkedAt)).toBeLessThan(60_000);
    expect(documented('GET', '/api/v1/orchestrators', r.body)).toEqual([]);
  });

  it('shows bound products and proposes manifests for unbound discoveries', async () => {
    const r = await t.request('POST', '/api/v1/orchestrators/airflow-prod/sync');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ bound: 1, unbound: 1 });
    const [bound, unbound] = r.body.items;
    expect(bound.product).toMatchObject({ name: 'orders-daily', revision: 1 });
    expect(unbound.product).toBeNull();
    expect(unbound.proposedManifest.metadata).toMatchObject({ name: 'customers-snapshot', owner: 'team:crm-data' });
    expect(unbound.proposalProblems).toEqual([]);
    const applied = await t.request('PUT', '/api/v1/data-products/customers-snapshot', { body: unbound.proposedManifest });
    expect(applied.status).toBe(201);
    expect(documented('POST', '/api/v1/orchestrators/{name}/sync', r.body)).toEqual([]);
    const assets = (await t.request('POST', '/api/v1/orchestrators/dagster-staging/sync')).body;
    expect(documented('POST', '/api/v1/orchestrators/{name}/sync', assets)).toEqual([]);
    const asset = assets.items[0];
    expect(asset.proposedManifest.metadata).toMatchObject({ name: 'finance-revenue', owner: 'team:finance', stewards: ['cfo@example.com'], domain: 'finance' });
  });

  it('triggers the bound target with a Gatehouse run id and records the run', async () => {
    const r = await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'prod', conf: { date: '2026-11-24' } } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ orchestrator: 'airflow-prod', product: 'orders-daily', status: 'queued', target: { kind: 'dag', dagId: 'orders_daily' } });
    expect(airflow.triggered.at(-1)).toMatchObject({ runId: r.body.id, conf: { date: '2026-11-24' } });
    expect(documented('POST', '/api/v1/data-products/{name}/runs', r.body, 201)).toEqual([]);
    airflow.finish(r.body.id, 'succeeded');
    const later = await t.request('GET', `/api/v1/runs/${r.body.id}`);
    expect(later.body).toMatchObject({ status: 'succeeded', live: true });
    expect(documented('GET', '/api/v1/runs/{id}', later.body)).toEqual([]);
    const list = await t.request('GET', '/api/v1/runs?product=orders-daily');
    expect(list.body.items[0].id).toBe(r.body.id);
    expect(documented('GET', '/api/v1/runs', list.body)).toEqual([]);
  });

  it('refuses an environment the product is not bound in, naming the field', async () => {
    const r = await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'dev' } });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe('environment');
  });

  it('maps orchestrator failures to typed problems and records the failed attempt', async () => {
    airflow.failWith = new OrchestratorError('unreachable', 'connection refused', 'ECONNREFUSED');
    try {
      const r = await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'prod' } });
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ code: 'orchestrator_unavailable', orchestrator: 'airflow-prod', orchestratorError: 'unreachable' });
      const health = (await t.request('GET', '/api/v1/orchestrators')).body.items[0].health;
      expect(health).toMatchObject({ healthy: false, error: { code: 'unreachable' } });
      expect(documented('GET', '/api/v1/orchestrators', (await t.request('GET', '/api/v1/orchestrators')).body)).toEqual([]);
      const failed = await t.request('GET', '/api/v1/runs?status=failed');
      expect(failed.body.items.length).toBeGreaterThan(0);
      expect(documented('GET', '/api/v1/runs', failed.body)).toEqual([]);
      expect(documented('GET', '/api/v1/runs/{id}', (await t.request('GET', `/api/v1/runs/${failed.body.items[0].id}`)).body)).toEqual([]);
    } finally {
      airflow.failWith = null;
    }
  });

  it('pauses and unpauses an Airflow DAG, answering the DAG; Dagster has none', async () => {
    const unpaused = await t.request('POST', '/api/v1/orchestrators/airflow-prod/dags/customers_snapshot/unpause');
    expect(unpaused.status).toBe(200);
    expect(unpaused.body).toMatchObject({ type: 'dag', dagId: 'customers_snapshot', paused: false });
    expect(documented('POST', '/api/v1/orchestrators/{name}/dags/{dagId}/unpause', unpaused.body)).toEqual([]);
    const paused = await t.request('POST', '/api/v1/orchestrators/airflow-prod/dags/customers_snapshot/pause');
    expect(paused.body).toMatchObject({ dagId: 'customers_snapshot', paused: true });
    expect(documented('POST', '/api/v1/orchestrators/{name}/dags/{dagId}/pause', paused.body)).toEqual([]);
    expect((await t.request('POST', '/api/v1/orchestrators/dagster-staging/dags/customers_snapshot/pause')).status).toBe(400);
  });

  it('answers 404 for an unknown orchestrator and lets only operators trigger', async () => {
    expect((await t.request('POST', '/api/v1/orchestrators/nope/sync')).status).toBe(404);
    await t.request('POST', '/api/v1/principals', { body: { id: 'sam@example.com', name: 'Sam', kind: 'person', teams: ['sales-data'] } });
    const token = (await t.request('POST', '/api/v1/tokens', { body: { principal: 'sam@example.com' } })).body.token;
    expect((await t.request('POST', '/api/v1/data-products/orders-daily/runs', { token, body: { environment: 'prod' } })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/runs', { token })).status).toBe(200);
  });
});
