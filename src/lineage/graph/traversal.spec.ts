import { walkInMemory } from '../../../test/support/graph-walk';
import type { GraphEdge } from './lineage-graph.repository';
import { pathTo, traverse } from './traversal';

// a -> j1 -> b -> j2 -> c ; x -> j1
const EDGES: GraphEdge[] = [
  { origin: 'a', destination: 'j1' },
  { origin: 'x', destination: 'j1' },
  { origin: 'j1', destination: 'b' },
  { origin: 'b', destination: 'j2' },
  { origin: 'j2', destination: 'c' },
];
const reader = walkInMemory(EDGES);

describe('traverse', () => {
  it('walks downstream hop by hop up to the depth', async () => {
    const walk = await traverse(['a'], { depth: 2, direction: 'downstream', limit: 100 }, reader);
    expect(walk.nodes).toEqual(['a', 'j1', 'b']);
    expect(walk.edges).toEqual([EDGES[0], EDGES[2]]);
    expect(walk.truncated).toBe(false);
  });

  it('walks both ways and keeps only edges between reached nodes', async () => {
    const walk = await traverse(['b'], { depth: 1, direction: 'both', limit: 100 }, reader);
    expect(walk.nodes.sort()).toEqual(['b', 'j1', 'j2']);
    expect(walk.edges).toEqual(expect.arrayContaining([EDGES[2], EDGES[3]]));
    expect(walk.edges).toHaveLength(2);
  });

  it('stops at the node limit and says so', async () => {
    const walk = await traverse(['c'], { depth: 10, direction: 'upstream', limit: 3 }, reader);
    expect(walk.nodes).toEqual(['c', 'j2', 'b']);
    expect(walk.truncated).toBe(true);
  });

  it('records how each node was reached', async () => {
    const walk = await traverse(['a'], { depth: 10, direction: 'downstream', limit: 100 }, reader);
    expect(pathTo('c', walk.via)).toEqual(['a', 'j1', 'b', 'j2', 'c']);
  });
});
