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
  /**
   * The caller has just created this run id and no earlier attempt with it can have reached the
   * orchestrator (Gatehouse knows this when its own insert of the run created the row). An adapter
   * that has to look a run id up to stay idempotent may skip that lookup. Omit it when unsure.
   */
  newRunId?: boolean;
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

/**
 * A metadata value as the orchestrator reports it, for the kinds Gatehouse reads (Dagster's MetadataEntry members):
 * text (Dagster's text, URL, path and markdown entries), numbers, booleans, JSON, a table's column schema and its
 * column lineage. Other kinds are left out.
 */
export type MetadataValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'json'; value: unknown }
  | { kind: 'tableSchema'; columns: TableColumn[] }
  | { kind: 'columnLineage'; columns: ColumnLineage[] };

/** One column of a table schema; `type` is as the orchestrator spells it (`string`, `struct<city:string>`…). */
export interface TableColumn {
  name: string;
  type: string;
  description: string | null;
}

/** Where one column's values come from: columns of other assets. */
export interface ColumnLineage {
  column: string;
  from: { assetKey: string[]; column: string }[];
}

/** Metadata by key (`dagster/uri`, `dagster/table_name`, `dagster/column_schema`…). */
export type AssetMetadata = Record<string, MetadataValue>;

/** What the definitions say of an asset: its kinds (`python`, `postgres`…) and its definition metadata. */
export interface AssetDefinition {
  assetKey: string[];
  kinds: string[];
  metadata: AssetMetadata;
}

/**
 * A run as an activity feed sees it: status, times, what it materialized and what its checks said. Read by
 * `activitySince` for orchestrators that emit no OpenLineage themselves (Dagster), so Gatehouse can produce the
 * lineage events. Asset keys are paths (`['sales', 'orders_daily']`).
 */
export interface RunActivity {
  /** The orchestrator's own run id (a UUID for Dagster), not Gatehouse's. */
  runId: string;
  /** The id Gatehouse triggered the run with, when Gatehouse launched it; null for runs started elsewhere. */
  gatehouseRunId: string | null;
  /** What the run selected (its asset selection; else the assets it planned or materialized). */
  target: RunTarget;
  /** The orchestrator's job name (Dagster: `__ASSET_JOB` for ad-hoc asset runs, else the defined job); null if unknown. */
  jobName: string | null;
  status: RunStatus;
  nativeStatus: string;
  startedAt: string | null;
  /** Set once the run is final (succeeded, failed, cancelled). */
  endedAt: string | null;
  /** When the orchestrator last changed the run (ISO). */
  updatedAt: string;
  tags: Record<string, string>;
  /** In the order they happened, each with the metadata it was reported with. */
  materializations: { assetKey: string[]; at: string; metadata: AssetMetadata }[];
  checks: { assetKey: string[]; name: string; passed: boolean; at: string }[];
  /** For every asset in the run's selection: the asset keys it depends on (as the definitions say now). */
  dependencies: { assetKey: string[]; upstream: string[][] }[];
  /**
   * The definitions of the assets the activity names (its selection, their upstream assets and the assets their column
   * lineage reads from), as they are now; keys the orchestrator no longer defines are absent.
   */
  definitions: AssetDefinition[];
  /** The failure message, when the run failed. */
  error: string | null;
}

/**
 * One page of activity. `cursor` is opaque: store it after processing `runs` and pass it to the next call. It is
 * always returned, also for an empty page (it may then equal the one passed in).
 */
export interface ActivityPage {
  runs: RunActivity[];
  cursor: string;
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
  /**
   * Runs whose state changed after `cursor` (null = from the beginning), oldest change first, at most `limit`; for
   * orchestrators without an OpenLineage emitter. A caller that stores the returned cursor after processing a page
   * misses no change and never gets a run twice in the same final state; a run seen while queued or running appears
   * again once it changed (in particular when it finishes). Non-final states may repeat (e.g. a running run whose tags
   * changed). An unknown or corrupt cursor is `invalid_request`.
   */
  activitySince?(cursor: string | null, limit: number): Promise<ActivityPage>;
}
