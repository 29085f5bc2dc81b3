import { describe, expect, it } from 'vitest';
import { LayoutCache, layoutKey, type LayoutRequest } from './layoutKey';

const request = (direction: 'lr' | 'tb' = 'lr'): LayoutRequest => ({
  nodes: [
    { id: 'a', width: 260, height: 76 },
    { id: 'b', width: 260, height: 68 },
  ],
  edges: [{ id: 'a>b', source: 'a', target: 'b' }],
  direction,
});

describe('layout cache key', () => {
  it('is the same for the same graph in any order', () => {
    const r = request();
    const shuffled = { ...r, nodes: [...r.nodes].reverse() };
    expect(layoutKey(shuffled)).toBe(layoutKey(r));
  });

  it('changes with the direction, a node’s size, a node or an edge', () => {
    const key = layoutKey(request());
    expect(layoutKey(request('tb'))).not.toBe(key);
    const r = request();
    expect(layoutKey({ ...r, nodes: [r.nodes[0]!, { ...r.nodes[1]!, height: 200 }] })).not.toBe(key);
    expect(layoutKey({ ...r, nodes: [...r.nodes, { id: 'c', width: 260, height: 76 }] })).not.toBe(key);
    expect(layoutKey({ ...r, edges: [] })).not.toBe(key);
    expect(layoutKey({ ...r, edges: [{ id: 'b>a', source: 'b', target: 'a' }] })).not.toBe(key);
  });

  it('keeps the most recently used layouts', () => {
    const cache = new LayoutCache(2);
    cache.set('a', { x: { x: 1, y: 1 } });
    cache.set('b', {});
    cache.get('a');
    cache.set('c', {});
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size).toBe(2);
  });
});
