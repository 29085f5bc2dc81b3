/**
 * Airflow 2 (`/api/v1`, basic auth) is not available live here: the adapter runs against a local HTTP server replaying
 * the bodies in test/fixtures/airflow-v2/*.json; the tests check the requests it sends and what it makes of the answers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ServerResponse } from 'node:http';
import { expectOrchestratorError } from '../contract/orchestrator-port.contract';
import { RunTarget } from '../core/orchestrator.port';
import { AirflowAdapter } from './airflow.adapter';
import { sendJson, startStub, Stub, StubRequest } from './testing/stub-server';

const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'airflow-v2');
const fixture = (name: string): { status: number; body: unknown } => JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
const replay = (res: ServerResponse, name: string) => {
  const f = fixture(name);
  sendJson(res, f.status, f.body);
};

const USER = 'gatehouse';
const PASSWORD = 's3cret:with:colons';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const ORDERS: RunTarget = { kind: 'dag', dagId: 'orders_daily' };
const FAILS: RunTarget = { kind: 'dag', dagId: 'always_fails' };

type Routes = Record<string, string | ((req: StubRequest, res: ServerResponse) => void)>;

let stub: Stub;
let routes: Routes;

beforeAll(async () => {
  stub = await startStub((req, res) => {
    // /health needs no auth; everything else wants our basic auth, like an Airflow 2 with the basic_auth backend
    if (req.path !== '/api/v1/health' && req.headers.authorization !== BASIC) return replay(res, 'error-401');
    const route = routes[`${req.method} ${req.path}`];
    if (!route) return sendJson(res, 404, { detail: `no route for ${req.method} ${req.path}`, status: 404, title: 'Not Found' });
    return typeof route === 'string' ? replay(res, route) : route(req, res);
  });
});
afterAll(() => stub.close());
beforeEach(() => {
  routes = {};
  stub.requests.length = 0;
});

const adapter = (password = PASSWORD) =>
  new AirflowAdapter({ baseUrl: stub.url, apiVersion: 'v1', username: USER, password, timeoutMs: 2_000, attempts: 2 }, { sleep: async () => undefined });
const sent = (method: string, p: string) => stub.requests.filter((r) => r.method === method && r.path === p);

describe('Airflow 2 (/api/v1) from recorded responses', () => {
  it('health: /health without credentials, /version and a credential probe with basic auth', async () => {
    routes = { 'GET /api/v1/health': 'health', 'GET /api/v1/version': 'version', 'GET /api/v1/dags': 'dags' };
    const health = await adapter().health();
    expect(health).toMatchObject({ kind: 'airflow', healthy: true, version: '2.10.5', details: { apiVersion: 'v1', credentials: 'accepted', problems: [] } });
    expect(sent('GET', '/api/v1/health')[0].headers.authorization).toBeUndefined();
    expect(sent('GET', '/api/v1/version')[0].headers.authorization).toBe(BASIC);
    expect(sent('GET', '/api/v1/dags')[0].query.get('limit')).toBe('1');
  });

  it('health: an unhealthy scheduler or refused credentials make it unhealthy', async () => {
    routes = { 'GET /api/v1/health': 'health-scheduler-down', 'GET /api/v1/version': 'version', 'GET /api/v1/dags': 'dags' };
    expect(await adapter().health()).toMatchObject({ healthy: false, details: { problems: ['scheduler is unhealthy'] } });
    routes['GET /api/v1/health'] = 'health';
    const refused = await adapter('wrong').health();
    // /version, too, is refused with wrong credentials on v1: no version, no exception
    expect(refused).toMatchObject({ healthy: false, version: null, details: { credentials: 'refused' } });
  });

  it('discover: only active DAGs, schedules from CronExpression / TimeDelta / none', async () => {
    routes = { 'GET /api/v1/dags': 'dags' };
    const dags = await adapter().discover();
    const q = sent('GET', '/api/v1/dags')[0].query;
    expect(Object.fromEntries(q)).toEqual({ offset: '0', limit: '100', only_active: 'true', order_by: 'dag_id' });
    expect(dags).toEqual([
      { type: 'dag', dagId: 'always_fails', owners: ['platform'], tags: ['test'], schedule: null, paused: false, description: 'Fails on purpose (Gatehouse fixture)' },
      { type: 'dag', dagId: 'customers_snapshot', owners: ['crm-data'], tags: ['crm'], schedule: '30 3 * * *', paused: true, description: 'Nightly customer snapshot (Gatehouse fixture)' },
      { type: 'dag', dagId: 'inventory_sync', owners: ['ops', 'sales-data'], tags: [], schedule: 'every 3600s', paused: false, description: null },
      { type: 'dag', dagId: 'orders_daily', owners: ['sales-data'], tags: ['finance', 'sales'], schedule: '0 2 * * *', paused: false, description: 'Daily orders rollup (Gatehouse fixture)' },
    ]);
  });

  it('trigger: POST dagRuns with dag_run_id, conf and a note, WITHOUT logical_date (v1 defaults it)', async () => {
    routes = {
      'GET /api/v1/dags/orders_daily': 'dag-orders_daily',
      'POST /api/v1/dags/orders_daily/dagRuns': 'dagrun-created',
      'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1/taskInstances': (_req, res) => sendJson(res, 200, { task_instances: [], total_entries: 0 }),
    };
    const run = await adapter().trigger({ target: ORDERS, runId: 'gh-run-1', conf: { region: 'eu' }, tags: { product: 'orders' } });
    expect(run).toEqual({ runId: 'gh-run-1', target: ORDERS, status: 'queued', nativeStatus: 'queued', startedAt: null, endedAt: null, steps: [] });
    const [post] = sent('POST', '/api/v1/dags/orders_daily/dagRuns');
    expect(post.headers.authorization).toBe(BASIC);
    expect(post.headers['content-type']).toMatch(/application\/json/);
    expect(post.body).toEqual({ dag_run_id: 'gh-run-1', conf: { region: 'eu' }, note: 'Triggered by Gatehouse (run gh-run-1); tags: product=orders' });
    expect('logical_date' in post.body).toBe(false);
  });

  it('trigger: 409 for the run id → the existing run, no error', async () => {
    routes = {
      'GET /api/v1/dags/orders_daily': 'dag-orders_daily',
      'POST /api/v1/dags/orders_daily/dagRuns': 'error-409-run-id',
      'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1': 'dagrun-running',
      'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1/taskInstances': 'taskinstances-running',
    };
    const run = await adapter().trigger({ target: ORDERS, runId: 'gh-run-1' });
    expect(run).toMatchObject({ runId: 'gh-run-1', status: 'running', startedAt: '2025-02-10T10:00:03.331218+00:00' });
    expect(sent('POST', '/api/v1/dags/orders_daily/dagRuns')).toHaveLength(1);
  });

  it('trigger: 409 for a clashing logical date (no run with our id) stays a conflict', async () => {
    routes = {
      'GET /api/v1/dags/orders_daily': 'dag-orders_daily',
      'POST /api/v1/dags/orders_daily/dagRuns': 'error-409-logical-date',
      'GET /api/v1/dags/orders_daily/dagRuns/gh-run-9': 'error-404-dagrun',
    };
    const error = await expectOrchestratorError(adapter().trigger({ target: ORDERS, runId: 'gh-run-9' }), 'conflict');
    expect(error.orchestratorMessage).toMatch(/logical date/);
    expect(error.httpStatus).toBe(409);
  });

  it('trigger: a paused DAG is a conflict and nothing is POSTed; setPaused is the explicit way out', async () => {
    routes = {
      'GET /api/v1/dags/customers_snapshot': 'dag-customers_snapshot-paused',
      'GET /api/v1/dags/customers_snapshot/dagRuns/gh-run-3': 'error-404-dagrun',
      'PATCH /api/v1/dags/customers_snapshot': 'dag-customers_snapshot-unpaused',
    };
    const target: RunTarget = { kind: 'dag', dagId: 'customers_snapshot' };
    const error = await expectOrchestratorError(adapter().trigger({ target, runId: 'gh-run-3' }), 'conflict');
    expect(error.message).toMatch(/customers_snapshot is paused.*explicit, audited/);
    expect(stub.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const dag = await adapter().setPaused('customers_snapshot', false);
    expect(dag).toMatchObject({ dagId: 'customers_snapshot', paused: false });
    const [patch] = sent('PATCH', '/api/v1/dags/customers_snapshot');
    expect(patch.query.get('update_mask')).toBe('is_paused');
    expect(patch.body).toEqual({ is_paused: false });
  });

  it('trigger: an unknown DAG is not_found; a bad run id is invalid_request with Airflow’s reason', async () => {
    routes = { 'GET /api/v1/dags/no_such_dag': 'error-404-dag', 'GET /api/v1/dags/orders_daily': 'dag-orders_daily', 'POST /api/v1/dags/orders_daily/dagRuns': 'error-400-run-id' };
    const missing = await expectOrchestratorError(adapter().trigger({ target: { kind: 'dag', dagId: 'no_such_dag' }, runId: 'gh-1' }), 'not_found');
    expect(missing.message).toBe('Airflow has no DAG no_such_dag');
    expect(missing.orchestratorMessage).toBe("DAG with dag_id: 'no_such_dag' not found");
    const bad = await expectOrchestratorError(adapter().trigger({ target: ORDERS, runId: 'has spaces' }), 'invalid_request');
    expect(bad.orchestratorMessage).toMatch(/does not match the configured pattern/);
  });

  it('getRun: a successful run with its steps in start order', async () => {
    routes = { 'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1': 'dagrun-success', 'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1/taskInstances': 'taskinstances-success' };
    const run = await adapter().getRun(ORDERS, 'gh-run-1');
    expect(run).toEqual({
      runId: 'gh-run-1',
      target: ORDERS,
      status: 'succeeded',
      nativeStatus: 'success',
      startedAt: '2025-02-10T10:00:03.331218+00:00',
      endedAt: '2025-02-10T10:00:14.902761+00:00',
      steps: [
        { name: 'extract', status: 'succeeded', startedAt: '2025-02-10T10:00:04.010203+00:00', endedAt: '2025-02-10T10:00:04.801122+00:00' },
        { name: 'transform', status: 'succeeded', startedAt: '2025-02-10T10:00:05.500300+00:00', endedAt: '2025-02-10T10:00:12.902001+00:00' },
        { name: 'load', status: 'succeeded', startedAt: '2025-02-10T10:00:13.700000+00:00', endedAt: '2025-02-10T10:00:14.411010+00:00' },
      ],
    });
    const tis = sent('GET', '/api/v1/dags/orders_daily/dagRuns/gh-run-1/taskInstances')[0];
    expect(Object.fromEntries(tis.query)).toEqual({ offset: '0', limit: '100' });
  });

  it('getRun: a failed run; upstream_failed steps are skipped; unknown run → not_found', async () => {
    routes = {
      'GET /api/v1/dags/always_fails/dagRuns/gh-run-2': 'dagrun-failed',
      'GET /api/v1/dags/always_fails/dagRuns/gh-run-2/taskInstances': 'taskinstances-failed',
      'GET /api/v1/dags/orders_daily/dagRuns/gh-missing': 'error-404-dagrun',
      'GET /api/v1/dags/orders_daily/dagRuns/gh-missing/taskInstances': 'error-404-dagrun',
    };
    const run = await adapter().getRun(FAILS, 'gh-run-2');
    expect(run.status).toBe('failed');
    expect(run.steps.map((s) => [s.name, s.status])).toEqual([
      ['boom', 'failed'],
      ['notify', 'skipped'],
    ]);
    const missing = await expectOrchestratorError(adapter().getRun(ORDERS, 'gh-missing'), 'not_found');
    expect(missing.message).toBe('Airflow has no run gh-missing of DAG orders_daily');
  });

  it('cancel: PATCH state=failed, then the marker note through /setNote (v1 PATCH takes only state) → cancelled', async () => {
    let cancelled = false;
    routes = {
      'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1': (_req, res) => replay(res, cancelled ? 'dagrun-cancelled' : 'dagrun-running'),
      'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1/taskInstances': (_req, res) => replay(res, cancelled ? 'taskinstances-cancelled' : 'taskinstances-running'),
      'PATCH /api/v1/dags/orders_daily/dagRuns/gh-run-1': (_req, res) => replay(res, 'dagrun-success'),
      'PATCH /api/v1/dags/orders_daily/dagRuns/gh-run-1/setNote': (_req, res) => {
        cancelled = true;
        replay(res, 'dagrun-cancelled');
      },
    };
    const run = await adapter().cancel(ORDERS, 'gh-run-1');
    expect(run).toMatchObject({ runId: 'gh-run-1', status: 'cancelled', nativeStatus: 'failed' });
    expect(run.steps.map((s) => s.status)).toEqual(['succeeded', 'failed', 'skipped']);
    const patches = stub.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => [p.path, p.body])).toEqual([
      ['/api/v1/dags/orders_daily/dagRuns/gh-run-1', { state: 'failed' }],
      ['/api/v1/dags/orders_daily/dagRuns/gh-run-1/setNote', { note: 'Cancelled by Gatehouse' }],
    ]);
  });

  it('cancel: a finished run is returned as it is, nothing PATCHed', async () => {
    routes = { 'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1': 'dagrun-success', 'GET /api/v1/dags/orders_daily/dagRuns/gh-run-1/taskInstances': 'taskinstances-success' };
    expect((await adapter().cancel(ORDERS, 'gh-run-1')).status).toBe('succeeded');
    expect(stub.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('recentProductions: successful runs newest first; an unknown DAG (empty list on v1) is not_found', async () => {
    routes = {
      'GET /api/v1/dags/orders_daily/dagRuns': 'dagruns-success',
      'GET /api/v1/dags/no_such_dag/dagRuns': 'dagruns-empty',
      'GET /api/v1/dags/no_such_dag': 'error-404-dag',
    };
    const events = await adapter().recentProductions(ORDERS, 5);
    expect(events).toEqual([
      { target: ORDERS, runId: 'gh-run-1', at: '2025-02-10T10:00:14.902761+00:00' },
      { target: ORDERS, runId: 'scheduled__2025-02-09T02:00:00+00:00', at: '2025-02-10T02:00:12.100000+00:00' },
    ]);
    expect(Object.fromEntries(sent('GET', '/api/v1/dags/orders_daily/dagRuns')[0].query)).toEqual({ state: 'success', order_by: '-end_date', offset: '0', limit: '5' });
    await expectOrchestratorError(adapter().recentProductions({ kind: 'dag', dagId: 'no_such_dag' }, 5), 'not_found');
  });

  it('wrong credentials: unauthorized, sent once (nothing to refresh with basic auth), password nowhere in the error', async () => {
    routes = { 'GET /api/v1/dags': 'dags' };
    const error = await expectOrchestratorError(adapter('not-the-password').discover(), 'unauthorized');
    expect(error.httpStatus).toBe(401);
    expect(error.orchestratorMessage).toBe('Unauthorized');
    expect(stub.requests).toHaveLength(1);
    expect(`${error.message} ${error.orchestratorMessage} ${error.stack}`).not.toContain('not-the-password');
  });

  it('paths are percent-encoded (scheduled run ids contain + and :)', async () => {
    const runId = 'scheduled__2025-02-09T02:00:00+00:00';
    routes = {
      [`GET /api/v1/dags/orders_daily/dagRuns/${runId}`]: (_req, res) => sendJson(res, 200, { ...(fixture('dagrun-success').body as object), dag_run_id: runId }),
      [`GET /api/v1/dags/orders_daily/dagRuns/${runId}/taskInstances`]: 'taskinstances-success',
    };
    expect((await adapter().getRun(ORDERS, runId)).runId).toBe(runId);
    expect(stub.requests[0].rawPath).toBe('/api/v1/dags/orders_daily/dagRuns/scheduled__2025-02-09T02%3A00%3A00%2B00%3A00');
  });
});
