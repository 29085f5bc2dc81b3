import type { RunStatus, RunStep, RunTarget } from '../../adapters/core/orchestrator.port';

export const FINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled']);

/** A run Gatehouse triggered, as the API shows it. */
export interface RunView {
  id: string;
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

export interface RunListQuery {
  product?: string;
  environment?: string;
  orchestrator?: string;
  status?: RunStatus;
  limit: number;
  after?: string;
}
