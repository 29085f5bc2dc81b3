/**
 * The Dagster adapter against a REAL Dagster 1.13.27 (webserver + daemon on loopback, started by
 * scripts/orchestrators/start.mjs with test/fixtures/dagster/definitions.py): the shared OrchestratorPort contract, then
 * Dagster-specific checks (run tags, the cross-process launch race, errors).
 *
 *   npm run test:orchestrators -- dagster
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeOrchestratorContract, expectOrchestratorError, pollUntilFinal } from '../../adapters/contract/orchestrator-port.contract';
import { DiscoveredAsset, RunTarget } from '../../adapters/core/orchestrator.port';
import { DagsterAdapter } from '../../adapters/dagster';

interface DagsterInfo {
  baseUrl: string;
  graphqlUrl: string;
  locationName: string;
  repositoryName: string;
  assetJobName: string;
  version: string;
}
interface Started {
  dagster: DagsterInfo;
  stop: () => Promise<void>;
}
type StartModule = {
  startOrchestrators: (options: Record<string, unknown>) => Promise<Started>;
  dagsterGraphql: (url: string, query: string, variables?: Record<string, unknown>) => Promise<any>;
};

const START = path.resolve(__dirname, '..', '..', 'scripts', 'orchestrators', 'start.mjs');
const SUCCEEDING: RunTarget = { kind: 'assets', assetKeys: [['sales', 'raw_orders'], ['sales', 'orders_daily']] };
const FAILING: RunTarget = { kind: 'assets', assetKeys: [['sales', 'broken_asset']] };
const UNKNOWN: RunTarget = { kind: 'assets', assetKeys: [['nope', 'missing']] };

let started: Promise<Started> | undefined;
let startModule: StartModule | undefined;

/** One Dagster for the whole file, started on first use. */
function dagster(): Promise<Started> {
  started ??= (async () => {
    startModule = (await import(pathToFileURL(START).href)) as StartModule;
    return startModule.startOrchestrators({ airflow: false, dagster: true, log: (line: string) => process.stderr.write(`[dagster] ${line}\n`) });
  })();
  return started;
}

const adapterFor = (d: DagsterInfo) =>
  new DagsterAdapter({
    baseUrl: d.baseUrl,
    graphqlUrl: d.graphqlUrl,
    repositoryLocationName: d.locationName,
    repositoryName: d.repositoryName,
    assetJobName: d.assetJobName,
    timeoutMs: 15_000,
  });

afterAll(async () => {
  if (started) await (await started.catch(() => undefined))?.stop();
}, 120_000);

describeOrchestratorContract('dagster', async () => {
  const { dagster: d } = await dagster();
  return {
    port: adapterFor(d),
    succeeding: SUCCEEDING,
    failing: FAILING,
    unknown: UNKNOWN,
    runTimeoutMs: 180_000,
    expectDiscovered: (items) => {
      const assets = items.filter((i): i is DiscoveredAsset => i.type === 'asset');
      const byKey = Object.fromEntries(assets.map((a) => [a.assetKey.join('/'), a]));
      expect(Object.keys(byKey).sort()).toEqual(['finance/revenue', 'sales/broken_asset', 'sales/orders_daily', 'sales/raw_orders']);
      expect(byKey['sales/orders_daily']).toEqual({
        type: 'asset',
        assetKey: ['sales', 'orders_daily'],
        group: 'sales',
        owners: ['team:sales-data', 'orders-steward@example.com'],
        tags: { domain: 'sales', tier: 'silver' },
        kinds: ['python'],
        dependencies: [['sales', 'raw_orders']],
        checks: ['orders_daily_has_rows'],
        description: 'Daily order rollup (fixture).',
        freshness: null,
      });
      expect(byKey['finance/revenue']).toMatchObject({
        owners: ['team:finance', 'cfo@example.com'],
        group: 'finance',
        tags: { domain: 'finance', tier: 'gold' },
        freshness: { maximumLagMinutes: 24 * 60, cron: null },
      });
    },
  };
});

describe('Dagster adapter on a real Dagster: specifics', () => {
  let d: DagsterInfo;
  let gql: (query: string, variables?: Record<string, unknown>) => Promise<any>;
  const runsTagged = async (id: string) =>
    (
      await gql(`query($tags: [ExecutionTag!]) { runsOrError(filter: {tags: $tags}) { ... on Runs { results { runId status jobName assetSelection { path } tags { key value } } } } }`, {
        tags: [{ key: 'gatehouse/run-id', value: id }],
      })
    ).runsOrError.results as { runId: string; status: string; jobName: string; assetSelection: { path: string[] }[]; tags: { key: string; value: string }[] }[];

  beforeAll(async () => {
    d = (await dagster()).dagster;
    gql = (query, variables) => startModule!.dagsterGraphql(d.graphqlUrl, query, variables);
  }, 600_000);

  it('health reports the loaded location and the daemon', async () => {
    const health = await adapterFor(d).health();
    expect(health).toMatchObject({ healthy: true, version: d.version, details: { location: 'definitions.py', ready: true, runCoordinatorHealthy: true, problems: [] } });
  });

  it('a triggered run is an __ASSET_JOB run of exactly the target keys, tagged with the caller’s run id and tags', async () => {
    const adapter = adapterFor(d);
    const runId = `gh-dagster-tags-${Date.now()}`;
    const target: RunTarget = { kind: 'assets', assetKeys: [['sales', 'raw_orders']] };
    const run = await adapter.trigger({ target, runId, tags: { 'gatehouse/product': 'orders' } });
    expect(run).toMatchObject({ runId, target });
    const runs = await runsTagged(runId);
    expect(runs).toHaveLength(1);
    expect(runs[0].jobName).toBe('__ASSET_JOB');
    expect(runs[0].assetSelection.map((k) => k.path)).toEqual([['sales', 'raw_orders']]);
    expect(runs[0].tags).toEqual(expect.arrayContaining([{ key: 'gatehouse/run-id', value: runId }, { key: 'gatehouse/product', value: 'orders' }]));
    // Dagster's own run id names the same run
    expect(await adapter.getRun(target, runs[0].runId)).toMatchObject({ runId: runs[0].runId, target });
    await adapter.cancel(target, runId);
    await pollUntilFinal(adapter, target, runId, { timeoutMs: 180_000 });
  }, 240_000);

  it('two adapters (two Gatehouse processes) racing on one run id leave one live run', async () => {
    const target: RunTarget = { kind: 'assets', assetKeys: [['sales', 'raw_orders']] };
    const runId = `gh-dagster-race-${Date.now()}`;
    const adapters = [adapterFor(d), adapterFor(d), adapterFor(d)];
    const results = await Promise.all(adapters.map((a) => a.trigger({ target, runId })));
    expect(results.map((r) => r.runId)).toEqual([runId, runId, runId]);
    const runs = await runsTagged(runId);
    const live = runs.filter((r) => r.status !== 'CANCELED' && r.status !== 'CANCELING');
    expect(live).toHaveLength(1);
    // every adapter now names the one live run
    for (const a of adapters) expect((await a.getRun(target, runId)).nativeStatus).not.toMatch(/^CANCEL/);
    await adapters[0].cancel(target, runId);
    const final = await pollUntilFinal(adapters[0], target, runId, { timeoutMs: 180_000 });
    expect(['cancelled', 'succeeded']).toContain(final.status);
  }, 240_000);

  it('unknown assets: recentProductions not_found; a target of another kind is invalid_request', async () => {
    const adapter = adapterFor(d);
    await expectOrchestratorError(adapter.recentProductions(UNKNOWN, 5), 'not_found');
    await expectOrchestratorError(adapter.trigger({ target: { kind: 'dag', dagId: 'orders_daily' }, runId: 'gh-x' }), 'invalid_request');
  });

  it('another code location name: not healthy, and triggers name the problem', async () => {
    const adapter = new DagsterAdapter({ baseUrl: d.baseUrl, repositoryLocationName: 'missing.py' });
    const health = await adapter.health();
    expect(health.healthy).toBe(false);
    expect(health.details.problems).toEqual(['code location missing.py is not in the workspace']);
    await expectOrchestratorError(adapter.trigger({ target: SUCCEEDING, runId: `gh-dagster-loc-${Date.now()}` }), 'invalid_request');
  });
});
