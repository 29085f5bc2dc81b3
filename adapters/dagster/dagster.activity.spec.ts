import { recorded } from '../../test/fixtures/dagster-graphql/replay-server';
import { OrchestratorError } from '../core/orchestrator-error';
import {
  ActivityCursor,
  advanceCursor,
  changeKey,
  decodeCursor,
  encodeCursor,
  failureMessage,
  GqlActivityRun,
  GqlAssetDefinition,
  GqlRunChange,
  pendingChanges,
  referencedKeys,
  toRunActivity,
  updatedAfterFor,
} from './dagster.activity';

const LOOKBACK = 60;
const run = (runId: string, status: string, updateTime: number, endTime: number | null = null): GqlRunChange => ({ runId, status, updateTime, endTime });
const start: ActivityCursor = { watermark: null, seen: new Map() };

/** One call of the feed over a list of runs, as the adapter does it. */
function page(cursor: ActivityCursor, runs: GqlRunChange[], limit: number) {
  const visible = cursor.watermark === null ? runs : runs.filter((r) => r.updateTime > cursor.watermark! - LOOKBACK);
  const chosen = pendingChanges(cursor, visible, LOOKBACK).slice(0, limit);
  const next = advanceCursor(cursor, chosen, new Map(chosen.map((c) => [c.runId, changeKey(c)])), LOOKBACK);
  return { ids: chosen.map((c) => `${c.runId}:${c.status}`), next: decodeCursor(encodeCursor(next)) };
}

describe('activity cursor', () => {
  it('round-trips through its string form, deterministically', () => {
    const cursor: ActivityCursor = { watermark: 1795977651.705494, seen: new Map([['b', 1795977651.705494], ['a', 1795977650.1]]) };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^dgA1\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
    expect(encodeCursor({ watermark: cursor.watermark, seen: new Map([...cursor.seen].reverse()) })).toBe(text);
    expect(decodeCursor(null)).toEqual(start);
  });

  it.each(['', 'nope', 'dgA1.', 'dgA1.!!!', `dgA1.${Buffer.from('{"w":"x","s":[]}').toString('base64url')}`, `dgA1.${Buffer.from('{"w":1,"s":[[1,2]]}').toString('base64url')}`])(
    'refuses the cursor %j as invalid_request',
    (text) => {
      expect(() => decodeCursor(text)).toThrow(OrchestratorError);
      try {
        decodeCursor(text);
      } catch (e) {
        expect((e as OrchestratorError).code).toBe('invalid_request');
      }
    },
  );

  it('asks Dagster for runs updated within the lookback below the watermark', () => {
    expect(updatedAfterFor(start, LOOKBACK)).toBeUndefined();
    expect(updatedAfterFor({ watermark: 1000, seen: new Map() }, LOOKBACK)).toBe(940);
  });

  it('keys a final run by its end time (tags added later move updateTime only), a live run by its update time', () => {
    expect(changeKey(run('a', 'SUCCESS', 500, 100))).toBe(100);
    expect(changeKey(run('a', 'STARTED', 500, null))).toBe(500);
    expect(changeKey(run('a', 'FAILURE', 500, null))).toBe(500);
  });
});

describe('activity paging', () => {
  it('runs stamped the same instant: each delivered once, in run id order, across pages of one', () => {
    const runs = [run('c', 'SUCCESS', 10, 10), run('a', 'SUCCESS', 10, 10), run('b', 'FAILURE', 10, 10)];
    let cursor = start;
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = page(cursor, runs, 1);
      seen.push(...p.ids);
      cursor = p.next;
    }
    expect(seen).toEqual(['a:SUCCESS', 'b:FAILURE', 'c:SUCCESS']);
  });

  it('a change committed late, stamped before the watermark, is still delivered (within the lookback)', () => {
    const runs = [run('a', 'SUCCESS', 100, 100)];
    let p = page(start, runs, 10);
    expect(p.ids).toEqual(['a:SUCCESS']);
    runs.push(run('late', 'SUCCESS', 95, 95)); // stamped before a's change, visible only now
    p = page(p.next, runs, 10);
    expect(p.ids).toEqual(['late:SUCCESS']);
    expect(page(p.next, runs, 10).ids).toEqual([]);
  });

  it('a final state is delivered once, also when its tags change afterwards; a live run appears again when it ends', () => {
    const runs = [run('a', 'STARTED', 100)];
    let p = page(start, runs, 10);
    expect(p.ids).toEqual(['a:STARTED']);
    expect(page(p.next, runs, 10).ids).toEqual([]);
    runs[0] = run('a', 'SUCCESS', 110, 110);
    p = page(p.next, runs, 10);
    expect(p.ids).toEqual(['a:SUCCESS']);
    runs[0] = run('a', 'SUCCESS', 130, 110); // the auto-retry daemon tags it
    p = page(p.next, runs, 10);
    expect(p.ids).toEqual([]);
    runs[0] = run('a', 'SUCCESS', 1000, 110); // and again much later, beyond the lookback
    expect(page(p.next, runs, 10).ids).toEqual([]);
  });

  it('keeps only the runs handed out within the lookback in the cursor, and never moves the watermark past what was not handed out', () => {
    const runs = [run('a', 'SUCCESS', 100, 100), run('b', 'SUCCESS', 200, 200), run('c', 'SUCCESS', 300, 300)];
    let p = page(start, runs, 2);
    expect(p.ids).toEqual(['a:SUCCESS', 'b:SUCCESS']);
    expect(p.next.watermark).toBe(200);
    expect([...p.next.seen.keys()]).toEqual(['b']);
    p = page(p.next, runs, 2);
    expect(p.ids).toEqual(['c:SUCCESS']);
    expect([...p.next.seen]).toEqual([['c', 300]]);
  });

  it('a newer state read in the second pass is remembered with its own key', () => {
    const chosen = [run('a', 'STARTED', 100)];
    const next = advanceCursor(start, chosen, new Map([['a', 150]]), LOOKBACK);
    expect(next).toEqual({ watermark: 100, seen: new Map([['a', 150]]) });
    expect(pendingChanges(next, [run('a', 'SUCCESS', 150, 150)], LOOKBACK)).toEqual([]);
  });
});

describe('toRunActivity (recorded runs)', () => {
  const results: GqlActivityRun[] = recorded('activity-runs').body.data.runsOrError.results;
  const deps = new Map<string, GqlAssetDefinition>(
    recorded('activity-asset-dependencies').body.data.assetNodes.map((n: GqlAssetDefinition) => [JSON.stringify(n.assetKey.path), n]),
  );
  const byStatus = (s: string) => results.find((r) => r.status === s)!;
  const activity = (r: GqlActivityRun) => toRunActivity(r, r.eventConnection.events, deps, 'gatehouse/run-id');

  it('a succeeded run: selection, materializations, check results, dependencies, tags', () => {
    const a = activity(byStatus('SUCCESS'));
    expect(a).toMatchObject({
      gatehouseRunId: 'gh-activity-ok',
      // Dagster's order of the selection (stable for a run)
      target: { kind: 'assets', assetKeys: [['sales', 'orders_daily'], ['sales', 'raw_orders']] },
      jobName: '__ASSET_JOB',
      status: 'succeeded',
      nativeStatus: 'SUCCESS',
      tags: { 'dagster/code_location': 'definitions.py', 'gatehouse/run-id': 'gh-activity-ok' },
      dependencies: [
        { assetKey: ['sales', 'orders_daily'], upstream: [['sales', 'raw_orders']] },
        { assetKey: ['sales', 'raw_orders'], upstream: [] },
      ],
      error: null,
    });
    expect(a.materializations.map((m) => m.assetKey)).toEqual([['sales', 'raw_orders'], ['sales', 'orders_daily']]);
    expect(a.checks).toEqual([{ assetKey: ['sales', 'orders_daily'], name: 'orders_daily_has_rows', passed: true, at: expect.stringMatching(/^20\d\d-/) }]);
    expect(a.startedAt! < a.materializations[0].at && a.materializations[1].at < a.endedAt!).toBe(true);
  });

  it('a failed run carries the run failure and the step’s root error', () => {
    const a = activity(byStatus('FAILURE'));
    expect(a.status).toBe('failed');
    expect(a.error).toBe(
      'Execution of run for "__ASSET_JOB" failed. Steps failed: [\'sales__broken_asset\'].\n' +
        'sales__broken_asset: RuntimeError: broken_asset: this asset fails on purpose (Gatehouse fixture)',
    );
    expect(a.materializations).toEqual([]);
  });

  it('a run cancelled while queued never started (Dagster answers startTime = endTime)', () => {
    const raw = byStatus('CANCELED');
    expect(raw.startTime).toBe(raw.endTime);
    const a = activity(raw);
    expect(a).toMatchObject({ status: 'cancelled', startedAt: null, error: null });
    expect(a.endedAt).not.toBeNull();
  });

  it('a run with no asset selection reports what it planned; failure text without events is null', () => {
    const r = { ...byStatus('SUCCESS'), assetSelection: null };
    expect(activity(r).target).toEqual({ kind: 'assets', assetKeys: [['sales', 'orders_daily'], ['sales', 'raw_orders']] });
    expect(failureMessage([])).toBeNull();
  });
});

describe('toRunActivity: Dagster’s standard metadata (recorded run of test/fixtures/hybrid/dagster)', () => {
  const [run] = recorded('activity-hybrid-runs').body.data.runsOrError.results as GqlActivityRun[];
  const definitions = new Map<string, GqlAssetDefinition>(
    recorded('activity-hybrid-asset-definitions').body.data.assetNodes.map((n: GqlAssetDefinition) => [JSON.stringify(n.assetKey.path), n]),
  );
  const RAW = ['hybrid', 'raw_orders'];
  const MART = ['hybrid', 'customer_orders'];

  it('materializations carry their metadata; definitions their kinds and metadata', () => {
    const a = toRunActivity(run, run.eventConnection.events, definitions, 'gatehouse/run-id');
    expect(a.materializations.map((m) => [m.assetKey, m.metadata])).toEqual([
      [RAW, { 'dagster/row_count': { kind: 'number', value: 6 } }],
      [
        MART,
        {
          'dagster/row_count': { kind: 'number', value: 3 },
          'dagster/column_lineage': {
            kind: 'columnLineage',
            columns: [
              { column: 'customer', from: [{ assetKey: RAW, column: 'customer' }] },
              { column: 'orders', from: [{ assetKey: RAW, column: 'order_id' }] },
              { column: 'total', from: [{ assetKey: RAW, column: 'amount' }] },
            ],
          },
        },
      ],
    ]);
    const byKey = new Map(a.definitions.map((d) => [JSON.stringify(d.assetKey), d]));
    expect(byKey.get(JSON.stringify(MART))).toEqual({
      assetKey: MART,
      kinds: ['postgres', 'python'],
      metadata: {
        'dagster/table_name': { kind: 'text', text: 'warehouse.public.customer_orders' },
        'dagster/column_schema': {
          kind: 'tableSchema',
          columns: [
            { name: 'customer', type: 'string', description: null },
            { name: 'orders', type: 'integer', description: null },
            { name: 'total', type: 'double', description: "Sum of the customer's orders in EUR" },
          ],
        },
      },
    });
    expect(byKey.get(JSON.stringify(RAW))!.metadata['dagster/uri']).toEqual({ kind: 'text', text: 'file:///tmp/gatehouse-hybrid-recording/raw_orders.json' });
  });

  it('names the upstream and column-lineage assets outside the selection, whose definitions the adapter reads next', () => {
    expect(referencedKeys([MART], definitions, run.eventConnection.events)).toEqual([RAW]);
    const onlyMart = new Map([[JSON.stringify(MART), { ...definitions.get(JSON.stringify(MART))!, dependencyKeys: [] }]]);
    // no dependency declared: the column lineage of the materialization still names it
    expect(referencedKeys([MART], onlyMart, run.eventConnection.events)).toEqual([RAW]);
    expect(referencedKeys([MART], onlyMart, [])).toEqual([]);
  });
});
