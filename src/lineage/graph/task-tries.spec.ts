import { ChildRun, foldTries, tryOf } from './task-tries';

const child = (job: string, runId: string, status: string, at: number, extra: Partial<ChildRun> = {}): ChildRun => ({
  runId,
  job: `job:airflow:${job}`,
  status,
  startedAt: new Date(Date.UTC(2026, 11, 7, 2, 0, at)).toISOString(),
  endedAt: new Date(Date.UTC(2026, 11, 7, 2, 0, at + 2)).toISOString(),
  errorMessage: status === 'failed' ? `boom ${runId}` : null,
  tryNumber: null,
  mapIndex: null,
  ...extra,
});

describe('foldTries', () => {
  it('a task that failed and succeeded on retry is one task: the last try’s state, the first try’s start, both tries', () => {
    const tasks = foldTries([
      child('dag.publish', 'r2', 'succeeded', 10, { tryNumber: 2 }),
      child('dag.extract', 'e1', 'succeeded', 0, { tryNumber: 1 }),
      child('dag.publish', 'r1', 'failed', 4, { tryNumber: 1 }),
    ]);
    expect(tasks.map((t) => [t.job, t.status, t.runId])).toEqual([
      ['job:airflow:dag.extract', 'succeeded', 'e1'],
      ['job:airflow:dag.publish', 'succeeded', 'r2'],
    ]);
    const publish = tasks[1];
    expect(publish).toMatchObject({ startedAt: '2026-12-07T02:00:04.000Z', endedAt: '2026-12-07T02:00:12.000Z', errorMessage: null });
    expect(publish.tries).toEqual([
      { try: 1, runId: 'r1', status: 'failed', startedAt: '2026-12-07T02:00:04.000Z', endedAt: '2026-12-07T02:00:06.000Z', errorMessage: 'boom r1' },
      { try: 2, runId: 'r2', status: 'succeeded', startedAt: '2026-12-07T02:00:10.000Z', endedAt: '2026-12-07T02:00:12.000Z', errorMessage: null },
    ]);
  });

  it('a task whose last try failed is failed, with that try’s error; a try still running is the task’s state', () => {
    const [failed] = foldTries([child('dag.t', 'a', 'succeeded', 0, { tryNumber: 1 }), child('dag.t', 'b', 'failed', 5, { tryNumber: 2 })]);
    expect(failed).toMatchObject({ status: 'failed', errorMessage: 'boom b', runId: 'b' });
    const [running] = foldTries([child('dag.t', 'a', 'failed', 0, { tryNumber: 1 }), child('dag.t', 'b', 'running', 5, { tryNumber: 2, endedAt: null })]);
    expect(running).toMatchObject({ status: 'running', endedAt: null, errorMessage: null });
  });

  it('without try numbers, tries are ordered by start and numbered from 1; mapped instances are tasks of their own', () => {
    const tasks = foldTries([
      child('dag.m', 'm1', 'succeeded', 3, { mapIndex: 1 }),
      child('dag.m', 'm0', 'succeeded', 2, { mapIndex: 0 }),
      child('spark.app', 's2', 'succeeded', 9),
      child('spark.app', 's1', 'failed', 1),
    ]);
    expect(tasks.map((t) => [t.runId, t.tries.map((x) => `${x.try}:${x.runId}`)])).toEqual([
      ['s2', ['1:s1', '2:s2']],
      ['m0', ['1:m0']],
      ['m1', ['1:m1']],
    ]);
  });

  it('tryOf reads Airflow’s run facet; a map index of -1 is no mapped task', () => {
    expect(tryOf({ airflow: { taskInstance: { try_number: 2, map_index: -1 } } })).toEqual({ tryNumber: 2, mapIndex: null });
    expect(tryOf({ airflow: { taskInstance: { try_number: '2', map_index: 3 } } })).toEqual({ tryNumber: null, mapIndex: 3 });
    expect(tryOf({})).toEqual({ tryNumber: null, mapIndex: null });
    expect(tryOf(null)).toEqual({ tryNumber: null, mapIndex: null });
  });
});
