/**
 * Positions are cached per graph: the same nodes (with their sizes), edges and layout direction
 * give the same key, so re-rendering, selecting or toggling the table never lays out again.
 * The key is a hash of the sorted ids, so it stays short for a thousand nodes.
 */

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}
export type LayoutDirection = 'lr' | 'tb';
export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  direction: LayoutDirection;
}
export type Positions = Record<string, { x: number; y: number }>;

/** cyrb53: a fast 53-bit string hash (collisions are not a security matter here). */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function layoutKey(request: LayoutRequest): string {
  const nodes = request.nodes.map((n) => `${n.id}\u0001${n.width}x${n.height}`).sort();
  const edges = request.edges.map((e) => `${e.source}\u0001${e.target}`).sort();
  const text = `${request.direction}\u0002${nodes.join('\u0002')}\u0003${edges.join('\u0002')}`;
  return `${request.direction}-${request.nodes.length}-${request.edges.length}-${hash53(text)}`;
}

/** A small least-recently-used cache of laid-out graphs. */
export class LayoutCache {
  private readonly entries = new Map<string, Positions>();
  constructor(private readonly capacity = 24) {}

  get(key: string): Positions | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, positions: Positions): void {
    this.entries.delete(key);
    this.entries.set(key, positions);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
