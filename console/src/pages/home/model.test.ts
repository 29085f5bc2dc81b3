import { describe, expect, it } from 'vitest';
import { promotion, run } from './fixtures';
import { breachedSince, failureLabel, lateOutputs, outputLabel, recentFailures, sortBreaches, type SlaState } from './model';

const sla = (product: string, outputs: SlaState['outputs'], extra: Partial<SlaState> = {}): SlaState => ({
  product,
  environment: 'prod',
  freshness: 'PT6H',
  status: outputs.every((o) => o.status === 'fresh') ? 'fresh' : 'breached',
  breachesAt: null,
  outputs,
  ...extra,
});
const out = (name: string, status: 'fresh' | 'stale' | 'missing', deadline: string, lastProducedAt: string | null = null) => ({
  output: `dataset:postgres://warehouse:5432:${name}`,
  status,
  deadline,
  lastProducedAt,
});

describe('SLA breaches', () => {
  const state = sla(
    'orders-daily',
    [
      out('analytics.public.orders', 'stale', '2026-12-07T07:00:00Z', '2026-12-07T01:00:00Z'),
      out('analytics.public.orders_by_region', 'missing', '2026-12-06T20:00:00Z'),
      out('analytics.public.orders_totals', 'fresh', '2026-12-07T17:00:00Z', '2026-12-07T11:00:00Z'),
    ],
    { breachesAt: '2026-12-07T17:00:00Z' },
  );

  it('are the outputs that are not fresh, breached since the earliest of their deadlines (not breachesAt)', () => {
    expect(lateOutputs(state).map((o) => outputLabel(o.output))).toEqual(['analytics.public.orders', 'analytics.public.orders_by_region']);
    expect(breachedSince(state)).toBe('2026-12-06T20:00:00Z');
    expect(breachedSince(sla('fresh-one', [out('a', 'fresh', '2026-12-08T00:00:00Z')]))).toBeNull();
  });

  it('are sorted longest-breached first, fresh states left out', () => {
    const later = sla('billing', [out('b', 'stale', '2026-12-07T10:00:00Z')]);
    const fresh = sla('fresh-one', [out('a', 'fresh', '2026-12-08T00:00:00Z')]);
    expect(sortBreaches([later, fresh, state]).map((s) => s.product)).toEqual(['orders-daily', 'billing']);
  });

  it('label outputs by their dataset name', () => {
    expect(outputLabel('dataset:postgres://warehouse:5432:analytics.public.orders')).toBe('analytics.public.orders');
    expect(outputLabel('dataset:s3:raw.events')).toBe('raw.events');
    expect(outputLabel('plain-name')).toBe('plain-name');
  });
});

describe('recent failures', () => {
  it('merge promotions and runs newest first, once each, at most the limit', () => {
    const failed = promotion('p1', 'failed', '2026-12-07T09:00:00Z');
    const rejected = promotion('p2', 'rejected', '2026-12-07T11:00:00Z', { completedAt: null, updatedAt: '2026-12-07T11:00:00Z' });
    const r = run('r1', '2026-12-07T10:00:00Z', { endedAt: null, updatedAt: '2026-12-07T10:00:00Z' });
    const list = recentFailures([failed, rejected, failed], [r]);
    expect(list.map((f) => f.id)).toEqual(['p2', 'r1', 'p1']);
    expect(list.map(failureLabel)).toEqual(['Promotion rejected', 'Run failed', 'Promotion failed']);
    expect(recentFailures([failed, rejected], [r], 2).map((f) => f.id)).toEqual(['p2', 'r1']);
  });

  it('name rollbacks as such', () => {
    const [f] = recentFailures([promotion('p3', 'failed', '2026-12-07T09:00:00Z', { kind: 'rollback' })], []);
    expect(failureLabel(f!)).toBe('Rollback failed');
  });
});
