/**
 * Datasets known by two identities (the OpenLineage `symlinks` facet), over HTTP: a Dagster asset named by its key and
 * the table it writes are one node for the graph, products, impact and SLA, whichever identity arrived first, and
 * resending the same events changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { FakeOrchestrator } from '../support/fake-orchestrator';
import { manifest } from '../support/manifests';
import { runEvent } from '../support/openlineage';
import { startTestApp, TestApp } from '../support/test-app';

const AIRFLOW_NS = 'airflow-prod';
const DAGSTER_NS = 'dagster-prod';
const WAREHOUSE = 'postgres://warehouse:5432';
const facet = (extra: object) => ({ _producer: 'https://p.example', _schemaURL: 'https://s.example/F.json', ...extra });
const symlinksTo = (namespace: string, name: string) => facet({ identifiers: [{ namespace, name, type: 'TABLE' }] });
/** Minutes into the hour before the suite started (recent enough to be within the products' SLA). */
const HOUR_AGO = Date.now() - 60 * 60_000;
const at = (minutes: number) => new Date(HOUR_AGO + minutes * 60_000).toISOString();
const node = (namespace: string, name: string) => `dataset:${namespace}:${name}`;

describe('symlinks: two identities, one node (HTTP, fake adapters)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(
      {
        orchestrators: [
          { kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'p' }, lineageNamespace: AIRFLOW_NS },
          { kind: 'dagster', name: 'dagster-prod', environment: 'prod', baseUrl: 'http://127.0.0.1:9', repositoryLocation: 'x', repositoryName: '__repository__', assetJob: '__ASSET_JOB', timeoutMs: 1000, headers: {}, lineageNamespace: DAGSTER_NS },
        ],
      },
      { orchestratorAdapters: (instance) => new FakeOrchestrator(instance.kind, []) },
    );
  });
  afterAll(() => t.close());

  const post = async (events: object[]) => {
    const r = await t.request('POST', '/api/v1/lineage', { body: events });
    expect(r.status).toBe(200);
    return r.body;
  };
  const graph = async (id: string, direction = 'both', depth = 5) => {
    const r = await t.request('GET', `/api/v1/lineage?nodeId=${encodeURIComponent(id)}&depth=${depth}&direction=${direction}`);
    expect(r.status).toBe(200);
    return r.body.graph as { id: string; data: { facets: Record<string, { fields?: unknown }> }; inEdges: { origin: string }[]; outEdges: { destination: string }[] }[];
  };
  /** A Dagster run of `key` (START + COMPLETE) writing it as `output`, and an Airflow task reading `input`. */
  const dagsterRun = (key: string, output: { namespace: string; name: string; facets?: Record<string, unknown> }, minute: number) => {
    const runId = randomUUID();
    return ['START', 'COMPLETE'].map((eventType, i) => runEvent({ namespace: DAGSTER_NS, job: key, runId, eventType, eventTime: at(minute + i), outputs: [output] }));
  };
  const airflowTask = (task: string, input: { namespace: string; name: string }, minute: number) =>
    runEvent({ namespace: AIRFLOW_NS, job: `report.${task}`, eventType: 'COMPLETE', eventTime: at(minute), inputs: [input] });

  it.each([
    ['the table with its symlink first, then a reader naming the asset key', 'marts/a', 'warehouse.public.a', true],
    ['the asset key first (as Gatehouse named Dagster assets before), then the table with its symlink', 'marts/b', 'warehouse.public.b', false],
  ])('%s: either identity answers the one node, with every edge', async (_order, key, table, tableFirst) => {
    const asset = { namespace: DAGSTER_NS, name: key };
    const physical = { namespace: WAREHOUSE, name: table, facets: { symlinks: symlinksTo(DAGSTER_NS, key), schema: facet({ fields: [{ name: 'id', type: 'integer' }] }) } };
    const byTable = dagsterRun(key, physical, 10);
    const byKey = [...dagsterRun(key, asset, 1), airflowTask(`read_${key.slice(-1)}_by_key`, asset, 5)];
    const tableReader = airflowTask(`read_${key.slice(-1)}_by_table`, { namespace: WAREHOUSE, name: table }, 20);
    if (tableFirst) await post([...byTable, tableReader, ...byKey]);
    else await post([...byKey, ...byTable, tableReader]);

    for (const id of [node(DAGSTER_NS, key), node(WAREHOUSE, table)]) {
      const nodes = await graph(id);
      const datasets = nodes.filter((n) => n.id.startsWith('dataset:'));
      expect(datasets.map((n) => n.id)).toEqual([node(WAREHOUSE, table)]);
      const [dataset] = datasets;
      expect(dataset.data.facets.schema.fields).toEqual([{ name: 'id', type: 'integer' }]);
      expect(dataset.data.facets.symlinks).toBeDefined();
      expect(dataset.inEdges.map((e) => e.origin)).toEqual([`job:${DAGSTER_NS}:${key}`]);
      expect(dataset.outEdges.map((e) => e.destination).sort()).toEqual([`job:${AIRFLOW_NS}:report.read_${key.slice(-1)}_by_key`, `job:${AIRFLOW_NS}:report.read_${key.slice(-1)}_by_table`]);
    }
    // upstream from the task that reads the table reaches the Dagster job that wrote the asset
    const upstream = await graph(`job:${AIRFLOW_NS}:report.read_${key.slice(-1)}_by_table`, 'upstream');
    expect(upstream.map((n) => n.id)).toEqual([node(WAREHOUSE, table), `job:${AIRFLOW_NS}:report.read_${key.slice(-1)}_by_table`, `job:${DAGSTER_NS}:${key}`]);
  });

  it('duplicates change nothing; a second dataset claiming the same identity does not take it', async () => {
    const key = 'marts/c';
    const physical = { namespace: WAREHOUSE, name: 'warehouse.public.c', facets: { symlinks: symlinksTo(DAGSTER_NS, key) } };
    const events = [...dagsterRun(key, physical, 30), airflowTask('read_c', { namespace: DAGSTER_NS, name: key }, 31)];
    expect(await post(events)).toMatchObject({ stored: 3, duplicates: 0 });
    const before = await graph(node(DAGSTER_NS, key));
    expect(await post(events)).toMatchObject({ stored: 0, duplicates: 3 });
    // the same symlink again in a new event: a no-op too
    await post(dagsterRun(key, physical, 32));
    const elsewhere = { namespace: 's3://lake', name: 'marts/c/', facets: { symlinks: symlinksTo(DAGSTER_NS, key) } };
    await post([runEvent({ namespace: 'spark', job: 'copy_c', eventTime: at(33), outputs: [elsewhere] })]);
    const after = await graph(node(DAGSTER_NS, key), 'both', 1);
    expect(after.filter((n) => n.id.startsWith('dataset:')).map((n) => n.id)).toEqual([node(WAREHOUSE, 'warehouse.public.c')]);
    expect(after.map((n) => n.id).sort()).toEqual(before.map((n) => n.id).sort());
    // the claim that lost leaves that dataset a node of its own
    expect((await graph(node('s3://lake', 'marts/c/'), 'both', 1)).map((n) => n.id).sort()).toEqual([node('s3://lake', 'marts/c/'), 'job:spark:copy_c']);
  });

  it('products: a binding to the asset and a declared table output are one node for impact and SLA, including productions named by the asset key before', async () => {
    const key = 'marts/orders';
    const table = 'warehouse.public.orders';
    const put = (name: string, spec: object) => t.request('PUT', `/api/v1/data-products/${name}`, { body: manifest(name, { spec: { sla: { freshness: 'PT6H' }, ...spec } }) });
    expect((await put('orders-mart', { outputs: [{ namespace: WAREHOUSE, name: table }], bindings: [{ orchestrator: 'dagster-prod', asset: ['marts', 'orders'] }] })).status).toBe(201);
    expect((await put('orders-report', { outputs: [{ namespace: 'file', name: '/reports/orders.json' }], bindings: [{ orchestrator: 'airflow-prod', dag: 'orders_report' }] })).status).toBe(201);
    // the materialization was reported under the asset key only (data from before symlinks); the Airflow DAG reads the table
    await post(dagsterRun(key, { namespace: DAGSTER_NS, name: key }, 40));
    await post([runEvent({ namespace: AIRFLOW_NS, job: 'orders_report.build', eventTime: at(45), inputs: [{ namespace: WAREHOUSE, name: table }], outputs: [{ namespace: 'file', name: '/reports/orders.json' }] })]);
    // before the symlink: two datasets, and the declared table never produced
    const sla = async () => (await t.request('GET', '/api/v1/data-products/orders-mart/sla')).body.environments.find((e: { environment: string }) => e.environment === 'prod');
    expect((await sla()).outputs).toEqual([
      expect.objectContaining({ output: node(WAREHOUSE, table), lastProducedAt: null }),
      expect.objectContaining({ output: node(DAGSTER_NS, key), lastProducedAt: at(41) }),
    ]);
    // a table event with the symlink (a later Dagster poll, or another producer's) joins them
    await post([runEvent({ namespace: 'spark', job: 'describe_orders', eventType: 'OTHER', eventTime: at(46), inputs: [{ namespace: WAREHOUSE, name: table, facets: { symlinks: symlinksTo(DAGSTER_NS, key) } }] })]);
    // one output now, the declared one, produced by the materialization named by the asset key
    expect((await sla()).outputs).toEqual([{ output: node(WAREHOUSE, table), status: 'fresh', lastProducedAt: at(41), deadline: expect.any(String) }]);
    const impact = (await t.request('GET', '/api/v1/data-products/orders-mart/impact')).body;
    expect(impact.downstream).toEqual([{ product: expect.objectContaining({ name: 'orders-report' }), distance: 0, path: [node(WAREHOUSE, table), `job:${AIRFLOW_NS}:orders_report.build`] }]);
    const lineage = (await t.request('GET', '/api/v1/data-products/orders-mart/lineage')).body;
    expect(lineage).toMatchObject({ unseen: [], edges: [{ from: 'orders-mart', to: 'orders-report' }] });
  });
});
