import { columnEdges, columnKey, columnReach, columnsOf, type ColumnEdge } from './columns';
import { pathBetween, reachOf, type Path } from './highlight';
import { edgeKey, type GraphNode } from './model';
import type { GroupNode, ViewGraph } from './view';

/** How a node is shown with respect to the selection and the path asked for. */
export type HighlightState = 'selected' | 'path' | 'upstream' | 'downstream' | 'dimmed' | 'none';
export type ColumnState = 'selected' | 'upstream' | 'downstream' | 'none';

export interface DisplayColumn {
  name: string;
  type?: string;
  state: ColumnState;
}

export interface DisplayNode {
  id: string;
  kind: 'DATASET' | 'JOB' | 'GROUP';
  node?: GraphNode;
  group?: GroupNode;
  state: HighlightState;
  focus: boolean;
  /** Datasets switched to columns: their columns with the column highlight; else null. */
  columns: DisplayColumn[] | null;
}

export interface DisplayEdge {
  key: string;
  origin: string;
  destination: string;
  highlighted: boolean;
  dimmed: boolean;
}

export interface DisplayColumnEdge extends ColumnEdge {
  key: string;
  highlighted: boolean;
}

export interface Display {
  nodes: DisplayNode[];
  edges: DisplayEdge[];
  /** Column edges between loaded datasets (drawn between datasets shown with columns). */
  columnEdges: DisplayColumnEdge[];
  /** The path between the two nodes asked for: null when not asked, 'none' when they are not connected here. */
  path: Path | 'none' | null;
  counts: { upstream: number; downstream: number };
}

export interface DisplayOptions {
  focus: readonly string[];
  selected?: string;
  path?: readonly [string, string] | null;
  /** Datasets shown with their columns. */
  columns: ReadonlySet<string>;
  /** A column of the selected dataset. */
  field?: string;
}

/** The drawn graph with everything the canvas and the table show of each node and edge. */
export function display(view: ViewGraph, options: DisplayOptions): Display {
  const selected = options.selected;
  const reach = selected ? reachOf(view.edges, selected) : null;
  const path = options.path ? (pathBetween(view.edges, options.path[0], options.path[1]) ?? 'none') : null;
  const onPath = new Set(path && path !== 'none' ? path.nodes : []);
  const pathEdges = new Set(path && path !== 'none' ? path.edges : []);
  const active = reach !== null || onPath.size > 0;

  const allColumnEdges = columnEdges(view.nodes);
  const colReach = selected && options.field ? columnReach(allColumnEdges, selected, options.field) : null;
  const columnState = (node: string, field: string): ColumnState => {
    if (!colReach) return 'none';
    if (node === selected && field === options.field) return 'selected';
    const key = columnKey(node, field);
    return colReach.upstream.has(key) ? 'upstream' : colReach.downstream.has(key) ? 'downstream' : 'none';
  };

  const stateOf = (id: string): HighlightState => {
    if (id === selected) return 'selected';
    if (onPath.has(id)) return 'path';
    if (reach?.upstream.has(id)) return 'upstream';
    if (reach?.downstream.has(id)) return 'downstream';
    return active ? 'dimmed' : 'none';
  };
  const focus = new Set(options.focus);
  const nodes: DisplayNode[] = view.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    node: n,
    state: stateOf(n.id),
    focus: focus.has(n.id),
    columns:
      n.kind === 'DATASET' && options.columns.has(n.id)
        ? columnsOf(n, allColumnEdges).map((name) => ({ name, ...(typeOf(n, name) ? { type: typeOf(n, name) } : {}), state: columnState(n.id, name) }))
        : null,
  }));
  for (const g of view.groups) if (!g.open) nodes.push({ id: g.id, kind: 'GROUP', group: g, state: stateOf(g.id), focus: false, columns: null });

  const edges = view.edges.map((e) => {
    const key = edgeKey(e.origin, e.destination);
    const highlighted = pathEdges.has(key) || (reach?.edges.has(key) ?? false);
    return { key, origin: e.origin, destination: e.destination, highlighted, dimmed: active && !highlighted };
  });
  const drawn = new Set(view.nodes.map((n) => n.id));
  const columnEdgeList = allColumnEdges
    .map((e, i) => ({ ...e, key: `${columnKey(e.from.node, e.from.field)}>${columnKey(e.to.node, e.to.field)}`, highlighted: colReach?.edges.has(i) ?? false }))
    .filter((e) => drawn.has(e.from.node) && drawn.has(e.to.node));
  return {
    nodes,
    edges,
    columnEdges: columnEdgeList,
    path,
    counts: { upstream: reach?.upstream.size ?? 0, downstream: reach?.downstream.size ?? 0 },
  };
}

function typeOf(node: GraphNode, field: string): string | undefined {
  return node.fields.find((f) => f.name === field)?.type;
}

/** Node sizes for the layout (the canvas draws nodes at these sizes). */
export const NODE_WIDTH = 260;
export const NODE_HEIGHT = { DATASET: 88, JOB: 90, GROUP: 68 } as const;
/** The row of a node's data products (one row, however many). */
export const PRODUCT_ROW = 24;
export const COLUMN_ROW = 22;
/** Columns listed on a node at most; the rest are in the side panel and the table. */
export const MAX_COLUMNS_DRAWN = 40;

export function sizeOf(n: DisplayNode): { width: number; height: number } {
  const rows = n.columns ? Math.min(n.columns.length, MAX_COLUMNS_DRAWN) + (n.columns.length > MAX_COLUMNS_DRAWN ? 1 : 0) : 0;
  const products = n.node?.products.length ? PRODUCT_ROW : 0;
  return { width: NODE_WIDTH, height: NODE_HEIGHT[n.kind] + products + (n.columns ? 8 + rows * COLUMN_ROW : 0) };
}
