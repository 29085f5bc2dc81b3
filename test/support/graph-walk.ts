import type { GraphEdge, HopLimits } from '../../src/lineage/graph/lineage-graph.repository';

/**
 * The walk `LineageGraphRepository.walk` does in SQL, done over edges in memory, hop by hop: the
 * reference its statement is checked against, and the reader unit tests of traversals use.
 */
export function walkInMemory(edges: GraphEdge[]) {
  return async (starts: string[], direction: 'upstream' | 'downstream', walk: HopLimits): Promise<GraphEdge[][]> => {
    const seen = new Set([...starts, ...walk.seen]);
    const hops: GraphEdge[][] = [];
    let frontier = new Set(starts);
    while (hops.length < walk.depth && frontier.size && seen.size <= walk.limit) {
      const met = edges.filter((e) => frontier.has(direction === 'downstream' ? e.origin : e.destination));
      const reached = met.map((e) => (direction === 'downstream' ? e.destination : e.origin)).filter((id) => !seen.has(id));
      frontier = new Set(reached);
      for (const id of frontier) seen.add(id);
      if (met.length) hops.push(met);
    }
    return hops;
  };
}
