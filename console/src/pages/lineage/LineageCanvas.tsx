import { Background, Controls, Position, ReactFlow, type Edge, type NodeHandle, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import { sizeOf, type Display } from './display';
import type { Positions } from './layoutKey';
import { NODE_TYPES, type LineageFlowNode } from './LineageNodes';

/** Graphs up to this many nodes open fitted to the screen; larger ones open centred on the focus at a readable zoom. */
const FIT_ALL_UP_TO = 120;

interface LineageCanvasProps {
  display: Display;
  positions: Positions;
  /** The node the view opens on (centred when the graph is too large to fit). */
  focus: string | undefined;
  vertical: boolean;
  onSelect(id: string): void;
}

// not 'group': React Flow styles its own group nodes (padding, border) by that type's class
const TYPE = { DATASET: 'dataset', JOB: 'job', GROUP: 'fanout' } as const;

/** React Flow's handle (6 px, border included), centred on the node's edge. */
const HANDLE = 6;

/**
 * Where a node's two ends (LineageNodes' `Ends`) are, given up front: React Flow draws every node
 * it has not measured yet, whether on screen or not, so without them the first render of a large
 * graph would put all its nodes in the DOM (to measure them) before keeping only those in view.
 */
function endsOf(width: number, height: number, vertical: boolean): NodeHandle[] {
  const half = HANDLE / 2;
  return vertical
    ? [
        { type: 'target', position: Position.Top, x: width / 2 - half, y: -half, width: HANDLE, height: HANDLE },
        { type: 'source', position: Position.Bottom, x: width / 2 - half, y: height - half, width: HANDLE, height: HANDLE },
      ]
    : [
        { type: 'target', position: Position.Left, x: -half, y: height / 2 - half, width: HANDLE, height: HANDLE },
        { type: 'source', position: Position.Right, x: width - half, y: height / 2 - half, width: HANDLE, height: HANDLE },
      ];
}

/**
 * The drawn graph: React Flow with ELK's positions, nodes outside the viewport not rendered
 * (`onlyRenderVisibleElements`), nothing draggable or connectable (lineage is read, not edited).
 * Mounted once per focus, so expanding keeps where the user panned to.
 */
export function LineageCanvas({ display, positions, focus, vertical, onSelect }: LineageCanvasProps) {
  const fitAll = display.nodes.length <= FIT_ALL_UP_TO;
  const nodes = useMemo<LineageFlowNode[]>(
    () =>
      display.nodes.flatMap((item) => {
        const position = positions[item.id];
        if (!position) return [];
        const { width, height } = sizeOf(item);
        // a graph fitted to the screen is measured whole (fitting waits for it); a node showing its columns has more handles
        const handles = fitAll || item.columns ? undefined : endsOf(width, height, vertical);
        return [{ id: item.id, type: TYPE[item.kind], position, data: { item }, width, height, handles, draggable: false, selectable: false, connectable: false, focusable: false }];
      }),
    [display.nodes, positions, fitAll, vertical],
  );
  const edges = useMemo<Edge[]>(() => {
    const shownWithColumns = new Set(display.nodes.filter((n) => n.columns).map((n) => n.id));
    const lines: Edge[] = display.edges.map((e) => ({
      id: e.key,
      source: e.origin,
      target: e.destination,
      focusable: false,
      selectable: false,
      className: e.highlighted ? 'ledge is-highlighted' : e.dimmed ? 'ledge is-dimmed' : 'ledge',
    }));
    for (const c of display.columnEdges) {
      if (!shownWithColumns.has(c.from.node) || !shownWithColumns.has(c.to.node)) continue;
      lines.push({
        id: `column:${c.key}`,
        source: c.from.node,
        sourceHandle: `out:${c.from.field}`,
        target: c.to.node,
        targetHandle: `in:${c.to.field}`,
        focusable: false,
        selectable: false,
        className: c.highlighted ? 'ledge ledge--column is-highlighted' : 'ledge ledge--column',
      });
    }
    return lines;
  }, [display.edges, display.columnEdges, display.nodes]);

  // the first viewport only: later layouts keep where the user is
  const [initial] = useState<Viewport | undefined>(() => {
    const at = focus ? positions[focus] : undefined;
    return at ? { x: 600 - at.x * 0.9, y: 260 - at.y * 0.9, zoom: 0.9 } : undefined;
  });

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onlyRenderVisibleElements
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      // a click anywhere on a node selects it, except on its own buttons (select, expand, a column), which act themselves
      onNodeClick={(event, node) => {
        if (!(event.target instanceof Element && event.target.closest('button'))) onSelect(node.id);
      }}
      fitView={fitAll}
      fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
      {...(!fitAll && initial ? { defaultViewport: initial } : {})}
      minZoom={0.05}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      colorMode="system"
      ariaLabelConfig={{ 'controls.ariaLabel': 'Zoom and fit' }}
      defaultEdgeOptions={{ type: vertical ? 'smoothstep' : 'default' }}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} position="bottom-left" />
    </ReactFlow>
  );
}
