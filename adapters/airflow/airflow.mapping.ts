import { DiscoveredDag, ProductionEvent, RunDetail, RunStep, RunTarget } from '../core/orchestrator.port';
import { AirflowApi } from './airflow.api';
import { AirflowDag, AirflowRun, AirflowTaskInstance } from './airflow.responses';
import { mapRunState, mapTaskState } from './airflow.status';

export function toDiscoveredDag(dag: AirflowDag, api: AirflowApi): DiscoveredDag {
  return {
    type: 'dag',
    dagId: dag.dag_id,
    owners: dag.owners,
    tags: dag.tags.map((t) => t.name).sort(),
    schedule: api.schedule(dag.raw),
    paused: dag.is_paused,
    description: dag.description,
  };
}

/** Mapped task instances become `task[0]`, `task[1]`…; steps in the order they started, those not started by name. */
export function toSteps(tis: AirflowTaskInstance[]): RunStep[] {
  return tis
    .map((ti) => ({
      name: ti.map_index >= 0 ? `${ti.task_id}[${ti.map_index}]` : ti.task_id,
      status: mapTaskState(ti.state),
      startedAt: ti.start_date,
      endedAt: ti.end_date,
    }))
    .sort((a, b) => {
      if (a.startedAt && b.startedAt) return a.startedAt.localeCompare(b.startedAt) || a.name.localeCompare(b.name);
      if (a.startedAt || b.startedAt) return a.startedAt ? -1 : 1;
      return a.name.localeCompare(b.name);
    });
}

export function toRunDetail(run: AirflowRun, tis: AirflowTaskInstance[], target: RunTarget): RunDetail {
  return {
    runId: run.dag_run_id,
    target,
    status: mapRunState(run.state, run.note),
    nativeStatus: run.state,
    startedAt: run.start_date,
    endedAt: run.end_date,
    steps: toSteps(tis),
  };
}

/** A successful DAG run is one production of the DAG; it happened when the run ended. */
export function toProductionEvent(run: AirflowRun, target: RunTarget): ProductionEvent | null {
  const at = run.end_date ?? run.start_date;
  return at ? { target, runId: run.dag_run_id, at } : null;
}
