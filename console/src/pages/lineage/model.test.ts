import { describe, expect, it } from 'vitest';
import { edgeKey, mergeAnswers, readNode } from './model';
import { apiGraph } from './testGraph';

describe('lineage graph model', () => {
  it('merges the focus walk and expansions into one graph, each node and edge once', () => {
    const focus = apiGraph([
      ['job:ns:load', 'dataset:ns:orders'],
      ['dataset:ns:orders', 'job:ns:report'],
    ]);
    const upstream = apiGraph([
      ['dataset:ns:raw', 'job:ns:load'],
      ['job:ns:load', 'dataset:ns:orders'],
    ]);
    const graph = mergeAnswers([focus, upstream]);
    expect([...graph.nodes.keys()].sort()).toEqual(['dataset:ns:orders', 'dataset:ns:raw', 'job:ns:load', 'job:ns:report']);
    expect(graph.edges.size).toBe(3);
    expect(graph.edges.has(edgeKey('dataset:ns:raw', 'job:ns:load'))).toBe(true);
  });

  it('keeps no edge to a node that was not loaded', () => {
    const [orders] = apiGraph([['dataset:ns:orders', 'job:ns:report']]);
    const graph = mergeAnswers([[orders!]]);
    expect(graph.edges.size).toBe(0);
  });

  it('reads products, schema fields, last production, run, orchestrator and column lineage, skipping malformed facets', () => {
    const [node] = apiGraph([['dataset:ns:orders', 'job:ns:x']], {
      'dataset:ns:orders': {
        products: [{ name: 'orders-daily', owner: 'team:sales', tier: 2, environment: 'prod' }, { owner: 'nameless' }],
        lastProducedAt: '2026-12-07T10:00:00Z',
        facets: {
          schema: { fields: [{ name: 'id', type: 'BIGINT' }, { type: 'no name' }] },
          columnLineage: { fields: { total: { inputFields: [{ namespace: 'ns', name: 'raw', field: 'amount' }, { namespace: 'ns' }] }, bad: 3 } },
        },
      },
    });
    const n = readNode(node!);
    expect(n.products).toEqual([{ name: 'orders-daily', owner: 'team:sales', tier: 2, environment: 'prod' }]);
    expect(n.fields).toEqual([{ name: 'id', type: 'BIGINT' }]);
    expect(n.lastProducedAt).toBe('2026-12-07T10:00:00Z');
    expect(n.columnLineage).toEqual([{ field: 'total', inputs: [{ node: 'dataset:ns:raw', field: 'amount' }] }]);
    const job = readNode(apiGraph([['job:ns:load', 'dataset:ns:a']], { 'job:ns:load': { latestRun: { runId: 'r', status: 'FAIL', startedAt: null, endedAt: null }, orchestrator: { name: 'airflow-prod', kind: 'airflow' } } })[0]!);
    expect(job.latestRun?.status).toBe('FAIL');
    expect(job.orchestrator).toEqual({ name: 'airflow-prod', kind: 'airflow' });
  });

  it('prefers the fields the server lists over the schema facet', () => {
    const [node] = apiGraph([['dataset:ns:a', 'job:ns:x']], { 'dataset:ns:a': { fields: [{ name: 'x', type: 'INT', description: 'the x' }], facets: { schema: { fields: [{ name: 'y' }] } } } });
    expect(readNode(node!).fields).toEqual([{ name: 'x', type: 'INT', description: 'the x' }]);
  });
});
