import type { Direction, GraphEdge } from './lineage-graph.repository';

export interface TraversalOptions {
  depth: number;
  direction: Direction;
  /** Stop adding nodes past this many; the result says it was truncated. */
  limit: number;
}

export interface Traversal {
  /** Node ids in the order they were reached (the start first). */
  nodes: string[];
  edges: GraphEdge[];
  /** For each reached node, the node it was first reached from (for paths). */
  via: Map<string, string>;
  truncated: boolean;
}

export type EdgeReader = (ids: string[], direction: 'upstream' | 'downstream') => Promise<GraphEdge[]>;

/**
 * Breadth-first walk from a set of start nodes, one query per hop and direction, so a depth-10
 * query costs ten indexed lookups whatever the size of the graph. `depth` counts edges.
 */
export async function traverse(starts: string[], options: TraversalOptions, edgesAt: EdgeReader): Promise<Traversal> {
  const directions: ('upstream' | 'downstream')[] = options.direction === 'both' ? ['upstream', 'downstream'] : [options.direction];
  const nodes = [...new Set(starts)];
  const seen = new Set(nodes);
  const via = new Map<string, string>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  for (const direction of directions) {
    let frontier = [...new Set(starts)];
    for (let hop = 0; hop < options.depth && frontier.length && !truncated; hop++) {
      const next: string[] = [];
      for (const edge of await edgesAt(frontier, direction)) {
        const [from, to] = direction === 'downstream' ? [edge.origin, edge.destination] : [edge.destination, edge.origin];
        if (!seen.has(to)) {
          if (nodes.length >= options.limit) {
            truncated = true;
            continue;
          }
          seen.add(to);
          nodes.push(to);
          via.set(to, from);
          next.push(to);
        }
        edges.set(`${edge.origin}\u0000${edge.destination}`, edge);
      }
      frontier = next;
    }
  }
  return { nodes, edges: [...edges.values()].filter((e) => seen.has(e.origin) && seen.has(e.destination)), via, truncated };
}

/** The chain of node ids from a start node to `id`, following `via`. */
export function pathTo(id: string, via: Map<string, string>): string[] {
  const path = [id];
  for (let at = via.get(id); at !== undefined; at = via.get(at)) path.unshift(at);
  return path;
}
