import { isTerminalRunStatus, mapRunStatus, mapStepStatus } from './dagster.status';

describe('Dagster run status mapping', () => {
  it.each([
    ['QUEUED', 'queued'],
    ['NOT_STARTED', 'queued'],
    ['STARTING', 'queued'],
    ['STARTED', 'running'],
    ['MANAGED', 'running'],
    ['SUSPENDED', 'running'],
    ['CANCELING', 'running'],
    ['SUCCESS', 'succeeded'],
    ['FAILURE', 'failed'],
    ['CANCELED', 'cancelled'],
    ['SOME_FUTURE_STATUS', 'running'],
  ])('%s → %s', (native, expected) => {
    expect(mapRunStatus(native)).toBe(expected);
  });

  it('only SUCCESS, FAILURE and CANCELED are terminal', () => {
    const all = ['QUEUED', 'NOT_STARTED', 'MANAGED', 'STARTING', 'STARTED', 'SUSPENDED', 'SUCCESS', 'FAILURE', 'CANCELING', 'CANCELED'];
    expect(all.filter(isTerminalRunStatus)).toEqual(['SUCCESS', 'FAILURE', 'CANCELED']);
  });

  it('a terminal Dagster status maps to a terminal Gatehouse status and back', () => {
    for (const s of ['SUCCESS', 'FAILURE', 'CANCELED']) expect(['succeeded', 'failed', 'cancelled']).toContain(mapRunStatus(s));
    for (const s of ['QUEUED', 'NOT_STARTED', 'MANAGED', 'STARTING', 'STARTED', 'SUSPENDED', 'CANCELING']) {
      expect(['queued', 'running']).toContain(mapRunStatus(s));
    }
  });
});

describe('Dagster step status mapping', () => {
  it.each([
    ['SUCCESS', 'STARTED', 'succeeded'],
    ['FAILURE', 'STARTED', 'failed'],
    ['SKIPPED', 'FAILURE', 'skipped'],
    ['IN_PROGRESS', 'STARTED', 'running'],
    ['IN_PROGRESS', 'CANCELING', 'running'],
    ['IN_PROGRESS', 'CANCELED', 'cancelled'],
    ['IN_PROGRESS', 'FAILURE', 'failed'],
    [null, 'QUEUED', 'pending'],
    [null, 'STARTED', 'pending'],
    [null, 'FAILURE', 'skipped'],
    [null, 'CANCELED', 'skipped'],
    [undefined, 'SUCCESS', 'skipped'],
  ] as const)('step %s in a %s run → %s', (step, run, expected) => {
    expect(mapStepStatus(step, run)).toBe(expected);
  });
});
