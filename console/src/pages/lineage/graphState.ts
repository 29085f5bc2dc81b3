import { useEffect } from 'react';
import type { Display, HighlightState } from './display';

/**
 * What the explorer shows, as data: every node it draws (including those the canvas has unmounted
 * because they are off screen) with its highlight, every edge, and whether the layout is done.
 * The page publishes it as `window.gatehouseLineage` for browser tests and benchmarks, which
 * cannot read the canvas's DOM (React Flow renders only what is in the viewport). It is read-only
 * and holds nothing the page does not show.
 */
export interface LineageGraphState {
  view: 'graph' | 'table';
  /** The graph view's layout matches the drawn nodes (false while ELK is working, and in the table view). */
  ready: boolean;
  /** How long the worker took for the current layout (0 from the cache), when there is one. */
  layoutMs: number | null;
  layoutCached: boolean;
  /** More nodes than the console draws at once: nothing is drawn. */
  tooMany: boolean;
  selected: string | null;
  field: string | null;
  nodes: { id: string; kind: 'DATASET' | 'JOB' | 'GROUP'; name: string; state: HighlightState; focus: boolean; columns: string[] | null; members?: number }[];
  edges: { origin: string; destination: string; highlighted: boolean }[];
  /** Column edges `<node>#<field>` → `<node>#<field>`, highlighted when they lead to or from the selected column. */
  columnEdges: { from: string; to: string; highlighted: boolean }[];
  path: string[] | 'none' | null;
}

export function graphState(display: Display, extra: Omit<LineageGraphState, 'nodes' | 'edges' | 'columnEdges' | 'path'>): LineageGraphState {
  return {
    ...extra,
    nodes: display.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      name: n.node?.name ?? `${n.group?.members.length ?? 0} more ${n.group?.direction ?? ''}`.trim(),
      state: n.state,
      focus: n.focus,
      columns: n.columns?.map((c) => c.name) ?? null,
      ...(n.group ? { members: n.group.members.length } : {}),
    })),
    edges: display.edges.map((e) => ({ origin: e.origin, destination: e.destination, highlighted: e.highlighted })),
    columnEdges: display.columnEdges.map((c) => ({ from: `${c.from.node}#${c.from.field}`, to: `${c.to.node}#${c.to.field}`, highlighted: c.highlighted })),
    path: display.path === null || display.path === 'none' ? display.path : [...display.path.nodes],
  };
}

type WithState = { gatehouseLineage?: LineageGraphState };

/** Publishes the state while the page is mounted; removes it when the page goes. */
export function usePublishedGraphState(state: LineageGraphState | null): void {
  useEffect(() => {
    const target = globalThis as WithState;
    if (state) target.gatehouseLineage = state;
    else delete target.gatehouseLineage;
  }, [state]);
  useEffect(
    () => () => {
      delete (globalThis as WithState).gatehouseLineage;
    },
    [],
  );
}
