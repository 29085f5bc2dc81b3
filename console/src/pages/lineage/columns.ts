import type { GraphNode } from './model';

/** A column of a dataset: `<dataset id>#<field>`. */
export const columnKey = (node: string, field: string) => `${node}#${field}`;

export interface ColumnEdge {
  from: { node: string; field: string };
  to: { node: string; field: string };
}

/** Every column-to-column edge the loaded datasets' columnLineage facets declare. */
export function columnEdges(nodes: Iterable<GraphNode>): ColumnEdge[] {
  const out: ColumnEdge[] = [];
  for (const n of nodes) {
    for (const d of n.columnLineage) for (const input of d.inputs) out.push({ from: input, to: { node: n.id, field: d.field } });
  }
  return out;
}

/** The columns of a dataset to list: its schema, then any column only lineage names (in order met). */
export function columnsOf(node: GraphNode, edges: readonly ColumnEdge[]): string[] {
  const names = node.fields.map((f) => f.name);
  const seen = new Set(names);
  for (const e of edges) {
    for (const end of [e.to, e.from]) {
      if (end.node === node.id && !seen.has(end.field)) {
        seen.add(end.field);
        names.push(end.field);
      }
    }
  }
  return names;
}

export interface ColumnReach {
  /** Column keys feeding the column (transitively). */
  upstream: Set<string>;
  /** Column keys it feeds (transitively). */
  downstream: Set<string>;
  /** Indexes into the edge list walked. */
  edges: Set<number>;
}

/** Which columns feed a column and which it feeds, across the loaded graph. */
export function columnReach(edges: readonly ColumnEdge[], node: string, field: string): ColumnReach {
  const reach: ColumnReach = { upstream: new Set(), downstream: new Set(), edges: new Set() };
  const start = columnKey(node, field);
  const walk = (forward: boolean, found: Set<string>) => {
    const queue = [start];
    while (queue.length) {
      const at = queue.pop()!;
      edges.forEach((e, i) => {
        const [near, far] = forward ? [e.from, e.to] : [e.to, e.from];
        if (columnKey(near.node, near.field) !== at) return;
        reach.edges.add(i);
        const key = columnKey(far.node, far.field);
        if (found.has(key) || key === start) return;
        found.add(key);
        queue.push(key);
      });
    }
  };
  walk(false, reach.upstream);
  walk(true, reach.downstream);
  return reach;
}
