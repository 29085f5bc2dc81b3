import type { DatasetRef, Facets, RunEvent, RunEventType } from '../openlineage/openlineage.types';
import { jobNodeId } from '../node-id';

/** A dataset by its OpenLineage identity. */
export type DatasetName = Pick<DatasetRef, 'namespace' | 'name'>;

/** A run's lineage status in Gatehouse's run vocabulary; `other` when only OTHER events arrived. */
export type LineageRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'other';

export interface ProjectedRun {
  runId: string;
  jobId: string;
  jobNamespace: string;
  jobName: string;
  status: LineageRunStatus;
  lastEventType: RunEventType;
  startedAt: Date | null;
  endedAt: Date | null;
  nominalStartTime: Date | null;
  parentRunId: string | null;
  parentJobId: string | null;
  nativeRunId: string | null;
  errorMessage: string | null;
  facets: Facets;
  producer: string;
  eventCount: number;
  /** Every dataset any event of the run read or wrote, merged by identity; by name only (their facets live on the graph's nodes). */
  inputs: DatasetName[];
  outputs: DatasetName[];
}

const TERMINAL: Record<string, LineageRunStatus> = { COMPLETE: 'succeeded', FAIL: 'failed', ABORT: 'cancelled' };
/** Within one instant, a START sorts before RUNNING/OTHER, which sort before the end of the run. */
const RANK: Record<RunEventType, number> = { START: 0, RUNNING: 1, OTHER: 1, COMPLETE: 2, FAIL: 2, ABORT: 2 };

/**
 * Folds every event of one run into its state. It depends only on the set of events, never on
 * their arrival order: events are replayed in event-time order, a terminal event outranks START and
 * RUNNING whenever they came, and of several terminal events the latest by event time wins.
 * Same-name run facets are replaced by later ones (the spec's rule), other facets accumulate.
 */
export function projectRun(events: RunEvent[]): ProjectedRun {
  if (!events.length) throw new Error('projectRun needs at least one event');
  const ordered = [...events].sort(
    (a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime) || RANK[typeOf(a)] - RANK[typeOf(b)],
  );
  const facets: Facets = {};
  const inputs = new Map<string, DatasetName>();
  const outputs = new Map<string, DatasetName>();
  let terminal: RunEvent | undefined;
  let start: RunEvent | undefined;
  for (const event of ordered) {
    Object.assign(facets, event.run.facets ?? {});
    for (const d of event.inputs) inputs.set(`${d.namespace}\u0000${d.name}`, { namespace: d.namespace, name: d.name });
    for (const d of event.outputs) outputs.set(`${d.namespace}\u0000${d.name}`, { namespace: d.namespace, name: d.name });
    if (TERMINAL[typeOf(event)]) terminal = event;
    if (typeOf(event) === 'START' && !start) start = event;
  }
  const last = terminal ?? ordered[ordered.length - 1];
  const job = (start ?? ordered[0]).job;
  const status: LineageRunStatus = terminal
    ? TERMINAL[typeOf(terminal)]
    : ordered.some((e) => typeOf(e) === 'START' || typeOf(e) === 'RUNNING')
      ? 'running'
      : 'other';
  const parent = facets.parent as { run?: { runId?: string }; job?: { namespace?: string; name?: string } } | undefined;
  return {
    runId: ordered[0].run.runId,
    jobId: jobNodeId(job.namespace, job.name),
    jobNamespace: job.namespace,
    jobName: job.name,
    status,
    lastEventType: typeOf(last),
    startedAt: start ? new Date(start.eventTime) : null,
    endedAt: terminal ? new Date(terminal.eventTime) : null,
    nominalStartTime: dateOrNull((facets.nominalTime as { nominalStartTime?: string } | undefined)?.nominalStartTime),
    parentRunId: parent?.run?.runId?.toLowerCase() ?? null,
    parentJobId: parent?.job?.namespace && parent.job.name ? jobNodeId(parent.job.namespace, parent.job.name) : null,
    nativeRunId: nativeRunIdOf(facets),
    errorMessage: terminal && typeOf(terminal) !== 'COMPLETE' ? errorOf(facets) : null,
    facets,
    producer: last.producer,
    eventCount: events.length,
    inputs: [...inputs.values()],
    outputs: [...outputs.values()],
  };
}

function typeOf(event: RunEvent): RunEventType {
  return event.eventType ?? 'OTHER';
}

function dateOrNull(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

function errorOf(facets: Facets): string | null {
  const message = (facets.errorMessage as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : null;
}

/**
 * The orchestrator's own id for the run, where a facet carries it: Airflow's provider reports the
 * DAG run id (which is the id Gatehouse chose when it triggered the run) in `airflowDagRun` on DAG
 * events and in `airflow` on task events; Gatehouse's Dagster events carry `gatehouse_run`.
 */
function nativeRunIdOf(facets: Facets): string | null {
  const candidates = [
    (facets.airflowDagRun as { dagRun?: { run_id?: unknown } } | undefined)?.dagRun?.run_id,
    (facets.airflow as { dagRun?: { run_id?: unknown } } | undefined)?.dagRun?.run_id,
    (facets.gatehouse_dagsterRun as { gatehouseRunId?: unknown } | undefined)?.gatehouseRunId,
  ];
  const found = candidates.find((c) => typeof c === 'string' && c.length > 0);
  return (found as string | undefined) ?? null;
}
