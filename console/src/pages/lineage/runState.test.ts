import { describe, expect, it } from 'vitest';
import { runState } from './runState';

describe('a job’s latest run in words', () => {
  it("reads Gatehouse's run statuses and OpenLineage's event types alike", () => {
    expect(['succeeded', 'COMPLETE'].map((s) => runState(s).label)).toEqual(['Succeeded', 'Succeeded']);
    expect(['failed', 'FAIL'].map((s) => runState(s))).toEqual([
      { label: 'Failed', tone: 'danger', status: 'failed' },
      { label: 'Failed', tone: 'danger', status: 'failed' },
    ]);
    expect(['cancelled', 'ABORT', 'running', 'START'].map((s) => runState(s).label)).toEqual(['Cancelled', 'Cancelled', 'Running', 'Running']);
    expect(runState(undefined).label).toBe('No run yet');
    expect(runState('other')).toEqual({ label: 'other', tone: 'neutral', status: 'other' });
  });
});
