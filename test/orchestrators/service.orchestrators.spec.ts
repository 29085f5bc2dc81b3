/**
 * Gatehouse's orchestrator endpoints end to end against a REAL Airflow 3 and a REAL Dagster
 * (scripts/orchestrators/start.mjs, fixtures in test/fixtures): health, sync, the audited unpause,
 * runs triggered through the API that succeed and fail on the orchestrator.
 *
 *   npm run test:orchestrators -- service
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { manifest } from '../support/manifests';
import { startTestApp, TestApp } from '../support/test-app';

interface Started {
  airflow: { baseUrl: string; username: string; password: string };
  dagster: { baseUrl: string; locationName: string };
  stop(): Promise<void>;
}

const START = path.resolve(__dirname, '..', '..', 'scripts', 'orchestrators', 'start.mjs');

describe('orchestrator endpoints against real Airflow and Dagster', () => {
  let orchestrators: Started;
  let t: TestApp;

  beforeAll(async () => {
    const { startOrchestrators } = (await import(pathToFileURL(START).href)) as { startOrchestrators: (o: object) => Promise<Started> };
    orchestrators = await startOrchestrators({ airflow: true, dagster: true, log: () => {} });
    t = await startTestApp({
      orchestrators: [
        {
          kind: 'airflow',
          name: 'airflow-prod',
          environment: 'prod',
          baseUrl: orchestrators.airflow.baseUrl,
          apiVersion: 'v2',
          timeoutMs: 15_000,
          credentials: { username: orchestrators.airflow.username, password: orchestrators.airflow.password },
        },
        {
          kind: 'dagster',
          name: 'dagster-staging',
          environment: 'staging',
          baseUrl: orchestrators.dagster.baseUrl,
          repositoryLocation: orchestrators.dagster.locationName,
          repositoryName: '__repository__',
          assetJob: '__ASSET_JOB',
          timeoutMs: 15_000,
          headers: {},
        },
      ],
    });
    const bound = (name: string, bindings: object[]) => t.request('PUT', `/api/v1/data-products/${name}`, { body: manifest(name, { spec: { bindings } }) });
    expect((await bound('orders-daily', [{ orchestrator: 'airflow-prod', dag: 'orders_daily' }, { orchestrator: 'dagster-staging', asset: ['sales', 'raw_orders'] }])).status).toBe(201);
    expect((await bound('always-fails', [{ orchestrator: 'airflow-prod', dag: 'always_fails' }, { orchestrator: 'dagster-staging', asset: ['sales', 'broken_asset'] }])).status).toBe(201);
  }, 15 * 60_000);

  afterAll(async () => {
    await t?.close();
    await orchestrators?.stop();
  }, 120_000);

  async function finalRun(id: string): Promise<{ status: string; steps: { name: string; status: string }[] }> {
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      const run = (await t.request('GET', `/api/v1/runs/${id}`)).body;
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${id} still ${run.status}`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  it('reports both instances healthy with their versions', async () => {
    const r = await t.request('GET', '/api/v1/orchestrators');
    expect(r.body.items).toEqual([
      expect.objectContaining({ name: 'airflow-prod', kind: 'airflow', health: expect.objectContaining({ healthy: true, version: expect.stringMatching(/^3\./) }) }),
      expect.objectContaining({ name: 'dagster-staging', kind: 'dagster', health: expect.objectContaining({ healthy: true, version: expect.stringMatching(/^1\.13/) }) }),
    ]);
    expect(r.text).not.toContain(orchestrators.airflow.password === 'admin' ? '"password"' : orchestrators.airflow.password);
  });

  it('syncs Airflow DAGs: bound ones with their product, the rest with proposed manifests', async () => {
    const r = await t.request('POST', '/api/v1/orchestrators/airflow-prod/sync');
    expect(r.status).toBe(200);
    const byDag = Object.fromEntries(r.body.items.map((i: { discovered: { dagId: string } }) => [i.discovered.dagId, i]));
    expect(byDag.orders_daily.product).toMatchObject({ name: 'orders-daily' });
    expect(byDag.customers_snapshot.product).toBeNull();
    expect(byDag.customers_snapshot.proposedManifest.metadata.owner).toBe('team:crm-data');
    expect(byDag.customers_snapshot.proposalProblems).toEqual([]);
  });

  it('syncs Dagster assets with owners mapped from team: owners', async () => {
    const r = await t.request('POST', '/api/v1/orchestrators/dagster-staging/sync');
    const byKey = Object.fromEntries(r.body.items.map((i: { discovered: { assetKey: string[] } }) => [i.discovered.assetKey.join('/'), i]));
    expect(byKey['sales/raw_orders'].product).toMatchObject({ name: 'orders-daily' });
    expect(byKey['finance/revenue'].proposedManifest.metadata.owner).toMatch(/^team:/);
  });

  it('runs a product on Airflow after an explicit, audited unpause', async () => {
    const paused = await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'prod' } });
    expect(paused.status).toBe(502);
    expect(paused.body).toMatchObject({ orchestratorError: 'conflict', detail: expect.stringContaining('paused') });
    expect((await t.request('POST', '/api/v1/orchestrators/airflow-prod/dags/orders_daily/unpause')).body.paused).toBe(false);
    const run = await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'prod', conf: { note: 'from gatehouse' } } });
    expect(run.status).toBe(201);
    const final = await finalRun(run.body.id);
    expect(final.status).toBe('succeeded');
    expect(final.steps.map((s) => s.name)).toEqual(expect.arrayContaining(['extract', 'transform', 'load']));
    const audit = await t.request('GET', '/api/v1/audit?action=orchestrator.unpause');
    expect(audit.body.items[0].subject).toEqual({ type: 'Orchestrator', id: 'airflow-prod/orders_daily' });
  }, 6 * 60_000);

  it('records a failed Airflow run as failed', async () => {
    await t.request('POST', '/api/v1/orchestrators/airflow-prod/dags/always_fails/unpause');
    const run = await t.request('POST', '/api/v1/data-products/always-fails/runs', { body: { environment: 'prod' } });
    expect(run.status).toBe(201);
    expect((await finalRun(run.body.id)).status).toBe('failed');
  }, 6 * 60_000);

  it('materializes a product on Dagster and records success and failure', async () => {
    const ok = await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'staging' } });
    expect(ok.body).toMatchObject({ status: expect.any(String) });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ orchestrator: 'dagster-staging', target: { kind: 'assets', assetKeys: [['sales', 'raw_orders']] } });
    const broken = await t.request('POST', '/api/v1/data-products/always-fails/runs', { body: { environment: 'staging' } });
    expect((await finalRun(ok.body.id)).status).toBe('succeeded');
    expect((await finalRun(broken.body.id)).status).toBe('failed');
    const history = await t.request('GET', '/api/v1/runs?product=orders-daily');
    expect(history.body.items.map((r: { orchestrator: string }) => r.orchestrator)).toEqual(expect.arrayContaining(['airflow-prod', 'dagster-staging']));
  }, 6 * 60_000);
});
