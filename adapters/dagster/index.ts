export { DagsterAdapter } from './dagster.adapter';
export type { DagsterAdapterOptions } from './dagster.adapter';
export { DAGSTER_DEFAULTS, resolveDagsterConfig } from './dagster.config';
export type { DagsterAdapterConfig, ResolvedDagsterConfig } from './dagster.config';
export { mapRunStatus, mapStepStatus, isTerminalRunStatus } from './dagster.status';
export { DAGSTER_ERROR_RULES, dagsterResultError } from './dagster.errors';
