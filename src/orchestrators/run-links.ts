import type { OrchestratorInstance } from './orchestrators-file';
import type { RunView } from './run.types';

/**
 * The run's page in its orchestrator's own UI, or null while its id there is unknown. Airflow knows a run by its DAG
 * and dag_run_id: Gatehouse's run id for runs it triggered, the id the OpenLineage facets name for runs lineage reported.
 * Dagster cannot take a caller's run id, so its own id is known once lineage (the poller, which uses Dagster's run id
 * as the OpenLineage run id) has reported the run.
 */
export function externalRunUrl(
  instance: Pick<OrchestratorInstance, 'kind' | 'baseUrl' | 'uiUrl'> & { apiVersion?: 'v1' | 'v2' },
  run: Pick<RunView, 'id' | 'source' | 'target' | 'lineageRunId'>,
  airflowRunId: string | null,
): string | null {
  const ui = (instance.uiUrl ?? instance.baseUrl).replace(/\/+$/, '');
  const segment = encodeURIComponent;
  if (instance.kind === 'dagster') return run.lineageRunId ? `${ui}/runs/${segment(run.lineageRunId)}` : null;
  const dagRunId = run.source === 'gatehouse' ? run.id : airflowRunId;
  if (run.target.kind !== 'dag' || !dagRunId) return null;
  // Airflow 3's UI has a page per run; Airflow 2's shows a run in the DAG's grid.
  return instance.apiVersion === 'v1'
    ? `${ui}/dags/${segment(run.target.dagId)}/grid?dag_run_id=${segment(dagRunId)}`
    : `${ui}/dags/${segment(run.target.dagId)}/runs/${segment(dagRunId)}`;
}
