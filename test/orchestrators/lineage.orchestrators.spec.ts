/**
 * Lineage from the REAL orchestrators: Airflow 3's own OpenLineage provider posts to Gatehouse, and
 * Gatehouse derives Dagster's lineage by polling its run activity. Asserts that the graph and the
 * run history match what ran, including failed tasks and steps.
 *
 *   npm run test:orchestrators -- lineage
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DagsterLineagePoller } from '../../src/orchestrators/dagster-lineage.poller';
import { manifest } from '../support/manifests';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { eventually } from '../support/webhook-receiver';

interface Started {
  airflow: { baseUrl: string; username: string; password: string };
  dagster: { baseUrl: string; locationName: string };
  stop(): Promise<void>;
}

const START = path.resolve(__dirname, '..', '..', 'scripts', 'orchestrators', 'start.mjs');
const AIRFLOW_NS = 'airflow-prod-ns';
const DAGSTER_NS = 'dagster-staging';
const FINAL = ['succeeded', 'failed', 'cancelled'];
/** What the fixture DAG's `load` task declares as its outlet asset, as the provider reports it. */
const OUTPUT_FILE = 'dataset:file:/tmp/gatehouse-fixtures/orders_daily.json';

describe('lineage from real Airflow (OpenLineage provider) and Dagster (polled)', () => {
  let orchestrators: Started;
  let t: TestApp;

  beforeAll(async () => {
    const { startOrchestrators, freePorts } = (await import(pathToFileURL(START).href)) as {
      startOrchestrators: (o: object) => Promise<Started>;
      freePorts: (n: number) => Promise<number[]>;
    };
    // Airflow must know where to send lineage before it starts, so Gatehouse's port is chosen first.
    const [port] = await freePorts(1);
    orchestrators = await startOrchestrators({
      airflow: true,
      dagster: true,
      openlineageUrl: `http://127.0.0.1:${port}`,
      openlineageApiKey: ADMIN_TOKEN,
      openlineageNamespace: AIRFLOW_NS,
      log: () => {},
    });
    t = await startTestApp({
      port,
      orchestrators: [
        { kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: orchestrators.airflow.baseUrl, apiVersion: 'v2', timeoutMs: 15_000, credentials: { username: orchestrators.airflow.username, password: orchestrators.airflow.password }, lineageNamespace: AIRFLOW_NS },
        { kind: 'dagster', name: 'dagster-staging', environment: 'staging', baseUrl: orchestrators.dagster.baseUrl, repositoryLocation: orchestrators.dagster.locationName, repositoryName: '__repository__', assetJob: '__ASSET_JOB', timeoutMs: 15_000, headers: {} },
      ],
    });
    const put = (name: string, bindings: object[], outputs: object[] = []) =>
      t.request('PUT', `/api/v1/data-products/${name}`, { body: manifest(name, { spec: { bindings, outputs } }) });
    const outputs = [{ namespace: 'file', name: '/tmp/gatehouse-fixtures/orders_daily.json' }];
    expect((await put('orders-daily', [{ orchestrator: 'airflow-prod', dag: 'orders_daily' }, { orchestrator: 'dagster-staging', asset: ['sales', 'raw_orders'] }], outputs)).status).toBe(201);
    expect((await put('always-fails', [{ orchestrator: 'airflow-prod', dag: 'always_fails' }, { orchestrator: 'dagster-staging', asset: ['sales', 'broken_asset'] }])).status).toBe(201);
    for (const dag of ['orders_daily', 'always_fails']) {
      expect((await t.request('POST', `/api/v1/orchestrators/airflow-prod/dags/${dag}/unpause`)).status).toBe(200);
    }
  }, 15 * 60_000);

  afterAll(async () => {
    await t?.close();
    await orchestrators?.stop();
  }, 120_000);

  const run = async (id: string) => (await t.request('GET', `/api/v1/runs/${id}`)).body;
  const trigger = async (product: string, environment: string) => {
    const r = await t.request('POST', `/api/v1/data-products/${product}/runs`, { body: { environment } });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  it('Airflow: graph and run history match what ran, including the failed task', async () => {
    const [ok, bad] = [await trigger('orders-daily', 'prod'), await trigger('always-fails', 'prod')];
    // the provider posts as tasks finish; the DAG run's own COMPLETE/FAIL comes last
    const okRun = await eventually(() => run(ok), (r) => r.status === 'succeeded' && r.lineage?.status === 'succeeded' && r.lineage.tasks.length === 3, 5 * 60_000);
    expect(okRun).toMatchObject({ status: 'succeeded', source: 'gatehouse', lineage: { job: `job:${AIRFLOW_NS}:orders_daily` } });
    expect(okRun.lineage.tasks.map((x: { job: string; status: string }) => [x.job, x.status]).sort()).toEqual([
      [`job:${AIRFLOW_NS}:orders_daily.extract`, 'succeeded'],
      [`job:${AIRFLOW_NS}:orders_daily.load`, 'succeeded'],
      [`job:${AIRFLOW_NS}:orders_daily.transform`, 'succeeded'],
    ]);
    const badRun = await eventually(() => run(bad), (r) => r.status === 'failed' && r.lineage?.status === 'failed' && r.lineage.tasks.some((x: { status: string }) => x.status === 'failed'), 5 * 60_000);
    expect(badRun.status).toBe('failed');
    const failed = badRun.lineage.tasks.find((x: { status: string }) => x.status === 'failed');
    expect(failed.job).toMatch(new RegExp(`^job:${AIRFLOW_NS}:always_fails\\.`));
    expect(failed.errorMessage).toEqual(expect.any(String));

    const graph = await t.request('GET', `/api/v1/lineage?nodeId=${encodeURIComponent(`job:${AIRFLOW_NS}:orders_daily.load`)}&depth=1`);
    expect(graph.status).toBe(200);
    const load = graph.body.graph.find((n: { id: string }) => n.id === `job:${AIRFLOW_NS}:orders_daily.load`);
    expect(load.data.latestRun.status).toBe('succeeded');
    // the task's file:// outlet asset is the dataset it wrote
    expect(load.outEdges).toEqual([{ origin: load.id, destination: OUTPUT_FILE }]);

    // and that production makes the product fresh in prod
    const sla = (await t.request('GET', '/api/v1/data-products/orders-daily/sla')).body;
    const prod = sla.environments.find((e: { environment: string }) => e.environment === 'prod');
    expect(prod).toMatchObject({ status: 'fresh', outputs: [{ output: OUTPUT_FILE, status: 'fresh', lastProducedAt: expect.any(String) }] });
  });

  it('Airflow: a run nobody triggered through Gatehouse (the scheduler catching up on unpause) is in the history too', async () => {
    const observed = await eventually(
      async () => (await t.request('GET', '/api/v1/runs?product=orders-daily&source=lineage')).body.items,
      (items: { status: string }[]) => items.some((r) => FINAL.includes(r.status)),
      5 * 60_000,
    );
    expect(observed[0]).toMatchObject({ source: 'lineage', orchestrator: 'airflow-prod', environment: 'prod', requestedBy: 'lineage', target: { kind: 'dag', dagId: 'orders_daily' } });
  });

  it('Dagster: polled activity becomes lineage joined to the runs Gatehouse launched', async () => {
    const [ok, bad] = [await trigger('orders-daily', 'staging'), await trigger('always-fails', 'staging')];
    await eventually(async () => [(await run(ok)).status, (await run(bad)).status], (s) => s.every((x) => FINAL.includes(x)), 5 * 60_000);
    await t.app.get(DagsterLineagePoller).pollAll();
    const okRun = await run(ok);
    expect(okRun).toMatchObject({ status: 'succeeded', lineage: { status: 'succeeded', job: `job:${DAGSTER_NS}:sales/raw_orders` } });
    const badRun = await run(bad);
    expect(badRun).toMatchObject({ status: 'failed', lineage: { status: 'failed' } });
    expect(badRun.lineage.errorMessage).toEqual(expect.any(String));
    const graph = await t.request('GET', `/api/v1/lineage?nodeId=${encodeURIComponent(`dataset:${DAGSTER_NS}:sales/raw_orders`)}&depth=1&direction=upstream`);
    expect(graph.status).toBe(200);
    expect(graph.body.graph.map((n: { id: string }) => n.id)).toContain(`job:${DAGSTER_NS}:sales/raw_orders`);
    // polling again from the saved cursor adds nothing
    const before = (await t.request('GET', '/api/v1/runs?source=lineage')).body.items.length;
    await t.app.get(DagsterLineagePoller).pollAll();
    expect((await t.request('GET', '/api/v1/runs?source=lineage')).body.items.length).toBe(before);
  });
});
