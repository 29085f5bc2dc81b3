import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  fakeDagster,
  FakeDagster,
  recorded,
  replyOf,
  ReplayServer,
  startReplayServer,
} from '../../test/fixtures/dagster-graphql/replay-server';
import { RunTarget } from '../core/orchestrator.port';
import { OrchestratorError } from '../core/orchestrator-error';
import { DagsterAdapter } from './dagster.adapter';
import { DagsterAdapterConfig, resolveDagsterConfig } from './dagster.config';

const OK_ID = '7b0c8a9e-4f3e-4a59-9a5e-0c1f2d3e4f50';
const target: RunTarget = { kind: 'assets', assetKeys: [['sales', 'raw_orders'], ['sales', 'orders_daily']] };

async function rejection(promise: Promise<unknown>): Promise<OrchestratorError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OrchestratorError);
    return error as OrchestratorError;
  }
  throw new Error('expected a rejection');
}

describe('DagsterAdapter over a replayed webserver', () => {
  let server: ReplayServer;
  let adapter: DagsterAdapter;
  const make = (extra: Partial<DagsterAdapterConfig> = {}) =>
    new DagsterAdapter({ baseUrl: server.url, repositoryLocationName: 'definitions.py', backoffMs: 0, timeoutMs: 2_000, terminateWaitMs: 1_500, ...extra });

  beforeEach(async () => {
    server = await startReplayServer();
    adapter = make();
  });
  afterEach(() => server.close());

  describe('health', () => {
    it('is healthy when the location is loaded and the run coordinator alive; details list locations and daemons', async () => {
      server.on('GatehouseHealth', replyOf(recorded('health')));
      const health = await adapter.health();
      expect(health).toMatchObject({
        kind: 'dagster',
        healthy: true,
        version: '1.13.27',
        details: {
          location: 'definitions.py',
          ready: true,
          runQueuing: true,
          runCoordinatorHealthy: true,
          locations: [{ name: 'definitions.py', loadStatus: 'LOADED', loaded: true }],
          problems: [],
        },
      });
      expect((health.details.daemons as unknown[]).length).toBeGreaterThan(0);
    });

    it('is not healthy while the location is loading, nor when it failed to load', async () => {
      const loading = recorded('health');
      loading.body.data.locationStatusesOrError.entries[0].loadStatus = 'LOADING';
      loading.body.data.workspaceOrError.locationEntries[0].locationOrLoadError = null;
      server.on('GatehouseHealth', replyOf(loading));
      let health = await adapter.health();
      expect(health.healthy).toBe(false);
      expect(health.details.problems).toEqual(['code location definitions.py is LOADING']);

      const broken = recorded('health');
      broken.body.data.workspaceOrError.locationEntries[0].locationOrLoadError = { __typename: 'PythonError', message: 'ImportError: no module x\nmore', className: 'ImportError' };
      server.on('GatehouseHealth', replyOf(broken));
      health = await adapter.health();
      expect(health.healthy).toBe(false);
      expect(health.details.problems).toEqual(['code location definitions.py failed to load: ImportError: no module x']);
    });

    it('is not healthy for another location name, nor with the run coordinator down', async () => {
      server.on('GatehouseHealth', replyOf(recorded('health')));
      expect((await make({ repositoryLocationName: 'other.py' }).health()).healthy).toBe(false);
      const noDaemon = recorded('health');
      for (const d of noDaemon.body.data.instance.daemonHealth.allDaemonStatuses) d.healthy = false;
      server.on('GatehouseHealth', replyOf(noDaemon));
      const health = await adapter.health();
      expect(health.healthy).toBe(false);
      expect(health.details.problems).toEqual(['dagster-daemon run coordinator is not healthy: launched runs would stay queued']);
    });
  });

  describe('discover', () => {
    it('lists the recorded assets of the configured location, sorted by key', async () => {
      server.on('GatehouseAssetNodes', replyOf(recorded('asset-nodes')));
      const items = await adapter.discover();
      expect(items.map((i) => (i.type === 'asset' ? i.assetKey.join('/') : i.dagId))).toEqual([
        'finance/revenue',
        'sales/broken_asset',
        'sales/orders_daily',
        'sales/raw_orders',
      ]);
      expect(await make({ repositoryName: 'other' }).discover()).toEqual([]);
    });

    it('leaves out auto-created stubs', async () => {
      const r = recorded('asset-nodes');
      r.body.data.assetNodes[0].isAutoCreatedStub = true;
      server.on('GatehouseAssetNodes', replyOf(r));
      expect(await adapter.discover()).toHaveLength(3);
    });
  });

  describe('trigger, getRun, cancel (stateful fake)', () => {
    let fake: FakeDagster;
    beforeEach(() => {
      fake = fakeDagster();
      for (const [name, h] of Object.entries(fake.handlers)) server.on(name, h);
    });

    it('launches on __ASSET_JOB with the selection, run config and tags, and answers with the caller’s run id', async () => {
      const run = await adapter.trigger({ target, runId: OK_ID, conf: { ops: {} }, tags: { team: 'sales' } });
      expect(run).toMatchObject({ runId: OK_ID, target, status: 'queued', nativeStatus: 'QUEUED' });
      const launch = server.requests.find((r) => r.operationName === 'GatehouseLaunchRun')!;
      expect(launch.variables.executionParams).toEqual({
        selector: {
          repositoryLocationName: 'definitions.py',
          repositoryName: '__repository__',
          pipelineName: '__ASSET_JOB',
          assetSelection: [{ path: ['sales', 'raw_orders'] }, { path: ['sales', 'orders_daily'] }],
        },
        runConfigData: { ops: {} },
        executionMetadata: { tags: [{ key: 'team', value: 'sales' }, { key: 'gatehouse/run-id', value: OK_ID }] },
      });
      expect(fake.launches.get(OK_ID)).toBe(1);
    });

    it('is idempotent: the same id again returns the existing run, sequentially and concurrently', async () => {
      await adapter.trigger({ target, runId: OK_ID });
      fake.runs[0].status = 'SUCCESS';
      expect(await adapter.trigger({ target, runId: OK_ID })).toMatchObject({ runId: OK_ID, status: 'succeeded' });
      const results = await Promise.all([1, 2, 3].map(() => adapter.trigger({ target, runId: 'concurrent-1' })));
      expect(results.map((r) => r.runId)).toEqual(['concurrent-1', 'concurrent-1', 'concurrent-1']);
      expect(Object.fromEntries(fake.launches)).toEqual({ [OK_ID]: 1, 'concurrent-1': 1 });
    });

    it('refuses an id already used for other assets', async () => {
      await adapter.trigger({ target, runId: OK_ID });
      const e = await rejection(adapter.trigger({ target: { kind: 'assets', assetKeys: [['finance', 'revenue']] }, runId: OK_ID }));
      expect(e.code).toBe('conflict');
      expect(fake.launches.get(OK_ID)).toBe(1);
    });

    it('two Gatehouse processes racing on one id: the later run is terminated and the first returned', async () => {
      const other = make();
      fake.hideRunsFromLookups = true; // neither sees the other's run before launching
      const lookupsBefore = server.count('GatehouseRunsByTag');
      server.on('GatehouseLaunchRun', async (req) => {
        const reply = await fake.handlers.GatehouseLaunchRun(req);
        if (fake.launches.get('race') === 2) fake.hideRunsFromLookups = false;
        return reply;
      });
      const [a, b] = await Promise.all([adapter.trigger({ target, runId: 'race' }), other.trigger({ target, runId: 'race' })]);
      expect(server.count('GatehouseRunsByTag')).toBeGreaterThan(lookupsBefore);
      expect(fake.launches.get('race')).toBe(2);
      expect([a.runId, b.runId]).toEqual(['race', 'race']);
      const [first, second] = fake.runs;
      expect(first.status).toBe('QUEUED');
      expect(second.status).toBe('CANCELED');
      // both sides see the race afterwards; each terminates the later run (the second call is a harmless no-op)
      const terminated = new Set(server.requests.filter((r) => r.operationName === 'GatehouseTerminateRun').map((r) => r.variables.runId));
      expect([...terminated]).toEqual([second.runId]);
    });

    it('a late duplicate (a timed-out launch that landed after the retry) is terminated by the next trigger', async () => {
      await adapter.trigger({ target, runId: OK_ID });
      const late = { ...fake.runs[0], runId: 'late-duplicate', creationTime: fake.runs[0].creationTime + 5 };
      fake.runs.push(late);
      expect(await adapter.trigger({ target, runId: OK_ID })).toMatchObject({ runId: OK_ID, status: 'queued' });
      expect(fake.runs.map((r) => [r.runId === late.runId, r.status])).toEqual([
        [false, 'QUEUED'],
        [true, 'CANCELED'],
      ]);
      expect(fake.launches.get(OK_ID)).toBe(1);
    });

    it('a new run id launches in one round trip once the selection is known launchable; duplicates are still settled', async () => {
      await adapter.trigger({ target, runId: 'warm-up', newRunId: true });
      await adapter.idle();
      const before = server.requests.length;
      const run = await adapter.trigger({ target, runId: 'fresh-1', newRunId: true });
      expect(run).toMatchObject({ runId: 'fresh-1', status: 'queued' });
      // the launch is the only call the answer waited for; the follow-up lookup runs behind it
      expect(server.requests.slice(before)[0].operationName).toBe('GatehouseLaunchRun');
      await adapter.idle();
      expect(server.requests.slice(before).map((r) => r.operationName)).toEqual(['GatehouseLaunchRun', 'GatehouseRunsByTag']);
      expect(fake.launches.get('fresh-1')).toBe(1);
    });

    it('a new run id racing a retrier that took it over: the background check terminates the later run', async () => {
      fake.hideRunsFromLookups = true; // the retrier's lookup does not see the first launch yet
      server.on('GatehouseLaunchRun', async (req) => {
        const reply = await fake.handlers.GatehouseLaunchRun(req);
        if (fake.launches.get('taken-over') === 2) fake.hideRunsFromLookups = false;
        return reply;
      });
      const [mine] = await Promise.all([adapter.trigger({ target, runId: 'taken-over', newRunId: true }), make().trigger({ target, runId: 'taken-over' })]);
      expect(mine.runId).toBe('taken-over');
      await adapter.idle();
      expect(fake.launches.get('taken-over')).toBe(2);
      expect(fake.runs.map((r) => r.status)).toEqual(['QUEUED', 'CANCELED']);
    });

    it('re-checks the asset selection after cacheTtlMs (0 = on every trigger)', async () => {
      const uncached = make({ cacheTtlMs: 0 });
      await uncached.trigger({ target, runId: 'c-1', newRunId: true });
      await uncached.trigger({ target, runId: 'c-2', newRunId: true });
      expect(server.count('GatehouseAssetNodesByKey')).toBe(2);
      await adapter.trigger({ target, runId: 'c-3', newRunId: true });
      await adapter.trigger({ target, runId: 'c-4', newRunId: true });
      expect(server.count('GatehouseAssetNodesByKey')).toBe(3);
    });

    it('unknown asset keys are not_found and nothing is launched', async () => {
      const e = await rejection(adapter.trigger({ target: { kind: 'assets', assetKeys: [['sales', 'raw_orders'], ['nope', 'missing']] }, runId: 'x' }));
      expect(e).toMatchObject({ code: 'not_found', message: 'Dagster has no asset definition for nope/missing' });
      expect(server.count('GatehouseLaunchRun')).toBe(0);
    });

    it('refuses bad requests before calling Dagster', async () => {
      const bad: [unknown, string][] = [
        [{ target: { kind: 'dag', dagId: 'x' }, runId: 'a' }, 'invalid_request'],
        [{ target: { kind: 'assets', assetKeys: [] }, runId: 'a' }, 'invalid_request'],
        [{ target, runId: '' }, 'invalid_request'],
        [{ target, runId: ' padded ' }, 'invalid_request'],
        [{ target, runId: 'a', tags: { 'gatehouse/run-id': 'b' } }, 'invalid_request'],
        [{ target, runId: 'a', conf: [] }, 'invalid_request'],
      ];
      for (const [request, code] of bad) expect((await rejection(adapter.trigger(request as never))).code).toBe(code);
      expect(server.requests).toHaveLength(0);
    });

    it('maps Dagster’s launch errors (recorded InvalidSubsetError, 500 with PythonError)', async () => {
      server.on('GatehouseLaunchRun', replyOf(recorded('launch-run-invalid-subset')));
      expect(await rejection(adapter.trigger({ target, runId: 'a' }))).toMatchObject({ code: 'invalid_request', orchestratorMessage: expect.stringContaining('DagsterInvalidSubsetError') });
      server.on('GatehouseLaunchRun', replyOf(recorded('launch-run-pipeline-not-found')));
      const e = await rejection(adapter.trigger({ target, runId: 'b' }));
      expect(e).toMatchObject({ code: 'orchestrator_error', orchestratorMessage: expect.stringContaining('No remote job named "__NO_SUCH_JOB"') });
      expect(e.message).toBe('Dagster launchRun: Dagster raised CheckError (PythonError)');
    });

    it('getRun finds the run by its tag; a Dagster run id works too; unknown ids are not_found', async () => {
      await adapter.trigger({ target, runId: OK_ID });
      fake.runs[0].status = 'STARTED';
      expect(await adapter.getRun(target, OK_ID)).toMatchObject({ runId: OK_ID, status: 'running', nativeStatus: 'STARTED' });
      const dagsterId = fake.runs[0].runId;
      expect(await adapter.getRun(target, dagsterId)).toMatchObject({ runId: dagsterId, status: 'running' });
      expect((await rejection(adapter.getRun(target, 'gh-unknown'))).code).toBe('not_found');
      expect((await rejection(adapter.getRun(target, '11111111-2222-4333-8444-555555555555'))).code).toBe('not_found');
    });

    it('cancel terminates a live run and returns it as Dagster has it afterwards', async () => {
      await adapter.trigger({ target, runId: OK_ID });
      expect(await adapter.cancel(target, OK_ID)).toMatchObject({ runId: OK_ID, status: 'cancelled', nativeStatus: 'CANCELED' });
      // a second cancel is a no-op
      expect(await adapter.cancel(target, OK_ID)).toMatchObject({ status: 'cancelled' });
      expect(server.count('GatehouseTerminateRun')).toBe(1);

      await adapter.trigger({ target, runId: 'started' });
      fake.runs[1].status = 'STARTED';
      expect(await adapter.cancel(target, 'started')).toMatchObject({ status: 'running', nativeStatus: 'CANCELING' });
    });

    it('cancel leaves a finished run alone, also when it finished just before terminateRun', async () => {
      await adapter.trigger({ target, runId: OK_ID });
      fake.runs[0].status = 'SUCCESS';
      expect(await adapter.cancel(target, OK_ID)).toMatchObject({ status: 'succeeded' });
      expect(server.count('GatehouseTerminateRun')).toBe(0);

      await adapter.trigger({ target, runId: 'finishing' });
      server.on('GatehouseTerminateRun', (req) => {
        fake.runs[1].status = 'FAILURE';
        return fake.handlers.GatehouseTerminateRun(req);
      });
      expect(await adapter.cancel(target, 'finishing')).toMatchObject({ status: 'failed' });
    });

    it('cancel waits out STARTING (Dagster only terminates QUEUED and STARTED runs) and leaves CANCELING alone', async () => {
      await adapter.trigger({ target, runId: OK_ID });
      fake.runs[0].status = 'STARTING';
      let reads = 0;
      server.on('GatehouseRun', (req) => {
        if (++reads === 1) fake.runs[0].status = 'STARTED'; // the launcher picks it up a moment later
        return fake.handlers.GatehouseRun(req);
      });
      expect(await adapter.cancel(target, OK_ID)).toMatchObject({ status: 'running', nativeStatus: 'CANCELING' });
      expect(server.count('GatehouseTerminateRun')).toBe(2);
      expect(await adapter.cancel(target, OK_ID)).toMatchObject({ nativeStatus: 'CANCELING' });
      expect(server.count('GatehouseTerminateRun')).toBe(2);
    });

    it('cancel: a run stuck where Dagster cannot terminate it is a conflict once terminateWaitMs is over', async () => {
      await adapter.trigger({ target, runId: OK_ID });
      fake.runs[0].status = 'MANAGED';
      expect(await rejection(adapter.cancel(target, OK_ID))).toMatchObject({
        code: 'conflict',
        orchestratorMessage: expect.stringContaining('could not be terminated due to having status MANAGED'),
      });
      expect(server.count('GatehouseTerminateRun')).toBe(1);
    });

    it('cancel: an unknown run is not_found; a TerminateRunFailure on a live run is a conflict', async () => {
      expect((await rejection(adapter.cancel(target, 'gh-unknown'))).code).toBe('not_found');
      await adapter.trigger({ target, runId: OK_ID });
      server.on('GatehouseTerminateRun', () => ({
        body: { data: { terminateRun: { __typename: 'TerminateRunFailure', message: 'Run could not be terminated: no launcher', run: fake.runs[0] } } },
      }));
      expect(await rejection(adapter.cancel(target, OK_ID))).toMatchObject({ code: 'conflict', orchestratorMessage: 'Run could not be terminated: no launcher' });
    });
  });

  describe('recentProductions', () => {
    it('maps the recorded materializations with the Gatehouse run id, newest first, within the limit', async () => {
      const rec = recorded('asset-materializations');
      server.on('GatehouseAssetMaterializations', ({ variables }) => {
        const body = structuredClone(rec.body);
        const key = variables.assetKey.path;
        body.data.assetNodes = [{ assetKey: { path: key } }];
        body.data.assetOrError.assetMaterializations = body.data.assetOrError.assetMaterializations.map((m: { timestamp: string }) => ({
          ...m,
          assetKey: { path: key },
          timestamp: String(Number(m.timestamp) + (key[1] === 'raw_orders' ? -3000 : 0)),
        }));
        return { body };
      });
      const events = await adapter.recentProductions(target, 10);
      expect(events.map((e) => [e.assetKey, e.runId])).toEqual([
        [['sales', 'orders_daily'], OK_ID],
        [['sales', 'raw_orders'], OK_ID],
      ]);
      expect(events[0].target).toBe(target);
      expect(server.requests.map((r) => r.variables.limit)).toEqual([10, 10]);
      expect(await adapter.recentProductions(target, 1)).toHaveLength(1);
    });

    it('an asset Dagster knows nothing about is not_found; a bad limit is invalid_request', async () => {
      server.on('GatehouseAssetMaterializations', replyOf(recorded('asset-materializations-unknown')));
      expect((await rejection(adapter.recentProductions({ kind: 'assets', assetKeys: [['nope', 'missing']] }, 5))).code).toBe('not_found');
      expect((await rejection(adapter.recentProductions(target, 0))).code).toBe('invalid_request');
    });
  });

  describe('the GraphQL body on any status', () => {
    it('reads a 500 that carries GraphQL data (recorded PythonError) as an answer, not a transport failure', async () => {
      server.on('GatehouseLaunchRun', replyOf(recorded('launch-run-pipeline-not-found')));
      server.on('GatehouseAssetNodesByKey', fakeDagster().handlers.GatehouseAssetNodesByKey);
      server.on('GatehouseRunsByTag', replyOf(recorded('runs-by-tag-none')));
      expect((await rejection(adapter.trigger({ target, runId: 'x' }))).httpStatus).toBeNull();
    });

    it('a 500 with only `errors` (recorded variable validation) → orchestrator_error with Dagster’s message and status', async () => {
      server.on('GatehouseRunsByTag', replyOf(recorded('graphql-500-errors')));
      const e = await rejection(adapter.getRun(target, 'x'));
      expect(e).toMatchObject({ code: 'orchestrator_error', httpStatus: 500, orchestratorMessage: expect.stringContaining("Field 'runId' is not defined by type 'ExecutionMetadata'") });
      expect(server.count('GatehouseRunsByTag')).toBe(1); // a GraphQL answer is not retried
    });

    it('a 400 (recorded syntax error) → orchestrator_error naming a schema mismatch', async () => {
      server.on('GatehouseHealth', replyOf(recorded('graphql-400-syntax')));
      const e = await rejection(adapter.health());
      expect(e).toMatchObject({ code: 'orchestrator_error', httpStatus: 400, orchestratorMessage: 'Syntax Error: Expected Name, found <EOF>.' });
      expect(e.message).toContain('does this Dagster version match?');
    });

    it('a 200 with an `errors` array → orchestrator_error with the message', async () => {
      server.on('GatehouseAssetNodes', { status: 200, body: { data: null, errors: [{ message: 'Something broke in a resolver' }, { message: 'and again' }] } });
      expect(await rejection(adapter.discover())).toMatchObject({ code: 'orchestrator_error', httpStatus: 200, orchestratorMessage: 'Something broke in a resolver\nand again' });
    });

    it('a garbage body → orchestrator_error', async () => {
      server.on('GatehouseAssetNodes', { status: 200, raw: '<html>proxy error page</html>', contentType: 'text/html' });
      expect(await rejection(adapter.discover())).toMatchObject({ code: 'orchestrator_error', orchestratorMessage: '<html>proxy error page</html>' });
      server.on('GatehouseAssetNodes', { status: 200, raw: '{"data": {"assetNod', contentType: 'application/json' });
      expect((await rejection(adapter.discover())).code).toBe('orchestrator_error');
      server.on('GatehouseAssetNodes', { status: 500, raw: 'Internal Server Error', contentType: 'text/plain' });
      expect((await rejection(adapter.discover())).code).toBe('orchestrator_error');
      server.on('GatehouseAssetNodes', { status: 200, body: [1, 2] });
      expect((await rejection(adapter.discover())).code).toBe('orchestrator_error');
    });

    it('an unexpected union member → orchestrator_error naming it', async () => {
      server.on('GatehouseRunsByTag', { body: { data: { runsOrError: { __typename: 'InvalidPipelineRunsFilterError', message: 'bad filter' } } } });
      expect(await rejection(adapter.getRun(target, 'x'))).toMatchObject({ code: 'orchestrator_error', orchestratorMessage: 'bad filter' });
    });

    it('sends the configured headers and the operation name', async () => {
      server.on('GatehouseAssetNodes', replyOf(recorded('asset-nodes')));
      let seen: Record<string, unknown> = {};
      const probe = createServer((req, res) => {
        seen = req.headers;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded('asset-nodes').body));
      });
      await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
      try {
        const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
        await new DagsterAdapter({ baseUrl: url, repositoryLocationName: 'definitions.py', headers: { 'Dagster-Cloud-Api-Token': 'tok' } }).discover();
        expect(seen['dagster-cloud-api-token']).toBe('tok');
        expect(seen['content-type']).toMatch(/application\/json/);
      } finally {
        await new Promise((r) => probe.close(r));
      }
      await adapter.discover();
      expect(server.requests[0].operationName).toBe('GatehouseAssetNodes');
    });
  });
});

describe('DagsterAdapter faults', () => {
  it('webserver down → unreachable (queries retried, then given up)', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const adapter = new DagsterAdapter({ baseUrl: `http://127.0.0.1:${port}`, repositoryLocationName: 'definitions.py', backoffMs: 0 });
    expect((await rejection(adapter.health())).code).toBe('unreachable');
    expect((await rejection(adapter.trigger({ target, runId: 'x' }))).code).toBe('unreachable');
  });

  it('slow webserver → timeout; a retried trigger with the same id does not launch a second run', async () => {
    const server = await startReplayServer();
    try {
      const fake = fakeDagster();
      for (const [name, h] of Object.entries(fake.handlers)) server.on(name, h);
      fake.launchDelayMs = 1_500; // Dagster creates the run, but answers after our timeout
      const adapter = new DagsterAdapter({ baseUrl: server.url, repositoryLocationName: 'definitions.py', timeoutMs: 400, backoffMs: 0 });
      const e = await rejection(adapter.trigger({ target, runId: OK_ID }));
      expect(e.code).toBe('timeout');
      expect(server.count('GatehouseLaunchRun')).toBe(1); // a launch is never retried by the transport
      fake.launchDelayMs = 0;
      const again = await adapter.trigger({ target, runId: OK_ID });
      expect(again).toMatchObject({ runId: OK_ID, status: 'queued' });
      expect(fake.launches.get(OK_ID)).toBe(1);
      expect(server.count('GatehouseLaunchRun')).toBe(1);

      // a slow query times out too, after its retries
      server.on('GatehouseHealth', { ...replyOf(recorded('health')), delayMs: 1_000 });
      expect((await rejection(adapter.health())).code).toBe('timeout');
      expect(server.count('GatehouseHealth')).toBe(3);
    } finally {
      await server.close();
    }
  });
});

describe('Dagster adapter config', () => {
  it('fills the defaults', () => {
    expect(resolveDagsterConfig({ baseUrl: 'http://dagster:3000/', repositoryLocationName: 'defs.py' })).toEqual({
      baseUrl: 'http://dagster:3000',
      graphqlUrl: 'http://dagster:3000/graphql',
      repositoryLocationName: 'defs.py',
      repositoryName: '__repository__',
      assetJobName: '__ASSET_JOB',
      timeoutMs: 10_000,
      attempts: 3,
      backoffMs: 200,
      headers: {},
      terminateWaitMs: 30_000,
      runIdTag: 'gatehouse/run-id',
      cacheTtlMs: 10_000,
    });
  });

  it.each([
    [{ baseUrl: 'dagster:3000', repositoryLocationName: 'd' }],
    [{ baseUrl: 'http://x', repositoryLocationName: ' ' }],
    [{ baseUrl: 'http://x', repositoryLocationName: 'd', timeoutMs: 0 }],
    [{ baseUrl: 'http://x', repositoryLocationName: 'd', attempts: -1 }],
  ])('refuses %j', (config) => {
    expect(() => resolveDagsterConfig(config as DagsterAdapterConfig)).toThrow(OrchestratorError);
  });
});
