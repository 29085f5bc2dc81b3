import { recorded } from '../../test/fixtures/dagster-graphql/replay-server';
import { RunTarget } from '../core/orchestrator.port';
import {
  assetKeysOf,
  freshnessOf,
  GqlAssetNode,
  millisToIso,
  originalRun,
  secondsToIso,
  toDiscoveredAsset,
  toProductionEvent,
  toRunDetail,
} from './dagster.mapping';

const OK_ID = '7b0c8a9e-4f3e-4a59-9a5e-0c1f2d3e4f50';
const target: RunTarget = { kind: 'assets', assetKeys: [['sales', 'raw_orders'], ['sales', 'orders_daily']] };

describe('parsing the recorded assetNodes answer (Dagster 1.13.27, test/fixtures/dagster/definitions.py)', () => {
  const nodes: GqlAssetNode[] = recorded('asset-nodes').body.data.assetNodes;
  const byKey = Object.fromEntries(nodes.map((n) => [n.assetKey.path.join('/'), toDiscoveredAsset(n)]));

  it('finds the four fixture assets', () => {
    expect(Object.keys(byKey).sort()).toEqual(['finance/revenue', 'sales/broken_asset', 'sales/orders_daily', 'sales/raw_orders']);
  });

  it('maps orders_daily fully: team and e-mail owners, tags without kind tags, kinds, dependencies, checks', () => {
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
  });

  it('maps revenue’s time-window freshness policy (fail window 24 h)', () => {
    expect(byKey['finance/revenue']).toMatchObject({
      group: 'finance',
      owners: ['team:finance', 'cfo@example.com'],
      dependencies: [['sales', 'orders_daily']],
      checks: [],
      freshness: { maximumLagMinutes: 1440, cron: null },
    });
  });

  it('maps raw_orders and broken_asset', () => {
    expect(byKey['sales/raw_orders']).toMatchObject({ owners: ['team:sales-data'], tags: { domain: 'sales', tier: 'bronze' }, dependencies: [], freshness: null });
    expect(byKey['sales/broken_asset']).toMatchObject({ owners: ['team:sales-data'], tags: { domain: 'sales' }, description: 'Fails on purpose (fixture).' });
  });

  it('maps cron and legacy freshness policies', () => {
    const base = nodes[0];
    expect(freshnessOf({ ...base, internalFreshnessPolicy: { __typename: 'CronFreshnessPolicy', deadlineCron: '0 9 * * *', lowerBoundDeltaSeconds: 3600, timezone: 'UTC' } })).toEqual({
      maximumLagMinutes: 60,
      cron: '0 9 * * *',
    });
    expect(freshnessOf({ ...base, internalFreshnessPolicy: null, freshnessPolicy: { maximumLagMinutes: 30, cronSchedule: null } })).toEqual({ maximumLagMinutes: 30, cron: null });
    expect(freshnessOf({ ...base, internalFreshnessPolicy: null, freshnessPolicy: null })).toBeNull();
  });

  it('refuses asset checks Dagster cannot report', () => {
    expect(() => toDiscoveredAsset({ ...nodes[0], assetChecksOrError: { __typename: 'AssetCheckNeedsMigrationError', message: 'run dagster instance migrate' } })).toThrow(
      expect.objectContaining({ code: 'orchestrator_error', orchestratorMessage: 'run dagster instance migrate' }),
    );
  });
});

describe('mapping recorded runs', () => {
  const runOf = (file: string) => recorded(file).body.data.runsOrError.results[0];

  it('a queued run: queued, no times, every planned step pending', () => {
    const d = toRunDetail(runOf('runs-by-tag-queued'), OK_ID, target);
    expect(d).toEqual({
      runId: OK_ID,
      target,
      status: 'queued',
      nativeStatus: 'QUEUED',
      startedAt: null,
      endedAt: null,
      steps: [
        { name: 'sales__orders_daily_orders_daily_has_rows', status: 'pending', startedAt: null, endedAt: null },
        { name: 'sales__orders_daily', status: 'pending', startedAt: null, endedAt: null },
        { name: 'sales__raw_orders', status: 'pending', startedAt: null, endedAt: null },
      ],
    });
  });

  it('a successful run: times from float seconds, steps in start order', () => {
    const run = runOf('runs-by-tag-success');
    const d = toRunDetail(run, OK_ID, target);
    expect(d.status).toBe('succeeded');
    expect(d.startedAt).toBe(new Date(Math.round(run.startTime * 1000)).toISOString());
    expect(d.endedAt).toBe(new Date(Math.round(run.endTime * 1000)).toISOString());
    expect(d.steps.map((s) => [s.name, s.status])).toEqual([
      ['sales__raw_orders', 'succeeded'],
      ['sales__orders_daily', 'succeeded'],
      ['sales__orders_daily_orders_daily_has_rows', 'succeeded'],
    ]);
    expect(d.steps.every((s) => s.startedAt && s.endedAt && s.startedAt <= s.endedAt)).toBe(true);
    // the caller's target is kept although Dagster lists the keys in another order
    expect(d.target).toBe(target);
  });

  it('a failed run', () => {
    const d = toRunDetail(runOf('runs-by-tag-failure'), 'f', { kind: 'assets', assetKeys: [['sales', 'broken_asset']] });
    expect(d).toMatchObject({ status: 'failed', nativeStatus: 'FAILURE', steps: [{ name: 'sales__broken_asset', status: 'failed' }] });
  });

  it('a run cancelled while queued: its planned steps are skipped', () => {
    const d = toRunDetail(runOf('runs-by-tag-cancelled'), 'c', { kind: 'assets', assetKeys: [['finance', 'revenue']] });
    expect(d.status).toBe('cancelled');
    expect(new Set(d.steps.map((s) => s.status))).toEqual(new Set(['skipped']));
    // the run selected other keys than the target named: the run's own selection is reported
    expect(d.target).toEqual({ kind: 'assets', assetKeys: [['sales', 'raw_orders'], ['sales', 'orders_daily'], ['finance', 'revenue']] });
  });

  it('the first created of several runs is the original', () => {
    const a = { runId: 'b', status: 'QUEUED', creationTime: 2 };
    const b = { runId: 'a', status: 'QUEUED', creationTime: 1 };
    const c = { runId: 'c', status: 'QUEUED', creationTime: 1 };
    expect(originalRun([a, b, c])).toBe(b);
    expect(originalRun([])).toBeUndefined();
  });
});

describe('productions and times', () => {
  it('maps a recorded materialization with the Gatehouse run id from the run’s tags', () => {
    const m = recorded('asset-materializations').body.data.assetOrError.assetMaterializations[0];
    const t: RunTarget = { kind: 'assets', assetKeys: [['sales', 'orders_daily']] };
    expect(toProductionEvent(m, t, ['sales', 'orders_daily'], 'gatehouse/run-id')).toEqual({
      target: t,
      runId: OK_ID,
      at: new Date(Number(m.timestamp)).toISOString(),
      assetKey: ['sales', 'orders_daily'],
    });
  });

  it('uses Dagster’s run id for runs Gatehouse did not launch, null for runless events', () => {
    const t: RunTarget = { kind: 'assets', assetKeys: [['a']] };
    expect(toProductionEvent({ runId: 'dagster-run', timestamp: '1000', runOrError: { __typename: 'Run', tags: [] } }, t, ['a'], 'gatehouse/run-id').runId).toBe('dagster-run');
    expect(toProductionEvent({ runId: '', timestamp: '1000', runOrError: { __typename: 'RunNotFoundError' } }, t, ['a'], 'gatehouse/run-id')).toEqual({
      target: t,
      runId: null,
      at: '1970-01-01T00:00:01.000Z',
      assetKey: ['a'],
    });
  });

  it('converts Dagster times', () => {
    expect(secondsToIso(1795509941.014669)).toBe('2026-11-24T08:45:41.015Z');
    expect(secondsToIso(null)).toBeNull();
    expect(millisToIso('1795509948750')).toBe('2026-11-24T08:45:48.750Z');
    expect(millisToIso('garbage')).toBeNull();
  });
});

describe('targets', () => {
  it('takes asset keys, de-duplicated', () => {
    expect(assetKeysOf({ kind: 'assets', assetKeys: [['a', 'b'], ['a', 'b'], ['c']] })).toEqual([['a', 'b'], ['c']]);
  });

  it.each([
    [{ kind: 'dag', dagId: 'x' }],
    [{ kind: 'assets', assetKeys: [] }],
    [{ kind: 'assets', assetKeys: [[]] }],
    [{ kind: 'assets', assetKeys: [['a', '']] }],
    [{ kind: 'assets', assetKeys: ['a'] }],
  ])('refuses %j as invalid_request', (t) => {
    expect(() => assetKeysOf(t as RunTarget)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
});
