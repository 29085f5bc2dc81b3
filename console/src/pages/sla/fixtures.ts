import type { SlaTimeline } from './timelineModel';

/** A day of orders-daily in prod: productions of two outputs, a met and a missed deadline and one ahead, a resolved and an open breach. */
export const H = 3_600_000;
export const t0 = Date.UTC(2026, 11, 1, 0, 0, 0);
export const iso = (hours: number) => new Date(t0 + hours * H).toISOString();
export const OUT_A = 'dataset:postgres://wh:5432:analytics.orders_daily';
export const OUT_B = 'dataset:postgres://wh:5432:analytics.orders_by_region';

export const TIMELINE: SlaTimeline = {
  product: 'orders-daily',
  environment: 'prod',
  from: iso(0),
  to: iso(24),
  freshness: { freshness: 'PT4H' },
  productions: [
    { at: iso(2), dataset: OUT_A, runId: 'r1' },
    { at: iso(6), dataset: OUT_A, runId: 'r2' },
    { at: iso(6), dataset: OUT_B, runId: 'r2' },
    { at: iso(30), dataset: OUT_A, runId: 'late' }, // outside the window
  ],
  deadlines: [
    { at: iso(6), dataset: OUT_A, metBy: iso(6), state: 'met' },
    { at: iso(10), dataset: OUT_A, metBy: null, state: 'missed' },
    { at: iso(26), dataset: OUT_A, metBy: null, state: 'pending' },
  ],
  breaches: [
    { id: 'b1', product: 'orders-daily', environment: 'prod', output: OUT_A, openedAt: iso(10), resolvedAt: iso(14), lastProducedAt: iso(6), reason: 'analytics.orders_daily not produced within PT4H' },
    { id: 'b2', product: 'orders-daily', environment: 'prod', output: OUT_B, openedAt: iso(20), resolvedAt: null, lastProducedAt: iso(6), reason: '' },
  ],
  truncated: false,
};

