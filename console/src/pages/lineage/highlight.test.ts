import { describe, expect, it } from 'vitest';
import { pathBetween, reachOf } from './highlight';
import { edgeKey } from './model';

const e = (origin: string, destination: string) => ({ origin, destination });
// raw → load → orders → report → dashboard, and orders → export → feed; other → x (unconnected)
const edges = [e('raw', 'load'), e('load', 'orders'), e('orders', 'report'), e('report', 'dashboard'), e('orders', 'export'), e('export', 'feed'), e('other', 'x')];

describe('highlighting', () => {
  it('finds everything upstream and downstream of a node, with the edges walked', () => {
    const reach = reachOf(edges, 'orders');
    expect([...reach.upstream].sort()).toEqual(['load', 'raw']);
    expect([...reach.downstream].sort()).toEqual(['dashboard', 'export', 'feed', 'report']);
    expect(reach.edges.has(edgeKey('raw', 'load'))).toBe(true);
    expect(reach.edges.has(edgeKey('export', 'feed'))).toBe(true);
    expect(reach.edges.has(edgeKey('other', 'x'))).toBe(false);
  });

  it('copes with cycles', () => {
    const reach = reachOf([e('a', 'b'), e('b', 'a'), e('b', 'c')], 'a');
    expect([...reach.downstream].sort()).toEqual(['b', 'c']);
    expect([...reach.upstream]).toEqual(['b']);
  });

  it('gives the path between two nodes either way round, or null', () => {
    expect(pathBetween(edges, 'raw', 'dashboard')).toEqual({
      nodes: ['raw', 'load', 'orders', 'report', 'dashboard'],
      edges: [edgeKey('raw', 'load'), edgeKey('load', 'orders'), edgeKey('orders', 'report'), edgeKey('report', 'dashboard')],
      direction: 'downstream',
    });
    expect(pathBetween(edges, 'feed', 'load')).toMatchObject({ nodes: ['load', 'orders', 'export', 'feed'], direction: 'upstream' });
    expect(pathBetween(edges, 'dashboard', 'feed')).toBeNull();
    expect(pathBetween(edges, 'raw', 'x')).toBeNull();
  });
});
