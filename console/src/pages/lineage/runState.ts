import type { Tone } from '../../components/StatusBadge';

/**
 * A job's latest run state in words and a tone: Gatehouse's run statuses (succeeded, failed,
 * cancelled, running, other), or OpenLineage's event types (COMPLETE, FAIL, …) should a producer's word come through.
 */
export function runState(status: string | undefined): { label: string; tone: Tone; status: string } {
  switch ((status ?? '').toUpperCase()) {
    case 'SUCCEEDED':
    case 'COMPLETE':
      return { label: 'Succeeded', tone: 'success', status: 'succeeded' };
    case 'FAILED':
    case 'FAIL':
      return { label: 'Failed', tone: 'danger', status: 'failed' };
    case 'CANCELLED':
    case 'ABORT':
      return { label: 'Cancelled', tone: 'warning', status: 'cancelled' };
    case 'START':
    case 'RUNNING':
      return { label: 'Running', tone: 'progress', status: 'running' };
    case '':
      return { label: 'No run yet', tone: 'neutral', status: 'none' };
    default:
      return { label: status!.toLowerCase(), tone: 'neutral', status: status!.toLowerCase() };
  }
}
