import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { LayoutRequest, Positions } from './layoutKey';

/** Above this many nodes ELK's cheaper settings are used (about 3× faster at 1,000 nodes, still layered). */
export const LARGE_GRAPH = 600;

/**
 * ELK's input for a graph: layered, left to right (or top to bottom). Small graphs keep nodes in
 * the order given within a layer, so that an expansion moves little. Large graphs get SIMPLE node
 * placement and one pass of crossing minimisation, as Airflow's UI does for big DAGs, and no model
 * order (which costs ELK 1.5 to 3 times as long at 1,000 to 2,000 nodes).
 */
export function elkGraph(request: LayoutRequest): ElkNode {
  const options: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': request.direction === 'tb' ? 'DOWN' : 'RIGHT',
    'elk.spacing.nodeNode': '24',
    'elk.layered.spacing.nodeNodeBetweenLayers': '72',
    'elk.edgeRouting': 'POLYLINE',
  };
  if (request.nodes.length > LARGE_GRAPH) {
    options['elk.layered.nodePlacement.strategy'] = 'SIMPLE';
    options['elk.layered.thoroughness'] = '1';
  } else {
    options['elk.layered.considerModelOrder.strategy'] = 'NODES_AND_EDGES';
  }
  return {
    id: 'root',
    layoutOptions: options,
    children: request.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: request.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

export function positionsOf(result: ElkNode): Positions {
  const out: Positions = {};
  for (const child of result.children ?? []) out[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return out;
}
