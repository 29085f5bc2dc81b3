import { HttpTransport } from '../core/http-transport';
import {
  ActivityPage,
  Discovered,
  OrchestratorHealth,
  OrchestratorPort,
  ProductionEvent,
  RunActivity,
  RunDetail,
  RunTarget,
  TriggerRequest,
} from '../core/orchestrator.port';
import { OrchestratorError } from '../core/orchestrator-error';
import { TtlCache } from '../core/ttl-cache';
import {
  advanceCursor,
  changeKey,
  decodeCursor,
  encodeCursor,
  GqlActivityEvent,
  GqlActivityRun,
  GqlAssetDefinition,
  GqlEventConnection,
  GqlRunChange,
  pendingChanges,
  referencedKeys,
  toRunActivity,
  updatedAfterFor,
} from './dagster.activity';
import { DagsterAdapterConfig, ResolvedDagsterConfig, resolveDagsterConfig } from './dagster.config';
import * as D from './dagster.documents';
import { dagsterResultError, DagsterTyped, expectTypename } from './dagster.errors';
import { DagsterGraphqlClient } from './dagster.graphql';
import {
  assetKeysOf,
  GqlAssetNode,
  GqlMaterialization,
  GqlRun,
  keyString,
  originalRun,
  sameKeySet,
  toDiscoveredAsset,
  toProductionEvent,
  toRunDetail,
} from './dagster.mapping';
import { isTerminalRunStatus } from './dagster.status';

/** Dagster's own run ids are UUIDs; a caller id in that shape may name a run Gatehouse did not launch. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_RUN_ID_LENGTH = 255;
const MAX_PRODUCTIONS = 1000;
const TERMINATE_RETRY_MS = 500;
/** activitySince: runs per page at most, runs per first-pass page, runs per details query, events per events page. */
const MAX_ACTIVITY = 500;
const SCAN_PAGE = 1000;
const DETAILS_CHUNK = 25;
const EVENTS_PAGE = 1000;
const DEFAULT_ACTIVITY_LOOKBACK_SECONDS = 60;

interface HealthData {
  version: string;
  locationStatusesOrError: DagsterTyped & { entries?: { name: string; loadStatus: string; updateTimestamp?: number; versionKey?: string }[] };
  workspaceOrError: DagsterTyped & {
    locationEntries?: { name: string; loadStatus: string; locationOrLoadError: (DagsterTyped & { repositories?: { name: string }[] }) | null }[];
  };
  instance: {
    runQueuingSupported: boolean;
    daemonHealth: { allDaemonStatuses: { daemonType: string; required: boolean; healthy: boolean | null; lastHeartbeatTime: number | null }[] };
  };
}

export interface DagsterAdapterOptions {
  /** Replaces the HTTP transport (tests); by default one is built from the config. */
  transport?: HttpTransport;
  /**
   * activitySince: how late (seconds) a run change may become visible after the time Dagster stamped it with (commit
   * delay, clock skew between the run worker, daemon and webserver hosts) and still be delivered. Larger = safer, and a
   * longer cursor (it remembers the runs handed out within this window). Default 60.
   */
  activityLookbackSeconds?: number;
}

/**
 * OrchestratorPort over Dagster 1.13's GraphQL API (dagster-webserver /graphql).
 *
 * Run identity: Dagster 1.13 cannot take a caller-chosen run id (`ExecutionMetadata` has no `runId`), so the caller's
 * id travels as the run tag `gatehouse/run-id` and every lookup goes through `runsOrError(filter: {tags})`. See
 * adapters/dagster/README.md for the idempotency guarantees and the race that remains.
 */
export class DagsterAdapter implements OrchestratorPort {
  readonly kind = 'dagster' as const;
  readonly config: ResolvedDagsterConfig;
  private readonly gql: DagsterGraphqlClient;
  /** One trigger/cancel at a time per Gatehouse run id within this process. */
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly activityLookbackSeconds: number;
  /** Asset selections checked launchable lately (see `cacheTtlMs`). */
  private readonly launchable: TtlCache<true>;
  /** Duplicate checks still running after a first launch answered (see trigger). */
  private readonly settling = new Set<Promise<void>>();

  constructor(config: DagsterAdapterConfig, options: DagsterAdapterOptions = {}) {
    this.config = resolveDagsterConfig(config);
    const transport =
      options.transport ??
      new HttpTransport({
        baseUrl: this.config.baseUrl,
        timeoutMs: this.config.timeoutMs,
        attempts: this.config.attempts,
        backoffMs: this.config.backoffMs,
      });
    this.gql = new DagsterGraphqlClient(transport, this.config);
    this.launchable = new TtlCache(this.config.cacheTtlMs);
    const lookback = options.activityLookbackSeconds ?? DEFAULT_ACTIVITY_LOOKBACK_SECONDS;
    if (!Number.isFinite(lookback) || lookback <= 0) {
      throw new OrchestratorError('invalid_request', `activityLookbackSeconds must be a positive number, got ${lookback}`);
    }
    this.activityLookbackSeconds = lookback;
  }

  // ------------------------------------------------------------------------------------------------------- health

  /**
   * Healthy = the configured code location is LOADED without a load error and holds the configured repository, and —
   * when the instance queues runs (QueuedRunCoordinator, the default since 1.10) — the daemon's run coordinator is
   * healthy (without it launched runs stay QUEUED for ever). Unreachable/timeouts throw, like every other call.
   */
  async health(): Promise<OrchestratorHealth> {
    const data = await this.gql.request<HealthData>(D.HEALTH, {}, { safe: true });
    const statuses = expectTypename<HealthData['locationStatusesOrError']>('locationStatusesOrError', data.locationStatusesOrError, 'WorkspaceLocationStatusEntries');
    const workspace = expectTypename<HealthData['workspaceOrError']>('workspaceOrError', data.workspaceOrError, 'Workspace');
    const wanted = this.config.repositoryLocationName;
    const status = statuses.entries?.find((e) => e.name === wanted);
    const entry = workspace.locationEntries?.find((e) => e.name === wanted);
    const loaded = entry?.locationOrLoadError?.__typename === 'RepositoryLocation';
    const loadError = entry?.locationOrLoadError?.__typename === 'PythonError' ? (entry.locationOrLoadError.message ?? 'load failed') : null;
    const repositoryFound = !!entry?.locationOrLoadError?.repositories?.some((r) => r.name === this.config.repositoryName);
    const daemons = data.instance?.daemonHealth?.allDaemonStatuses ?? [];
    const coordinator = daemons.find((d) => d.daemonType === 'QUEUED_RUN_COORDINATOR');
    const runQueuing = !!data.instance?.runQueuingSupported;
    const runQueueHealthy = !runQueuing || coordinator?.healthy === true;
    const locationReady = status?.loadStatus === 'LOADED' && loaded && repositoryFound;
    const problems: string[] = [];
    if (!status) problems.push(`code location ${wanted} is not in the workspace`);
    else if (status.loadStatus !== 'LOADED') problems.push(`code location ${wanted} is ${status.loadStatus}`);
    if (loadError) problems.push(`code location ${wanted} failed to load: ${loadError.split('\n')[0]}`);
    else if (status?.loadStatus === 'LOADED' && !repositoryFound) problems.push(`repository ${this.config.repositoryName} not found in ${wanted}`);
    if (!runQueueHealthy) problems.push('dagster-daemon run coordinator is not healthy: launched runs would stay queued');
    return {
      kind: 'dagster',
      healthy: locationReady && runQueueHealthy,
      version: data.version ?? null,
      details: {
        location: wanted,
        repository: this.config.repositoryName,
        ready: locationReady,
        locations: (statuses.entries ?? []).map((e) => {
          const ws = workspace.locationEntries?.find((w) => w.name === e.name);
          const err = ws?.locationOrLoadError?.__typename === 'PythonError' ? ws.locationOrLoadError.message : undefined;
          return { name: e.name, loadStatus: e.loadStatus, loaded: ws?.locationOrLoadError?.__typename === 'RepositoryLocation', ...(err ? { loadError: err } : {}) };
        }),
        runQueuing,
        runCoordinatorHealthy: runQueuing ? (coordinator?.healthy ?? false) : null,
        daemons: daemons.map((d) => ({ type: d.daemonType, healthy: d.healthy, required: d.required, lastHeartbeatAt: d.lastHeartbeatTime ? new Date(d.lastHeartbeatTime * 1000).toISOString() : null })),
        problems,
      },
    };
  }

  // ------------------------------------------------------------------------------------------------------- discover

  /** The assets of the configured code location and repository (auto-created stubs for undefined deps left out). */
  async discover(): Promise<Discovered[]> {
    const data = await this.gql.request<{ assetNodes: GqlAssetNode[] }>(D.ASSET_NODES, {}, { safe: true });
    return (data.assetNodes ?? [])
      .filter((n) => this.inLocation(n) && !n.isAutoCreatedStub)
      .map(toDiscoveredAsset)
      .sort((a, b) => keyString(a.assetKey).localeCompare(keyString(b.assetKey)));
  }

  // ------------------------------------------------------------------------------------------------------- trigger

  /**
   * launchRun on the repository's asset job with assetSelection = the target's keys, tagged with the caller's run id.
   * Idempotent by that tag: an existing run is returned instead of launching; after a launch the tag is looked up again
   * and, should a concurrent trigger (another Gatehouse process) have launched too, the later run is terminated and the
   * first one returned.
   */
  async trigger(request: TriggerRequest): Promise<RunDetail> {
    const keys = assetKeysOf(request.target);
    const runId = this.checkRunId(request.runId);
    const tags = this.runTags(request);
    if (request.conf !== undefined && (request.conf === null || typeof request.conf !== 'object' || Array.isArray(request.conf))) {
      throw new OrchestratorError('invalid_request', 'conf must be an object (Dagster run config)');
    }
    return this.serialized(runId, async () => {
      // A run id the caller has just created cannot be on a run yet: no lookup before launching.
      if (!request.newRunId) {
        const runs = await this.runsByTag(runId);
        const existing = originalRun(runs);
        if (existing) {
          const detail = this.detailOfExisting(existing, runId, request.target, keys);
          await this.terminateDuplicates(runs, existing);
          return detail;
        }
      }

      await this.assertAssetsLaunchable(keys);
      const data = await this.gql.request<{ launchRun: DagsterTyped }>(
        D.LAUNCH_RUN,
        {
          executionParams: {
            selector: {
              repositoryLocationName: this.config.repositoryLocationName,
              repositoryName: this.config.repositoryName,
              pipelineName: this.config.assetJobName,
              assetSelection: keys.map((path) => ({ path })),
            },
            runConfigData: request.conf ?? {},
            executionMetadata: { tags: Object.entries(tags).map(([key, value]) => ({ key, value })) },
          },
        },
        { safe: false },
      );
      const launched = expectTypename<{ __typename: 'LaunchRunSuccess'; run: GqlRun }>('launchRun', data.launchRun, 'LaunchRunSuccess').run;
      if (!request.newRunId) return this.settleLaunch(runId, launched, request.target);
      // Only a retrier that took over this id (it looks up first) could have launched too, and its own follow-up
      // lookup terminates the later run; ours runs in the background so the answer does not wait for it.
      this.inBackground(this.settleLaunch(runId, launched, request.target));
      return toRunDetail(launched, runId, request.target);
    });
  }

  /**
   * Resolves once the background duplicate checks started so far have ended (tests). One cut short by a shutdown is
   * harmless: the next trigger or cancel of the id does the same clean-up.
   */
  async idle(): Promise<void> {
    while (this.settling.size) await Promise.all([...this.settling]);
  }

  /**
   * A concurrent trigger elsewhere may have launched between our lookup and our launch: the first created wins and
   * every later live run carrying the id is terminated.
   */
  private async settleLaunch(runId: string, launched: GqlRun, target: RunTarget): Promise<RunDetail> {
    const all = await this.runsByTag(runId).catch(() => [launched]);
    const candidates = all.some((r) => r.runId === launched.runId) ? all : [...all, launched];
    const first = originalRun(candidates)!;
    await this.terminateDuplicates(candidates, first);
    if (first.runId !== launched.runId) return toRunDetail(first, runId, target);
    return toRunDetail(all.find((r) => r.runId === launched.runId) ?? launched, runId, target);
  }

  private inBackground(work: Promise<unknown>): void {
    const tracked: Promise<void> = work.then(
      () => undefined,
      () => undefined,
    ).finally(() => this.settling.delete(tracked));
    this.settling.add(tracked);
  }

  // ------------------------------------------------------------------------------------------------------- getRun

  async getRun(target: RunTarget, runId: string): Promise<RunDetail> {
    assetKeysOf(target);
    const id = this.checkRunId(runId);
    const run = await this.findRun(id);
    return toRunDetail(run, id, target);
  }

  // ------------------------------------------------------------------------------------------------------- cancel

  /**
   * terminateRun (SAFE_TERMINATE) for every live run carrying the id; a run that already ended, or is already
   * CANCELING, is left as it is (no error). NOT_STARTED/STARTING runs, which Dagster refuses to terminate, are retried
   * until STARTED (see terminateLive). Returns the run as Dagster has it afterwards: `cancelled` when it stopped at once
   * (a queued run), else still `running` with nativeStatus CANCELING until its steps have stopped.
   */
  async cancel(target: RunTarget, runId: string): Promise<RunDetail> {
    assetKeysOf(target);
    const id = this.checkRunId(runId);
    return this.serialized(id, async () => {
      const tagged = await this.runsByTag(id);
      const runs = tagged.length ? tagged : [await this.findRun(id)];
      const first = originalRun(runs)!;
      for (const run of runs) {
        if (isTerminalRunStatus(run.status) || run.status === 'CANCELING') continue;
        await this.terminateLive(run.runId);
      }
      return toRunDetail(await this.runById(first.runId), id, target);
    });
  }

  // ------------------------------------------------------------------------------------------------------- productions

  /**
   * The latest materializations of the target's assets, newest first, at most `limit` in all. `runId` is the Gatehouse
   * run id when Gatehouse launched the run, else Dagster's run id (null for runless, reported events). An asset key
   * Dagster has neither a definition nor any event for is not_found.
   */
  async recentProductions(target: RunTarget, limit: number): Promise<ProductionEvent[]> {
    const keys = assetKeysOf(target);
    if (!Number.isInteger(limit) || limit < 1) throw new OrchestratorError('invalid_request', `limit must be a positive integer, got ${limit}`);
    const take = Math.min(limit, MAX_PRODUCTIONS);
    const perKey = await Promise.all(
      keys.map(async (path) => {
        const data = await this.gql.request<{ assetNodes: { assetKey: { path: string[] } }[]; assetOrError: DagsterTyped }>(
          D.ASSET_MATERIALIZATIONS,
          { assetKey: { path }, limit: take },
          { safe: true },
        );
        const asset = expectTypename<{ __typename: 'Asset'; assetMaterializations: GqlMaterialization[] }>('assetOrError', data.assetOrError, 'Asset');
        const materializations = asset.assetMaterializations ?? [];
        if (!data.assetNodes?.length && !materializations.length) {
          throw new OrchestratorError('not_found', `Dagster has no asset ${keyString(path)} (no definition, no materializations)`);
        }
        return materializations.map((m) => toProductionEvent(m, target, path, this.config.runIdTag));
      }),
    );
    return perKey
      .flat()
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, take);
  }

  // ------------------------------------------------------------------------------------------------------- activity

  /**
   * Runs of the configured location and repository whose state changed after `cursor`, oldest change first (see
   * dagster.activity.ts for the cursor). Two passes: every run updated since the cursor's window (light fields, all
   * pages: Dagster orders by creation, not by update), then the details, events and asset dependencies of the page's
   * runs. Only reads, all retried by the transport.
   */
  async activitySince(cursor: string | null, limit: number): Promise<ActivityPage> {
    if (!Number.isInteger(limit) || limit < 1) throw new OrchestratorError('invalid_request', `limit must be a positive integer, got ${limit}`);
    const state = decodeCursor(cursor);
    const lookback = this.activityLookbackSeconds;
    const changed = await this.runsUpdatedAfter(updatedAfterFor(state, lookback));
    const chosen = pendingChanges(state, changed, lookback).slice(0, Math.min(limit, MAX_ACTIVITY));
    const runs = await this.activityOf(chosen.map((c) => c.runId));
    const handedOut = new Map(runs.map(({ run }) => [run.runId, changeKey(run)]));
    const byId = new Map(runs.map((r) => [r.activity.runId, r.activity]));
    return {
      // in the first pass's order; a run deleted in between is left out
      runs: chosen.map((c) => byId.get(c.runId)).filter((a): a is RunActivity => a !== undefined),
      cursor: encodeCursor(advanceCursor(state, chosen, handedOut, lookback)),
    };
  }

  /** Every run of this location updated after `after` (all of them when undefined), in pages of SCAN_PAGE. */
  private async runsUpdatedAfter(after: number | undefined): Promise<GqlRunChange[]> {
    const filter = after === undefined ? {} : { updatedAfter: after };
    const all: GqlRunChange[] = [];
    for (let page: string | undefined; ; ) {
      const data = await this.gql.request<{ runsOrError: DagsterTyped }>(D.RUNS_UPDATED, { filter, cursor: page ?? null, limit: SCAN_PAGE }, { safe: true });
      const results = expectTypename<{ __typename: 'Runs'; results: GqlRunChange[] }>('runsOrError', data.runsOrError, 'Runs').results ?? [];
      all.push(...results.filter((r) => this.inThisRepository(r.repositoryOrigin)));
      if (results.length < SCAN_PAGE) return all;
      page = results[results.length - 1].runId;
    }
  }

  /** RunActivity (with the raw run, for its change key) of each run id still in Dagster. */
  private async activityOf(runIds: string[]): Promise<{ run: GqlActivityRun; activity: RunActivity }[]> {
    const loaded: { run: GqlActivityRun; events: GqlActivityEvent[] }[] = [];
    for (let i = 0; i < runIds.length; i += DETAILS_CHUNK) {
      const data = await this.gql.request<{ runsOrError: DagsterTyped }>(
        D.RUNS_ACTIVITY,
        { runIds: runIds.slice(i, i + DETAILS_CHUNK), eventsLimit: EVENTS_PAGE },
        { safe: true },
      );
      const results = expectTypename<{ __typename: 'Runs'; results: GqlActivityRun[] }>('runsOrError', data.runsOrError, 'Runs').results ?? [];
      for (const run of results) {
        const events = await this.allEvents(run);
        if (events) loaded.push({ run, events });
      }
    }
    const selections = loaded.map(({ run, events }) => this.selectionKeys(run, events));
    const definitions = await this.definitionsOf(selections.flat());
    // then the assets those definitions and the materializations reference (upstream, column lineage), once per page
    const referenced = loaded.flatMap(({ events }, i) => referencedKeys(selections[i], definitions, events));
    for (const [id, definition] of await this.definitionsOf(referenced.filter((k) => !definitions.has(JSON.stringify(k))))) definitions.set(id, definition);
    return loaded.map(({ run, events }) => ({ run, activity: toRunActivity(run, events, definitions, this.config.runIdTag) }));
  }

  /** The run's events, reading on while Dagster has more; null when the run was deleted meanwhile. */
  private async allEvents(run: GqlActivityRun): Promise<GqlActivityEvent[] | null> {
    const events = [...(run.eventConnection?.events ?? [])];
    let connection: GqlEventConnection | undefined = run.eventConnection;
    while (connection?.hasMore) {
      const data: { runOrError: DagsterTyped } = await this.gql.request<{ runOrError: DagsterTyped }>(
        D.RUN_EVENTS,
        { runId: run.runId, afterCursor: connection.cursor, limit: EVENTS_PAGE },
        { safe: true },
      );
      if (data.runOrError?.__typename === 'RunNotFoundError') return null;
      connection = expectTypename<{ __typename: 'Run'; eventConnection: GqlEventConnection }>('runOrError', data.runOrError, 'Run').eventConnection;
      events.push(...(connection?.events ?? []));
    }
    return events;
  }

  /** The keys whose dependencies the activity reports (mirrors toRunActivity's choice of selection). */
  private selectionKeys(run: GqlActivityRun, events: GqlActivityEvent[]): string[][] {
    if (run.assetSelection?.length) return run.assetSelection.map((k) => k.path);
    return events.filter((e) => (e.__typename === 'AssetMaterializationPlannedEvent' || e.__typename === 'MaterializationEvent') && e.assetKey?.path).map((e) => e.assetKey!.path);
  }

  /** JSON.stringify(key) → the current definition (upstream keys, kinds, metadata); keys Dagster no longer defines are absent. */
  private async definitionsOf(keys: string[][]): Promise<Map<string, GqlAssetDefinition>> {
    const unique = [...new Map(keys.map((k) => [JSON.stringify(k), k])).values()];
    if (!unique.length) return new Map();
    const data = await this.gql.request<{ assetNodes: GqlAssetDefinition[] }>(D.ASSET_DEPENDENCIES, { assetKeys: unique.map((path) => ({ path })) }, { safe: true });
    return new Map((data.assetNodes ?? []).map((n) => [JSON.stringify(n.assetKey.path), n]));
  }

  private inThisRepository(origin: GqlRunChange['repositoryOrigin']): boolean {
    return origin?.repositoryLocationName === this.config.repositoryLocationName && origin?.repositoryName === this.config.repositoryName;
  }

  // ------------------------------------------------------------------------------------------------------- internals

  private inLocation(node: GqlAssetNode): boolean {
    return node.repository?.name === this.config.repositoryName && node.repository?.location?.name === this.config.repositoryLocationName;
  }

  private checkRunId(runId: string): string {
    if (typeof runId !== 'string' || !runId.trim() || runId.length > MAX_RUN_ID_LENGTH || runId !== runId.trim()) {
      throw new OrchestratorError('invalid_request', `run id must be a non-empty string without surrounding spaces, at most ${MAX_RUN_ID_LENGTH} characters`);
    }
    return runId;
  }

  private runTags(request: TriggerRequest): Record<string, string> {
    const tags: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.tags ?? {})) {
      if (typeof value !== 'string') throw new OrchestratorError('invalid_request', `tag ${key} must have a string value`);
      tags[key] = value;
    }
    if (this.config.runIdTag in tags && tags[this.config.runIdTag] !== request.runId) {
      throw new OrchestratorError('invalid_request', `tag ${this.config.runIdTag} is reserved for the Gatehouse run id`);
    }
    tags[this.config.runIdTag] = request.runId;
    return tags;
  }

  /** Runs carrying the Gatehouse run id tag (normally one). */
  private async runsByTag(runId: string): Promise<GqlRun[]> {
    const data = await this.gql.request<{ runsOrError: DagsterTyped }>(
      D.RUNS_BY_TAG,
      { tags: [{ key: this.config.runIdTag, value: runId }], limit: 20 },
      { safe: true },
    );
    return expectTypename<{ __typename: 'Runs'; results: GqlRun[] }>('runsOrError', data.runsOrError, 'Runs').results ?? [];
  }

  private async runById(dagsterRunId: string): Promise<GqlRun> {
    const data = await this.gql.request<{ runOrError: DagsterTyped }>(D.RUN, { runId: dagsterRunId }, { safe: true });
    return expectTypename<GqlRun & DagsterTyped>('runOrError', data.runOrError, 'Run');
  }

  /**
   * The run for a Gatehouse run id: by tag; failing that, when the id is a UUID, as a Dagster run id (runs Gatehouse
   * did not launch, e.g. scheduled ones).
   */
  private async findRun(runId: string): Promise<GqlRun> {
    const run = originalRun(await this.runsByTag(runId));
    if (run) return run;
    if (UUID.test(runId)) return this.runById(runId);
    throw new OrchestratorError('not_found', `Dagster has no run tagged ${this.config.runIdTag}=${runId}`);
  }

  /**
   * Terminates a run, riding out the moments Dagster refuses: it only terminates QUEUED and STARTED runs, so a run
   * that is NOT_STARTED or STARTING (being handed to the launcher) is re-read and retried until it is STARTED (within
   * `terminateWaitMs`). A run that ended or is already CANCELING meanwhile is left as it is. Any other refusal
   * (MANAGED, SUSPENDED, a run launcher that cannot terminate) is a conflict with Dagster's message.
   */
  private async terminateLive(dagsterRunId: string): Promise<void> {
    const deadline = Date.now() + this.config.terminateWaitMs;
    for (;;) {
      const result = await this.terminate(dagsterRunId);
      if (result.__typename === 'TerminateRunSuccess') return;
      const now = await this.runById(dagsterRunId);
      if (isTerminalRunStatus(now.status) || now.status === 'CANCELING') return;
      const transitional = now.status === 'NOT_STARTED' || now.status === 'STARTING' || now.status === 'QUEUED' || now.status === 'STARTED';
      if (!transitional || Date.now() >= deadline) throw dagsterResultError('terminateRun', result);
      await new Promise((resolve) => setTimeout(resolve, TERMINATE_RETRY_MS));
    }
  }

  private async terminate(dagsterRunId: string): Promise<DagsterTyped> {
    const data = await this.gql.request<{ terminateRun: DagsterTyped }>(D.TERMINATE_RUN, { runId: dagsterRunId }, { safe: true });
    return expectTypename('terminateRun', data.terminateRun, 'TerminateRunSuccess', 'TerminateRunFailure');
  }

  /**
   * Best effort: stops every live run carrying the id other than the original (left by a launch race or by a launch
   * that timed out and landed after a retry had launched again).
   */
  private async terminateDuplicates(runs: GqlRun[], original: GqlRun): Promise<void> {
    for (const run of runs) {
      if (run.runId === original.runId || isTerminalRunStatus(run.status) || run.status === 'CANCELING') continue;
      await this.terminateLive(run.runId).catch(() => undefined);
    }
  }

  private detailOfExisting(run: GqlRun, runId: string, target: RunTarget, keys: string[][]): RunDetail {
    const selection = (run.assetSelection ?? []).map((k) => k.path);
    if (selection.length && !sameKeySet(selection, keys)) {
      throw new OrchestratorError(
        'conflict',
        `run id ${runId} was already used for a run of other assets (${selection.map(keyString).join(', ')})`,
        null,
      );
    }
    return toRunDetail(run, runId, target);
  }

  /** Unknown keys → not_found, keys of another location or not materializable → invalid_request, before launching. */
  private async assertAssetsLaunchable(keys: string[][]): Promise<void> {
    const selection = JSON.stringify(keys.map(keyString).sort());
    if (this.launchable.get(selection)) return;
    const data = await this.gql.request<{ assetNodes: GqlAssetNode[] }>(D.ASSET_NODES_BY_KEY, { assetKeys: keys.map((path) => ({ path })) }, { safe: true });
    const nodes = (data.assetNodes ?? []).filter((n) => !n.isAutoCreatedStub);
    const byKey = new Map(nodes.map((n) => [JSON.stringify(n.assetKey.path), n]));
    const unknown = keys.filter((k) => !byKey.has(JSON.stringify(k)));
    if (unknown.length) {
      throw new OrchestratorError('not_found', `Dagster has no asset definition for ${unknown.map(keyString).join(', ')}`);
    }
    const elsewhere = keys.filter((k) => !this.inLocation(byKey.get(JSON.stringify(k))!));
    if (elsewhere.length) {
      throw new OrchestratorError(
        'invalid_request',
        `${elsewhere.map(keyString).join(', ')} not defined in ${this.config.repositoryLocationName}/${this.config.repositoryName}`,
      );
    }
    const notMaterializable = keys.filter((k) => byKey.get(JSON.stringify(k))!.isMaterializable === false);
    if (notMaterializable.length) {
      throw new OrchestratorError('invalid_request', `${notMaterializable.map(keyString).join(', ')} cannot be materialized (external or observable asset)`);
    }
    this.launchable.set(selection, true);
  }

  private async serialized<T>(runId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.inFlight.get(runId) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(work);
    this.inFlight.set(runId, mine);
    try {
      return await mine;
    } finally {
      if (this.inFlight.get(runId) === mine) this.inFlight.delete(runId);
    }
  }
}
