/**
 * Node ids in Marquez's format, so tools written for Marquez can address Gatehouse's graph:
 * `job:<namespace>:<name>` and `dataset:<namespace>:<name>`. Namespaces contain colons
 * (`postgres://host:5432`), so an id is only ever looked up whole, never split.
 */
export type NodeType = 'JOB' | 'DATASET';

export const jobNodeId = (namespace: string, name: string): string => `job:${namespace}:${name}`;
export const datasetNodeId = (namespace: string, name: string): string => `dataset:${namespace}:${name}`;

/** Whether an id names a job (its type is the id's first part). */
export const isJobNodeId = (id: string): boolean => id.startsWith('job:');

export const NODE_ID = /^(job|dataset):.+:.+$/s;
