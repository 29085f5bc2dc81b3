import { RunStatus, RunStep } from '../core/orchestrator.port';

/** Dagster 1.13's `RunStatus` enum (gql schema/pipelines/status.py), as introspected from 1.13.27. */
export type DagsterRunStatus =
  | 'QUEUED'
  | 'NOT_STARTED'
  | 'MANAGED'
  | 'STARTING'
  | 'STARTED'
  | 'SUSPENDED'
  | 'SUCCESS'
  | 'FAILURE'
  | 'CANCELING'
  | 'CANCELED';

/**
 * Dagster run states onto Gatehouse's vocabulary.
 *
 * - QUEUED (waiting for the daemon's run coordinator), NOT_STARTED (the moment between creating and enqueueing) and
 *   STARTING (launched, no step executing yet) → `queued`: nothing of the target has run yet.
 * - STARTED → `running`.
 * - MANAGED (run executed outside Dagster's control plane, e.g. by an external launcher that reports back) → `running`:
 *   it is live and not terminal; Gatehouse cannot say more.
 * - SUSPENDED (new in 1.13: paused, may resume) → `running`: not terminal and it may still produce the assets.
 * - CANCELING → `running`: termination was asked for but steps may still be executing and materializing; only
 *   CANCELED is final. Reporting `cancelled` early would let Gatehouse start a replacement while the old run still
 *   writes. `nativeStatus` keeps CANCELING visible to operators.
 * - SUCCESS → `succeeded`, FAILURE → `failed`, CANCELED → `cancelled` (Dagster's three COMPLETED_STATUSES).
 * - Anything newer Dagster may add → `running` (non-terminal, so pollers keep looking rather than conclude wrongly).
 */
export function mapRunStatus(status: string): RunStatus {
  switch (status) {
    case 'QUEUED':
    case 'NOT_STARTED':
    case 'STARTING':
      return 'queued';
    case 'STARTED':
    case 'MANAGED':
    case 'SUSPENDED':
    case 'CANCELING':
      return 'running';
    case 'SUCCESS':
      return 'succeeded';
    case 'FAILURE':
      return 'failed';
    case 'CANCELED':
      return 'cancelled';
    default:
      return 'running';
  }
}

export function isTerminalRunStatus(status: string): boolean {
  return status === 'SUCCESS' || status === 'FAILURE' || status === 'CANCELED';
}

/**
 * Dagster's `StepEventStatus` (IN_PROGRESS, SUCCESS, FAILURE, SKIPPED) onto a RunStep status, given the run's own Dagster
 * status. A step of the execution plan with no stats yet (`null`) is `pending` while the run is live and `skipped`
 * once the run has ended (it never ran: an upstream step failed or the run was cancelled). A step still IN_PROGRESS in
 * an ended run was cut off: `cancelled` if the run was cancelled, else `failed`.
 */
export function mapStepStatus(status: string | null | undefined, runStatus: string): RunStep['status'] {
  const ended = isTerminalRunStatus(runStatus);
  switch (status) {
    case 'SUCCESS':
      return 'succeeded';
    case 'FAILURE':
      return 'failed';
    case 'SKIPPED':
      return 'skipped';
    case null:
    case undefined:
      return ended ? 'skipped' : 'pending';
    case 'IN_PROGRESS':
    default:
      if (!ended) return 'running';
      return runStatus === 'CANCELED' ? 'cancelled' : 'failed';
  }
}
