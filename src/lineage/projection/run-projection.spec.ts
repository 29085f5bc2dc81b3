import type { RunEvent } from '../openlineage/openlineage.types';
import { projectRun } from './run-projection';

const RUN = '019cac46-1500-7c3a-9e41-6a2f0d8b3c17';
const facet = (extra: object) => ({ _producer: 'https://p', _schemaURL: 'https://s', ...extra });

function event(eventType: RunEvent['eventType'], second: number, extra: Partial<RunEvent> = {}): RunEvent {
  return {
    kind: 'run',
    eventType,
    eventTime: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
    producer: 'https://p',
    schemaURL: 'https://s',
    run: { runId: RUN },
    job: { namespace: 'ns', name: 'dag.task' },
    inputs: [],
    outputs: [],
    ...extra,
  };
}

const permutations = <T>(items: T[]): T[][] =>
  items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

describe('projectRun', () => {
  it('gives the same state for every arrival order', () => {
    const events = [
      event('START', 0, { inputs: [{ namespace: 'db', name: 'in' }], run: { runId: RUN, facets: { nominalTime: facet({ nominalStartTime: '2026-01-01T00:00:00Z' }) } } }),
      event('RUNNING', 3),
      event('COMPLETE', 9, { outputs: [{ namespace: 'db', name: 'out' }] }),
    ];
    const states = permutations(events).map((order) => JSON.stringify(projectRun(order)));
    expect(new Set(states).size).toBe(1);
    const run = projectRun(events);
    expect(run).toMatchObject({ status: 'succeeded', lastEventType: 'COMPLETE', jobId: 'job:ns:dag.task', eventCount: 3 });
    expect(run.startedAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(run.endedAt?.toISOString()).toBe('2026-01-01T00:00:09.000Z');
    expect(run.nominalStartTime?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(run.inputs).toEqual([{ namespace: 'db', name: 'in' }]);
    expect(run.outputs).toEqual([{ namespace: 'db', name: 'out' }]);
  });

  it('keeps a run whose end came before its start finished, and running while only START is known', () => {
    expect(projectRun([event('COMPLETE', 5), event('START', 9)]).status).toBe('succeeded');
    expect(projectRun([event('START', 0)])).toMatchObject({ status: 'running', endedAt: null });
    expect(projectRun([event('OTHER', 0)]).status).toBe('other');
    expect(projectRun([{ ...event('OTHER', 0), eventType: undefined }]).status).toBe('other');
  });

  it('maps FAIL and ABORT, with the error message, and lets the latest terminal event win', () => {
    const fail = event('FAIL', 4, { run: { runId: RUN, facets: { errorMessage: facet({ message: 'boom', programmingLanguage: 'python' }) } } });
    expect(projectRun([event('START', 0), fail])).toMatchObject({ status: 'failed', errorMessage: 'boom' });
    expect(projectRun([event('START', 0), event('ABORT', 2)])).toMatchObject({ status: 'cancelled', errorMessage: null });
    expect(projectRun([fail, event('COMPLETE', 8)])).toMatchObject({ status: 'succeeded', errorMessage: null });
  });

  it('links a task run to its parent and reads the orchestrator run id from Airflow facets', () => {
    const parentId = '019CAC46-0000-7000-8000-000000000000';
    const task = event('START', 0, {
      run: {
        runId: RUN,
        facets: {
          parent: facet({ run: { runId: parentId }, job: { namespace: 'ns', name: 'dag' } }),
          airflow: facet({ dagRun: { run_id: 'gh-1234' } }),
        },
      },
    });
    expect(projectRun([task])).toMatchObject({ parentRunId: parentId.toLowerCase(), parentJobId: 'job:ns:dag', nativeRunId: 'gh-1234' });
    const dag = event('START', 0, { run: { runId: RUN, facets: { airflowDagRun: facet({ dagRun: { run_id: 'manual__x' } }) } } });
    expect(projectRun([dag]).nativeRunId).toBe('manual__x');
  });
});
