/**
 * One lineage across REAL Dagster and REAL Airflow 3: Dagster assets that name what they write by Dagster's standard
 * metadata (`dagster/uri`, `dagster/table_name`, `dagster/column_schema`), and an Airflow DAG whose tasks read what
 * those assets wrote, one of them failing its first try (test/fixtures/hybrid). Gatehouse polls Dagster; Airflow's
 * OpenLineage provider posts to Gatehouse. The graph, the products' impact and freshness, and the run's tasks must
 * tell one story.
 *
 *   npm run test:orchestrators -- hybrid
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

const ROOT = path.resolve(__dirname, '..', '..');
const START = path.join(ROOT, 'scripts', 'orchestrators', 'start.mjs');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'hybrid');
const AIRFLOW_NS = 'airflow-hybrid';
const DAGSTER_NS = 'dagster-prod';
const WAREHOUSE = 'postgres://warehouse:5432';
const TABLE = `dataset:${WAREHOUSE}:warehouse.public.customer_orders`;
const FINAL = ['succeeded', 'failed', 'cancelled'];

interface Node {
  id: string;
  data: { facets: Record<string, any>; latestRun?: { runId: string; status: string } | null };
  inEdges: { origin: string }[];
}

describe('one lineage across Dagster and Airflow (real orchestrators, hybrid pipeline)', () => {
  let orchestrators: Started;
  let t: TestApp;
  let dir: string;
  let rawFile: string;
  let reportFile: string;

  beforeAll(async () => {
    const { startOrchestrators, freePorts } = (await import(pathToFileURL(START).href)) as {
      startOrchestrators: (o: object) => Promise<Started>;
      freePorts: (n: number) => Promise<number[]>;
    };
    // both orchestrators read and write the same files, so the DAG reads what the assets wrote
    dir = await mkdtemp(path.join(tmpdir(), 'gh-hybrid-'));
    rawFile = `dataset:file:${dir}/raw_orders.json`;
    reportFile = `dataset:file:${dir}/order_report.json`;
    const [port] = await freePorts(1);
    orchestrators = await startOrchestrators({
      airflow: true,
      dagster: true,
      airflowDagsFolder: path.join(FIXTURES, 'airflow', 'dags'),
      airflowDagIds: ['hybrid_orders'],
      airflowEnv: { GATEHOUSE_HYBRID_DIR: dir },
      dagsterDefinitions: path.join(FIXTURES, 'dagster', 'definitions.py'),
      dagsterAssetKeys: [['hybrid', 'raw_orders'], ['hybrid', 'customer_orders']],
      dagsterEnv: { GATEHOUSE_HYBRID_DIR: dir },
      openlineageUrl: `http://127.0.0.1:${port}`,
      openlineageApiKey: ADMIN_TOKEN,
      openlineageNamespace: AIRFLOW_NS,
      log: () => {},
    });
    t = await startTestApp({
      port,
      orchestrators: [
        { kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: orchestrators.airflow.baseUrl, apiVersion: 'v2', timeoutMs: 15_000, credentials: { username: orchestrators.airflow.username, password: orchestrators.airflow.password }, lineageNamespace: AIRFLOW_NS },
        {
          kind: 'dagster',
          name: 'dagster-prod',
          environment: 'prod',
          baseUrl: orchestrators.dagster.baseUrl,
          repositoryLocation: orchestrators.dagster.locationName,
          repositoryName: '__repository__',
          assetJob: '__ASSET_JOB',
          timeoutMs: 15_000,
          headers: {},
          storage: { kinds: { postgres: WAREHOUSE } },
        },
      ],
    });
    const put = async (name: string, spec: object) => {
      const r = await t.request('PUT', `/api/v1/data-products/${name}`, { body: manifest(name, { spec: { sla: { freshness: 'PT6H' }, ...spec } }) });
      expect(r.status).toBe(201);
    };
    await put('raw-orders', { outputs: [], bindings: [{ orchestrator: 'dagster-prod', asset: ['hybrid', 'raw_orders'] }] });
    await put('customer-orders', { outputs: [{ namespace: WAREHOUSE, name: 'warehouse.public.customer_orders' }], bindings: [{ orchestrator: 'dagster-prod', asset: ['hybrid', 'customer_orders'] }] });
    await put('order-report', { outputs: [{ namespace: 'file', name: `${dir}/order_report.json` }], bindings: [{ orchestrator: 'airflow-prod', dag: 'hybrid_orders' }] });
    expect((await t.request('POST', '/api/v1/orchestrators/airflow-prod/dags/hybrid_orders/unpause')).status).toBe(200);
  }, 15 * 60_000);

  afterAll(async () => {
    await t?.close();
    await orchestrators?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 120_000);

  const run = async (id: string) => (await t.request('GET', `/api/v1/runs/${id}`)).body;
  const trigger = async (product: string) => {
    const r = await t.request('POST', `/api/v1/data-products/${product}/runs`, { body: { environment: 'prod' } });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const finished = async (id: string) => eventually(() => run(id), (r) => FINAL.includes(r.status), 5 * 60_000);
  const graph = async (nodeId: string, direction: string, depth = 10): Promise<Node[]> => {
    const r = await t.request('GET', `/api/v1/lineage?nodeId=${encodeURIComponent(nodeId)}&depth=${depth}&direction=${direction}`);
    expect(r.status).toBe(200);
    return r.body.graph;
  };

  let dagsterRuns: { raw: string; mart: string };
  let airflowRun: any;

  it('runs the pipeline: Dagster materializes both assets, then the Airflow DAG reads them, retrying its last task', async () => {
    const raw = await trigger('raw-orders');
    expect((await finished(raw)).status).toBe('succeeded');
    const mart = await trigger('customer-orders');
    expect((await finished(mart)).status).toBe('succeeded');
    await t.app.get(DagsterLineagePoller).pollAll();
    dagsterRuns = { raw: (await run(raw)).lineageRunId, mart: (await run(mart)).lineageRunId };
    expect(dagsterRuns.raw && dagsterRuns.mart).toBeTruthy();

    const report = await trigger('order-report');
    // the provider posts as tasks finish; the DAG run's own COMPLETE comes last
    airflowRun = await eventually(() => run(report), (r) => r.status === 'succeeded' && r.lineage?.status === 'succeeded' && r.lineage.tasks.length === 3 && r.lineage.tasks.every((x: { status: string }) => x.status === 'succeeded'), 5 * 60_000);
    expect(airflowRun).toMatchObject({ status: 'succeeded', lineage: { job: `job:${AIRFLOW_NS}:hybrid_orders` } });
  });

  it('the task that failed once and succeeded on retry is one task row with two tries, and counts as succeeded', () => {
    const tasks = airflowRun.lineage.tasks as { job: string; status: string; tries: { try: number; status: string; errorMessage: string | null }[] }[];
    expect(tasks.map((x) => [x.job, x.status, x.tries.length])).toEqual([
      [`job:${AIRFLOW_NS}:hybrid_orders.check_raw_orders`, 'succeeded', 1],
      [`job:${AIRFLOW_NS}:hybrid_orders.build_report`, 'succeeded', 1],
      [`job:${AIRFLOW_NS}:hybrid_orders.publish`, 'succeeded', 2],
    ]);
    const publish = tasks[2];
    expect(publish.tries.map((x) => [x.try, x.status])).toEqual([
      [1, 'failed'],
      [2, 'succeeded'],
    ]);
    expect(publish.tries[0].errorMessage).toMatch(/first try fails on purpose/);
  });

  it('the graph is joined: upstream from the Airflow task reaches the Dagster runs and the tables they wrote', async () => {
    const upstream = await graph(`job:${AIRFLOW_NS}:hybrid_orders.build_report`, 'upstream');
    const byId = new Map(upstream.map((n) => [n.id, n]));
    expect([...byId.keys()].sort()).toEqual([`job:${AIRFLOW_NS}:hybrid_orders.build_report`, `job:${DAGSTER_NS}:hybrid/customer_orders`, `job:${DAGSTER_NS}:hybrid/raw_orders`, rawFile, TABLE].sort());
    expect(byId.get(TABLE)!.inEdges).toEqual([{ origin: `job:${DAGSTER_NS}:hybrid/customer_orders`, destination: TABLE }]);
    expect(byId.get(`job:${DAGSTER_NS}:hybrid/customer_orders`)!.data.latestRun).toMatchObject({ runId: dagsterRuns.mart, status: 'succeeded' });
    expect(byId.get(`job:${DAGSTER_NS}:hybrid/raw_orders`)!.data.latestRun).toMatchObject({ runId: dagsterRuns.raw, status: 'succeeded' });
    // the file the first task read is the one the raw asset wrote
    const reader = await graph(rawFile, 'downstream', 1);
    expect(reader.map((n) => n.id).sort()).toEqual([`job:${AIRFLOW_NS}:hybrid_orders.check_raw_orders`, `job:${DAGSTER_NS}:hybrid/customer_orders`, rawFile].sort());
  });

  it('the asset key answers the same node, which carries the schema and column lineage Dagster reported', async () => {
    const [table] = (await graph(`dataset:${DAGSTER_NS}:hybrid/customer_orders`, 'both', 0)).filter((n) => n.id.startsWith('dataset:'));
    expect(table.id).toBe(TABLE);
    expect(table.data.facets.symlinks.identifiers).toEqual([{ namespace: DAGSTER_NS, name: 'hybrid/customer_orders', type: 'TABLE' }]);
    expect(table.data.facets.schema.fields).toEqual([
      { name: 'customer', type: 'string' },
      { name: 'orders', type: 'integer' },
      { name: 'total', type: 'double', description: "Sum of the customer's orders in EUR" },
    ]);
    expect(table.data.facets.columnLineage.fields.total).toEqual({ inputFields: [{ namespace: 'file', name: `${dir}/raw_orders.json`, field: 'amount' }] });
    const [raw] = await graph(`dataset:${DAGSTER_NS}:hybrid/raw_orders`, 'both', 0);
    expect(raw.id).toBe(rawFile);
    expect(raw.data.facets.schema.fields.find((f: { name: string }) => f.name === 'shipping')).toEqual({
      name: 'shipping',
      type: 'struct',
      description: 'Where it was shipped',
      fields: [
        { name: 'city', type: 'string' },
        { name: 'zip', type: 'string' },
      ],
    });
  });

  it('products across both orchestrators: impact follows the data from Dagster into Airflow', async () => {
    const impact = async (name: string) =>
      (await t.request('GET', `/api/v1/data-products/${name}/impact`)).body.downstream.map((d: { product: { name: string }; distance: number }) => [d.product.name, d.distance]).sort();
    expect(await impact('customer-orders')).toEqual([['order-report', 0]]);
    expect(await impact('raw-orders')).toEqual([
      ['customer-orders', 0],
      ['order-report', 0],
    ]);
    const lineage = (await t.request('GET', '/api/v1/data-products/order-report/lineage')).body;
    expect(lineage.nodes.map((n: { name: string; relation: string }) => [n.name, n.relation])).toEqual([
      ['customer-orders', 'upstream'],
      ['order-report', 'self'],
      ['raw-orders', 'upstream'],
    ]);
    expect(lineage.unseen).toEqual([]);
    expect((await graph(reportFile, 'upstream', 1)).map((n) => n.id)).toContain(`job:${AIRFLOW_NS}:hybrid_orders.build_report`);
  });

  it('freshness of the declared table comes from the Dagster materialization, in the instance’s environment', async () => {
    const sla = (await t.request('GET', '/api/v1/data-products/customer-orders/sla')).body;
    const prod = sla.environments.find((e: { environment: string }) => e.environment === 'prod');
    expect(prod).toMatchObject({ status: 'fresh', outputs: [{ output: TABLE, status: 'fresh', lastProducedAt: expect.any(String) }] });
    const mart = await run((await t.request('GET', '/api/v1/runs?product=customer-orders')).body.items[0].id);
    expect(Date.parse(prod.outputs[0].lastProducedAt)).toBe(Date.parse(mart.lineage.endedAt));
  });
});
