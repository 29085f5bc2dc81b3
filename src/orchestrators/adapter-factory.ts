import { AirflowAdapter } from '../../adapters/airflow';
import { DagsterAdapter } from '../../adapters/dagster';
import type { OrchestratorInstance } from './orchestrators-file';
import type { AdapterFactory } from './orchestrator-registry';

/** The real adapters for configured instances. */
export const realAdapters: AdapterFactory = (instance: OrchestratorInstance) => {
  if (instance.kind === 'airflow') {
    return new AirflowAdapter({
      baseUrl: instance.baseUrl,
      apiVersion: instance.apiVersion,
      username: instance.credentials.username,
      password: instance.credentials.password,
      timeoutMs: instance.timeoutMs,
      cacheTtlMs: instance.cacheTtlMs,
    });
  }
  return new DagsterAdapter({
    baseUrl: instance.baseUrl,
    repositoryLocationName: instance.repositoryLocation,
    repositoryName: instance.repositoryName,
    assetJobName: instance.assetJob,
    timeoutMs: instance.timeoutMs,
    cacheTtlMs: instance.cacheTtlMs,
    headers: instance.headers,
  });
};
