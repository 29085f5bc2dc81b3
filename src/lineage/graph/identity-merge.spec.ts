import { mergeIdentities } from './identity-merge';
import type { NodeRow } from './lineage-graph.repository';

const facet = (value: string) => ({ _producer: 'https://p', _schemaURL: 'https://s', value });
const row = (id: string, facets: Record<string, [string, string]>, updatedAt: string): NodeRow => ({
  id,
  type: 'DATASET',
  namespace: id.split('|')[0],
  name: id.split('|')[1],
  facets: Object.fromEntries(Object.entries(facets).map(([k, [v]]) => [k, facet(v)])),
  facetTimes: Object.fromEntries(Object.entries(facets).map(([k, [, at]]) => [k, at])),
  updatedAt: new Date(updatedAt),
});

describe('mergeIdentities', () => {
  it('the canonical identity, with each facet from the latest event that reported it for either identity', () => {
    const table = row('postgres://wh:5432|wh.public.orders', { schema: ['table schema', '2026-01-02T00:00:00Z'], symlinks: ['asset', '2026-01-02T00:00:00Z'] }, '2026-01-02T00:00:00Z');
    const asset = row('dagster-prod|marts/orders', { schema: ['old asset schema', '2026-01-01T00:00:00Z'], ownership: ['sales', '2026-01-01T00:00:00Z'] }, '2026-01-03T00:00:00Z');
    const merged = mergeIdentities(table.id, [asset, table])!;
    expect(merged).toMatchObject({ id: table.id, namespace: 'postgres://wh:5432', name: 'wh.public.orders', updatedAt: new Date('2026-01-03T00:00:00Z') });
    expect(Object.fromEntries(Object.entries(merged.facets).map(([k, f]) => [k, f.value]))).toEqual({ schema: 'table schema', symlinks: 'asset', ownership: 'sales' });
    // a newer facet of the alias wins; at equal times the canonical row's does
    const newer = row(asset.id, { schema: ['new asset schema', '2026-01-05T00:00:00Z'], symlinks: ['other', '2026-01-02T00:00:00Z'] }, '2026-01-05T00:00:00Z');
    const again = mergeIdentities(table.id, [table, newer])!;
    expect([again.facets.schema.value, again.facets.symlinks.value]).toEqual(['new asset schema', 'asset']);
  });

  it('a lone row is itself; no canonical row, no node', () => {
    const only = row('file|/x', {}, '2026-01-01T00:00:00Z');
    expect(mergeIdentities(only.id, [only])).toBe(only);
    expect(mergeIdentities('missing', [only])).toBeNull();
  });
});
