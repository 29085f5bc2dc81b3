import { numberSetting } from '../core/config-number';
import { OrchestratorError } from '../core/orchestrator-error';

/** How to reach one Airflow instance. */
export interface AirflowAdapterConfig {
  /** Root of the api-server (Airflow 3) or webserver (Airflow 2), e.g. `http://127.0.0.1:8080`; no `/api/...` suffix. */
  baseUrl: string;
  /** `v2`: Airflow 3 (`/api/v2`, JWT from `POST /auth/token`); `v1`: Airflow 2 (`/api/v1`, HTTP basic auth). */
  apiVersion?: 'v2' | 'v1';
  username: string;
  password: string;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  /** Attempts for safe calls (reads, and the trigger made safe by its run id). */
  attempts?: number;
  /** First retry delay (ms), doubling with full jitter. */
  backoffMs?: number;
  /**
   * How long (ms) a DAG read as unpaused is trusted before a trigger reads it again; 0 = read on every trigger.
   * A DAG paused outside Gatehouse within this window gets a run that stays queued until it is unpaused.
   */
  cacheTtlMs?: number;
}

export type ResolvedAirflowConfig = Required<AirflowAdapterConfig>;

export const AIRFLOW_DEFAULTS = Object.freeze({ apiVersion: 'v2' as const, timeoutMs: 10_000, attempts: 3, backoffMs: 200, cacheTtlMs: 10_000 });

export function resolveAirflowConfig(config: AirflowAdapterConfig): ResolvedAirflowConfig {
  const baseUrl = (config.baseUrl ?? '').trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl)) {
    throw new OrchestratorError('invalid_request', `Airflow baseUrl must be an http(s) URL, got ${JSON.stringify(config.baseUrl)}`);
  }
  if (/\/api\/v[12]$/.test(baseUrl)) {
    throw new OrchestratorError('invalid_request', 'Airflow baseUrl is the server root; the adapter adds /api/v2 or /api/v1 itself');
  }
  const apiVersion = config.apiVersion ?? AIRFLOW_DEFAULTS.apiVersion;
  if (apiVersion !== 'v2' && apiVersion !== 'v1') {
    throw new OrchestratorError('invalid_request', `Airflow apiVersion must be v2 (Airflow 3) or v1 (Airflow 2), got ${JSON.stringify(apiVersion)}`);
  }
  // never echo the values: they are credentials
  if (typeof config.username !== 'string' || !config.username) throw new OrchestratorError('invalid_request', 'Airflow username is required');
  if (typeof config.password !== 'string' || !config.password) throw new OrchestratorError('invalid_request', 'Airflow password is required');
  const positive = (name: string, value: number | undefined, fallback: number, zeroAllowed = false) =>
    numberSetting(`Airflow ${name}`, value, fallback, zeroAllowed);
  return {
    baseUrl,
    apiVersion,
    username: config.username,
    password: config.password,
    timeoutMs: positive('timeoutMs', config.timeoutMs, AIRFLOW_DEFAULTS.timeoutMs),
    attempts: Math.max(1, Math.floor(positive('attempts', config.attempts, AIRFLOW_DEFAULTS.attempts))),
    backoffMs: positive('backoffMs', config.backoffMs, AIRFLOW_DEFAULTS.backoffMs, true),
    cacheTtlMs: positive('cacheTtlMs', config.cacheTtlMs, AIRFLOW_DEFAULTS.cacheTtlMs, true),
  };
}
