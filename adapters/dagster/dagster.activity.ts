import { AssetDefinition, RunActivity } from '../core/orchestrator.port';
import { OrchestratorError } from '../core/orchestrator-error';
import { GqlAssetKey, GqlTag, millisToIso, secondsToIso, tagValue } from './dagster.mapping';
import { GqlMetadataEntry, toMetadata } from './dagster.metadata';
import { isTerminalRunStatus, mapRunStatus } from './dagster.status';

/*
 * The activity feed's cursor and change ordering, and the mapping of a run with its events onto RunActivity.
 *
 * Why not simply "updateTime > cursor": Dagster stamps a run's update_timestamp with the time of the *event* (written by
 * the run worker, the daemon, the webserver), and the row is committed a moment later. A run stamped 12.300 may become
 * visible after a run stamped 12.400 was read, so a bare time watermark would skip it. And adding tags to a finished
 * run (the auto-retry daemon does) moves its updateTime without changing its state, so keying on updateTime alone would
 * deliver a final state twice. Hence:
 *
 * - a run's change key is its endTime once it is final (stable for ever), else its updateTime;
 * - the cursor holds a watermark W (the key of the last change handed out) and, for every run handed out with a key
 *   inside the lookback window (W - lookback, W], the key it was handed out with;
 * - the next call asks Dagster for runs updated after W - lookback, and hands out each run whose key is in the window
 *   and not already in the cursor with that same key, oldest key first (run id breaks ties, so runs stamped in the same
 *   second or microsecond are neither skipped nor repeated).
 *
 * A change committed up to `lookback` after its stamp is still found; a final state is handed out once (its key never
 * changes, and it is either remembered in the window or below it).
 */

/** A run as the light first pass reads it (RUNS_UPDATED). */
export interface GqlRunChange {
  runId: string;
  status: string;
  updateTime: number;
  endTime?: number | null;
  repositoryOrigin?: { repositoryLocationName: string; repositoryName: string } | null;
}

export interface ActivityCursor {
  /** Key (float seconds) of the last change handed out; null = nothing handed out yet. */
  watermark: number | null;
  /** run id → the key it was last handed out with, for keys inside the lookback window. */
  seen: Map<string, number>;
}

const CURSOR_PREFIX = 'dgA1.';

/** The key a run's current state is ordered and remembered by. */
export function changeKey(run: Pick<GqlRunChange, 'status' | 'updateTime' | 'endTime'>): number {
  if (isTerminalRunStatus(run.status) && typeof run.endTime === 'number' && Number.isFinite(run.endTime)) return run.endTime;
  return run.updateTime;
}

export function encodeCursor(cursor: ActivityCursor): string {
  // sorted, so the same state always encodes to the same string
  const seen = [...cursor.seen.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return CURSOR_PREFIX + Buffer.from(JSON.stringify({ w: cursor.watermark, s: seen }), 'utf8').toString('base64url');
}

export function decodeCursor(text: string | null): ActivityCursor {
  if (text === null) return { watermark: null, seen: new Map() };
  const bad = () => new OrchestratorError('invalid_request', 'the activity cursor is not one this Dagster adapter returned');
  if (typeof text !== 'string' || !text.startsWith(CURSOR_PREFIX)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const { w, s } = (parsed ?? {}) as { w?: unknown; s?: unknown };
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!(w === null || finite(w)) || !Array.isArray(s)) throw bad();
  const seen = new Map<string, number>();
  for (const entry of s) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !finite(entry[1])) throw bad();
    seen.set(entry[0], entry[1]);
  }
  return { watermark: w, seen };
}

/** The `updatedAfter` to ask Dagster for (undefined = every run). */
export function updatedAfterFor(cursor: ActivityCursor, lookbackSeconds: number): number | undefined {
  return cursor.watermark === null ? undefined : cursor.watermark - lookbackSeconds;
}

/**
 * The changes to hand out next: runs whose key is inside the window and not handed out with that key yet, oldest key
 * first (the caller takes a page of them).
 */
export function pendingChanges(cursor: ActivityCursor, runs: readonly GqlRunChange[], lookbackSeconds: number): GqlRunChange[] {
  const floor = cursor.watermark === null ? -Infinity : cursor.watermark - lookbackSeconds;
  const unique = new Map<string, GqlRunChange>();
  for (const run of runs) unique.set(run.runId, run);
  return [...unique.values()]
    .filter((run) => changeKey(run) > floor && cursor.seen.get(run.runId) !== changeKey(run))
    .sort((a, b) => changeKey(a) - changeKey(b) || a.runId.localeCompare(b.runId));
}

/**
 * The cursor after handing out `chosen` (a prefix of pendingChanges, in order). `handedOut` maps each run id to the
 * key of the state really returned: the details are read after the first pass and may be newer. The watermark moves to
 * the first pass's key of the last chosen change, never further: changes not chosen (the page was full) must stay
 * above it.
 */
export function advanceCursor(cursor: ActivityCursor, chosen: readonly GqlRunChange[], handedOut: ReadonlyMap<string, number>, lookbackSeconds: number): ActivityCursor {
  let watermark = cursor.watermark;
  if (chosen.length) {
    const last = changeKey(chosen[chosen.length - 1]);
    watermark = watermark === null ? last : Math.max(watermark, last);
  }
  const seen = new Map(cursor.seen);
  for (const [runId, key] of handedOut) seen.set(runId, key);
  if (watermark !== null) {
    const floor = watermark - lookbackSeconds;
    for (const [runId, key] of seen) if (!(key > floor)) seen.delete(runId);
  }
  return { watermark, seen };
}

// ------------------------------------------------------------------------------------------------ run → RunActivity

export interface GqlPythonError {
  message?: string | null;
  className?: string | null;
  cause?: GqlPythonError | null;
}

/** The members of ACTIVITY_EVENTS the adapter reads (every other event is a bare `__typename`). */
export interface GqlActivityEvent {
  __typename: string;
  timestamp?: string;
  stepKey?: string | null;
  message?: string | null;
  assetKey?: GqlAssetKey | null;
  metadataEntries?: GqlMetadataEntry[] | null;
  evaluation?: { checkName: string; success: boolean; timestamp?: number | null; assetKey: GqlAssetKey } | null;
  error?: GqlPythonError | null;
}

export interface GqlEventConnection {
  cursor: string;
  hasMore: boolean;
  events: GqlActivityEvent[];
}

export interface GqlActivityRun {
  runId: string;
  status: string;
  jobName?: string | null;
  startTime?: number | null;
  endTime?: number | null;
  updateTime: number;
  assetSelection?: GqlAssetKey[] | null;
  tags?: GqlTag[];
  repositoryOrigin?: { repositoryLocationName: string; repositoryName: string } | null;
  eventConnection: GqlEventConnection;
}

const MAX_ERROR_LENGTH = 4000;

function uniqueKeys(keys: readonly string[][]): string[][] {
  const byString = new Map(keys.map((k) => [JSON.stringify(k), [...k]]));
  return [...byString.values()];
}

/** The innermost cause's message: Dagster wraps user errors in DagsterExecutionStepExecutionError. */
function rootMessage(error: GqlPythonError | null | undefined): string | null {
  let message: string | null = null;
  for (let e = error; e; e = e.cause) if (e.message?.trim()) message = e.message.trim();
  return message;
}

/**
 * The failure in words: the run's own failure message, then each failed step with its root error (e.g.
 * `sales__broken_asset: RuntimeError: …`). Null when Dagster recorded neither.
 */
export function failureMessage(events: readonly GqlActivityEvent[]): string | null {
  const lines: string[] = [];
  for (const e of events) if (e.__typename === 'RunFailureEvent' && e.message?.trim()) lines.push(e.message.trim());
  for (const e of events) {
    if (e.__typename !== 'ExecutionStepFailureEvent') continue;
    const why = rootMessage(e.error) ?? e.message?.trim();
    if (why) lines.push(e.stepKey ? `${e.stepKey}: ${why}` : why);
  }
  return lines.length ? lines.join('\n').slice(0, MAX_ERROR_LENGTH) : null;
}

/** An asset's current definition as the activity reads it: what it depends on, its kinds and its metadata. */
export interface GqlAssetDefinition {
  assetKey: GqlAssetKey;
  dependencyKeys?: GqlAssetKey[] | null;
  kinds?: string[] | null;
  metadataEntries?: GqlMetadataEntry[] | null;
}

/**
 * The asset keys an activity names besides its selection, whose definitions it reports too: the selection's upstream
 * assets and the assets its column lineage (in definitions or materializations) reads from. `definitions` needs the
 * selection's only.
 */
export function referencedKeys(selection: readonly string[][], definitions: ReadonlyMap<string, GqlAssetDefinition>, events: readonly GqlActivityEvent[]): string[][] {
  const selected = selection.map((k) => definitions.get(JSON.stringify(k))).filter((d): d is GqlAssetDefinition => d !== undefined);
  const entries = [...selected.flatMap((d) => d.metadataEntries ?? []), ...events.flatMap((e) => e.metadataEntries ?? [])];
  const keys = [
    ...selected.flatMap((d) => (d.dependencyKeys ?? []).map((k) => k.path)),
    ...entries.flatMap((entry) => (entry.lineage ?? []).flatMap((column) => (column.columnDeps ?? []).map((dep) => dep.assetKey.path))),
  ];
  return uniqueKeys(keys);
}

/**
 * RunActivity for a run and all its events. `definitions` maps JSON.stringify(asset key) → the asset's current
 * definition (`['a/b']` and `['a','b']` are different keys), for the run's selection and the keys referencedKeys
 * names; `runIdTag` is the tag carrying Gatehouse's run id.
 */
export function toRunActivity(run: GqlActivityRun, events: readonly GqlActivityEvent[], definitions: ReadonlyMap<string, GqlAssetDefinition>, runIdTag: string): RunActivity {
  const materializations = events
    .filter((e) => e.__typename === 'MaterializationEvent' && e.assetKey?.path)
    .map((e) => ({ assetKey: [...e.assetKey!.path], at: millisToIso(e.timestamp) ?? secondsToIso(run.updateTime)!, metadata: toMetadata(e.metadataEntries) }));
  const checks = events
    .filter((e) => e.__typename === 'AssetCheckEvaluationEvent' && e.evaluation)
    .map((e) => ({
      assetKey: [...e.evaluation!.assetKey.path],
      name: e.evaluation!.checkName,
      passed: e.evaluation!.success === true,
      at: secondsToIso(e.evaluation!.timestamp) ?? millisToIso(e.timestamp) ?? secondsToIso(run.updateTime)!,
    }));
  // What the run selected: its asset selection; a whole-job run has none, so what it planned, else what it produced.
  const planned = events.filter((e) => e.__typename === 'AssetMaterializationPlannedEvent' && e.assetKey?.path).map((e) => e.assetKey!.path);
  const selection = uniqueKeys(
    run.assetSelection?.length ? run.assetSelection.map((k) => k.path) : planned.length ? planned : materializations.map((m) => m.assetKey),
  );
  const terminal = isTerminalRunStatus(run.status);
  const status = mapRunStatus(run.status);
  // Dagster answers startTime = endTime for a run that ended without starting (cancelled while queued): its event log
  // then has no RunStartEvent, and the activity says it never started.
  const neverStarted = terminal && run.startTime === run.endTime && !events.some((e) => e.__typename === 'RunStartEvent');
  return {
    runId: run.runId,
    gatehouseRunId: tagValue(run.tags, runIdTag),
    target: { kind: 'assets', assetKeys: selection },
    jobName: run.jobName ?? null,
    status,
    nativeStatus: run.status,
    startedAt: neverStarted ? null : secondsToIso(run.startTime),
    endedAt: terminal ? (secondsToIso(run.endTime) ?? secondsToIso(run.updateTime)) : null,
    updatedAt: secondsToIso(run.updateTime)!,
    tags: Object.fromEntries((run.tags ?? []).map((t) => [t.key, t.value])),
    materializations,
    checks,
    dependencies: selection.map((assetKey) => ({ assetKey, upstream: (definitions.get(JSON.stringify(assetKey))?.dependencyKeys ?? []).map((k) => [...k.path]) })),
    definitions: definitionsNamed(selection, definitions, events),
    error: status === 'failed' ? failureMessage(events) : null,
  };
}

/** The definitions of the selection and of the keys it references, in that order, each once. */
function definitionsNamed(selection: readonly string[][], definitions: ReadonlyMap<string, GqlAssetDefinition>, events: readonly GqlActivityEvent[]): AssetDefinition[] {
  return uniqueKeys([...selection, ...referencedKeys(selection, definitions, events)]).flatMap((key) => {
    const d = definitions.get(JSON.stringify(key));
    return d ? [{ assetKey: key, kinds: [...(d.kinds ?? [])], metadata: toMetadata(d.metadataEntries) }] : [];
  });
}
