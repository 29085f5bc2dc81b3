import { describe, expect, it } from 'vitest';
import { columnEdges, columnKey, columnReach, columnsOf } from './columns';
import { mergeAnswers } from './model';
import { apiGraph } from './testGraph';

const lineage = (fields: Record<string, [string, string][]>) => ({
  facets: { columnLineage: { fields: Object.fromEntries(Object.entries(fields).map(([f, inputs]) => [f, { inputFields: inputs.map(([name, field]) => ({ namespace: 'ns', name, field })) }])) } },
});

// raw.amount, raw.qty → orders.total → report.revenue; raw.id → orders.id
const graph = mergeAnswers([
  apiGraph(
    [
      ['dataset:ns:raw', 'job:ns:load'],
      ['job:ns:load', 'dataset:ns:orders'],
      ['dataset:ns:orders', 'job:ns:rep'],
      ['job:ns:rep', 'dataset:ns:report'],
    ],
    {
      'dataset:ns:raw': { facets: { schema: { fields: [{ name: 'id' }, { name: 'amount' }, { name: 'qty' }] } } },
      'dataset:ns:orders': lineage({ total: [['raw', 'amount'], ['raw', 'qty']], id: [['raw', 'id']] }),
      'dataset:ns:report': lineage({ revenue: [['orders', 'total']] }),
    },
  ),
]);

describe('column lineage', () => {
  const edges = columnEdges(graph.nodes.values());

  it('reads one edge per input column', () => {
    expect(edges).toHaveLength(4);
  });

  it('lists a dataset’s columns from its schema, then those only lineage names', () => {
    expect(columnsOf(graph.nodes.get('dataset:ns:raw')!, edges)).toEqual(['id', 'amount', 'qty']);
    expect(columnsOf(graph.nodes.get('dataset:ns:orders')!, edges)).toEqual(['total', 'id']);
  });

  it('highlights the columns feeding a column and those it feeds, transitively', () => {
    const reach = columnReach(edges, 'dataset:ns:orders', 'total');
    expect([...reach.upstream].sort()).toEqual([columnKey('dataset:ns:raw', 'amount'), columnKey('dataset:ns:raw', 'qty')]);
    expect([...reach.downstream]).toEqual([columnKey('dataset:ns:report', 'revenue')]);
    const fromRaw = columnReach(edges, 'dataset:ns:raw', 'qty');
    expect([...fromRaw.downstream].sort()).toEqual([columnKey('dataset:ns:orders', 'total'), columnKey('dataset:ns:report', 'revenue')]);
    expect(fromRaw.upstream.size).toBe(0);
    expect(columnReach(edges, 'dataset:ns:orders', 'id').downstream.size).toBe(0);
  });
});
