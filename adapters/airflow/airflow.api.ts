/**
 * Everything that differs between Airflow 3's `/api/v2` and Airflow 2's `/api/v1`, in one place. The adapter speaks
 * only through an `AirflowApi`; nothing else in it knows which version it talks to (auth aside, see airflow-auth.ts).
 *
 * Differences handled here (reference: spec v2 vs spec v1, CHANGELOG 3.0):
 * - health lives at `/api/v2/monitor/health` vs `/api/v1/health`;
 * - the trigger body must carry `logical_date` (nullable, no default) on v2; v1 defaults it to "now" and keeps it unique
 *   per DAG, so it is left out there;
 * - cancelling (state + marker note) is one PATCH on v2; v1's PATCH takes only `state`, the note goes to `/setNote`;
 * - a DAG's schedule is `timetable_summary` on v2 and the typed `schedule_interval` object on v1;
 * - listing DAGs hides stale DAGs by default on v2 (`exclude_stale`), v1 needs `only_active=true`.
 * Paths, the pause PATCH, run/task-instance reads and the list envelope (`{<items>, total_entries}`) are the same.
 */
export type AirflowApiVersion = 'v2' | 'v1';

export interface AirflowRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  params?: Record<string, string | number | boolean>;
  data?: Record<string, unknown>;
  /** Sent without credentials (health, and version on v2, need none; health must work with broken credentials). */
  anonymous?: boolean;
}

export interface AirflowApi {
  readonly apiVersion: AirflowApiVersion;
  health(): AirflowRequest;
  version(): AirflowRequest;
  listDags(offset: number, limit: number): AirflowRequest;
  getDag(dagId: string): AirflowRequest;
  setPaused(dagId: string, paused: boolean): AirflowRequest;
  trigger(dagId: string, runId: string, conf: Record<string, unknown>, note: string | null): AirflowRequest;
  getRun(dagId: string, runId: string): AirflowRequest;
  taskInstances(dagId: string, runId: string, offset: number, limit: number): AirflowRequest;
  /** Successful runs, newest end first. */
  successfulRuns(dagId: string, offset: number, limit: number): AirflowRequest;
  /** The requests that mark a run failed with the marker note, in order. */
  cancel(dagId: string, runId: string, note: string): AirflowRequest[];
  /** The DAG's schedule as a string (cron, preset, timedelta…), null when it has none. */
  schedule(dag: Record<string, unknown>): string | null;
}

/** Largest page both versions accept (`[api] maximum_page_limit`, default 100). */
export const PAGE_LIMIT = 100;

const seg = encodeURIComponent;

function common(prefix: string) {
  const dag = (dagId: string) => `${prefix}/dags/${seg(dagId)}`;
  const run = (dagId: string, runId: string) => `${dag(dagId)}/dagRuns/${seg(runId)}`;
  return {
    dag,
    run,
    getDag: (dagId: string): AirflowRequest => ({ method: 'GET', url: dag(dagId) }),
    setPaused: (dagId: string, paused: boolean): AirflowRequest => ({
      method: 'PATCH',
      url: dag(dagId),
      params: { update_mask: 'is_paused' },
      data: { is_paused: paused },
    }),
    getRun: (dagId: string, runId: string): AirflowRequest => ({ method: 'GET', url: run(dagId, runId) }),
    taskInstances: (dagId: string, runId: string, offset: number, limit: number): AirflowRequest => ({
      method: 'GET',
      url: `${run(dagId, runId)}/taskInstances`,
      params: { offset, limit },
    }),
    successfulRuns: (dagId: string, offset: number, limit: number): AirflowRequest => ({
      method: 'GET',
      url: `${dag(dagId)}/dagRuns`,
      params: { state: 'success', order_by: '-end_date', offset, limit },
    }),
  };
}

export function airflowApi(version: AirflowApiVersion): AirflowApi {
  if (version === 'v2') {
    const prefix = '/api/v2';
    const c = common(prefix);
    return {
      ...c,
      apiVersion: 'v2',
      health: () => ({ method: 'GET', url: `${prefix}/monitor/health`, anonymous: true }),
      version: () => ({ method: 'GET', url: `${prefix}/version`, anonymous: true }),
      listDags: (offset, limit) => ({ method: 'GET', url: `${prefix}/dags`, params: { offset, limit, order_by: 'dag_id' } }),
      trigger: (dagId, runId, conf, note) => ({
        method: 'POST',
        url: `${c.dag(dagId)}/dagRuns`,
        // logical_date: required key, may be null (AIP-83); null lets several manual runs coexist, keyed by dag_run_id
        data: { dag_run_id: runId, logical_date: null, conf, ...(note ? { note } : {}) },
      }),
      cancel: (dagId, runId, note) => [{ method: 'PATCH', url: c.run(dagId, runId), data: { state: 'failed', note } }],
      schedule: (dag) => (typeof dag.timetable_summary === 'string' ? dag.timetable_summary : null),
    };
  }
  const prefix = '/api/v1';
  const c = common(prefix);
  return {
    ...c,
    apiVersion: 'v1',
    health: () => ({ method: 'GET', url: `${prefix}/health`, anonymous: true }),
    // v1 serves /version to any client the API auth backend admits: send the basic auth header
    version: () => ({ method: 'GET', url: `${prefix}/version` }),
    listDags: (offset, limit) => ({ method: 'GET', url: `${prefix}/dags`, params: { offset, limit, only_active: true, order_by: 'dag_id' } }),
    trigger: (dagId, runId, conf, note) => ({
      method: 'POST',
      url: `${c.dag(dagId)}/dagRuns`,
      data: { dag_run_id: runId, conf, ...(note ? { note } : {}) },
    }),
    cancel: (dagId, runId, note) => [
      { method: 'PATCH', url: c.run(dagId, runId), data: { state: 'failed' } },
      { method: 'PATCH', url: `${c.run(dagId, runId)}/setNote`, data: { note } },
    ],
    schedule: (dag) => {
      if (dag.schedule_interval === null || dag.schedule_interval === undefined) return null;
      // a RelativeDelta or anything newer: Airflow's own words for it
      return v1Schedule(dag.schedule_interval) ?? (typeof dag.timetable_description === 'string' && dag.timetable_description ? dag.timetable_description : null);
    },
  };
}

/** v1 `ScheduleInterval`: `{__type: CronExpression, value}` | `{__type: TimeDelta, days, seconds, microseconds}` | `{__type: RelativeDelta, …}` | null. */
function v1Schedule(raw: unknown): string | null {
  if (!raw || typeof raw !== 'object') return typeof raw === 'string' ? raw : null;
  const s = raw as Record<string, unknown>;
  if (s.__type === 'CronExpression' && typeof s.value === 'string') return s.value;
  if (s.__type === 'TimeDelta') {
    const seconds = Number(s.days ?? 0) * 86_400 + Number(s.seconds ?? 0) + Number(s.microseconds ?? 0) / 1e6;
    return Number.isFinite(seconds) ? `every ${seconds}s` : null;
  }
  return null;
}
