/**
 * The Airflow adapter against a REAL Airflow 3.3.2 (api-server, scheduler, dag-processor on loopback, started by
 * scripts/orchestrators/start.mjs with test/fixtures/airflow/dags): the shared OrchestratorPort contract, then
 * Airflow-specific checks (paused DAGs, pause/unpause, credentials and roles).
 *
 *   npm run test:orchestrators -- airflow
 *
 * GATEHOUSE_TEST_AIRFLOW_URL (+ _USERNAME/_PASSWORD, default admin/admin) points the suite at an Airflow already
 * running (e.g. `npm run orchestrators:up`) instead of starting one.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeOrchestratorContract, expectOrchestratorError, pollRun, pollUntilFinal } from '../../adapters/contract/orchestrator-port.contract';
import { DiscoveredDag, RunTarget } from '../../adapters/core/orchestrator.port';
import { AirflowAdapter } from '../../adapters/airflow';

interface AirflowInfo {
  baseUrl: string;
  username: string;
  password: string;
  apiVersion: 'v2';
  version: string;
  users: Record<string, { password: string; role: string }>;
}

const START = path.resolve(__dirname, '..', '..', 'scripts', 'orchestrators', 'start.mjs');
const SUCCEEDING: RunTarget = { kind: 'dag', dagId: 'orders_daily' };
const FAILING: RunTarget = { kind: 'dag', dagId: 'always_fails' };
const UNKNOWN: RunTarget = { kind: 'dag', dagId: 'no_such_dag' };
/** Stays paused (start.mjs creates DAGs paused): the paused-trigger checks use it. */
const PAUSED = 'customers_snapshot';

let airflow: AirflowInfo;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const external = process.env.GATEHOUSE_TEST_AIRFLOW_URL;
  if (external) {
    const username = process.env.GATEHOUSE_TEST_AIRFLOW_USERNAME ?? 'admin';
    const password = process.env.GATEHOUSE_TEST_AIRFLOW_PASSWORD ?? 'admin';
    airflow = { baseUrl: external, username, password, apiVersion: 'v2', version: '', users: { viewer: { password: 'viewer', role: 'viewer' } } };
    return;
  }
  const { startOrchestrators } = (await import(pathToFileURL(START).href)) as {
    startOrchestrators: (o: Record<string, unknown>) => Promise<{ airflow: AirflowInfo; stop: () => Promise<void> }>;
  };
  const started = await startOrchestrators({ airflow: true, dagster: false, log: (line: string) => process.stderr.write(`[airflow] ${line}\n`) });
  airflow = started.airflow;
  stop = started.stop;
}, 600_000);

afterAll(async () => {
  await stop?.();
}, 120_000);

/**
 * Unpausing a scheduled DAG (catchup=False) makes the scheduler start one `scheduled__` run at once. Let it finish
 * before the suite triggers: Airflow on SQLite copes badly with concurrent writers (seen here: "database is locked"
 * killing the scheduler when that run's tasks, the suite's triggers and the scheduler all wrote at the same moment).
 */
async function settle(dagId: string, timeoutMs = 180_000): Promise<void> {
  const { airflowToken } = (await import(pathToFileURL(START).href)) as { airflowToken: (u: string, n: string, p: string) => Promise<string> };
  const token = await airflowToken(airflow.baseUrl, airflow.username, airflow.password);
  const deadline = Date.now() + timeoutMs;
  await new Promise((r) => setTimeout(r, 2_000)); // the scheduler creates the run within a loop or two
  for (;;) {
    const res = await fetch(`${airflow.baseUrl}/api/v2/dags/${dagId}/dagRuns?state=queued&state=running&limit=1`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { total_entries?: number };
    if (res.ok && body.total_entries === 0) return;
    if (Date.now() > deadline) throw new Error(`DAG ${dagId} still has active runs after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

const adapter = (overrides: Partial<{ username: string; password: string }> = {}) =>
  new AirflowAdapter({ baseUrl: airflow.baseUrl, apiVersion: 'v2', username: airflow.username, password: airflow.password, timeoutMs: 15_000, ...overrides });

describeOrchestratorContract('airflow 3', async () => {
  const port = adapter();
  return {
    port,
    succeeding: SUCCEEDING,
    failing: FAILING,
    unknown: UNKNOWN,
    runTimeoutMs: 240_000,
    // the run ids the contract makes up must fit Airflow's allowed_run_id_pattern ^[A-Za-z0-9_.~:+-]+$
    newRunId: () => `gh-contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    expectDiscovered: (items) => {
      const dags = items.filter((i): i is DiscoveredDag => i.type === 'dag');
      const byId = Object.fromEntries(dags.map((d) => [d.dagId, d]));
      expect(Object.keys(byId)).toEqual(expect.arrayContaining(['always_fails', 'customers_snapshot', 'orders_daily']));
      expect(byId.orders_daily).toEqual({
        type: 'dag',
        dagId: 'orders_daily',
        owners: ['sales-data'],
        tags: ['finance', 'sales'],
        schedule: '0 2 * * *',
        paused: expect.any(Boolean),
        description: 'Daily orders rollup (Gatehouse fixture)',
      });
      expect(byId.customers_snapshot).toMatchObject({ owners: ['crm-data'], tags: ['crm'], schedule: '30 3 * * *' });
      expect(byId.always_fails).toMatchObject({ owners: ['platform'], tags: ['test'], schedule: null, description: 'Fails on purpose (Gatehouse fixture)' });
    },
    // unpausing is an explicit choice, made here by the test, never by trigger
    prepare: async (target) => {
      if (target.kind !== 'dag') return;
      await port.setPaused(target.dagId, false);
      await settle(target.dagId);
    },
    teardown: async () => {
      for (const dagId of [SUCCEEDING, FAILING].map((t) => (t as { dagId: string }).dagId)) await port.setPaused(dagId, true).catch(() => undefined);
    },
  };
});

describe('Airflow 3 specifics', () => {
  it('trigger on a paused DAG is a conflict naming the pause; nothing is created', async () => {
    const port = adapter();
    const paused = await port.setPaused(PAUSED, true);
    expect(paused).toMatchObject({ dagId: PAUSED, paused: true });
    const runId = `gh-paused-${Date.now().toString(36)}`;
    const error = await expectOrchestratorError(port.trigger({ target: { kind: 'dag', dagId: PAUSED }, runId }), 'conflict');
    expect(error.message).toMatch(/is paused/);
    expect(error.message).toMatch(/explicit, audited/);
    await expectOrchestratorError(port.getRun({ kind: 'dag', dagId: PAUSED }, runId), 'not_found');
    // still paused: the adapter never unpauses by itself
    const dags = await port.discover();
    expect(dags.find((d) => d.type === 'dag' && d.dagId === PAUSED)).toMatchObject({ paused: true });
  });

  it('cancel a RUNNING run: Airflow stops it, it ends cancelled, unfinished tasks never succeed', async () => {
    const port = adapter();
    await port.setPaused('orders_daily', false);
    try {
      const runId = `gh-cancel-running-${Date.now().toString(36)}`;
      await port.trigger({ target: SUCCEEDING, runId });
      const running = await pollRun(port, SUCCEEDING, runId, (r) => r.status !== 'queued', { timeoutMs: 120_000, intervalMs: 200 });
      const cancelled = await port.cancel(SUCCEEDING, runId);
      if (running.status !== 'running' || cancelled.status === 'succeeded') {
        // the three sub-second tasks may all be done before we get there: then there was nothing to cancel
        expect(['succeeded', 'cancelled']).toContain(cancelled.status);
        return;
      }
      expect(cancelled).toMatchObject({ runId, status: 'cancelled', nativeStatus: 'failed' });
      const final = await pollUntilFinal(port, SUCCEEDING, runId, { timeoutMs: 120_000 });
      // give Airflow a moment to settle the tasks
      await new Promise((r) => setTimeout(r, 5_000));
      const settled = await port.getRun(SUCCEEDING, runId);
      if (final.status === 'succeeded' || settled.status === 'succeeded') {
        // The race Airflow resolves for completion: the last sub-second task was already finishing
        // when the run was marked failed, and its success re-evaluated the run. Then every task
        // did succeed; anything else would be a wrong answer.
        expect(settled).toMatchObject({ status: 'succeeded' });
        expect(settled.steps.every((s) => s.status === 'succeeded')).toBe(true);
        return;
      }
      expect(final.status).toBe('cancelled');
      expect(settled.status).toBe('cancelled');
      expect(settled.steps.every((s) => s.status === 'succeeded')).toBe(false);
      expect((await port.recentProductions(SUCCEEDING, 50)).some((e) => e.runId === runId)).toBe(false);
    } finally {
      await port.setPaused('orders_daily', true);
    }
  });

  it('setPaused round-trips and is idempotent; an unknown DAG is not_found', async () => {
    const port = adapter();
    expect(await port.setPaused(PAUSED, false)).toMatchObject({ paused: false });
    expect(await port.setPaused(PAUSED, true)).toMatchObject({ paused: true });
    expect(await port.setPaused(PAUSED, true)).toMatchObject({ paused: true });
    await expectOrchestratorError(port.setPaused('no_such_dag', true), 'not_found');
  });

  it('wrong password: health unhealthy (credentials refused), calls unauthorized, password never in errors', async () => {
    const password = 'Wr0ng-Secret-Pa55';
    const port = adapter({ password });
    const health = await port.health();
    expect(health).toMatchObject({ kind: 'airflow', healthy: false, details: { credentials: 'refused' } });
    expect(JSON.stringify(health)).not.toContain(password);
    const error = await expectOrchestratorError(port.discover(), 'unauthorized');
    expect(error.orchestratorMessage).toBe('Invalid credentials');
    for (const text of [error.message, error.orchestratorMessage ?? '', String(error.stack)]) expect(text).not.toContain(password);
  });

  it('a viewer may read but not trigger: unauthorized (403), no run created', async () => {
    const admin = adapter();
    const viewer = adapter({ username: 'viewer', password: airflow.users.viewer.password });
    expect((await viewer.discover()).length).toBeGreaterThan(0);
    await admin.setPaused('orders_daily', false);
    try {
      const runId = `gh-viewer-${Date.now().toString(36)}`;
      const error = await expectOrchestratorError(viewer.trigger({ target: SUCCEEDING, runId }), 'unauthorized');
      expect(error.httpStatus).toBe(403);
      await expectOrchestratorError(admin.getRun(SUCCEEDING, runId), 'not_found');
      await expectOrchestratorError(viewer.setPaused('orders_daily', true), 'unauthorized');
    } finally {
      await admin.setPaused('orders_daily', true);
    }
  });

  it('an invalid run id is invalid_request with Airflow’s reason', async () => {
    const port = adapter();
    await port.setPaused('orders_daily', false);
    try {
      const error = await expectOrchestratorError(port.trigger({ target: SUCCEEDING, runId: 'has spaces/and slash' }), 'invalid_request');
      expect(error.orchestratorMessage).toMatch(/run_id/);
    } finally {
      await port.setPaused('orders_daily', true);
    }
  });
});
