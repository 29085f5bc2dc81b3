import type { RunStatus, RunStep, RunTarget } from '../../adapters/core/orchestrator.port';

export const FINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled']);

/** Where a run in the history comes from: Gatehouse triggered it, or the orchestrator's lineage reported it. */
export type RunSource = 'gatehouse' | 'lineage';

/** A run of a product's bound target, as the API shows it. */
export interface RunView {
  id: string;
  source: RunSource;
  /** The OpenLineage run that reports it, once lineage arrived (see GET /api/v1/runs/{id} for its tasks). */
  lineageRunId: string | null;
  orchestrator: string;
  environment: string;
  product: string | null;
  revision: number | null;
  target: RunTarget;
  status: RunStatus;
  nativeStatus: string | null;
  steps: RunStep[];
  error: string | null;
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

/** A run as the runs endpoints answer it: with a link to it in the orchestrator's own UI, where known. */
export interface LinkedRunView extends RunView {
  externalUrl: string | null;
}

export interface RunListQuery {
  product?: string;
  environment?: string;
  orchestrator?: string;
  status?: RunStatus;
  source?: RunSource;
  /** Only runs of these products. */
  products?: string[];
  limit: number;
  after?: string;
}
