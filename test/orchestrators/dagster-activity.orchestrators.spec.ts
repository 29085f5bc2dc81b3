/**
 * DagsterAdapter.activitySince and the Dagster → OpenLineage mapper against a REAL Dagster 1.13.27 (a fresh instance
 * of its own, started by scripts/orchestrators/start.mjs): the fixture's succeeding and failing assets are
 * materialized, the feed is followed with its cursor while they run, and read again from the beginning.
 *
 *   npm run test:orchestrators -- dagster-activity
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { RunActivity, RunTarget } from '../../adapters/core/orchestrator.port';
import { DagsterAdapter } from '../../adapters/dagster';
import { dagsterRunEvents } from '../../src/lineage/sources/dagster-lineage';

interface Started {
  dagster: { baseUrl: string; graphqlUrl: string; locationName: string; repositoryName: string; assetJobName: string; home: string };
  stop: () => Promise<void>;
}
type StartModule = {
  startOrchestrators: (options: Record<string, unknown>) => Promise<Started>;
  ensureVenvs: (kinds: string[], options?: Record<string, unknown>) => Promise<{ dagster: string }>;
  dagsterGraphql: (url: string, query: string, variables?: Record<string, unknown>) => Promise<any>;
};

const START = path.resolve(__dirname, '..', '..', 'scripts', 'orchestrators', 'start.mjs');
const SUCCEEDING: RunTarget = { kind: 'assets', assetKeys: [['sales', 'raw_orders'], ['sales', 'orders_daily']] };
const FAILING: RunTarget = { kind: 'assets', assetKeys: [['sales', 'broken_asset']] };
const FINAL = new Set(['succeeded', 'failed', 'cancelled']);
const LINEAGE = { namespace: 'dagster://gatehouse-test', producer: 'https://github.com/gatehouse/gatehouse/tree/test' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let startModule: StartModule;
let started: Started;
let adapter: DagsterAdapter;

beforeAll(async () => {
  startModule = (await import(pathToFileURL(START).href)) as StartModule;
  started = await startModule.startOrchestrators({ airflow: false, dagster: true, log: (line: string) => process.stderr.write(`[dagster] ${line}\n`) });
  const d = started.dagster;
  adapter = new DagsterAdapter({
    baseUrl: d.baseUrl,
    graphqlUrl: d.graphqlUrl,
    repositoryLocationName: d.locationName,
    repositoryName: d.repositoryName,
    assetJobName: d.assetJobName,
    timeoutMs: 15_000,
  });
}, 600_000);

afterAll(async () => {
  await started?.stop();
}, 120_000);

/** Every page from `cursor` on (pages of `limit`) until an empty one; returns the runs and the cursor to store. */
async function drain(cursor: string | null, limit: number): Promise<{ runs: RunActivity[]; cursor: string }> {
  const runs: RunActivity[] = [];
  for (;;) {
    const page = await adapter.activitySince(cursor, limit);
    cursor = page.cursor;
    if (!page.runs.length) return { runs, cursor };
    runs.push(...page.runs);
  }
}

/** What the auto-retry daemon does to a finished run: add a tag, which moves its updateTime (Python, same instance). */
async function tagFinishedRun(dagsterRunId: string): Promise<void> {
  const { dagster: venv } = await startModule.ensureVenvs(['dagster'], { log: () => undefined });
  const env: Record<string, string> = { PATH: `${path.join(venv, 'bin')}:${process.env.PATH ?? ''}`, DAGSTER_HOME: started.dagster.home, HOME: process.env.HOME ?? '/tmp', PYTHONDONTWRITEBYTECODE: '1' };
  const script = 'import sys\nfrom dagster import DagsterInstance\nDagsterInstance.get().add_run_tags(sys.argv[1], {"gatehouse/test-later-tag": "yes"})\n';
  await promisify(execFile)(path.join(venv, 'bin', 'python'), ['-c', script, dagsterRunId], { env, timeout: 60_000 });
}

describe('Dagster activity feed on a real Dagster', () => {
  const okId = `gh-activity-ok-${Date.now()}`;
  const failId = `gh-activity-fail-${Date.now()}`;
  const followed: RunActivity[] = [];
  let cursor: string;

  it('follows the two runs with the cursor while they run: every final state exactly once', async () => {
    // nothing happened yet on this fresh instance
    const before = await adapter.activitySince(null, 10);
    expect(before.runs).toEqual([]);
    cursor = before.cursor;

    await adapter.trigger({ target: SUCCEEDING, runId: okId });
    await adapter.trigger({ target: FAILING, runId: failId });
    const deadline = Date.now() + 180_000;
    const finals = () => followed.filter((r) => FINAL.has(r.status)).map((r) => r.gatehouseRunId);
    while (!(finals().includes(okId) && finals().includes(failId))) {
      if (Date.now() > deadline) throw new Error(`runs did not finish in time; seen ${JSON.stringify(followed.map((r) => [r.gatehouseRunId, r.nativeStatus]))}`);
      const page = await drain(cursor, 1); // pages of one: the tie-breaking and the watermark are really exercised
      followed.push(...page.runs);
      cursor = page.cursor;
      await sleep(300);
    }
    // a little later nothing more: the final states are not delivered again
    await sleep(1_500);
    const after = await drain(cursor, 1);
    followed.push(...after.runs);
    cursor = after.cursor;
    expect(after.runs.filter((r) => FINAL.has(r.status))).toEqual([]);

    const finalStates = followed.filter((r) => FINAL.has(r.status)).map((r) => `${r.gatehouseRunId}:${r.status}`);
    expect(finalStates.sort()).toEqual([`${failId}:failed`, `${okId}:succeeded`].sort());
    // live states were seen on the way only for our two runs, and never after their final state
    expect(new Set(followed.map((r) => r.gatehouseRunId))).toEqual(new Set([okId, failId]));
    for (const id of [okId, failId]) {
      const states = followed.filter((r) => r.gatehouseRunId === id).map((r) => r.status);
      expect(states.indexOf(states.find((s) => FINAL.has(s))!)).toBe(states.length - 1);
    }
  }, 240_000);

  it('a tag added to a finished run later does not deliver its final state again', async () => {
    const ok = followed.find((r) => r.gatehouseRunId === okId && r.status === 'succeeded')!;
    await tagFinishedRun(ok.runId);
    const { runOrError } = await startModule.dagsterGraphql(started.dagster.graphqlUrl, 'query($id: ID!) { runOrError(runId: $id) { ... on Run { endTime updateTime } } }', { id: ok.runId });
    expect(runOrError.updateTime).toBeGreaterThan(runOrError.endTime); // the run did change, in Dagster's eyes
    const after = await drain(cursor, 5);
    expect(after.runs).toEqual([]);
    cursor = after.cursor;
  }, 120_000);

  it('from the beginning: both runs once, final, with materializations, checks, dependencies and the failure', async () => {
    const { runs } = await drain(null, 1);
    expect(runs.map((r) => `${r.gatehouseRunId}:${r.status}`).sort()).toEqual([`${failId}:failed`, `${okId}:succeeded`].sort());
    // oldest change first
    expect(runs.map((r) => r.endedAt!)).toEqual([...runs.map((r) => r.endedAt!)].sort());

    const ok = runs.find((r) => r.gatehouseRunId === okId)!;
    expect(ok).toMatchObject({ status: 'succeeded', nativeStatus: 'SUCCESS', jobName: '__ASSET_JOB', error: null, tags: expect.objectContaining({ 'gatehouse/run-id': okId, 'gatehouse/test-later-tag': 'yes' }) });
    expect(ok.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ok.target.kind === 'assets' && ok.target.assetKeys.map((k) => k.join('/')).sort()).toEqual(['sales/orders_daily', 'sales/raw_orders']);
    expect(ok.materializations.map((m) => m.assetKey.join('/'))).toEqual(['sales/raw_orders', 'sales/orders_daily']);
    expect(ok.checks).toEqual([{ assetKey: ['sales', 'orders_daily'], name: 'orders_daily_has_rows', passed: true, at: expect.any(String) }]);
    const deps = Object.fromEntries(ok.dependencies.map((d) => [d.assetKey.join('/'), d.upstream.map((k) => k.join('/'))]));
    expect(deps).toEqual({ 'sales/orders_daily': ['sales/raw_orders'], 'sales/raw_orders': [] });
    expect(ok.startedAt! <= ok.materializations[0].at && ok.checks[0].at <= ok.endedAt!).toBe(true);

    const bad = runs.find((r) => r.gatehouseRunId === failId)!;
    expect(bad).toMatchObject({ status: 'failed', nativeStatus: 'FAILURE', materializations: [], checks: [], dependencies: [{ assetKey: ['sales', 'broken_asset'], upstream: [] }] });
    expect(bad.error).toContain('sales__broken_asset: RuntimeError: broken_asset: this asset fails on purpose (Gatehouse fixture)');

    // the mapper: START + COMPLETE / START + FAIL, keyed by Dagster's run id
    const okEvents = dagsterRunEvents(ok, LINEAGE);
    expect(okEvents.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    expect(okEvents[1]).toMatchObject({
      run: { runId: ok.runId },
      job: { namespace: LINEAGE.namespace, name: 'sales/orders_daily,sales/raw_orders' },
      outputs: [
        { namespace: LINEAGE.namespace, name: 'sales/orders_daily', outputFacets: { gatehouse_assetChecks: { checks: [{ name: 'orders_daily_has_rows', passed: true }] } } },
        { namespace: LINEAGE.namespace, name: 'sales/raw_orders' },
      ],
      inputs: [{ namespace: LINEAGE.namespace, name: 'sales/raw_orders' }],
    });
    const badEvents = dagsterRunEvents(bad, LINEAGE);
    expect(badEvents.map((e) => e.eventType)).toEqual(['START', 'FAIL']);
    expect(badEvents[1].run.facets!.errorMessage).toMatchObject({ programmingLanguage: 'python', message: expect.stringContaining('broken_asset: this asset fails on purpose') });
    expect(badEvents[1].job.name).toBe('sales/broken_asset');
    // the same activity read again maps to identical events (redelivery is idempotent)
    const again = (await drain(null, 10)).runs.find((r) => r.gatehouseRunId === okId)!;
    expect(dagsterRunEvents(again, LINEAGE)).toEqual(okEvents);
  }, 120_000);
});
