import type { components } from '../../api/schema';
import { nodeName } from '../../lib/nodeId';

export type Run = components['schemas']['Run'];
export type RunDetail = components['schemas']['RunDetail'];
type LineageTask = components['schemas']['LineageTask'];

/**
 * The run detail's model: one row per task (each task once, with its final state and its tries),
 * from lineage when the orchestrator reported it, else from the steps Gatehouse read from the
 * orchestrator; durations, and where each task sits on the run's time line.
 */

export interface TaskTry {
  try: number;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
  errorMessage: string | null;
}

export interface TaskRow {
  key: string;
  /** The task's name (the DAG's name taken off an Airflow task's job name). */
  name: string;
  /** The lineage job, when lineage reported the task (links to the lineage explorer). */
  job: string | null;
  /** The final state: the last try's. */
  status: string;
  startedAt: string | null;
  endedAt: string | null;
  errorMessage: string | null;
  /** Every try, first to last (empty when the orchestrator's steps are all we know). */
  tries: TaskTry[];
}

/** `orders_daily.load` of DAG job `orders_daily` → `load`. */
export function taskName(taskJob: string, runJob: string | null): string {
  const name = nodeName(taskJob);
  const parent = runJob ? nodeName(runJob) : null;
  return parent && name.startsWith(`${parent}.`) ? name.slice(parent.length + 1) : name;
}

function fromLineage(task: LineageTask, runJob: string): TaskRow {
  return {
    key: task.job,
    name: taskName(task.job, runJob),
    job: task.job,
    status: task.status,
    startedAt: task.startedAt,
    endedAt: task.endedAt,
    errorMessage: task.errorMessage,
    tries: task.tries.map((t) => ({ try: t.try, status: t.status, startedAt: t.startedAt, endedAt: t.endedAt, errorMessage: t.errorMessage })),
  };
}

/** The task rows of a run, in the order they started (not started last, then by name). */
export function taskRows(run: RunDetail): TaskRow[] {
  const rows: TaskRow[] = run.lineage
    ? run.lineage.tasks.map((t) => fromLineage(t, run.lineage!.job))
    : run.steps.map((s) => ({ key: s.name, name: s.name, job: null, status: s.status, startedAt: s.startedAt, endedAt: s.endedAt, errorMessage: null, tries: [] }));
  const at = (r: TaskRow) => (r.startedAt ? Date.parse(r.startedAt) : Number.POSITIVE_INFINITY);
  return rows.sort((a, b) => at(a) - at(b) || a.name.localeCompare(b.name));
}

/** Milliseconds from start to end (to `now` while still running); null when it never started. */
export function durationMs(startedAt: string | null, endedAt: string | null, now: number = Date.now()): number | null {
  if (!startedAt) return null;
  const end = endedAt ? Date.parse(endedAt) : now;
  return Math.max(0, end - Date.parse(startedAt));
}

/** 860 → "0.9 s", 65_000 → "1 min 5 s", 3_780_000 → "1 h 3 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

export interface Span {
  /** Where it starts on the run's time line, 0…1. */
  offset: number;
  /** How long it is, 0…1 (at least a sliver, so an instant task still shows). */
  width: number;
}

/** The window all tasks fall in: the run's start (or its earliest task) to its end (or the latest task, or now). */
export function runWindow(run: Pick<Run, 'startedAt' | 'endedAt'>, rows: readonly TaskRow[], now: number = Date.now()): { start: number; end: number } | null {
  const starts = [run.startedAt, ...rows.map((r) => r.startedAt), ...rows.flatMap((r) => r.tries.map((t) => t.startedAt))].filter((x): x is string => Boolean(x)).map(Date.parse);
  if (!starts.length) return null;
  const ends = [run.endedAt, ...rows.map((r) => r.endedAt)].filter((x): x is string => Boolean(x)).map(Date.parse);
  const running = !run.endedAt || rows.some((r) => r.startedAt && !r.endedAt);
  const start = Math.min(...starts);
  const end = Math.max(start, ...ends, ...(running ? [now] : []));
  return { start, end };
}

/** The span of [startedAt, endedAt] in the window; null when it never started. */
export function spanOf(window: { start: number; end: number }, startedAt: string | null, endedAt: string | null, now: number = Date.now()): Span | null {
  if (!startedAt) return null;
  const total = window.end - window.start;
  const from = Date.parse(startedAt);
  const to = endedAt ? Date.parse(endedAt) : Math.min(now, window.end);
  if (total <= 0) return { offset: 0, width: 1 };
  const offset = Math.min(1, Math.max(0, (from - window.start) / total));
  const width = Math.max(0.005, Math.min(1 - offset, (to - from) / total));
  return { offset, width };
}

/** "Open in Airflow" / "Open in Dagster": a DAG run is Airflow's, an asset run Dagster's. */
export function externalLinkLabel(target: Run['target']): string {
  return target.kind === 'dag' ? 'Open in Airflow' : 'Open in Dagster';
}

/** What ran: `DAG orders_daily` or `assets sales/orders_daily, …`. */
export function targetLabel(target: Run['target']): string {
  return target.kind === 'dag' ? `DAG ${target.dagId}` : `assets ${target.assetKeys.map((k) => k.join('/')).join(', ')}`;
}
