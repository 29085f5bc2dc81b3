import { numberSetting } from '../core/config-number';
import { OrchestratorError } from '../core/orchestrator-error';

/** How to reach one Dagster webserver and which code location's assets Gatehouse drives there. */
export interface DagsterAdapterConfig {
  /** Webserver root, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** GraphQL endpoint; default `<baseUrl>/graphql`. */
  graphqlUrl?: string;
  /** Code location holding the assets (`dagster dev -f defs.py` → `defs.py`). */
  repositoryLocationName: string;
  /** Repository inside the location; a `Definitions` object is `__repository__`. */
  repositoryName?: string;
  /** The implicit asset job runs are launched on (Dagster ≥ 1.8: one `__ASSET_JOB` per repository). */
  assetJobName?: string;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  /** Attempts for read-only calls (queries, terminate); launchRun is always sent once. */
  attempts?: number;
  /** First retry delay (ms), doubling with jitter. */
  backoffMs?: number;
  /** Extra headers on every request (e.g. an auth proxy's token in front of OSS Dagster, which has no auth). */
  headers?: Record<string, string>;
  /** How long cancel waits for a NOT_STARTED/STARTING run to become terminable (Dagster refuses until STARTED). */
  terminateWaitMs?: number;
  /** Run tag that carries the caller's run id (the idempotency key). */
  runIdTag?: string;
  /** How long (ms) assets read as launchable are trusted before a trigger checks them again; 0 = check on every trigger. */
  cacheTtlMs?: number;
}

export type ResolvedDagsterConfig = Required<Omit<DagsterAdapterConfig, 'headers'>> & { headers: Record<string, string> };

export const DAGSTER_DEFAULTS = Object.freeze({
  repositoryName: '__repository__',
  assetJobName: '__ASSET_JOB',
  timeoutMs: 10_000,
  attempts: 3,
  backoffMs: 200,
  terminateWaitMs: 30_000,
  runIdTag: 'gatehouse/run-id',
  cacheTtlMs: 10_000,
});

export function resolveDagsterConfig(config: DagsterAdapterConfig): ResolvedDagsterConfig {
  const baseUrl = (config.baseUrl ?? '').trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl)) {
    throw new OrchestratorError('invalid_request', `Dagster baseUrl must be an http(s) URL, got ${JSON.stringify(config.baseUrl)}`);
  }
  if (!config.repositoryLocationName?.trim()) {
    throw new OrchestratorError('invalid_request', 'Dagster repositoryLocationName is required (the code location, e.g. "definitions.py")');
  }
  const positive = (name: string, value: number | undefined, fallback: number, zeroAllowed = false) =>
    numberSetting(`Dagster ${name}`, value, fallback, zeroAllowed);
  return {
    baseUrl,
    graphqlUrl: config.graphqlUrl?.trim() || `${baseUrl}/graphql`,
    repositoryLocationName: config.repositoryLocationName.trim(),
    repositoryName: config.repositoryName?.trim() || DAGSTER_DEFAULTS.repositoryName,
    assetJobName: config.assetJobName?.trim() || DAGSTER_DEFAULTS.assetJobName,
    timeoutMs: positive('timeoutMs', config.timeoutMs, DAGSTER_DEFAULTS.timeoutMs),
    attempts: Math.floor(positive('attempts', config.attempts, DAGSTER_DEFAULTS.attempts)),
    backoffMs: positive('backoffMs', config.backoffMs, DAGSTER_DEFAULTS.backoffMs, true),
    terminateWaitMs: positive('terminateWaitMs', config.terminateWaitMs, DAGSTER_DEFAULTS.terminateWaitMs, true),
    headers: { ...(config.headers ?? {}) },
    runIdTag: config.runIdTag?.trim() || DAGSTER_DEFAULTS.runIdTag,
    cacheTtlMs: positive('cacheTtlMs', config.cacheTtlMs, DAGSTER_DEFAULTS.cacheTtlMs, true),
  };
}
