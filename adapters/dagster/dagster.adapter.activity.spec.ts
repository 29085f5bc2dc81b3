/**
 * DagsterAdapter.activitySince over a replayed webserver. The runs are the recorded ones
 * (test/fixtures/dagster-graphql/activity-*.json, by record-activity.mjs); a small store answers the two passes from
 * them the way Dagster does (updatedAfter strict, newest created first, run-id cursor), so tests can move runs along.
 */
import { recorded, replyOf, ReplayServer, startReplayServer } from '../../test/fixtures/dagster-graphql/replay-server';
import { ActivityPage, RunActivity } from '../core/orchestrator.port';
import { OrchestratorError } from '../core/orchestrator-error';
import { DagsterAdapter } from './dagster.adapter';

interface StoredRun {
  runId: string;
  status: string;
  startTime: number | null;
  endTime: number | null;
  updateTime: number;
  repositoryOrigin: { repositoryLocationName: string; repositoryName: string };
  /** The recorded run (with its events) this one is answered from. */
  template: any;
}

const recordedRuns: any[] = recorded('activity-runs').body.data.runsOrError.results;
const templateOf = (status: string) => recordedRuns.find((r) => r.status === status);
const OK = templateOf('SUCCESS');
const FAIL = templateOf('FAILURE');
const CANCEL = templateOf('CANCELED');

async function rejection(promise: Promise<unknown>): Promise<OrchestratorError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OrchestratorError);
    return error as OrchestratorError;
  }
  throw new Error('expected a rejection');
}

/** The recorded runs in creation order, as the store's starting point. */
const recordedStore = (): StoredRun[] =>
  [OK, FAIL, CANCEL].map((t) => ({
    runId: t.runId,
    status: t.status,
    startTime: t.startTime,
    endTime: t.endTime,
    updateTime: t.updateTime,
    repositoryOrigin: { ...t.repositoryOrigin },
    template: t,
  }));

function serveStore(server: ReplayServer, store: StoredRun[]): void {
  const newestFirst = () => [...store].reverse();
  server.on('GatehouseRunsUpdated', ({ variables }) => {
    const after: number | undefined = variables.filter?.updatedAfter;
    let runs = newestFirst().filter((r) => after === undefined || r.updateTime > after);
    if (variables.cursor) runs = runs.slice(runs.findIndex((r) => r.runId === variables.cursor) + 1);
    const results = runs
      .slice(0, variables.limit ?? undefined)
      .map(({ runId, status, updateTime, endTime, repositoryOrigin }) => ({ runId, status, updateTime, endTime, repositoryOrigin }));
    return { body: { data: { runsOrError: { __typename: 'Runs', results } } } };
  });
  server.on('GatehouseRunsActivity', ({ variables }) => {
    const results = newestFirst()
      .filter((r) => variables.runIds.includes(r.runId))
      .map(({ template, runId, status, startTime, endTime, updateTime, repositoryOrigin }) => ({ ...template, runId, status, startTime, endTime, updateTime, repositoryOrigin }));
    return { body: { data: { runsOrError: { __typename: 'Runs', results } } } };
  });
  server.on('GatehouseAssetDependencies', replyOf(recorded('activity-asset-dependencies')));
}

/** Every page from `cursor` on, with pages of `limit`, until an empty one. */
async function drain(adapter: DagsterAdapter, cursor: string | null, limit: number): Promise<{ runs: RunActivity[]; cursor: string; pages: number }> {
  const runs: RunActivity[] = [];
  for (let pages = 1; ; pages++) {
    const page: ActivityPage = await adapter.activitySince(cursor, limit);
    cursor = page.cursor;
    if (!page.runs.length) return { runs, cursor, pages };
    runs.push(...page.runs);
  }
}

const said = (runs: RunActivity[]) => runs.map((r) => `${r.gatehouseRunId ?? r.runId}:${r.nativeStatus}`);

describe('DagsterAdapter.activitySince over a replayed webserver', () => {
  let server: ReplayServer;
  let adapter: DagsterAdapter;
  let store: StoredRun[];
  const make = () => new DagsterAdapter({ baseUrl: server.url, repositoryLocationName: 'definitions.py', backoffMs: 0, timeoutMs: 2_000 });

  beforeEach(async () => {
    server = await startReplayServer();
    store = recordedStore();
    serveStore(server, store);
    adapter = make();
  });
  afterEach(() => server.close());

  it('pages through the recorded runs oldest change first, each final state once', async () => {
    const { runs, pages } = await drain(adapter, null, 1);
    expect(said(runs)).toEqual(['gh-activity-ok:SUCCESS', 'gh-activity-fail:FAILURE', 'gh-activity-cancel:CANCELED']);
    expect(pages).toBe(4);
    const ok = runs[0];
    expect(ok).toMatchObject({ runId: OK.runId, status: 'succeeded', jobName: '__ASSET_JOB', error: null });
    expect(ok.materializations.map((m) => m.assetKey.join('/'))).toEqual(['sales/raw_orders', 'sales/orders_daily']);
    expect(ok.checks).toEqual([expect.objectContaining({ assetKey: ['sales', 'orders_daily'], name: 'orders_daily_has_rows', passed: true })]);
    expect(runs[1].error).toContain('RuntimeError: broken_asset: this asset fails on purpose');
    expect(runs[2]).toMatchObject({ status: 'cancelled', startedAt: null });

    // the first call reads everything; the next ones only what changed within the lookback below the watermark
    const filters = server.requests.filter((r) => r.operationName === 'GatehouseRunsUpdated').map((r) => r.variables.filter);
    expect(filters[0]).toEqual({});
    expect(filters[1]).toEqual({ updatedAfter: OK.endTime - 60 });
    // one dependency lookup per page with runs, for the keys of its runs
    expect(server.requests.find((r) => r.operationName === 'GatehouseAssetDependencies')!.variables.assetKeys).toEqual([
      { path: ['sales', 'orders_daily'] },
      { path: ['sales', 'raw_orders'] },
    ]);
  });

  it('the store filters as the recorded Dagster does: updatedAfter is strict, newest created first', async () => {
    const rec = recorded('activity-runs-updated-after');
    expect(rec.variables.filter).toEqual({ updatedAfter: OK.endTime });
    const real = rec.body.data.runsOrError.results.map((r: { runId: string }) => r.runId);
    expect(real).toEqual([CANCEL.runId, FAIL.runId]);
    const res = await fetch(server.graphqlUrl, { method: 'POST', body: JSON.stringify({ operationName: 'GatehouseRunsUpdated', query: '', variables: rec.variables }) });
    const body = (await res.json()) as { data: { runsOrError: { results: { runId: string }[] } } };
    expect(body.data.runsOrError.results.map((r: { runId: string }) => r.runId)).toEqual(real);
  });

  it('one page can hold them all; the returned cursor then yields nothing new', async () => {
    const page = await adapter.activitySince(null, 10);
    expect(said(page.runs)).toEqual(['gh-activity-ok:SUCCESS', 'gh-activity-fail:FAILURE', 'gh-activity-cancel:CANCELED']);
    const again = await adapter.activitySince(page.cursor, 10);
    expect(again.runs).toEqual([]);
    expect(again.cursor).toBe(page.cursor);
    // another adapter (another Gatehouse process) continues from the stored cursor just the same
    expect((await make().activitySince(page.cursor, 10)).runs).toEqual([]);
  });

  it('a run seen running appears again when it ends; a finished run tagged later does not', async () => {
    store.push({ ...recordedStore()[0], runId: '11111111-2222-4333-8444-555555555555', status: 'STARTED', endTime: null, updateTime: CANCEL.updateTime + 1 });
    let { runs, cursor } = await drain(adapter, null, 2);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'failed', 'cancelled', 'running']);
    expect(runs[3]).toMatchObject({ endedAt: null, runId: '11111111-2222-4333-8444-555555555555' });

    Object.assign(store[3], { status: 'SUCCESS', endTime: CANCEL.updateTime + 5, updateTime: CANCEL.updateTime + 5 });
    store[0].updateTime = CANCEL.updateTime + 6; // the finished ok run gets a tag: updateTime moves, endTime does not
    ({ runs, cursor } = await drain(adapter, cursor, 2));
    expect(runs.map((r) => `${r.runId}:${r.status}`)).toEqual(['11111111-2222-4333-8444-555555555555:succeeded']);
    expect((await drain(adapter, cursor, 2)).runs).toEqual([]);
  });

  it('runs stamped in the same instant are each delivered once across pages', async () => {
    for (const r of store) Object.assign(r, { endTime: 1795977660.5, updateTime: 1795977660.5 });
    const { runs } = await drain(adapter, null, 1);
    expect(runs.map((r) => r.runId)).toEqual([...store.map((r) => r.runId)].sort());
  });

  it('a change that becomes visible late, stamped below the watermark, is still delivered', async () => {
    const late = store.splice(1, 1)[0]; // the failed run is not committed yet
    const first = await drain(adapter, null, 10);
    expect(said(first.runs)).toEqual(['gh-activity-ok:SUCCESS', 'gh-activity-cancel:CANCELED']);
    store.push(late);
    const second = await drain(adapter, first.cursor, 10);
    expect(said(second.runs)).toEqual(['gh-activity-fail:FAILURE']);
  });

  it('reads every page of the first pass (Dagster orders by creation, not by update)', async () => {
    store.length = 0;
    // 1001 runs created in one order, changed in the reverse one: the oldest change is on Dagster's last page
    for (let i = 0; i < 1001; i++) {
      const runId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      store.push({ ...recordedStore()[0], runId, endTime: 1795978000 - i, updateTime: 1795978000 - i });
    }
    const page = await adapter.activitySince(null, 2);
    expect(page.runs.map((r) => r.runId)).toEqual(['00000000-0000-4000-8000-000000001000', '00000000-0000-4000-8000-000000000999']);
    const scans = server.requests.filter((r) => r.operationName === 'GatehouseRunsUpdated');
    expect(scans.map((r) => [r.variables.limit, r.variables.cursor])).toEqual([
      [1000, null],
      [1000, '00000000-0000-4000-8000-000000000001'],
    ]);
  });

  it('reads a run’s further events (recorded first page of 10, then the rest)', async () => {
    store.splice(1, 2);
    server.on('GatehouseRunsActivity', replyOf(recorded('activity-runs-first-events')));
    server.on('GatehouseRunEvents', replyOf(recorded('activity-run-events')));
    const page = await adapter.activitySince(null, 10);
    expect(server.count('GatehouseRunEvents')).toBe(1);
    const follow = server.requests.find((r) => r.operationName === 'GatehouseRunEvents')!.variables;
    expect(follow).toEqual({ runId: OK.runId, afterCursor: recorded('activity-runs-first-events').body.data.runsOrError.results[0].eventConnection.cursor, limit: 1000 });
    expect(page.runs[0].materializations).toHaveLength(2);
    expect(page.runs[0].checks).toHaveLength(1);
    expect(page.runs[0].startedAt).not.toBeNull();
  });

  it('a run deleted between the two passes is left out, and the cursor moves past it', async () => {
    server.on('GatehouseRunsActivity', ({ variables }) => {
      const results = [CANCEL, FAIL].filter((r) => variables.runIds.includes(r.runId)); // OK is gone
      return { body: { data: { runsOrError: { __typename: 'Runs', results } } } };
    });
    const page = await adapter.activitySince(null, 10);
    expect(said(page.runs)).toEqual(['gh-activity-fail:FAILURE', 'gh-activity-cancel:CANCELED']);

    // deleted while its events were being read (recorded RunNotFoundError)
    serveStore(server, store);
    server.on('GatehouseRunsActivity', replyOf(recorded('activity-runs-first-events')));
    server.on('GatehouseRunEvents', replyOf(recorded('activity-run-events-not-found')));
    const first = await adapter.activitySince(null, 1);
    expect(first.runs).toEqual([]);
    store.splice(0, 1); // it stays deleted
    serveStore(server, store);
    expect(said((await adapter.activitySince(first.cursor, 10)).runs)).toEqual(['gh-activity-fail:FAILURE', 'gh-activity-cancel:CANCELED']);
  });

  it('leaves out runs of other code locations and repositories', async () => {
    store[0].repositoryOrigin.repositoryLocationName = 'other.py';
    store[1].repositoryOrigin.repositoryName = 'other_repo';
    expect(said((await adapter.activitySince(null, 10)).runs)).toEqual(['gh-activity-cancel:CANCELED']);
  });

  it('every error member of runsOrError / runOrError is an OrchestratorError with Dagster’s message', async () => {
    server.on('GatehouseRunsUpdated', { body: { data: { runsOrError: { __typename: 'PythonError', message: 'sqlite locked', className: 'OperationalError' } } } });
    expect(await rejection(adapter.activitySince(null, 5))).toMatchObject({ code: 'orchestrator_error', orchestratorMessage: 'sqlite locked' });
    server.on('GatehouseRunsUpdated', { body: { data: { runsOrError: { __typename: 'InvalidPipelineRunsFilterError', message: 'bad filter' } } } });
    expect(await rejection(adapter.activitySince(null, 5))).toMatchObject({ code: 'orchestrator_error', orchestratorMessage: 'bad filter' });

    serveStore(server, store);
    server.on('GatehouseRunsActivity', { body: { data: { runsOrError: { __typename: 'PythonError', message: 'boom', className: 'Exception' } } } });
    expect(await rejection(adapter.activitySince(null, 5))).toMatchObject({ code: 'orchestrator_error', orchestratorMessage: 'boom' });

    serveStore(server, store);
    server.on('GatehouseRunsActivity', replyOf(recorded('activity-runs-first-events')));
    server.on('GatehouseRunEvents', { body: { data: { runOrError: { __typename: 'PythonError', message: 'event log gone', className: 'Exception' } } } });
    expect(await rejection(adapter.activitySince(null, 5))).toMatchObject({ code: 'orchestrator_error', orchestratorMessage: 'event log gone' });

    server.on('GatehouseRunsUpdated', replyOf(recorded('graphql-400-syntax')));
    expect(await rejection(adapter.activitySince(null, 5))).toMatchObject({ code: 'orchestrator_error', httpStatus: 400 });
  });

  it('retries a failed read (safe), then answers', async () => {
    let calls = 0;
    server.on('GatehouseRunsUpdated', () => (++calls === 1 ? { status: 503, raw: 'upstream unavailable', contentType: 'text/plain' } : { body: { data: { runsOrError: { __typename: 'Runs', results: [] } } } }));
    expect((await adapter.activitySince(null, 5)).runs).toEqual([]);
    expect(calls).toBe(2);
  });

  it('refuses a foreign cursor and a bad limit before calling Dagster', async () => {
    expect((await rejection(adapter.activitySince('2026-11-29T00:00:00Z', 5))).code).toBe('invalid_request');
    expect((await rejection(adapter.activitySince(null, 0))).code).toBe('invalid_request');
    expect((await rejection(adapter.activitySince(null, 1.5))).code).toBe('invalid_request');
    expect(server.requests).toHaveLength(0);
    expect(() => new DagsterAdapter({ baseUrl: server.url, repositoryLocationName: 'd' }, { activityLookbackSeconds: 0 })).toThrow(OrchestratorError);
  });
});
