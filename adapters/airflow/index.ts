export { AirflowAdapter } from './airflow.adapter';
export type { AirflowAdapterOptions } from './airflow.adapter';
export { AIRFLOW_DEFAULTS, resolveAirflowConfig } from './airflow.config';
export type { AirflowAdapterConfig, ResolvedAirflowConfig } from './airflow.config';
export { airflowApi } from './airflow.api';
export type { AirflowApi, AirflowApiVersion } from './airflow.api';
export { CANCEL_NOTE, mapRunState, mapTaskState, isFinalRunState } from './airflow.status';
