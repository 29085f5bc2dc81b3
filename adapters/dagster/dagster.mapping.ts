import { DiscoveredAsset, ProductionEvent, RunDetail, RunStep, RunTarget } from '../core/orchestrator.port';
import { OrchestratorError } from '../core/orchestrator-error';
import { expectTypename } from './dagster.errors';
import { isTerminalRunStatus, mapRunStatus, mapStepStatus } from './dagster.status';

// ---------------------------------------------------------------------------------------------------------- shapes

export interface GqlAssetKey {
  path: string[];
}
export interface GqlTag {
  key: string;
  value: string;
}

export interface GqlAssetNode {
  assetKey: GqlAssetKey;
  description?: string | null;
  groupName?: string | null;
  isMaterializable?: boolean;
  isAutoCreatedStub?: boolean;
  owners?: ({ __typename: 'TeamAssetOwner'; team: string } | { __typename: 'UserAssetOwner'; email: string } | { __typename: string })[];
  tags?: GqlTag[];
  kinds?: string[];
  dependencyKeys?: GqlAssetKey[];
  assetChecksOrError?: { __typename: string; checks?: { name: string }[]; message?: string } | null;
  internalFreshnessPolicy?:
    | { __typename: 'TimeWindowFreshnessPolicy'; failWindowSeconds: number; warnWindowSeconds?: number | null }
    | { __typename: 'CronFreshnessPolicy'; deadlineCron: string; lowerBoundDeltaSeconds: number; timezone?: string | null }
    | { __typename: string }
    | null;
  freshnessPolicy?: { maximumLagMinutes: number; cronSchedule?: string | null; cronScheduleTimezone?: string | null } | null;
  repository?: { name: string; location: { name: string } } | null;
}

export interface GqlRun {
  runId: string;
  status: string;
  jobName?: string | null;
  creationTime?: number | null;
  startTime?: number | null;
  endTime?: number | null;
  updateTime?: number | null;
  canTerminate?: boolean;
  assetSelection?: GqlAssetKey[] | null;
  tags?: GqlTag[];
  stepStats?: { stepKey: string; status: string | null; startTime?: number | null; endTime?: number | null }[];
  executionPlan?: { steps: { key: string }[] } | null;
}

export interface GqlMaterialization {
  runId: string;
  timestamp: string;
  partition?: string | null;
  assetKey?: GqlAssetKey | null;
  runOrError?: { __typename: string; runId?: string; tags?: GqlTag[] } | null;
}

// ---------------------------------------------------------------------------------------------------------- helpers

/** Dagster run times are float epoch seconds. */
export function secondsToIso(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  return new Date(Math.round(seconds * 1000)).toISOString();
}

/** Dagster event timestamps are epoch milliseconds, as a string. */
export function millisToIso(millis: string | number | null | undefined): string | null {
  const n = typeof millis === 'string' ? Number(millis) : millis;
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  return new Date(n).toISOString();
}

export const keyString = (path: readonly string[]): string => path.join('/');

export function sameKeySet(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  const sa = new Set(a.map((k) => JSON.stringify(k)));
  const sb = new Set(b.map((k) => JSON.stringify(k)));
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}

/** The asset keys of a target; Dagster adapters only take asset targets with at least one well-formed key. */
export function assetKeysOf(target: RunTarget): string[][] {
  if (!target || target.kind !== 'assets') {
    throw new OrchestratorError('invalid_request', `Dagster targets are asset keys, not ${JSON.stringify(target?.kind ?? target)}`);
  }
  if (!Array.isArray(target.assetKeys) || target.assetKeys.length === 0) {
    // Dagster reads an empty assetSelection as "the whole job": never send one.
    throw new OrchestratorError('invalid_request', 'a Dagster target needs at least one asset key');
  }
  for (const key of target.assetKeys) {
    if (!Array.isArray(key) || key.length === 0 || key.some((part) => typeof part !== 'string' || part === '')) {
      throw new OrchestratorError('invalid_request', `invalid asset key ${JSON.stringify(key)}: a non-empty list of non-empty strings`);
    }
  }
  const unique = new Map(target.assetKeys.map((k) => [JSON.stringify(k), [...k]]));
  return [...unique.values()];
}

export const tagValue = (tags: GqlTag[] | undefined | null, key: string): string | null => tags?.find((t) => t.key === key)?.value ?? null;

// ---------------------------------------------------------------------------------------------------------- discovery

const KIND_TAG_PREFIX = 'dagster/kind/';

/** `team:` owners keep their prefix (as declared in Python); user owners are their e-mail. */
export function ownerString(owner: NonNullable<GqlAssetNode['owners']>[number]): string | null {
  if ('team' in owner && typeof owner.team === 'string') return `team:${owner.team}`;
  if ('email' in owner && typeof owner.email === 'string') return owner.email;
  return null;
}

export function freshnessOf(node: GqlAssetNode): DiscoveredAsset['freshness'] {
  const policy = node.internalFreshnessPolicy;
  if (policy && policy.__typename === 'TimeWindowFreshnessPolicy' && 'failWindowSeconds' in policy) {
    // time_window(fail_window=…): the asset is stale once its last materialization is older than fail_window.
    return { maximumLagMinutes: policy.failWindowSeconds / 60, cron: null };
  }
  if (policy && policy.__typename === 'CronFreshnessPolicy' && 'deadlineCron' in policy) {
    // cron(deadline_cron, lower_bound_delta): materialized within lower_bound_delta before each deadline.
    return { maximumLagMinutes: policy.lowerBoundDeltaSeconds / 60, cron: policy.deadlineCron };
  }
  if (node.freshnessPolicy) {
    // legacy FreshnessPolicy(maximum_lag_minutes, cron_schedule), deprecated since 1.11
    return { maximumLagMinutes: node.freshnessPolicy.maximumLagMinutes, cron: node.freshnessPolicy.cronSchedule ?? null };
  }
  return null;
}

export function toDiscoveredAsset(node: GqlAssetNode): DiscoveredAsset {
  const checks = node.assetChecksOrError
    ? expectTypename<{ __typename: 'AssetChecks'; checks: { name: string }[] }>('assetChecksOrError', node.assetChecksOrError, 'AssetChecks').checks
    : [];
  const tags: Record<string, string> = {};
  // kinds are stored as `dagster/kind/<kind>` tags; they are reported once, in `kinds`
  for (const t of node.tags ?? []) if (!t.key.startsWith(KIND_TAG_PREFIX)) tags[t.key] = t.value;
  return {
    type: 'asset',
    assetKey: [...node.assetKey.path],
    group: node.groupName ?? null,
    owners: (node.owners ?? []).map(ownerString).filter((o): o is string => o !== null),
    tags,
    kinds: [...(node.kinds ?? [])],
    dependencies: (node.dependencyKeys ?? []).map((k) => [...k.path]),
    checks: checks.map((c) => c.name),
    description: node.description ?? null,
    freshness: freshnessOf(node),
  };
}

// ---------------------------------------------------------------------------------------------------------- runs

/** The steps of a run: those with stats (in start order), then planned steps that have none yet. */
export function runSteps(run: GqlRun): RunStep[] {
  const steps: RunStep[] = [];
  const seen = new Set<string>();
  const stats = [...(run.stepStats ?? [])].sort((a, b) => (a.startTime ?? Infinity) - (b.startTime ?? Infinity));
  for (const s of stats) {
    seen.add(s.stepKey);
    steps.push({ name: s.stepKey, status: mapStepStatus(s.status, run.status), startedAt: secondsToIso(s.startTime), endedAt: secondsToIso(s.endTime) });
  }
  for (const planned of run.executionPlan?.steps ?? []) {
    if (seen.has(planned.key)) continue;
    seen.add(planned.key);
    steps.push({ name: planned.key, status: mapStepStatus(null, run.status), startedAt: null, endedAt: null });
  }
  return steps;
}

/**
 * RunDetail for a Dagster run. `runId` is the caller's (Gatehouse's) id; `target` is the caller's when the run's asset
 * selection is the same set of keys, else what the run really selected.
 */
export function toRunDetail(run: GqlRun, runId: string, target: RunTarget): RunDetail {
  const selection = (run.assetSelection ?? []).map((k) => [...k.path]);
  const sameTarget = target.kind === 'assets' && (selection.length === 0 || sameKeySet(selection, target.assetKeys));
  return {
    runId,
    target: sameTarget ? target : { kind: 'assets', assetKeys: selection },
    status: mapRunStatus(run.status),
    nativeStatus: run.status,
    startedAt: secondsToIso(run.startTime),
    endedAt: isTerminalRunStatus(run.status) ? secondsToIso(run.endTime) : null,
    steps: runSteps(run),
  };
}

/** Of several runs carrying one Gatehouse id (a lost launch race), the first created is the one that counts. */
export function originalRun<T extends GqlRun>(runs: readonly T[]): T | undefined {
  return [...runs].sort((a, b) => (a.creationTime ?? Infinity) - (b.creationTime ?? Infinity) || a.runId.localeCompare(b.runId))[0];
}

// ---------------------------------------------------------------------------------------------------------- productions

export function toProductionEvent(m: GqlMaterialization, target: RunTarget, fallbackKey: string[], runIdTag: string): ProductionEvent {
  const gatehouseId = m.runOrError?.__typename === 'Run' ? tagValue(m.runOrError.tags, runIdTag) : null;
  const at = millisToIso(m.timestamp);
  if (!at) throw new OrchestratorError('orchestrator_error', `Dagster materialization of ${keyString(fallbackKey)} has no valid timestamp`, String(m.timestamp));
  return {
    target,
    // the Gatehouse run id when Gatehouse launched the run, else Dagster's own ("" means a runless, reported event)
    runId: gatehouseId ?? (m.runId ? m.runId : null),
    at,
    assetKey: m.assetKey?.path ? [...m.assetKey.path] : [...fallbackKey],
  };
}
