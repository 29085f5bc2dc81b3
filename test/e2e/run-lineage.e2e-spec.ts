import { randomUUID } from 'node:crypto';
import { FakeOrchestrator } from '../support/fake-orchestrator';
import { manifest } from '../support/manifests';
import { runEvent } from '../support/openlineage';
import { documentedResponses } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const NS = 'airflow-prod-ns';
const facet = (extra: object) => ({ _producer: 'https://p', _schemaURL: 'https://s', ...extra });
const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 2, 0, s)).toISOString();

/** A DAG run and one task run of `orders_daily`, as Airflow's provider reports them. */
function airflowRun(dagRunId: string, options: { fail?: boolean } = {}) {
  const dagRun = randomUUID();
  const task = randomUUID();
  const parent = facet({ run: { runId: dagRun }, job: { namespace: NS, name: 'orders_daily' } });
  const end = options.fail ? 'FAIL' : 'COMPLETE';
  return {
    dagRun,
    task,
    events: [
      runEvent({ namespace: NS, job: 'orders_daily', runId: dagRun, eventType: 'START', eventTime: at(0), runFacets: { airflowDagRun: facet({ dagRun: { run_id: dagRunId } }) } }),
      runEvent({ namespace: NS, job: 'orders_daily.load', runId: task, eventType: 'START', eventTime: at(1), runFacets: { parent } }),
      runEvent({
        namespace: NS,
        job: 'orders_daily.load',
        runId: task,
        eventType: end,
        eventTime: at(5),
        runFacets: { parent, ...(options.fail ? { errorMessage: facet({ message: 'boom', programmingLanguage: 'python' }) } : {}) },
        inputs: [{ namespace: 'postgres://warehouse:5432', name: 'raw.orders' }],
        outputs: [{ namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders_daily' }],
      }),
      runEvent({ namespace: NS, job: 'orders_daily', runId: dagRun, eventType: end, eventTime: at(6), runFacets: { airflowDagRun: facet({ dagRun: { run_id: dagRunId } }) } }),
    ],
  };
}

describe('run history joined with lineage (HTTP, fake adapter)', () => {
  let t: TestApp;
  const airflow = new FakeOrchestrator('airflow', []);

  beforeAll(async () => {
    t = await startTestApp(
      { orchestrators: [{ kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: 'http://127.0.0.1:9', uiUrl: 'https://airflow.example.com', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'p' }, lineageNamespace: NS }] },
      { orchestratorAdapters: () => airflow },
    );
    const body = manifest('orders-daily', { spec: { bindings: [{ orchestrator: 'airflow-prod', dag: 'orders_daily' }] } });
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('links a triggered run to the lineage Airflow reports for it, ending it from lineage', async () => {
    const triggered = await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'prod' } });
    expect(triggered.status).toBe(201);
    const id = triggered.body.id;
    const { dagRun, task, events } = airflowRun(id, { fail: true });
    expect((await t.request('POST', '/api/v1/lineage', { body: events })).status).toBe(200);
    // the fake still says "queued": the end came from lineage, not from polling
    const run = (await t.request('GET', `/api/v1/runs/${id}`)).body;
    expect(run).toMatchObject({ id, source: 'gatehouse', lineageRunId: dagRun, status: 'failed', product: 'orders-daily' });
    expect(run.lineage).toMatchObject({ runId: dagRun, job: `job:${NS}:orders_daily`, status: 'failed', tasks: [{ runId: task, job: `job:${NS}:orders_daily.load`, status: 'failed', errorMessage: 'boom' }] });
    expect((await documentedResponses(t))('GET', '/api/v1/runs/{id}', run)).toEqual([]);
    // what it read and wrote, the run's and each task's; and where to see it in Airflow's UI (uiUrl, not the API's URL)
    const written = ['dataset:postgres://warehouse:5432:analytics.public.orders_daily'];
    const read = ['dataset:postgres://warehouse:5432:raw.orders'];
    expect(run.lineage).toMatchObject({ inputs: read, outputs: written, tasks: [{ inputs: read, outputs: written }] });
    expect(run.externalUrl).toBe(`https://airflow.example.com/dags/orders_daily/runs/${id}`);
    expect(triggered.body.externalUrl).toBe(run.externalUrl);
  });

  it('a task that failed its first try and succeeded on retry is one task, succeeded, with both tries', async () => {
    const triggered = (await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'prod' } })).body;
    const dagRun = randomUUID();
    const [try1, try2] = [randomUUID(), randomUUID()];
    const parent = facet({ run: { runId: dagRun }, job: { namespace: NS, name: 'orders_daily' } });
    const attempt = (n: number) => ({ parent, airflow: facet({ dagRun: { run_id: triggered.id }, taskInstance: { try_number: n, map_index: -1 } }) });
    const dag = (eventType: string, s: number) => runEvent({ namespace: NS, job: 'orders_daily', runId: dagRun, eventType, eventTime: at(s), runFacets: { airflowDagRun: facet({ dagRun: { run_id: triggered.id } }) } });
    const task = (runId: string, eventType: string, s: number, n: number, extra: object = {}) => runEvent({ namespace: NS, job: 'orders_daily.load', runId, eventType, eventTime: at(s), runFacets: { ...attempt(n), ...extra } });
    // the retry's events first: the provider's events reach Gatehouse in any order
    await t.request('POST', '/api/v1/lineage', { body: [task(try2, 'START', 20, 2), task(try2, 'COMPLETE', 25, 2), dag('START', 10)] });
    await t.request('POST', '/api/v1/lineage', { body: [task(try1, 'START', 11, 1), task(try1, 'FAIL', 15, 1, { errorMessage: facet({ message: 'first try', programmingLanguage: 'python' }) }), dag('COMPLETE', 26)] });
    const run = (await t.request('GET', `/api/v1/runs/${triggered.id}`)).body;
    expect(run).toMatchObject({ status: 'succeeded', lineage: { status: 'succeeded' } });
    expect(run.lineage.tasks).toEqual([
      {
        runId: try2,
        job: `job:${NS}:orders_daily.load`,
        status: 'succeeded',
        startedAt: at(11),
        endedAt: at(25),
        errorMessage: null,
        tries: [
          { try: 1, runId: try1, status: 'failed', startedAt: at(11), endedAt: at(15), errorMessage: 'first try' },
          { try: 2, runId: try2, status: 'succeeded', startedAt: at(20), endedAt: at(25), errorMessage: null },
        ],
        inputs: [],
        outputs: [],
      },
    ]);
    expect((await documentedResponses(t))('GET', '/api/v1/runs/{id}', run)).toEqual([]);
  });

  it('freshness uses a task’s last try: what an earlier try produced stops counting when a later try fails', async () => {
    const output = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.retried' };
    const body = manifest('retried', { spec: { sla: { freshness: 'PT6H' }, outputs: [output], bindings: [{ orchestrator: 'airflow-prod', dag: 'retried' }] } });
    expect((await t.request('PUT', '/api/v1/data-products/retried', { body })).status).toBe(201);
    const tenMinutesAgo = Date.now() - 600_000;
    const recent = (s: number) => new Date(tenMinutesAgo + s * 1000).toISOString();
    const parent = facet({ run: { runId: randomUUID() }, job: { namespace: NS, name: 'retried' } });
    const attempt = (runId: string, eventType: string, s: number, n: number) =>
      runEvent({ namespace: NS, job: 'retried.load', runId, eventType, eventTime: recent(s), runFacets: { parent, airflow: facet({ taskInstance: { try_number: n } }) }, outputs: eventType === 'COMPLETE' ? [output] : [] });
    const lastProduced = async () => (await t.request('GET', '/api/v1/data-products/retried/sla')).body.environments[0].outputs[0].lastProducedAt;
    const [try1, try2] = [randomUUID(), randomUUID()];
    await t.request('POST', '/api/v1/lineage', { body: [attempt(try1, 'START', 0, 1), attempt(try1, 'COMPLETE', 5, 1)] });
    expect(await lastProduced()).toBe(recent(5));
    // the task is cleared and tried again, and that try fails
    await t.request('POST', '/api/v1/lineage', { body: [attempt(try2, 'START', 20, 2), attempt(try2, 'FAIL', 25, 2)] });
    expect(await lastProduced()).toBeNull();
  });

  it('records runs only lineage reported (scheduled runs) in the history of the bound product', async () => {
    const { dagRun, events } = airflowRun('scheduled__2026-11-29T02:00:00+00:00');
    await t.request('POST', '/api/v1/lineage', { body: events });
    const page = (await t.request('GET', '/api/v1/runs?product=orders-daily&source=lineage')).body;
    expect((await documentedResponses(t))('GET', '/api/v1/runs', page)).toEqual([]);
    const list = page.items;
    expect(list).toEqual([expect.objectContaining({ id: dagRun, source: 'lineage', lineageRunId: dagRun, status: 'succeeded', environment: 'prod', orchestrator: 'airflow-prod', requestedBy: 'lineage', target: { kind: 'dag', dagId: 'orders_daily' } })]);
    // Airflow knows it by the dag_run_id its lineage named
    expect(list[0].externalUrl).toBe(`https://airflow.example.com/dags/orders_daily/runs/${encodeURIComponent('scheduled__2026-11-29T02:00:00+00:00')}`);
    const again = await t.request('POST', '/api/v1/lineage', { body: events });
    expect(again.body).toMatchObject({ stored: 0, duplicates: 4 });
    expect((await t.request('GET', '/api/v1/runs?product=orders-daily&source=lineage')).body.items).toHaveLength(1);
  });

  it('reports the runs Gatehouse triggers as OpenLineage runs of its own', async () => {
    const triggered = (await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'prod' } })).body;
    airflow.finish(triggered.id, 'succeeded');
    expect((await t.request('GET', `/api/v1/runs/${triggered.id}`)).body.status).toBe('succeeded');
    const graph = await t.request('GET', `/api/v1/lineage?nodeId=${encodeURIComponent('job:gatehouse:airflow-prod/orders_daily')}&depth=0`);
    expect(graph.status).toBe(200);
    expect(graph.body.graph[0].data.latestRun).toMatchObject({ runId: triggered.id, status: 'succeeded' });
  });
});
