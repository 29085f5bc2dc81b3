/** A lineage run as run history shows it. */
export interface LineageRunSummary {
  runId: string;
  job: string;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
  errorMessage: string | null;
}

/** One try of a task: each is a lineage run of its own (Airflow's provider gives every try its own run id). */
export interface TaskTry {
  /** The orchestrator's try number (Airflow's `try_number`), else the try's place among the task's runs (1 first). */
  try: number;
  runId: string;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
  errorMessage: string | null;
}

/**
 * A task of a run, once: the last try's run id, state and error, timed from the first try's start to the last try's
 * end, with every try. What counts for the task (its state, productions, checks) is its last try.
 */
export interface TaskRun extends LineageRunSummary {
  tries: TaskTry[];
}

/** A child run with what tells its task and try apart, as the run facets report them. */
export interface ChildRun extends LineageRunSummary {
  /** Airflow's `taskInstance.try_number`, when the run facets carry it. */
  tryNumber: number | null;
  /** Airflow's `taskInstance.map_index` for a mapped task's instance; null otherwise. */
  mapIndex: number | null;
}

/**
 * Folds a run's child runs into its tasks: runs of one job (and map index) are tries of one task, ordered by try
 * number, then start. Tasks in the order of their first try's start, then by job.
 */
export function foldTries(children: readonly ChildRun[]): TaskRun[] {
  const byTask = new Map<string, ChildRun[]>();
  for (const child of children) {
    const key = `${child.job}\u0000${child.mapIndex ?? ''}`;
    const tries = byTask.get(key);
    if (tries) tries.push(child);
    else byTask.set(key, [child]);
  }
  const tasks = [...byTask.values()].map((runs): TaskRun => {
    const ordered = [...runs].sort((a, b) => (a.tryNumber ?? Infinity) - (b.tryNumber ?? Infinity) || compareTimes(a.startedAt, b.startedAt) || (a.runId < b.runId ? -1 : 1));
    const tries = ordered.map((r, i): TaskTry => ({ try: r.tryNumber ?? i + 1, runId: r.runId, status: r.status, startedAt: r.startedAt, endedAt: r.endedAt, errorMessage: r.errorMessage }));
    const last = ordered[ordered.length - 1];
    return { runId: last.runId, job: last.job, status: last.status, startedAt: ordered[0].startedAt ?? last.startedAt, endedAt: last.endedAt, errorMessage: last.errorMessage, tries };
  });
  return tasks.sort((a, b) => compareTimes(a.startedAt, b.startedAt) || (a.job < b.job ? -1 : a.job > b.job ? 1 : 0));
}

/** ISO times, unknown last. */
function compareTimes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Try number and map index from a run's facets (Airflow's `airflow` run facet), where it reports them. */
export function tryOf(facets: unknown): { tryNumber: number | null; mapIndex: number | null } {
  const instance = (facets as { airflow?: { taskInstance?: { try_number?: unknown; map_index?: unknown } } } | null)?.airflow?.taskInstance;
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
  const mapIndex = int(instance?.map_index);
  return { tryNumber: int(instance?.try_number), mapIndex: mapIndex !== null && mapIndex >= 0 ? mapIndex : null };
}

/**
 * SQL: whether the run whose id `runId` (a column or parameter) holds is a try that a later try of the same task
 * replaced (another run of the same job, and map index, under the same parent run, started after it). What such a try
 * produced or checked no longer counts: freshness and gates use a task's last try.
 */
export function supersededTry(runId: string): string {
  const mapIndex = (run: string) => `coalesce(${run}.facets->'airflow'->'taskInstance'->>'map_index', '-1')`;
  return `EXISTS (SELECT 1 FROM lineage_run tried JOIN lineage_run later
                    ON later.parent_run_id = tried.parent_run_id AND later.job_id = tried.job_id AND later.run_id <> tried.run_id
                   AND ${mapIndex('later')} = ${mapIndex('tried')}
                   AND coalesce(later.started_at, later.ended_at) > coalesce(tried.started_at, tried.ended_at)
                 WHERE tried.run_id = ${runId} AND tried.parent_run_id IS NOT NULL)`;
}
