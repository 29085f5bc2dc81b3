import type { Direction, GraphEdge, HopLimits } from './lineage-graph.repository';

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

/**
 * Reads a whole walk in one direction: the edges met at each hop, hop 1 first, where hop 1 reads
 * the edges at `starts` and each later hop those at the nodes first reached by the hop before
 * (nodes in `walk.seen` count as reached). It may stop once more than `walk.limit` nodes are known.
 */
export type HopReader = (starts: string[], direction: 'upstream' | 'downstream', walk: HopLimits) => Promise<GraphEdge[][]>;

/**
 * Breadth-first walk from a set of start nodes. `depth` counts edges. The hops of each direction
 * come from one read (one statement in the database); the nodes are added here, in the order
 * their edges came, up to the limit.
 */
export async function traverse(starts: string[], options: TraversalOptions, readHops: HopReader): Promise<Traversal> {
  const directions: ('upstream' | 'downstream')[] = options.direction === 'both' ? ['upstream', 'downstream'] : [options.direction];
  const unique = [...new Set(starts)];
  const nodes = [...unique];
  const seen = new Set(nodes);
  const via = new Map<string, string>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  for (const direction of directions) {
    if (truncated) break;
    const hops = await readHops(unique, direction, { depth: options.depth, limit: options.limit, seen: [...nodes] });
    for (const hop of hops) {
      for (const edge of hop) {
        const [from, to] = direction === 'downstream' ? [edge.origin, edge.destination] : [edge.destination, edge.origin];
        if (!seen.has(to)) {
          if (nodes.length >= options.limit) {
            truncated = true;
            continue;
          }
          seen.add(to);
          nodes.push(to);
          via.set(to, from);
        }
        edges.set(`${edge.origin}\u0000${edge.destination}`, edge);
      }
      if (truncated) break;
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
