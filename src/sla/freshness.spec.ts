import type { ProductIdentity } from '../catalog/data-product.types';
import { productFreshness } from './freshness';

const product = (freshness: string | null): ProductIdentity => ({
  name: 'p', title: 'P', owner: 'team:t', stewards: [], tier: 1, classification: 'internal', revision: 1,
  createdAt: new Date('2026-01-01T00:00:00Z'), outputs: [], bindings: [], sla: freshness ? { freshness } : null,
});
const NOW = new Date('2026-01-02T12:00:00Z');

describe('productFreshness', () => {
  it('is fresh while every output was produced within the window, and says when it breaches', () => {
    const productions = new Map([['a', new Date('2026-01-02T10:00:00Z')], ['b', new Date('2026-01-02T11:00:00Z')]]);
    const state = productFreshness(product('PT6H'), 'prod', ['a', 'b'], productions, NOW)!;
    expect(state.status).toBe('fresh');
    expect(state.breachesAt).toBe('2026-01-02T16:00:00.000Z');
    expect(state.outputs.map((o) => o.status)).toEqual(['fresh', 'fresh']);
  });

  it('breaches when one output is stale or was never produced past the window since registration', () => {
    const stale = productFreshness(product('PT6H'), 'prod', ['a', 'b'], new Map([['a', new Date('2026-01-02T01:00:00Z')], ['b', new Date('2026-01-02T11:00:00Z')]]), NOW)!;
    expect(stale).toMatchObject({ status: 'breached', breachesAt: '2026-01-02T17:00:00.000Z' });
    expect(stale.outputs[0]).toEqual({ output: 'a', lastProducedAt: '2026-01-02T01:00:00.000Z', deadline: '2026-01-02T07:00:00.000Z', status: 'stale' });
    const missing = productFreshness(product('PT6H'), 'prod', ['a'], new Map(), NOW)!;
    expect(missing.outputs[0]).toMatchObject({ status: 'missing', deadline: '2026-01-01T06:00:00.000Z', lastProducedAt: null });
    expect(productFreshness(product('P7D'), 'prod', ['a'], new Map(), NOW)!.status).toBe('fresh');
  });

  it('has nothing to say without an SLA or outputs', () => {
    expect(productFreshness(product(null), 'prod', ['a'], new Map(), NOW)).toBeNull();
    expect(productFreshness(product('PT1H'), 'prod', [], new Map(), NOW)).toBeNull();
  });
});
