import { PrismaService } from '../../src/database/prisma.service';
import { GraphEdge, LineageGraphRepository } from '../../src/lineage/graph/lineage-graph.repository';
import { walkInMemory } from '../support/graph-walk';
import { startTestApp, TestApp } from '../support/test-app';

/** A small deterministic pseudo-random graph with cycles, diamonds, fan-out and islands. */
function randomEdges(nodes: number, count: number): GraphEdge[] {
  let x = 12345;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), Math.floor(x / 65536) % nodes);
  const edges = new Map<string, GraphEdge>();
  while (edges.size < count) {
    const [a, b] = [next(), next()];
    if (a !== b) edges.set(`${a}>${b}`, { origin: `n${a}`, destination: `n${b}` });
  }
  return [...edges.values()];
}

const sorted = (hops: GraphEdge[][]) => hops.map((hop) => hop.map((e) => `${e.origin}>${e.destination}`).sort());

/** The one-statement walk in the database against the same walk done hop by hop in memory. */
describe('lineage graph walk in SQL', () => {
  let t: TestApp;
  let repository: LineageGraphRepository;
  const edges = randomEdges(60, 110);
  const reference = walkInMemory(edges);

  beforeAll(async () => {
    t = await startTestApp();
    repository = t.app.get(LineageGraphRepository);
    await t.app.get(PrismaService).$executeRawUnsafe(
      `INSERT INTO lineage_edge (origin, destination) SELECT * FROM unnest($1::text[], $2::text[])`,
      edges.map((e) => e.origin),
      edges.map((e) => e.destination),
    );
  });
  afterAll(() => t.close());

  it('has a graph deep enough to tell walks apart', async () => {
    const walk = { depth: 10, limit: 1000, seen: [] };
    for (const direction of ['upstream', 'downstream'] as const) expect((await reference(['n7'], direction, walk)).length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['downstream', 1, 1000],
    ['downstream', 3, 1000],
    ['downstream', 10, 1000],
    ['upstream', 10, 1000],
    ['downstream', 10, 12],
    ['upstream', 10, 5],
    ['upstream', 4, 1],
  ] as const)('reads the same hops %s, depth %i, limit %i', async (direction, depth, limit) => {
    for (const start of ['n0', 'n7', 'n33', 'n59', 'nowhere']) {
      const walk = { depth, limit, seen: [] };
      expect(sorted(await repository.walk([start], direction, walk))).toEqual(sorted(await reference([start], direction, walk)));
    }
  });

  it('starts from several nodes and skips the nodes already known', async () => {
    const walk = { depth: 6, limit: 1000, seen: ['n3', 'n4', 'n5', 'n1'] };
    const starts = ['n1', 'n2', 'n2'];
    const hops = await repository.walk(starts, 'downstream', walk);
    expect(hops.length).toBeGreaterThan(1);
    expect(sorted(hops)).toEqual(sorted(await reference(starts, 'downstream', walk)));
  });

  it('reads nothing for no start or no depth', async () => {
    expect(await repository.walk([], 'upstream', { depth: 5, limit: 10, seen: [] })).toEqual([]);
    expect(await repository.walk(['n0'], 'upstream', { depth: 0, limit: 10, seen: [] })).toEqual([]);
  });
});
