/**
 * Lineage node ids as the API writes them: `job:<namespace>:<name>` and
 * `dataset:<namespace>:<name>`. Namespaces hold colons (`postgres://host:5432`) and names rarely
 * do, so the name is what follows the last colon. For display only: ids are passed on whole.
 */
export interface NodeParts {
  kind: 'job' | 'dataset' | 'other';
  namespace: string;
  name: string;
}

export function nodeParts(id: string): NodeParts {
  const kind = id.startsWith('job:') ? 'job' : id.startsWith('dataset:') ? 'dataset' : 'other';
  const rest = kind === 'other' ? id : id.slice(kind.length + 1);
  const i = rest.lastIndexOf(':');
  return i > 0 ? { kind, namespace: rest.slice(0, i), name: rest.slice(i + 1) } : { kind, namespace: '', name: rest };
}

/** The short name of a node: a dataset's or job's name without its namespace. */
export function nodeName(id: string): string {
  return nodeParts(id).name;
}

/** The lineage explorer opened on a node. */
export function lineageHref(id: string): string {
  return `/lineage?node=${encodeURIComponent(id)}`;
}
