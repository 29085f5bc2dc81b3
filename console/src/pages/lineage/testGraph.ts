import type { ApiLineageNode } from './model';

/** Builds API-shaped lineage nodes for the model's tests: `edges` as [origin, destination] pairs. */
export function apiGraph(edges: [string, string][], extra: Record<string, Record<string, unknown>> = {}): ApiLineageNode[] {
  const ids = [...new Set(edges.flat())];
  return ids.map((id) => {
    const [kind, namespace, ...rest] = id.split(':');
    const type = kind === 'job' ? 'JOB' : 'DATASET';
    return {
      id,
      type,
      data: { type, id: { namespace, name: rest.join(':') }, namespace, name: rest.join(':'), facets: {}, updatedAt: '2026-12-01T00:00:00Z', ...(extra[id] ?? {}) },
      inEdges: edges.filter(([, d]) => d === id).map(([origin, destination]) => ({ origin, destination })),
      outEdges: edges.filter(([o]) => o === id).map(([origin, destination]) => ({ origin, destination })),
    } as unknown as ApiLineageNode;
  });
}
