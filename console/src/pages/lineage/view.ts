import { adjacency, edgeKey, type Direction, type Graph, type GraphEdge, type GraphNode } from './model';

/** More neighbours than this on one side of a node are drawn as one group node. */
export const FAN_OUT_LIMIT = 20;

/** A fan-out drawn as one node: `members` are the neighbours it stands for. */
export interface GroupNode {
  id: string;
  anchor: string;
  direction: Direction;
  /** Neighbours of the anchor on that side that the group hides (or, when open, would hide). */
  members: string[];
  /** Every neighbour of the anchor on that side in the loaded graph (members plus those drawn anyway). */
  total: number;
  open: boolean;
}

export interface ViewGraph {
  nodes: GraphNode[];
  /** Closed groups are drawn as nodes; open ones are listed so they can be closed again. */
  groups: GroupNode[];
  /** Edges between drawn nodes, plus anchor ↔ group edges of closed groups. */
  edges: GraphEdge[];
  /** Loaded nodes that are not drawn (group members and what lies beyond them). */
  hiddenCount: number;
}

export interface ViewOptions {
  /** Where the view starts: the product's datasets, or the node asked for. */
  focus: readonly string[];
  /** Nodes always drawn: expanded, added from a group, selected, path ends. */
  pinned: ReadonlySet<string>;
  /** Groups the user opened (all their members drawn). */
  openGroups: ReadonlySet<string>;
  limit?: number;
}

export const groupId = (direction: Direction, anchor: string) => `group:${direction}:${anchor}`;

export function parseGroupId(id: string): { direction: Direction; anchor: string } | null {
  const m = /^group:(upstream|downstream):(.+)$/.exec(id);
  return m ? { direction: m[1] as Direction, anchor: m[2]! } : null;
}

export const isGroupId = (id: string) => id.startsWith('group:');

/**
 * What is drawn of a loaded graph. Walking outwards from the focus (breadth first, ignoring edge
 * direction), a node with more than `limit` neighbours on one side gets a group node standing for
 * those neighbours that lie farther from the focus and are not pinned; nodes reachable only
 * through a group's members are hidden with them. Nearer nodes decide first, so a group never
 * hides the way back to the focus.
 */
export function buildView(graph: Graph, options: ViewOptions): ViewGraph {
  const limit = options.limit ?? FAN_OUT_LIMIT;
  const { up, down } = adjacency(graph.edges.values());
  const neighbours = (id: string) => [...(up.get(id) ?? []), ...(down.get(id) ?? [])];
  const focus = options.focus.filter((id) => graph.nodes.has(id));
  const focusSet = new Set(focus);

  const distance = new Map<string, number>(focus.map((id) => [id, 0]));
  const order = [...focus];
  for (let i = 0; i < order.length; i++) {
    const id = order[i]!;
    for (const n of neighbours(id)) {
      if (distance.has(n)) continue;
      distance.set(n, distance.get(id)! + 1);
      order.push(n);
    }
  }

  const hidden = new Set<string>();
  const groups: GroupNode[] = [];
  for (const id of order) {
    if (hidden.has(id)) continue;
    for (const direction of ['upstream', 'downstream'] as const) {
      const side = (direction === 'upstream' ? up : down).get(id) ?? [];
      if (side.length <= limit) continue;
      const members = side.filter((m) => !hidden.has(m) && !focusSet.has(m) && !options.pinned.has(m) && distance.get(m)! > distance.get(id)!);
      if (members.length === 0) continue;
      const group: GroupNode = { id: groupId(direction, id), anchor: id, direction, members: members.sort(), total: side.length, open: options.openGroups.has(groupId(direction, id)) };
      groups.push(group);
      if (!group.open) for (const m of members) hidden.add(m);
    }
  }

  const visible = new Set<string>(focus);
  const queue = [...focus];
  while (queue.length) {
    for (const n of neighbours(queue.pop()!)) {
      if (visible.has(n) || hidden.has(n)) continue;
      visible.add(n);
      queue.push(n);
    }
  }

  const edges = [...graph.edges.values()].filter((e) => visible.has(e.origin) && visible.has(e.destination));
  for (const g of groups) {
    if (g.open || !visible.has(g.anchor)) continue;
    edges.push(g.direction === 'downstream' ? { origin: g.anchor, destination: g.id } : { origin: g.id, destination: g.anchor });
  }
  return {
    nodes: [...graph.nodes.values()].filter((n) => visible.has(n.id)),
    groups: groups.filter((g) => visible.has(g.anchor)),
    edges,
    hiddenCount: graph.nodes.size - visible.size,
  };
}

/** The edge keys of a view, for lookups. */
export function edgeKeys(edges: readonly GraphEdge[]): string[] {
  return edges.map((e) => edgeKey(e.origin, e.destination));
}
