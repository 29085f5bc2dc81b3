import { RunStatus, RunStep } from '../core/orchestrator.port';

/**
 * Airflow DAG-run and task-instance states onto Gatehouse's vocabulary (same names in /api/v2 and /api/v1).
 *
 * Airflow has no "cancelled" run state: the adapter cancels by setting the run to `failed` with a marker note, so a
 * `failed` run carrying that note is `cancelled` (the note is the only free-form field a run has).
 */
export const CANCEL_NOTE = 'Cancelled by Gatehouse';

export type AirflowRunState = 'queued' | 'running' | 'success' | 'failed';

/**
 * queued → queued, running → running, success → succeeded, failed → failed (cancelled with the marker note).
 * Anything newer Airflow may add → running: not terminal, so pollers keep looking rather than conclude wrongly.
 */
export function mapRunState(state: string | null | undefined, note?: string | null): RunStatus {
  switch (state) {
    case 'queued':
      return 'queued';
    case 'running':
      return 'running';
    case 'success':
      return 'succeeded';
    case 'failed':
      return isCancelNote(note) ? 'cancelled' : 'failed';
    default:
      return 'running';
  }
}

export function isFinalRunState(state: string | null | undefined): boolean {
  return state === 'success' || state === 'failed';
}

export function isCancelNote(note: string | null | undefined): boolean {
  return typeof note === 'string' && note.startsWith(CANCEL_NOTE);
}

/**
 * Task-instance states onto step states.
 *
 * - success → succeeded; failed → failed.
 * - upstream_failed → skipped: the task never ran because an upstream task failed; that upstream step is the `failed`
 *   one, and Dagster reports steps below a failure the same way.
 * - skipped → skipped; removed (the task left the DAG after the run was created) → skipped: it will not run.
 * - scheduled (dependencies met), queued (handed to the executor) → queued.
 * - running, restarting, deferred (waiting on a trigger), up_for_retry (failed, will be retried), up_for_reschedule
 *   (a sensor between pokes) → running: the step is in progress and may still succeed.
 * - null / "none" (not yet considered by the scheduler) and anything unknown → pending.
 */
export function mapTaskState(state: string | null | undefined): RunStep['status'] {
  switch (state) {
    case 'success':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'upstream_failed':
    case 'skipped':
    case 'removed':
      return 'skipped';
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'running':
    case 'restarting':
    case 'deferred':
    case 'up_for_retry':
    case 'up_for_reschedule':
      return 'running';
    default:
      return 'pending';
  }
}
