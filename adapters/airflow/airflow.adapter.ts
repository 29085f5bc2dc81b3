import { HttpTransport } from '../core/http-transport';
import {
  DiscoveredDag,
  OrchestratorHealth,
  OrchestratorPort,
  ProductionEvent,
  RunDetail,
  RunTarget,
  TriggerRequest,
} from '../core/orchestrator.port';
import { OrchestratorError } from '../core/orchestrator-error';
import { TtlCache } from '../core/ttl-cache';
import { AirflowApi, airflowApi, AirflowRequest, PAGE_LIMIT } from './airflow.api';
import { AirflowAuth } from './airflow-auth';
import { AirflowBasicAuth } from './airflow-basic-auth';
import { AirflowAdapterConfig, resolveAirflowConfig } from './airflow.config';
import { toDiscoveredDag, toProductionEvent, toRunDetail } from './airflow.mapping';
import { redactError } from './airflow.redact';
import { AirflowRun, AirflowTaskInstance, listOf, parseDag, parseHealth, parseRun, parseTaskInstance, parseVersion } from './airflow.responses';
import { CANCEL_NOTE, isFinalRunState } from './airflow.status';
import { AirflowV3Auth } from './airflow-v3-auth';

/** `dag_run.run_id` is a 250-character column in both Airflow 2 and 3. */
const MAX_RUN_ID_LENGTH = 250;
/** Airflow limits a run note to 1000 characters. */
const MAX_NOTE_LENGTH = 1000;
const MAX_PRODUCTIONS = 1000;
/** Safety net for pagination (DAGs, task instances of one run). */
const MAX_ITEMS = 10_000;

export interface AirflowAdapterOptions {
  /** Backoff sleep for retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** Clock for the cached DAG state (tests move it). */
  now?: () => number;
}

/**
 * OrchestratorPort over Airflow's stable REST API: `/api/v2` (Airflow 3, JWT) or `/api/v1` (Airflow 2, basic auth).
 *
 * - Targets are DAGs (`{kind: 'dag', dagId}`); asset targets are `invalid_request` here.
 * - Run identity: the caller's run id IS Airflow's `dag_run_id`, so triggering is idempotent by construction (a second
 *   POST with the same id is answered 409 and resolved to the existing run).
 * - Paused DAGs: Airflow accepts a trigger on a paused DAG but the run stays `queued` for ever. The adapter never
 *   unpauses on its own: `trigger` on a paused DAG is a `conflict`, and `setPaused` (outside the port) is the explicit,
 *   audited way to change that.
 * - Cancel: Airflow has no cancelled state; the run is set `failed` with the note "Cancelled by Gatehouse" (running
 *   tasks are stopped, unstarted ones skipped by Airflow) and reported `cancelled`.
 * - Productions: successful DAG runs, newest first.
 * - No credential (password, basic header, JWT) ever appears in an error: every error leaving the adapter is redacted.
 */
export class AirflowAdapter implements OrchestratorPort {
  readonly kind = 'airflow' as const;
  readonly baseUrl: string;
  readonly apiVersion: 'v2' | 'v1';
  private readonly api: AirflowApi;
  private readonly auth: AirflowAuth;
  /** Authenticated calls. */
  private readonly http: HttpTransport;
  /** Calls that need no credentials (health, version on v2, the token request itself). */
  private readonly anon: HttpTransport;
  /** DAG ids read as unpaused lately (see `cacheTtlMs`): a trigger on them skips reading the DAG. */
  private readonly unpaused: TtlCache<true>;

  constructor(config: AirflowAdapterConfig, options: AirflowAdapterOptions = {}) {
    const c = resolveAirflowConfig(config);
    this.baseUrl = c.baseUrl;
    this.apiVersion = c.apiVersion;
    this.api = airflowApi(c.apiVersion);
    this.unpaused = new TtlCache(c.cacheTtlMs, options.now);
    const transport = { baseUrl: c.baseUrl, timeoutMs: c.timeoutMs, attempts: c.attempts, backoffMs: c.backoffMs, sleep: options.sleep };
    this.anon = new HttpTransport(transport);
    this.auth = c.apiVersion === 'v2' ? new AirflowV3Auth(this.anon, c.username, c.password) : new AirflowBasicAuth(c.username, c.password);
    this.http = new HttpTransport({
      ...transport,
      authenticate: (headers) => this.auth.authenticate(headers),
      onUnauthorized: (refusal) => this.auth.onUnauthorized(refusal),
    });
  }

  // ------------------------------------------------------------------------------------------------------- health

  /**
   * Healthy = the metadata DB and the scheduler report healthy, the DAG processor too when it reports at all (Airflow 3
   * runs it standalone), and the configured credentials are accepted. The triggerer is only shown: without one, only
   * deferrable tasks wait. Unreachable, timeouts and garbage answers throw like every other call.
   */
  async health(): Promise<OrchestratorHealth> {
    return this.guard(async () => {
      const [healthBody, versionBody] = await Promise.all([
        this.send(this.api.health()),
        // v1 serves /version only with valid credentials: refused credentials are reported below, not thrown
        this.send(this.api.version()).catch((error) => {
          if (isRefusal(error)) return null;
          throw error;
        }),
      ]);
      const components = parseHealth(healthBody, 'health');
      const version = versionBody === null ? null : parseVersion(versionBody, 'version');
      const problems: string[] = [];
      for (const name of ['metadatabase', 'scheduler']) {
        if (components[name]?.status !== 'healthy') problems.push(`${name} is ${components[name]?.status ?? 'not reported'}`);
      }
      const processor = components.dag_processor?.status;
      if (processor && processor !== 'healthy') problems.push(`dag_processor is ${processor}`);

      let credentials: 'accepted' | 'refused' = 'accepted';
      try {
        await this.send(this.api.listDags(0, 1));
      } catch (error) {
        if (!isRefusal(error)) throw error;
        credentials = 'refused';
        problems.push(`the configured credentials are refused (${error.orchestratorMessage ?? error.httpStatus ?? 'unauthorized'})`);
      }
      return {
        kind: 'airflow',
        healthy: problems.length === 0,
        version,
        details: { apiVersion: this.apiVersion, components, credentials, problems },
      };
    });
  }

  // ------------------------------------------------------------------------------------------------------- discover

  /** Every active (non-stale) DAG, by dag id. */
  async discover(): Promise<DiscoveredDag[]> {
    return this.guard(async () => {
      const dags = await this.listAll((offset, limit) => this.api.listDags(offset, limit), 'dags', 'the DAG list');
      const found = dags.map((d) => toDiscoveredDag(parseDag(d, 'the DAG list'), this.api)).sort((a, b) => a.dagId.localeCompare(b.dagId));
      for (const dag of found) this.rememberPaused(dag.dagId, dag.paused);
      return found;
    });
  }

  // ------------------------------------------------------------------------------------------------------- trigger

  /**
   * POST dagRuns with `dag_run_id` = the caller's run id. Idempotent: a 409 means the id exists (a retry, a second
   * caller) and the existing run is returned. On a paused DAG nothing is created and the call is a `conflict`, unless
   * the run already exists. The DAG is read first unless it was seen unpaused within `cacheTtlMs` (by a trigger, a
   * discovery or setPaused): that read was a third of what the adapter added to a trigger.
   */
  async trigger(request: TriggerRequest): Promise<RunDetail> {
    return this.guard(async () => {
      const dagId = dagIdOf(request.target);
      const runId = checkRunId(request.runId);
      const conf = checkConf(request.conf);
      if (!this.unpaused.get(dagId)) {
        const existing = await this.existingRunIfPaused(dagId, runId, request.target);
        if (existing) return existing;
      }
      let run: AirflowRun;
      try {
        // Sent as a SAFE call, i.e. retried on timeout/5xx/unreachable: the caller's dag_run_id makes the POST
        // idempotent. If a first attempt did create the run before its answer was lost, the retry gets 409 (unique
        // dag_run_id per DAG, enforced by Airflow's database) and lands in the catch below, which returns that run.
        run = parseRun(await this.send(this.api.trigger(dagId, runId, conf, triggerNote(runId, request.tags)), undefined, true), 'the trigger');
      } catch (error) {
        if (!(error instanceof OrchestratorError) || error.code !== 'conflict') throw error;
        // 409: the run id exists. (v1 also answers 409 for a clashing logical date: then there is no such run.)
        const existing = await this.findRun(dagId, runId);
        if (!existing) throw error;
        return this.detail(existing, request.target);
      }
      // A run created this instant has no task instance doing anything yet: no second round trip
      // for them (getRun reads them later).
      return toRunDetail(run, [], request.target);
    });
  }

  // ------------------------------------------------------------------------------------------------------- getRun

  async getRun(target: RunTarget, runId: string): Promise<RunDetail> {
    return this.guard(async () => {
      const dagId = dagIdOf(target);
      const id = checkRunId(runId);
      const [run, tis] = await Promise.all([this.readRun(dagId, id), this.taskInstances(dagId, id)]);
      return toRunDetail(run, tis, target);
    });
  }

  // ------------------------------------------------------------------------------------------------------- cancel

  /**
   * A queued or running run is set `failed` with the note "Cancelled by Gatehouse" (Airflow stops its running tasks and
   * skips the rest) and comes back `cancelled`. A run already final is returned unchanged. Remaining race: a run whose
   * last task finishes between our read and our PATCH is still marked cancelled (its tasks show success).
   */
  async cancel(target: RunTarget, runId: string): Promise<RunDetail> {
    return this.guard(async () => {
      const dagId = dagIdOf(target);
      const id = checkRunId(runId);
      const run = await this.readRun(dagId, id);
      if (!isFinalRunState(run.state)) {
        // Safe to repeat: setting the same state and note twice is the same as once.
        for (const request of this.api.cancel(dagId, id, CANCEL_NOTE)) await this.send(request, undefined, true);
      }
      return this.getRun(target, id);
    });
  }

  // ------------------------------------------------------------------------------------------------------- productions

  /** Successful runs of the DAG, newest end first, at most `limit` (capped at 1000). */
  async recentProductions(target: RunTarget, limit: number): Promise<ProductionEvent[]> {
    return this.guard(async () => {
      const dagId = dagIdOf(target);
      if (!Number.isInteger(limit) || limit < 1) throw new OrchestratorError('invalid_request', `limit must be a positive integer, got ${limit}`);
      const take = Math.min(limit, MAX_PRODUCTIONS);
      const items = await this.listAll((offset, l) => this.api.successfulRuns(dagId, offset, l), 'dag_runs', 'the run list', take, `Airflow has no DAG ${dagId}`);
      const runs = items.map((r) => parseRun(r, 'the run list'));
      // v1 lists the runs of a DAG that does not exist as an empty list: tell "never produced" from "no such DAG"
      if (runs.length === 0) await this.send(this.api.getDag(dagId), `Airflow has no DAG ${dagId}`);
      return runs
        .filter((r) => r.state === 'success')
        .map((r) => toProductionEvent(r, target))
        .filter((e): e is ProductionEvent => e !== null)
        .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
        .slice(0, take);
    });
  }

  // ------------------------------------------------------------------------------------------------------- outside the port

  /**
   * Pauses or unpauses a DAG. Deliberately not part of trigger: unpausing lets the scheduler start scheduled runs too
   * (with catchup=False, one right away), so it is a choice the caller makes and audits.
   */
  async setPaused(dagId: string, paused: boolean): Promise<DiscoveredDag> {
    return this.guard(async () => {
      if (typeof paused !== 'boolean') throw new OrchestratorError('invalid_request', 'paused must be true or false');
      const body = await this.send(this.api.setPaused(checkDagId(dagId), paused), `Airflow has no DAG ${dagId}`, true);
      const dag = toDiscoveredDag(parseDag(body, `DAG ${dagId}`), this.api);
      this.rememberPaused(dag.dagId, dag.paused);
      return dag;
    });
  }

  // ------------------------------------------------------------------------------------------------------- paused DAGs

  /**
   * Reads the DAG. Unpaused: remembered for `cacheTtlMs`, and null (go on and trigger). Paused: the run, if one with
   * this id already exists (a retry after the DAG was paused); else a `conflict`, and nothing is created.
   */
  private async existingRunIfPaused(dagId: string, runId: string, target: RunTarget): Promise<RunDetail | null> {
    const dag = parseDag(await this.send(this.api.getDag(dagId), `Airflow has no DAG ${dagId}`), `DAG ${dagId}`);
    this.rememberPaused(dagId, dag.is_paused);
    if (!dag.is_paused) return null;
    const existing = await this.findRun(dagId, runId);
    if (existing) return this.detail(existing, target);
    throw new OrchestratorError(
      'conflict',
      `DAG ${dagId} is paused: a run triggered now would stay queued and never start. Unpausing is an explicit, audited ` +
        'choice (AirflowAdapter.setPaused), never a side effect of triggering.',
      null,
      null,
    );
  }

  private rememberPaused(dagId: string, paused: boolean): void {
    if (paused) this.unpaused.delete(dagId);
    else this.unpaused.set(dagId, true);
  }

  // ------------------------------------------------------------------------------------------------------- internals

  /**
   * One request. Reads are safe (retried); writes only when the caller says they are idempotent. `notFound` replaces
   * the message of a 404 (Airflow's own words stay in orchestratorMessage).
   */
  private async send(request: AirflowRequest, notFound?: string, idempotentWrite = false): Promise<unknown> {
    const transport = request.anonymous ? this.anon : this.http;
    const safe = request.method === 'GET' || idempotentWrite;
    try {
      const { data } = await transport.call<unknown>(
        {
          method: request.method,
          url: request.url,
          params: request.params,
          data: request.data,
          headers: request.data ? { 'content-type': 'application/json' } : undefined,
        },
        { safe },
      );
      return data;
    } catch (error) {
      if (notFound && error instanceof OrchestratorError && error.code === 'not_found') {
        throw new OrchestratorError('not_found', notFound, error.orchestratorMessage, error.httpStatus);
      }
      throw error;
    }
  }

  private async readRun(dagId: string, runId: string): Promise<AirflowRun> {
    return parseRun(await this.send(this.api.getRun(dagId, runId), `Airflow has no run ${runId} of DAG ${dagId}`), `run ${runId}`);
  }

  private async findRun(dagId: string, runId: string): Promise<AirflowRun | null> {
    try {
      return await this.readRun(dagId, runId);
    } catch (error) {
      if (error instanceof OrchestratorError && error.code === 'not_found') return null;
      throw error;
    }
  }

  private async taskInstances(dagId: string, runId: string): Promise<AirflowTaskInstance[]> {
    const items = await this.listAll(
      (offset, limit) => this.api.taskInstances(dagId, runId, offset, limit),
      'task_instances',
      `the task instances of run ${runId}`,
      MAX_ITEMS,
      `Airflow has no run ${runId} of DAG ${dagId}`,
    );
    return items.map((t) => parseTaskInstance(t, 'a task instance'));
  }

  private async detail(run: AirflowRun, target: RunTarget): Promise<RunDetail> {
    return toRunDetail(run, await this.taskInstances(run.dag_id, run.dag_run_id), target);
  }

  /** Pages through `{<key>: [...], total_entries}` lists. */
  private async listAll(page: (offset: number, limit: number) => AirflowRequest, key: string, what: string, max = MAX_ITEMS, notFound?: string): Promise<unknown[]> {
    const all: unknown[] = [];
    for (;;) {
      const { items, total } = listOf(await this.send(page(all.length, Math.min(PAGE_LIMIT, max - all.length)), notFound), key, what);
      all.push(...items);
      if (items.length === 0 || all.length >= max || (total !== null ? all.length >= total : items.length < PAGE_LIMIT)) break;
    }
    return all.slice(0, max);
  }

  /** Every error leaves the adapter without any credential in it. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw redactError(error, this.auth.secrets());
    }
  }
}

function isRefusal(error: unknown): error is OrchestratorError {
  return error instanceof OrchestratorError && error.code === 'unauthorized';
}

function dagIdOf(target: RunTarget): string {
  if (!target || target.kind !== 'dag') {
    throw new OrchestratorError('invalid_request', `Airflow runs DAGs; target kind ${JSON.stringify((target as { kind?: unknown })?.kind)} is not supported`);
  }
  return checkDagId(target.dagId);
}

function checkDagId(dagId: string): string {
  if (typeof dagId !== 'string' || !dagId.trim() || dagId !== dagId.trim() || dagId.length > 250) {
    throw new OrchestratorError('invalid_request', 'dag id must be a non-empty string without surrounding spaces, at most 250 characters');
  }
  return dagId;
}

/** Airflow itself checks the id against `[scheduler] allowed_run_id_pattern` (400 → invalid_request). */
function checkRunId(runId: string): string {
  if (typeof runId !== 'string' || !runId.trim() || runId !== runId.trim() || runId.length > MAX_RUN_ID_LENGTH) {
    throw new OrchestratorError('invalid_request', `run id must be a non-empty string without surrounding spaces, at most ${MAX_RUN_ID_LENGTH} characters`);
  }
  return runId;
}

function checkConf(conf: unknown): Record<string, unknown> {
  if (conf === undefined) return {};
  if (conf === null || typeof conf !== 'object' || Array.isArray(conf)) throw new OrchestratorError('invalid_request', 'conf must be a JSON object');
  return conf as Record<string, unknown>;
}

/** Airflow runs have no tags: the note tells operators who started the run, with the caller's tags. */
function triggerNote(runId: string, tags: Record<string, string> | undefined): string {
  const listed = Object.entries(tags ?? {}).map(([k, v]) => `${k}=${v}`);
  const note = `Triggered by Gatehouse (run ${runId})${listed.length ? `; tags: ${listed.join(', ')}` : ''}`;
  return note.length > MAX_NOTE_LENGTH ? `${note.slice(0, MAX_NOTE_LENGTH - 1)}…` : note;
}
