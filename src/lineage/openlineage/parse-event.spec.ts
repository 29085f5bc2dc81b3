import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetEvent, EventProblem, JobEvent, LineageEvent, ParseResult, RunEvent } from './openlineage.types';
import { jsonPath, OPENLINEAGE_LIMITS, parseLineageBody, parseLineageEvent } from './parse-event';

const FIXTURES = join(__dirname, '../../../test/fixtures/openlineage');
/** A fresh copy of a sample event from test/fixtures/openlineage (tests mutate it freely). */
const fixture = (name: string): any => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));

const DAG_RUN_ID = '019cac46-1500-7c3a-9e41-6a2f0d8b3c17';
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function eventOf(result: ParseResult): LineageEvent {
  if (!result.ok) throw new Error(`expected a valid event, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.event;
}
const runEvent = (raw: unknown) => eventOf(parseLineageEvent(raw)) as RunEvent;

function problemsOf(result: ParseResult): EventProblem[] {
  if (result.ok) throw new Error('expected problems, the event was accepted');
  return result.problems;
}

describe('sample events (test/fixtures/openlineage)', () => {
  it.each([
    ['airflow-dag-start', 'run'],
    ['airflow-task-complete', 'run'],
    ['airflow-task-fail', 'run'],
    ['airflow-load-complete', 'run'],
    ['airflow-dag-complete', 'run'],
    ['spark-column-lineage', 'run'],
    ['dagster-materialization', 'run'],
    ['dataset-event', 'dataset'],
    ['job-event', 'job'],
  ])('%s is a valid %s event', (name, kind) => {
    expect(eventOf(parseLineageEvent(fixture(name))).kind).toBe(kind);
  });

  it('tells one Airflow story: every task run is a child of the DAG run that started', () => {
    const start = runEvent(fixture('airflow-dag-start'));
    expect(start).toMatchObject({ eventType: 'START', job: { namespace: 'gatehouse-test-airflow', name: 'orders_daily' }, run: { runId: DAG_RUN_ID } });
    expect(start.run.runId).toMatch(UUID_V7);
    for (const [name, task, type] of [
      ['airflow-task-complete', 'extract', 'COMPLETE'],
      ['airflow-task-fail', 'transform', 'FAIL'],
      ['airflow-load-complete', 'load', 'COMPLETE'],
    ]) {
      const event = runEvent(fixture(name));
      expect(event).toMatchObject({ eventType: type, job: { namespace: 'gatehouse-test-airflow', name: `orders_daily.${task}` } });
      expect(event.run.runId).toMatch(UUID_V7);
      expect(event.run.runId).not.toBe(DAG_RUN_ID);
      expect(event.run.facets?.parent).toMatchObject({ run: { runId: DAG_RUN_ID }, job: { namespace: 'gatehouse-test-airflow', name: 'orders_daily' } });
    }
    expect(runEvent(fixture('airflow-dag-complete')).run.runId).toBe(DAG_RUN_ID);
  });
});

describe('parseLineageEvent: valid events', () => {
  it('normalises an Airflow DAG run START and keeps its facets as sent', () => {
    const raw = fixture('airflow-dag-start');
    const event = runEvent(raw);
    expect(event).toEqual({
      kind: 'run',
      eventTime: '2026-03-02T02:00:01.873412+00:00',
      producer: 'https://github.com/apache/airflow/tree/providers-openlineage/2.20.1',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      eventType: 'START',
      run: { runId: DAG_RUN_ID, facets: raw.run.facets },
      job: { namespace: 'gatehouse-test-airflow', name: 'orders_daily', facets: raw.job.facets },
      inputs: [],
      outputs: [],
    });
    expect(Object.keys(event.run.facets ?? {})).toEqual(['airflowDagRun', 'nominalTime', 'processing_engine']);
  });

  it('reads an Airflow task COMPLETE with parent, airflow, processing_engine and nominalTime facets', () => {
    const event = runEvent(fixture('airflow-task-complete'));
    expect(Object.keys(event.run.facets ?? {})).toEqual(['parent', 'airflow', 'processing_engine', 'nominalTime']);
    expect(event.run.facets?.parent.root).toEqual({ run: { runId: DAG_RUN_ID }, job: { namespace: 'gatehouse-test-airflow', name: 'orders_daily' } });
    expect(event.run.facets?.airflow).toMatchObject({ task: { task_id: 'extract' }, taskInstance: { try_number: 1 } });
  });

  it('keeps the errorMessage facet of a failed task', () => {
    const event = runEvent(fixture('airflow-task-fail'));
    expect(event.eventType).toBe('FAIL');
    expect(event.run.facets?.errorMessage).toMatchObject({ message: "KeyError: 'amount'", programmingLanguage: 'python', stackTrace: expect.stringContaining('Traceback') });
  });

  it('reads the load task datasets, with inputFacets only on inputs and outputFacets only on outputs', () => {
    const event = runEvent(fixture('airflow-load-complete'));
    expect(event.inputs.map((d) => [d.namespace, d.name])).toEqual([['postgres://warehouse:5432', 'raw.public.orders']]);
    expect(event.outputs.map((d) => [d.namespace, d.name])).toEqual([['postgres://warehouse:5432', 'analytics.public.orders_daily']]);
    expect(event.outputs[0].outputFacets?.outputStatistics).toMatchObject({ rowCount: 1 });
    expect(event.outputs[0].facets?.columnLineage).toMatchObject({ fields: { revenue: { inputFields: [{ name: 'raw.public.orders', field: 'amount' }] } } });
  });

  it('reads a Spark COMPLETE with schema and columnLineage facets on several datasets', () => {
    const raw = fixture('spark-column-lineage');
    const event = runEvent(raw);
    expect(event.inputs).toHaveLength(2);
    expect(event.inputs[0].inputFacets).toEqual(raw.inputs[0].inputFacets);
    expect(event.inputs[1]).toEqual({ namespace: 's3://lake-raw', name: 'customers', facets: raw.inputs[1].facets });
    expect(event.outputs[0].facets?.schema).toEqual(raw.outputs[0].facets.schema);
    expect(event.outputs[0].facets?.columnLineage).toEqual(raw.outputs[0].facets.columnLineage);
    expect(event.run.facets?.['spark.logicalPlan']).toBeDefined();
  });

  it('reads a Dagster step event whose parent is the Dagster run (a UUIDv4)', () => {
    const event = runEvent(fixture('dagster-materialization'));
    expect(event.job).toMatchObject({ namespace: 'gatehouse-test-dagster', name: '__ASSET_JOB.sales__orders_daily' });
    expect(event.run.facets?.parent).toMatchObject({ run: { runId: '346f9442-ea7d-4b88-8b0c-4d7c5c4d4ac5' } });
    expect(event.outputs[0]).toMatchObject({ name: 'sales/orders_daily', facets: { ownership: { owners: [{ name: 'team:sales-data' }, { name: 'orders-steward@example.com' }] } } });
  });

  it('reads a DatasetEvent', () => {
    const raw = fixture('dataset-event');
    const event = eventOf(parseLineageEvent(raw)) as DatasetEvent;
    expect(event).toEqual({
      kind: 'dataset',
      eventTime: raw.eventTime,
      producer: raw.producer,
      schemaURL: raw.schemaURL,
      dataset: { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders_daily', facets: raw.dataset.facets },
    });
  });

  it('reads a JobEvent', () => {
    const event = eventOf(parseLineageEvent(fixture('job-event'))) as JobEvent;
    expect(event.kind).toBe('job');
    expect(event.job.name).toBe('orders_daily.load');
    expect(event.inputs).toEqual([{ namespace: 'postgres://warehouse:5432', name: 'raw.public.orders' }]);
    expect(event).not.toHaveProperty('run');
  });

  it('lower-cases the run id, defaults inputs and outputs, and leaves eventType out when absent', () => {
    const raw = fixture('airflow-task-complete');
    raw.run.runId = raw.run.runId.toUpperCase();
    delete raw.eventType;
    delete raw.inputs;
    raw.outputs = null;
    const event = runEvent(raw);
    expect(event.run.runId).toBe('019cac46-2950-7a81-b4d2-3e9c5f017a64');
    expect(event).not.toHaveProperty('eventType');
    expect(event.inputs).toEqual([]);
    expect(event.outputs).toEqual([]);
  });

  it('accepts every run event type and any UUID version', () => {
    for (const eventType of ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER']) {
      expect(runEvent({ ...fixture('airflow-task-complete'), eventType }).eventType).toBe(eventType);
    }
    const raw = fixture('airflow-task-complete');
    raw.run.runId = '00000000-0000-0000-0000-000000000000';
    expect(runEvent(raw).run.runId).toBe(raw.run.runId);
  });

  it('leaves unknown top-level and dataset fields out of the normalised event', () => {
    const raw = { ...fixture('job-event'), extra: 1, runFacets: {} };
    raw.inputs[0].somethingElse = true;
    raw.inputs[0].outputFacets = 'ignored on an input';
    const event = eventOf(parseLineageEvent(raw)) as JobEvent;
    expect(event).not.toHaveProperty('extra');
    expect(event.inputs[0]).toEqual({ namespace: 'postgres://warehouse:5432', name: 'raw.public.orders' });
  });

  it.each([
    ['2026-03-02T02:00:01Z'],
    ['2026-03-02t02:00:01.123456789z'],
    ['2026-03-02T04:00:01+02:00'],
    ['2026-03-01T21:00:01.5-05:00'],
    ['2024-02-29T00:00:00Z'],
    ['2016-12-31T23:59:60Z'],
  ])('accepts the date-time %s', (eventTime) => {
    expect(runEvent({ ...fixture('airflow-task-complete'), eventTime }).eventTime).toBe(eventTime);
  });

  it('accepts a deleted facet with nothing but _deleted', () => {
    const raw = fixture('airflow-task-complete');
    raw.run.facets.nominalTime = { _deleted: true };
    expect(runEvent(raw).run.facets?.nominalTime).toEqual({ _deleted: true });
  });

  describe('kind', () => {
    const base = () => {
      const { eventType: _t, run: _r, job: _j, inputs: _i, outputs: _o, ...rest } = fixture('airflow-task-complete');
      return { ...rest, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json' };
    };
    const job = { namespace: 'ns', name: 'j' };
    const dataset = { namespace: 'ns', name: 'd' };

    it('falls back to the shape when the schemaURL has no fragment', () => {
      expect(eventOf(parseLineageEvent({ ...base(), run: { runId: DAG_RUN_ID }, job })).kind).toBe('run');
      expect(eventOf(parseLineageEvent({ ...base(), job })).kind).toBe('job');
      expect(eventOf(parseLineageEvent({ ...base(), dataset })).kind).toBe('dataset');
      expect(eventOf(parseLineageEvent({ ...base(), job, dataset })).kind).toBe('job');
    });

    it('reads the 1-0-x "#/definitions/…" fragment too', () => {
      const raw = { ...base(), schemaURL: 'https://openlineage.io/spec/1-0-5/OpenLineage.json#/definitions/JobEvent', job };
      expect(eventOf(parseLineageEvent(raw)).kind).toBe('job');
    });
  });
});

describe('parseLineageEvent: invalid events', () => {
  /** Problems for the Airflow task COMPLETE after `mutate` breaks it. */
  const broken = (mutate: (raw: any) => void, name = 'airflow-task-complete') => {
    const raw = fixture(name);
    mutate(raw);
    return problemsOf(parseLineageEvent(raw));
  };

  it.each<[string, (raw: any) => void, EventProblem[]]>([
    ['missing eventTime', (r) => delete r.eventTime, [{ path: '$.eventTime', message: 'is required' }]],
    ['missing producer and schemaURL', (r) => ((r.producer = null), delete r.schemaURL), [
      { path: '$.producer', message: 'is required' },
      { path: '$.schemaURL', message: 'is required' },
    ]],
    ['missing run', (r) => delete r.run, [{ path: '$.run', message: 'is required' }]],
    ['missing run id', (r) => delete r.run.runId, [{ path: '$.run.runId', message: 'is required' }]],
    ['missing job name', (r) => delete r.job.name, [{ path: '$.job.name', message: 'is required' }]],
    ['empty job namespace', (r) => (r.job.namespace = '  '), [{ path: '$.job.namespace', message: 'must not be empty' }]],
    ['job not an object', (r) => (r.job = 'orders_daily'), [{ path: '$.job', message: 'must be an object, not a string' }]],
    ['numeric job name', (r) => (r.job.name = 42), [{ path: '$.job.name', message: 'must be a string, not a number' }]],
    ['wrong eventType', (r) => (r.eventType = 'DONE'), [
      { path: '$.eventType', message: 'must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER (got "DONE")' },
    ]],
    ['lower-case eventType', (r) => (r.eventType = 'complete'), [
      { path: '$.eventType', message: 'must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER (got "complete")' },
    ]],
    ['non-UUID runId', (r) => (r.run.runId = 'scheduled__2026-03-02T02:00:00+00:00'), [
      { path: '$.run.runId', message: expect.stringMatching(/^must be a UUID, such as .* \(got "scheduled__2026-03-02T02:00:00\+00:00"\)$/) },
    ]],
    ['numeric runId', (r) => (r.run.runId = 7), [{ path: '$.run.runId', message: 'must be a UUID string, not a number' }]],
    ['NUL in the job name', (r) => (r.job.name = 'orders\u0000daily'), [
      { path: '$.job.name', message: 'must not contain the NUL character (\\u0000): PostgreSQL cannot store it' },
    ]],
    ['NUL in a facet value and a facet key', (r) => (r.run.facets.parent.job.name = 'x\u0000', (r.job.facets = { ...r.job.facets, custom: { _producer: 'https://x.io/p', _schemaURL: 'https://x.io/s', ['k\u0000']: 1 } })), [
      { path: '$.run.facets.parent.job.name', message: 'must not contain the NUL character (\\u0000): PostgreSQL cannot store it' },
      { path: '$.job.facets.custom', message: 'has a key with the NUL character (\\u0000): PostgreSQL cannot store it' },
    ]],
    ['lone surrogates in the job name and a facet key', (r) => ((r.job.name = 'orders\ud800'), (r.job.facets = { ...r.job.facets, custom: { _producer: 'https://x.io/p', _schemaURL: 'https://x.io/s', ['\udc00k']: 1 } })), [
      { path: '$.job.name', message: 'must not contain a lone UTF-16 surrogate (\\ud800–\\udfff without its pair): PostgreSQL cannot store it' },
      { path: '$.job.facets.custom', message: 'has a key with a lone UTF-16 surrogate (\\ud800–\\udfff without its pair): PostgreSQL cannot store it' },
    ]],
    ['date without offset', (r) => (r.eventTime = '2026-03-02T02:00:01.873412'), [
      { path: '$.eventTime', message: 'must be an RFC 3339 date-time with a time zone: add Z or an offset such as +00:00 (got "2026-03-02T02:00:01.873412")' },
    ]],
    ['not a date', (r) => (r.eventTime = 'yesterday'), [
      { path: '$.eventTime', message: 'must be an RFC 3339 date-time with a time zone, such as 2025-06-01T02:00:00.000Z (got "yesterday")' },
    ]],
    ['a date without a time', (r) => (r.eventTime = '2026-03-02'), [{ path: '$.eventTime', message: expect.stringContaining('must be an RFC 3339 date-time with a time zone') }]],
    ['an epoch number', (r) => (r.eventTime = 1772416801873), [
      { path: '$.eventTime', message: 'must be an RFC 3339 date-time with a time zone, such as 2025-06-01T02:00:00.000Z, not a number' },
    ]],
    ['February 30th', (r) => (r.eventTime = '2026-02-30T00:00:00Z'), [{ path: '$.eventTime', message: expect.stringContaining('is not a real date and time') }]],
    ['hour 24', (r) => (r.eventTime = '2026-03-02T24:00:00Z'), [{ path: '$.eventTime', message: expect.stringContaining('is not a real date and time') }]],
    ['offset +25:00', (r) => (r.eventTime = '2026-03-02T02:00:00+25:00'), [{ path: '$.eventTime', message: expect.stringContaining('is not a real date and time') }]],
    ['relative producer URI', (r) => (r.producer = '/apache/airflow'), [
      { path: '$.producer', message: 'must be an absolute URI with a scheme, such as https://example.com/producer (got "/apache/airflow")' },
    ]],
    ['producer without scheme', (r) => (r.producer = 'github.com/apache/airflow'), [{ path: '$.producer', message: expect.stringContaining('must be an absolute URI') }]],
    ['producer with a space', (r) => (r.producer = 'https://github.com/apache airflow'), [{ path: '$.producer', message: expect.stringContaining('must be an absolute URI') }]],
    ['https:// with no host', (r) => (r.schemaURL = 'https://'), [{ path: '$.schemaURL', message: expect.stringContaining('must be an absolute URI') }]],
    ['run facet missing _producer', (r) => delete r.run.facets.nominalTime._producer, [{ path: '$.run.facets.nominalTime._producer', message: 'is required' }]],
    ['job facet with relative _schemaURL', (r) => (r.job.facets.jobType._schemaURL = 'JobTypeJobFacet.json'), [
      { path: '$.job.facets.jobType._schemaURL', message: expect.stringContaining('must be an absolute URI') },
    ]],
    ['facet that is not an object', (r) => (r.run.facets.nominalTime = '2026-03-02'), [{ path: '$.run.facets.nominalTime', message: 'must be a facet object, not a string' }]],
    ['facets map that is an array', (r) => (r.run.facets = [r.run.facets.parent]), [
      { path: '$.run.facets', message: 'must be an object of facets keyed by facet name, not an array' },
    ]],
    ['symlinks identifiers that are not a list', (r) => (r.outputs = [{ namespace: 'file', name: '/x', facets: { symlinks: { _producer: 'https://p.io', _schemaURL: 'https://s.io', identifiers: { namespace: 'a', name: 'b' } } } }]), [
      { path: '$.outputs[0].facets.symlinks.identifiers', message: 'must be an array of {namespace, name, type} identifiers, not an object' },
    ]],
    ['a symlink without a name, one that is a string, one with a numeric type', (r) => (r.inputs = [{ namespace: 'file', name: '/x', facets: { symlinks: { _producer: 'https://p.io', _schemaURL: 'https://s.io', identifiers: [{ namespace: 'dagster-prod', type: 'TABLE' }, 'dagster-prod:a', { namespace: 'n', name: 'm', type: 1 }] } } }]), [
      { path: '$.inputs[0].facets.symlinks.identifiers[0].name', message: 'is required' },
      { path: '$.inputs[0].facets.symlinks.identifiers[1]', message: 'must be an identifier object {namespace, name, type}, not a string' },
      { path: '$.inputs[0].facets.symlinks.identifiers[2].type', message: 'must be a string, not a number' },
    ]],
    ['_deleted that is not a boolean', (r) => (r.run.facets.nominalTime._deleted = 'yes'), [{ path: '$.run.facets.nominalTime._deleted', message: 'must be a boolean' }]],
    ['_deleted: false still needs _producer', (r) => (r.run.facets.nominalTime = { _deleted: false }), [
      { path: '$.run.facets.nominalTime._producer', message: 'is required' },
      { path: '$.run.facets.nominalTime._schemaURL', message: 'is required' },
    ]],
    ['a dotted facet name', (r) => (r.run.facets['spark.logicalPlan'] = { _schemaURL: 'https://example.com/s.json' }), [
      { path: '$.run.facets["spark.logicalPlan"]._producer', message: 'is required' },
    ]],
    ['parent facet with a bad run id and no job', (r) => ((r.run.facets.parent.run.runId = 'dag-run-1'), delete r.run.facets.parent.job), [
      { path: '$.run.facets.parent.run.runId', message: expect.stringContaining('must be a UUID') },
      { path: '$.run.facets.parent.job', message: 'is required' },
    ]],
    ['parent root with an empty job name', (r) => (r.run.facets.parent.root.job.name = ''), [{ path: '$.run.facets.parent.root.job.name', message: 'must not be empty' }]],
    ['parent root that is not an object', (r) => (r.run.facets.parent.root = true), [{ path: '$.run.facets.parent.root', message: 'must be an object, not a boolean' }]],
    ['inputs not an array', (r) => (r.inputs = { namespace: 'postgres://warehouse:5432', name: 'raw.public.orders' }), [
      { path: '$.inputs', message: 'must be an array of datasets, not an object' },
    ]],
    ['outputs with a string item', (r) => (r.outputs = ['analytics.public.orders_daily']), [{ path: '$.outputs[0]', message: 'must be a dataset object, not a string' }]],
    ['neither run, job nor dataset', (r) => ((r.schemaURL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json'), delete r.run, delete r.job), [
      { path: '$', message: 'must be a run event (with run and job), a job event (with job) or a dataset event (with dataset); it has none of run, job, dataset' },
    ]],
  ])('%s', (_name, mutate, expected) => {
    expect(broken(mutate)).toEqual(expected);
  });

  it('judges a URI the same the second time (valid URIs are remembered, invalid ones never)', () => {
    for (let i = 0; i < 2; i++) {
      expect(broken((r) => (r.producer = 'https://'))).toEqual([{ path: '$.producer', message: expect.stringContaining('must be an absolute URI') }]);
      const valid = fixture('airflow-task-complete');
      valid.producer = 'https://example.com/producer/again';
      expect(parseLineageEvent(valid).ok).toBe(true);
    }
  });

  it('reports an errorMessage facet without programmingLanguage', () => {
    const problems = broken((r) => {
      delete r.run.facets.errorMessage.programmingLanguage;
      r.run.facets.errorMessage.stackTrace = ['line 1'];
    }, 'airflow-task-fail');
    expect(problems).toEqual([
      { path: '$.run.facets.errorMessage.programmingLanguage', message: 'is required' },
      { path: '$.run.facets.errorMessage.stackTrace', message: 'must be a string, not an array' },
    ]);
  });

  it('reports problems deep in datasets with their full path', () => {
    const problems = broken((r) => {
      delete r.inputs[0].facets.schema._producer;
      r.outputs[0].name = '';
      r.outputs[0].outputFacets.outputStatistics._schemaURL = 'relative.json';
      r.outputs[0].facets = 'schema';
    }, 'airflow-load-complete');
    expect(problems).toEqual([
      { path: '$.inputs[0].facets.schema._producer', message: 'is required' },
      { path: '$.outputs[0].name', message: 'must not be empty' },
      { path: '$.outputs[0].facets', message: 'must be an object of facets keyed by facet name, not a string' },
      { path: '$.outputs[0].outputFacets.outputStatistics._schemaURL', message: expect.stringContaining('must be an absolute URI') },
    ]);
  });

  it('refuses names and URIs longer than the limits', () => {
    const problems = broken((r) => {
      r.job.name = 'x'.repeat(OPENLINEAGE_LIMITS.name + 1);
      r.producer = `https://example.com/${'p'.repeat(OPENLINEAGE_LIMITS.uri)}`;
    });
    expect(problems).toEqual([
      { path: '$.producer', message: `must be at most 2048 characters long (it has 2068)` },
      { path: '$.job.name', message: 'must be at most 1024 characters long (it has 1025)' },
    ]);
    expect(runEvent({ ...fixture('airflow-task-complete'), job: { namespace: 'ns', name: 'x'.repeat(1024) } }).job.name).toHaveLength(1024);
  });

  it('refuses a JobEvent with a run', () => {
    expect(broken((r) => (r.run = { runId: DAG_RUN_ID }), 'job-event')).toEqual([
      { path: '$.run', message: 'must not be present in a job event (schemaURL names JobEvent); send a run event instead' },
    ]);
  });

  it('refuses a DatasetEvent with a job (or a run)', () => {
    expect(broken((r) => ((r.job = { namespace: 'gatehouse-test-airflow', name: 'orders_daily.load' }), (r.run = { runId: DAG_RUN_ID })), 'dataset-event')).toEqual([
      { path: '$.job', message: 'must not be present in a dataset event (schemaURL names DatasetEvent)' },
      { path: '$.run', message: 'must not be present in a dataset event (schemaURL names DatasetEvent)' },
    ]);
  });

  it('refuses a DatasetEvent without a dataset name', () => {
    expect(broken((r) => delete r.dataset.name, 'dataset-event')).toEqual([{ path: '$.dataset.name', message: 'is required' }]);
    expect(broken((r) => delete r.dataset, 'dataset-event')).toEqual([{ path: '$.dataset', message: 'is required' }]);
  });

  it('refuses a RunEvent (named by schemaURL) without a run', () => {
    expect(broken((r) => ((r.schemaURL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent'), (r.run = undefined)), 'job-event')).toEqual([
      { path: '$.run', message: 'is required' },
    ]);
  });

  it('reports every problem of a badly broken event, in document order', () => {
    const problems = problemsOf(parseLineageEvent({ eventTime: '2026-03-02 02:00', producer: 'airflow', run: { runId: 'x' }, job: {}, eventType: 1 }));
    expect(problems.map((p) => p.path)).toEqual(['$.eventTime', '$.producer', '$.schemaURL', '$.eventType', '$.run.runId', '$.job.namespace', '$.job.name']);
  });

  it(`reports at most ${OPENLINEAGE_LIMITS.problems} problems, the last saying how many more there were`, () => {
    const raw = fixture('airflow-task-complete');
    raw.inputs = Array.from({ length: 100 }, () => ({ namespace: 'ns' }));
    const problems = problemsOf(parseLineageEvent(raw, '$[2]'));
    expect(problems).toHaveLength(50);
    expect(problems[48]).toEqual({ path: '$[2].inputs[48].name', message: 'is required' });
    expect(problems[49]).toEqual({ path: '$[2]', message: 'has 51 more problems not reported' });
  });

  it.each([
    ['a string', 'START', 'must be an OpenLineage event object, not a string'],
    ['null', null, 'must be an OpenLineage event object, not null'],
    ['an array', [], 'must be an OpenLineage event object, not an array'],
  ])('refuses %s as an event, at the base path', (_name, raw, message) => {
    expect(problemsOf(parseLineageEvent(raw, '$[0]'))).toEqual([{ path: '$[0]', message }]);
  });
});

describe('parseLineageBody', () => {
  it('takes a single event', () => {
    const body = parseLineageBody(fixture('airflow-dag-start'));
    expect(body.batch).toBe(false);
    expect(body.problems).toEqual([]);
    expect(body.events).toHaveLength(1);
    expect(eventOf(body.events[0]).kind).toBe('run');
  });

  it('takes a batch and reports each item at $[i]', () => {
    const badRunId = fixture('airflow-task-complete');
    badRunId.run.runId = 'not-a-uuid';
    const jobEventWithRun = { ...fixture('job-event'), run: { runId: DAG_RUN_ID } };
    const body = parseLineageBody([fixture('airflow-dag-start'), badRunId, fixture('dataset-event'), 'oops', jobEventWithRun]);
    expect(body.batch).toBe(true);
    expect(body.problems).toEqual([]);
    expect(body.events.map((r) => r.ok)).toEqual([true, false, true, false, false]);
    expect(problemsOf(body.events[1])).toEqual([{ path: '$[1].run.runId', message: expect.stringContaining('must be a UUID') }]);
    expect(problemsOf(body.events[3])).toEqual([{ path: '$[3]', message: 'must be an OpenLineage event object, not a string' }]);
    expect(problemsOf(body.events[4])).toEqual([{ path: '$[4].run', message: expect.stringContaining('must not be present in a job event') }]);
  });

  it('refuses an empty batch', () => {
    expect(parseLineageBody([])).toEqual({ batch: true, events: [], problems: [{ path: '$', message: 'must contain at least one event' }] });
  });

  it.each([
    ['a string', 'hello', 'a string'],
    ['a number', 3, 'a number'],
    ['null', null, 'null'],
    ['nothing', undefined, 'undefined'],
  ])('refuses %s as a body', (_name, raw, found) => {
    expect(parseLineageBody(raw)).toEqual({ batch: false, events: [], problems: [{ path: '$', message: `must be an OpenLineage event object or an array of them, not ${found}` }] });
  });
});

describe('jsonPath', () => {
  it('uses dots for identifiers and brackets otherwise', () => {
    expect(jsonPath('$', 'run')).toBe('$.run');
    expect(jsonPath('$', 3)).toBe('$[3]');
    expect(jsonPath('$.run.facets', 'spark.logicalPlan')).toBe('$.run.facets["spark.logicalPlan"]');
    expect(jsonPath('$.facets', '')).toBe('$.facets[""]');
  });
});
