import { RunActivity } from '../../../adapters/core/orchestrator.port';
import { RunEvent } from '../openlineage/openlineage.types';
import { dagsterJobName, dagsterRunEvents, RUN_EVENT_SCHEMA_URL } from './dagster-lineage';

const NS = 'dagster://prod';
const PRODUCER = 'https://github.com/acme/gatehouse/tree/0.1.0';
const options = { namespace: NS, producer: PRODUCER };
const RUN_ID = '598728AA-D223-4C52-9604-197C31492E84';

/** A run of sales/raw_orders + sales/orders_daily as the Dagster adapter reports it once it succeeded. */
function succeeded(): RunActivity {
  return {
    runId: RUN_ID,
    gatehouseRunId: 'gh-activity-ok',
    target: { kind: 'assets', assetKeys: [['sales', 'orders_daily'], ['sales', 'raw_orders']] },
    jobName: '__ASSET_JOB',
    status: 'succeeded',
    nativeStatus: 'SUCCESS',
    startedAt: '2026-11-29T18:40:47.004Z',
    endedAt: '2026-11-29T18:40:51.705Z',
    updatedAt: '2026-11-29T18:40:51.705Z',
    tags: { 'gatehouse/run-id': 'gh-activity-ok', 'dagster/code_location': 'definitions.py' },
    materializations: [
      { assetKey: ['sales', 'raw_orders'], at: '2026-11-29T18:40:48.161Z', metadata: {} },
      { assetKey: ['sales', 'orders_daily'], at: '2026-11-29T18:40:49.681Z', metadata: {} },
    ],
    checks: [{ assetKey: ['sales', 'orders_daily'], name: 'orders_daily_has_rows', passed: true, at: '2026-11-29T18:40:51.274Z' }],
    dependencies: [
      { assetKey: ['sales', 'orders_daily'], upstream: [['sales', 'raw_orders']] },
      { assetKey: ['sales', 'raw_orders'], upstream: [] },
    ],
    definitions: [
      { assetKey: ['sales', 'orders_daily'], kinds: ['python'], metadata: {} },
      { assetKey: ['sales', 'raw_orders'], kinds: ['python'], metadata: {} },
    ],
    error: null,
  };
}

const names = (datasets: { namespace: string; name: string }[]) => datasets.map((d) => `${d.namespace}|${d.name}`);

/** Every object under a `facets`, `inputFacets` or `outputFacets` key, with its path. */
function facetsIn(value: unknown, path = '$'): [string, Record<string, unknown>][] {
  if (!value || typeof value !== 'object') return [];
  const found: [string, Record<string, unknown>][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (['facets', 'inputFacets', 'outputFacets'].includes(k) && v && typeof v === 'object') {
      for (const [name, facet] of Object.entries(v)) found.push([`${path}.${k}.${name}`, facet as Record<string, unknown>]);
    } else found.push(...facetsIn(v, `${path}.${k}`));
  }
  return found;
}

describe('dagsterRunEvents', () => {
  it('a succeeded run: START then COMPLETE, keyed by the Dagster run id, with the naming documented', () => {
    const [start, complete] = dagsterRunEvents(succeeded(), options);
    for (const e of [start, complete]) {
      expect(e).toMatchObject({ kind: 'run', producer: PRODUCER, schemaURL: RUN_EVENT_SCHEMA_URL, run: { runId: RUN_ID.toLowerCase() } });
      expect(e.job).toMatchObject({ namespace: NS, name: 'sales/orders_daily,sales/raw_orders' });
      expect(e.job.facets!.jobType).toMatchObject({ processingType: 'BATCH', integration: 'DAGSTER', jobType: 'ASSET_JOB' });
      expect(e.run.facets!.gatehouse_dagsterRun).toMatchObject({ dagsterRunId: RUN_ID, gatehouseRunId: 'gh-activity-ok', dagsterJobName: '__ASSET_JOB' });
    }
    expect(start).toMatchObject({ eventType: 'START', eventTime: '2026-11-29T18:40:47.004Z' });
    expect(names(start.outputs)).toEqual([`${NS}|sales/orders_daily`, `${NS}|sales/raw_orders`]);
    expect(names(start.inputs)).toEqual([`${NS}|sales/raw_orders`]);

    expect(complete).toMatchObject({ eventType: 'COMPLETE', eventTime: '2026-11-29T18:40:51.705Z' });
    expect(names(complete.outputs)).toEqual([`${NS}|sales/orders_daily`, `${NS}|sales/raw_orders`]);
    expect(complete.outputs[0].outputFacets!.gatehouse_assetChecks).toEqual({
      _producer: PRODUCER,
      _schemaURL: `${PRODUCER}/spec/facets/1-0-0/GatehouseAssetChecksFacet.json#/$defs/GatehouseAssetChecksFacet`,
      checks: [{ name: 'orders_daily_has_rows', passed: true, at: '2026-11-29T18:40:51.274Z' }],
    });
    expect(complete.outputs[1].outputFacets).toBeUndefined();
    // orders_daily read raw_orders, produced in the same run
    expect(names(complete.inputs)).toEqual([`${NS}|sales/raw_orders`]);
    expect(complete.run.facets!.errorMessage).toBeUndefined();
  });

  it('queued: no events; running: START only, identical to the START produced once the run has finished', () => {
    expect(dagsterRunEvents({ ...succeeded(), status: 'queued', nativeStatus: 'QUEUED', startedAt: null, endedAt: null, materializations: [], checks: [] }, options)).toEqual([]);
    const running: RunActivity = { ...succeeded(), status: 'running', nativeStatus: 'STARTED', endedAt: null, updatedAt: '2026-11-29T18:40:48.200Z', materializations: succeeded().materializations.slice(0, 1), checks: [] };
    const events = dagsterRunEvents(running, options);
    expect(events.map((e) => e.eventType)).toEqual(['START']);
    expect(events[0]).toEqual(dagsterRunEvents(succeeded(), options)[0]);
  });

  it('a failed run: FAIL with the errorMessage facet (python), outputs only what was materialized', () => {
    const failed: RunActivity = {
      ...succeeded(),
      status: 'failed',
      nativeStatus: 'FAILURE',
      materializations: succeeded().materializations.slice(0, 1),
      checks: [],
      error: 'Execution of run for "__ASSET_JOB" failed.\nsales__orders_daily: RuntimeError: boom',
    };
    const events = dagsterRunEvents(failed, options);
    expect(events.map((e) => e.eventType)).toEqual(['START', 'FAIL']);
    const fail = events[1];
    expect(fail.run.facets!.errorMessage).toEqual({
      _producer: PRODUCER,
      _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet',
      message: failed.error,
      programmingLanguage: 'python',
    });
    expect(names(fail.outputs)).toEqual([`${NS}|sales/raw_orders`]);
    expect(fail.inputs).toEqual([]);
    // no message recorded: still an errorMessage facet, saying so
    const silent = dagsterRunEvents({ ...failed, error: null }, options)[1];
    expect(silent.run.facets!.errorMessage.message).toBe(`Dagster run ${RUN_ID} failed (FAILURE) without a failure message`);
  });

  it('a run cancelled while queued: ABORT only; cancelled after starting: START + ABORT', () => {
    const queuedCancel: RunActivity = { ...succeeded(), status: 'cancelled', nativeStatus: 'CANCELED', startedAt: null, materializations: [], checks: [] };
    expect(dagsterRunEvents(queuedCancel, options).map((e) => [e.eventType, e.eventTime])).toEqual([['ABORT', '2026-11-29T18:40:51.705Z']]);
    expect(dagsterRunEvents({ ...queuedCancel, startedAt: '2026-11-29T18:40:47.004Z' }, options).map((e) => e.eventType)).toEqual(['START', 'ABORT']);
  });

  it('checks on an asset the run did not materialize make it an input with dataQualityAssertions', () => {
    const checkOnly: RunActivity = {
      ...succeeded(),
      target: { kind: 'assets', assetKeys: [] },
      dependencies: [],
      materializations: [],
      checks: [
        { assetKey: ['sales', 'orders_daily'], name: 'orders_daily_has_rows', passed: false, at: '2026-11-29T18:40:50.000Z' },
        { assetKey: ['sales', 'orders_daily'], name: 'a_second_check', passed: true, at: '2026-11-29T18:40:50.100Z' },
      ],
    };
    const complete = dagsterRunEvents(checkOnly, options)[1];
    expect(complete.outputs).toEqual([]);
    expect(complete.inputs).toEqual([
      {
        namespace: NS,
        name: 'sales/orders_daily',
        inputFacets: {
          dataQualityAssertions: {
            _producer: PRODUCER,
            _schemaURL: 'https://openlineage.io/spec/facets/1-0-2/DataQualityAssertionsDatasetFacet.json#/$defs/DataQualityAssertionsDatasetFacet',
            assertions: [
              { assertion: 'a_second_check', success: true },
              { assertion: 'orders_daily_has_rows', success: false },
            ],
          },
        },
      },
    ]);
  });

  it('is deterministic: the same activity gives identical events, whatever the order Dagster listed things in', () => {
    const a = dagsterRunEvents(succeeded(), options);
    expect(JSON.stringify(dagsterRunEvents(succeeded(), options))).toBe(JSON.stringify(a));
    const shuffled = succeeded();
    shuffled.target = { kind: 'assets', assetKeys: [['sales', 'raw_orders'], ['sales', 'orders_daily']] };
    shuffled.materializations.reverse();
    shuffled.dependencies.reverse();
    expect(dagsterRunEvents(shuffled, options)).toEqual(a);
    // events share no objects: a consumer mutating one cannot change another
    a[0].run.facets!.gatehouse_dagsterRun.dagsterRunId = 'x';
    a[0].job.facets!.jobType.integration = 'x';
    expect(a[1].run.facets!.gatehouse_dagsterRun.dagsterRunId).toBe(RUN_ID);
    expect(a[1].job.facets!.jobType.integration).toBe('DAGSTER');
  });

  it('every facet has _producer and _schemaURL; a custom schema base can be given', () => {
    const events: RunEvent[] = [
      ...dagsterRunEvents(succeeded(), options),
      ...dagsterRunEvents({ ...succeeded(), status: 'failed', nativeStatus: 'FAILURE', error: 'x' }, options),
    ];
    const facets = facetsIn(events);
    expect(facets.length).toBeGreaterThan(8);
    for (const [path, facet] of facets) {
      expect({ path, producer: facet._producer }).toEqual({ path, producer: PRODUCER });
      expect({ path, schema: facet._schemaURL }).toEqual({ path, schema: expect.stringMatching(/^https:\/\/.+#\/\$defs\/\w+$/) });
    }
    const custom = dagsterRunEvents(succeeded(), { ...options, facetSchemaBase: 'https://schemas.example/gh/' })[1];
    expect(custom.outputs[0].outputFacets!.gatehouse_assetChecks._schemaURL).toBe('https://schemas.example/gh/GatehouseAssetChecksFacet.json#/$defs/GatehouseAssetChecksFacet');
  });
});

describe('dagsterJobName', () => {
  it('asset keys for Dagster’s implicit asset job; a job defined in code keeps its name', () => {
    expect(dagsterJobName(succeeded())).toBe('sales/orders_daily,sales/raw_orders');
    expect(dagsterJobName({ ...succeeded(), jobName: '__ASSET_JOB_0' })).toBe('sales/orders_daily,sales/raw_orders');
    expect(dagsterJobName({ ...succeeded(), jobName: 'daily_sales' })).toBe('daily_sales');
    expect(dagsterJobName({ ...succeeded(), jobName: null, target: { kind: 'assets', assetKeys: [['finance', 'revenue']] } })).toBe('finance/revenue');
    expect(dagsterJobName({ ...succeeded(), jobName: null, target: { kind: 'assets', assetKeys: [] } })).toBe('dagster-run');
  });
});
