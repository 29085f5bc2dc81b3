/**
 * The one interface every orchestrator adapter implements. Free of NestJS and Prisma: the service
 * (src/orchestrators) and the tests use adapters only through this port.
 */

/** Gatehouse's run vocabulary; every orchestrator's states map onto it. */
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export type OrchestratorKind = 'airflow' | 'dagster';

/** What to run: a DAG (Airflow) or a set of asset keys (Dagster). */
export type RunTarget = { kind: 'dag'; dagId: string } | { kind: 'assets'; assetKeys: string[][] };

export interface OrchestratorHealth {
  kind: OrchestratorKind;
  healthy: boolean;
  version: string | null;
  /** Orchestrator-specific facts worth showing (scheduler heartbeat, code locations…). */
  details: Record<string, unknown>;
}

export interface DiscoveredDag {
  type: 'dag';
  dagId: string;
  owners: string[];
  tags: string[];
  schedule: string | null;
  paused: boolean;
  description: string | null;
}

export interface DiscoveredAsset {
  type: 'asset';
  assetKey: string[];
  group: string | null;
  owners: string[];
  tags: Record<string, string>;
  kinds: string[];
  dependencies: string[][];
  checks: string[];
  description: string | null;
  /** The asset's declared freshness expectation, as the orchestrator states it. */
  freshness: { maximumLagMinutes?: number; cron?: string | null } | null;
}

export type Discovered = DiscoveredDag | DiscoveredAsset;

export interface TriggerRequest {
  target: RunTarget;
  /** Chosen by the caller; a second trigger with the same id never starts a second run. */
  runId: string;
  conf?: Record<string, unknown>;
  tags?: Record<string, string>;
}

export interface RunStep {
  name: string;
  status: RunStatus | 'skipped' | 'pending';
  startedAt: string | null;
  endedAt: string | null;
}

export interface RunDetail {
  runId: string;
  target: RunTarget;
  status: RunStatus;
  /** The orchestrator's own state name, kept for operators. */
  nativeStatus: string;
  startedAt: string | null;
  endedAt: string | null;
  steps: RunStep[];
}

/** One production of a target: an asset materialization or a successful DAG run. */
export interface ProductionEvent {
  target: RunTarget;
  runId: string | null;
  at: string;
  assetKey?: string[];
}

export interface OrchestratorPort {
  readonly kind: OrchestratorKind;
  health(): Promise<OrchestratorHealth>;
  discover(): Promise<Discovered[]>;
  /** Starts the target; idempotent by `runId`. Returns the run as the orchestrator now has it. */
  trigger(request: TriggerRequest): Promise<RunDetail>;
  getRun(target: RunTarget, runId: string): Promise<RunDetail>;
  cancel(target: RunTarget, runId: string): Promise<RunDetail>;
  recentProductions(target: RunTarget, limit: number): Promise<ProductionEvent[]>;
  /**
   * Pauses or unpauses a DAG, for orchestrators that have the notion (Airflow). Never called as a
   * side effect of a trigger: unpausing is an explicit, audited operator decision.
   */
  setPaused?(dagId: string, paused: boolean): Promise<DiscoveredDag>;
}
