import { ServerResponse } from 'node:http';
import { delay, sendJson, StubHandler, StubRequest } from './stub-server';

/**
 * A minimal stateful Airflow 3 `/api/v2` for fault tests: token endpoint, one DAG, dagRuns with a unique dag_run_id
 * (409 on a duplicate, like Airflow's database), task instances, health and version. Behaviour knobs let a test slow
 * down or break single routes. Bodies follow the shapes of a live Airflow 3.3.2.
 */
export interface FakeAirflow3Options {
  username?: string;
  password?: string;
  dagId?: string;
  paused?: boolean;
  /** Delay before answering POST dagRuns (the run is created at once, like a server that commits then stalls). */
  postDelayMs?: (attempt: number) => number;
  /** Token lifetime in seconds written into the JWT's exp. */
  tokenTtlSeconds?: number;
  /** Overrides a route before the fake handles it; return true when answered. */
  override?: (req: StubRequest, res: ServerResponse) => boolean | Promise<boolean>;
}

export interface FakeAirflow3 {
  handler: StubHandler;
  /** POSTs per dag_run_id (attempts, including 409s). */
  posts: Map<string, number>;
  /** Runs created per dag_run_id (must never exceed 1). */
  created: Map<string, number>;
  runs: Map<string, Record<string, unknown>>;
  tokenRequests: () => number;
  /** Invalidates every issued token (like an api-server restart with a new jwt_secret). */
  rotateTokens: () => void;
  /** Pauses or unpauses the DAG behind the adapter's back (as a user in Airflow's UI would). */
  setPaused: (paused: boolean) => void;
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function fakeJwt(sub: string, expSeconds: number, nonce: number): string {
  return `${b64url({ alg: 'HS512', typ: 'JWT' })}.${b64url({ sub, exp: expSeconds, n: nonce })}.c2lnbmF0dXJl`;
}

export function dagRunBody(dagId: string, runId: string, state: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    dag_run_id: runId,
    dag_id: dagId,
    logical_date: null,
    queued_at: '2026-11-24T08:52:58.124585Z',
    start_date: state === 'queued' ? null : '2026-11-24T08:53:08.376330Z',
    end_date: state === 'success' || state === 'failed' ? '2026-11-24T08:53:16.007321Z' : null,
    duration: null,
    data_interval_start: null,
    data_interval_end: null,
    run_after: '2026-11-24T08:52:57.905205Z',
    last_scheduling_decision: null,
    run_type: 'manual',
    state,
    triggered_by: 'rest_api',
    triggering_user_name: 'admin',
    conf: {},
    note: null,
    dag_versions: [],
    bundle_version: null,
    dag_display_name: dagId,
    partition_key: null,
    ...extra,
  };
}

export function fakeAirflow3(options: FakeAirflow3Options = {}): FakeAirflow3 {
  const username = options.username ?? 'admin';
  const password = options.password ?? 'admin';
  const dagId = options.dagId ?? 'orders_daily';
  const posts = new Map<string, number>();
  const created = new Map<string, number>();
  const runs = new Map<string, Record<string, unknown>>();
  const valid = new Set<string>();
  let tokens = 0;

  let paused = options.paused ?? false;
  const handler: StubHandler = async (req, res) => {
    if (options.override && (await options.override(req, res))) return;
    const p = req.path;
    if (req.method === 'POST' && p === '/auth/token') {
      if (typeof req.body?.username !== 'string' || typeof req.body?.password !== 'string') {
        // Airflow's 422 quotes the input (here: it would quote the password)
        return sendJson(res, 422, { detail: [{ type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: req.body ?? null }] });
      }
      if (req.body.username !== username || req.body.password !== password) return sendJson(res, 401, { detail: 'Invalid credentials' });
      tokens++;
      const token = fakeJwt(username, Math.floor(Date.now() / 1000) + (options.tokenTtlSeconds ?? 86_400), tokens);
      valid.add(token);
      return sendJson(res, 201, { access_token: token });
    }
    if (req.method === 'GET' && p === '/api/v2/monitor/health') {
      return sendJson(res, 200, {
        metadatabase: { status: 'healthy' },
        scheduler: { status: 'healthy', latest_scheduler_heartbeat: '2026-11-24T08:52:43.152628+00:00' },
        triggerer: { status: null, latest_triggerer_heartbeat: null },
        dag_processor: { status: 'healthy', latest_dag_processor_heartbeat: '2026-11-24T08:52:45.385607+00:00' },
      });
    }
    if (req.method === 'GET' && p === '/api/v2/version') return sendJson(res, 200, { version: '3.3.2', git_version: '.release:aa19d2db' });

    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) return sendJson(res, 401, { detail: 'Not authenticated' });
    if (!valid.has(auth.slice('Bearer '.length))) return sendJson(res, 403, { detail: 'Invalid JWT token' });

    const dagPath = `/api/v2/dags/${dagId}`;
    if (req.method === 'GET' && p === '/api/v2/dags') {
      return sendJson(res, 200, { dags: [dagBody(dagId, paused)], total_entries: 1 });
    }
    if (p.startsWith('/api/v2/dags/') && !p.startsWith(`${dagPath}`)) {
      return sendJson(res, 404, { detail: `Dag with dag_id: '${p.split('/')[4]}' not found` });
    }
    if (req.method === 'GET' && p === dagPath) return sendJson(res, 200, dagBody(dagId, paused));
    if (req.method === 'POST' && p === `${dagPath}/dagRuns`) {
      const runId = String(req.body?.dag_run_id);
      const attempt = (posts.get(runId) ?? 0) + 1;
      posts.set(runId, attempt);
      if (!('logical_date' in (req.body ?? {}))) {
        return sendJson(res, 422, { detail: [{ type: 'missing', loc: ['body', 'logical_date'], msg: 'Field required', input: req.body }] });
      }
      if (runs.has(runId)) {
        return sendJson(res, 409, { detail: { reason: 'Unique constraint violation', statement: 'hidden', orig_error: 'hidden', message: 'Serious error when handling your request.' } });
      }
      const run = dagRunBody(dagId, runId, 'queued', { conf: req.body?.conf ?? {}, note: req.body?.note ?? null });
      runs.set(runId, run);
      created.set(runId, (created.get(runId) ?? 0) + 1);
      const wait = options.postDelayMs?.(attempt) ?? 0;
      if (wait) await delay(wait);
      return sendJson(res, 200, run);
    }
    const m = p.match(new RegExp(`^${dagPath}/dagRuns/([^/]+)(/taskInstances)?$`));
    if (m) {
      const run = runs.get(m[1]);
      if (!run) return sendJson(res, 404, { detail: `The DagRun with dag_id: \`${dagId}\` and run_id: \`${m[1]}\` was not found` });
      if (m[2]) return sendJson(res, 200, { task_instances: [], total_entries: 0 });
      if (req.method === 'PATCH') Object.assign(run, req.body ?? {});
      return sendJson(res, 200, run);
    }
    return sendJson(res, 404, { detail: 'Not Found' });
  };

  return {
    handler,
    posts,
    created,
    runs,
    tokenRequests: () => tokens,
    rotateTokens: () => valid.clear(),
    setPaused: (value) => {
      paused = value;
    },
  };
}

function dagBody(dagId: string, paused: boolean): Record<string, unknown> {
  return {
    dag_id: dagId,
    dag_display_name: dagId,
    is_paused: paused,
    is_stale: false,
    description: 'Daily orders rollup (Gatehouse fixture)',
    timetable_summary: '0 2 * * *',
    tags: [{ name: 'finance', dag_id: dagId, dag_display_name: dagId }],
    owners: ['sales-data'],
    has_import_errors: false,
  };
}
