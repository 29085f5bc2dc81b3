import { CANCEL_NOTE, isFinalRunState, mapRunState, mapTaskState } from './airflow.status';

describe('Airflow status mapping', () => {
  it.each([
    ['queued', 'queued'],
    ['running', 'running'],
    ['success', 'succeeded'],
    ['failed', 'failed'],
    ['something_new', 'running'],
    [null, 'running'],
  ])('run state %s → %s', (state, expected) => {
    expect(mapRunState(state)).toBe(expected);
  });

  it('a failed run with the Gatehouse cancel note is cancelled; other notes leave it failed', () => {
    expect(mapRunState('failed', CANCEL_NOTE)).toBe('cancelled');
    expect(mapRunState('failed', `${CANCEL_NOTE} (run gh-1)`)).toBe('cancelled');
    expect(mapRunState('failed', 'investigating, see ticket 42')).toBe('failed');
    expect(mapRunState('failed', null)).toBe('failed');
    // the note only matters for failed runs
    expect(mapRunState('success', CANCEL_NOTE)).toBe('succeeded');
    expect(mapRunState('running', CANCEL_NOTE)).toBe('running');
  });

  it('only success and failed are final', () => {
    expect(['queued', 'running', 'success', 'failed', 'x'].filter(isFinalRunState)).toEqual(['success', 'failed']);
  });

  it.each([
    ['success', 'succeeded'],
    ['failed', 'failed'],
    ['upstream_failed', 'skipped'],
    ['skipped', 'skipped'],
    ['removed', 'skipped'],
    ['scheduled', 'queued'],
    ['queued', 'queued'],
    ['running', 'running'],
    ['restarting', 'running'],
    ['deferred', 'running'],
    ['up_for_retry', 'running'],
    ['up_for_reschedule', 'running'],
    ['none', 'pending'],
    [null, 'pending'],
    [undefined, 'pending'],
    ['brand_new_state', 'pending'],
  ])('task state %s → %s', (state, expected) => {
    expect(mapTaskState(state)).toBe(expected);
  });
});
