import { adjacency, edgeKey, type GraphEdge } from './model';

export interface Reach {
  upstream: Set<string>;
  downstream: Set<string>;
  /** Keys (edgeKey) of the edges on those paths. */
  edges: Set<string>;
}

/** Everything upstream and downstream of a node, following the drawn edges, with the edges walked. */
export function reachOf(edges: readonly GraphEdge[], id: string): Reach {
  const { up, down } = adjacency(edges);
  const reach: Reach = { upstream: new Set(), downstream: new Set(), edges: new Set() };
  const walk = (next: Map<string, string[]>, found: Set<string>, forward: boolean) => {
    const queue = [id];
    while (queue.length) {
      const at = queue.pop()!;
      for (const n of next.get(at) ?? []) {
        reach.edges.add(forward ? edgeKey(at, n) : edgeKey(n, at));
        if (found.has(n) || n === id) continue;
        found.add(n);
        queue.push(n);
      }
    }
  };
  walk(up, reach.upstream, false);
  walk(down, reach.downstream, true);
  return reach;
}

export interface Path {
  /** From the upstream end to the downstream end. */
  nodes: string[];
  edges: string[];
  /** 'downstream' when `to` is downstream of `from`, 'upstream' when it is upstream. */
  direction: 'downstream' | 'upstream';
}

/** A shortest directed path between two nodes (either way round), or null when lineage does not connect them. */
export function pathBetween(edges: readonly GraphEdge[], from: string, to: string): Path | null {
  const { down } = adjacency(edges);
  const search = (a: string, b: string): string[] | null => {
    if (a === b) return [a];
    const via = new Map<string, string>([[a, a]]);
    const queue = [a];
    for (let i = 0; i < queue.length; i++) {
      for (const n of down.get(queue[i]!) ?? []) {
        if (via.has(n)) continue;
        via.set(n, queue[i]!);
        if (n === b) {
          const path = [b];
          while (path[0] !== a) path.unshift(via.get(path[0]!)!);
          return path;
        }
        queue.push(n);
      }
    }
    return null;
  };
  const forward = search(from, to);
  const nodes = forward ?? search(to, from);
  if (!nodes) return null;
  return { nodes, edges: nodes.slice(1).map((n, i) => edgeKey(nodes[i]!, n)), direction: forward ? 'downstream' : 'upstream' };
}
