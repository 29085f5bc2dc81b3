import { OrchestratorError } from '../core/orchestrator-error';

/**
 * The parts of Airflow's JSON the adapter reads (identical field names in /api/v2 and /api/v1), checked at the edge:
 * a 200 whose body is not JSON or lacks these fields (a proxy's HTML page, another service on the port) becomes an
 * `orchestrator_error` instead of a TypeError deep inside the adapter.
 */
export interface AirflowDag {
  dag_id: string;
  is_paused: boolean;
  owners: string[];
  tags: { name: string }[];
  description: string | null;
  raw: Record<string, unknown>;
}

export interface AirflowRun {
  dag_run_id: string;
  dag_id: string;
  state: string;
  start_date: string | null;
  end_date: string | null;
  note: string | null;
}

export interface AirflowTaskInstance {
  task_id: string;
  map_index: number;
  state: string | null;
  start_date: string | null;
  end_date: string | null;
}

export interface AirflowComponentHealth {
  status: string | null;
  [key: string]: unknown;
}

function unexpected(what: string, detail: string, body: unknown): OrchestratorError {
  const sample = typeof body === 'string' ? body : JSON.stringify(body);
  return new OrchestratorError('orchestrator_error', `Airflow answered ${what} with an unexpected body: ${detail}`, (sample ?? String(body)).slice(0, 300));
}

export function objectOf(body: unknown, what: string): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw unexpected(what, 'not a JSON object', body);
  return body as Record<string, unknown>;
}

function str(o: Record<string, unknown>, key: string, what: string, body: unknown): string {
  const v = o[key];
  if (typeof v !== 'string' || !v) throw unexpected(what, `no "${key}"`, body);
  return v;
}

function optStr(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** `{<key>: [...], total_entries}` */
export function listOf(body: unknown, key: string, what: string): { items: unknown[]; total: number | null } {
  const o = objectOf(body, what);
  if (!Array.isArray(o[key])) throw unexpected(what, `no "${key}" list`, body);
  return { items: o[key] as unknown[], total: typeof o.total_entries === 'number' ? o.total_entries : null };
}

export function parseDag(body: unknown, what: string): AirflowDag {
  const o = objectOf(body, what);
  const dag_id = str(o, 'dag_id', what, body);
  if (typeof o.is_paused !== 'boolean' && o.is_paused !== null) throw unexpected(what, 'no "is_paused"', body);
  return {
    dag_id,
    // null: Airflow 2 before the first parse; treat as paused (it would not run)
    is_paused: o.is_paused !== false,
    owners: Array.isArray(o.owners) ? o.owners.filter((x): x is string => typeof x === 'string') : [],
    tags: Array.isArray(o.tags)
      ? o.tags.flatMap((t) => (t && typeof t === 'object' && typeof (t as { name?: unknown }).name === 'string' ? [{ name: (t as { name: string }).name }] : []))
      : [],
    description: optStr(o.description),
    raw: o,
  };
}

export function parseRun(body: unknown, what: string): AirflowRun {
  const o = objectOf(body, what);
  return {
    dag_run_id: str(o, 'dag_run_id', what, body),
    dag_id: str(o, 'dag_id', what, body),
    state: str(o, 'state', what, body),
    start_date: optStr(o.start_date),
    end_date: optStr(o.end_date),
    note: optStr(o.note),
  };
}

export function parseTaskInstance(body: unknown, what: string): AirflowTaskInstance {
  const o = objectOf(body, what);
  return {
    task_id: str(o, 'task_id', what, body),
    map_index: typeof o.map_index === 'number' ? o.map_index : -1,
    state: optStr(o.state),
    start_date: optStr(o.start_date),
    end_date: optStr(o.end_date),
  };
}

export function parseHealth(body: unknown, what: string): Record<string, AirflowComponentHealth> {
  const o = objectOf(body, what);
  if (!o.metadatabase || typeof o.metadatabase !== 'object') throw unexpected(what, 'no "metadatabase"', body);
  const out: Record<string, AirflowComponentHealth> = {};
  for (const [name, value] of Object.entries(o)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      out[name] = { ...v, status: optStr(v.status) };
    }
  }
  return out;
}

export function parseVersion(body: unknown, what: string): string {
  return str(objectOf(body, what), 'version', what, body);
}
