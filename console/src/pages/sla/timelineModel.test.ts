import { describe, expect, it } from 'vitest';
import { H, OUT_A, OUT_B, t0, TIMELINE } from './fixtures';
import { CHART, chartModel, outputsOf, tickStep, tickTimes, timelineSummary } from './timelineModel';
import { environmentOrder, slaMatrix, type SlaState } from './matrix';

describe('the freshness chart model', () => {
  it('a lane per output (by name), holding its productions, deadlines and breaches', () => {
    const m = chartModel(TIMELINE);
    expect(m.lanes.map((l) => l.label)).toEqual(['analytics.orders_by_region', 'analytics.orders_daily']);
    expect(m.lanes.map((l) => l.y)).toEqual([22, 50]);
    expect(m.height).toBe(CHART.top + 2 * CHART.laneHeight + CHART.axisHeight);
    // an output of the product never produced in the window still gets its lane
    expect(chartModel(TIMELINE, ['dataset:s3://b:raw.x']).lanes.map((l) => l.label)).toContain('raw.x');
    expect(outputsOf(TIMELINE)).toEqual([OUT_B, OUT_A]);
  });

  it('places marks on the time scale; drops what lies outside the window; an open breach runs to the end', () => {
    const m = chartModel(TIMELINE);
    const x = (hours: number) => CHART.left + (hours / 24) * (CHART.width - CHART.right - CHART.left);
    expect(m.productions.map((p) => [p.x, p.y])).toEqual([
      [x(2), 50],
      [x(6), 50],
      [x(6), 22],
    ]);
    expect(m.deadlines.map((d) => [d.x, d.y, d.state])).toEqual([
      [x(6), 50, 'met'],
      [x(10), 50, 'missed'],
    ]);
    expect(m.breaches.map((b) => [b.x, b.width, b.y, b.open])).toEqual([
      [x(10), x(14) - x(10), 50, false],
      [x(20), x(24) - x(20), 22, true],
    ]);
  });

  it('ticks on whole hours or days, at most eight', () => {
    expect(tickStep(24 * H)).toBe(3 * H);
    expect(tickStep(7 * 24 * H)).toBe(24 * H);
    expect(tickStep(30 * 24 * H)).toBe(7 * 24 * H);
    expect(tickTimes(t0 + 1, t0 + 7 * H, 3 * H)).toEqual([t0 + 3 * H, t0 + 6 * H]);
    const m = chartModel(TIMELINE);
    expect(m.ticks.map((t) => t.label)).toEqual(['1 Dec 00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', '2 Dec 00:00']);
  });

  it('says in one sentence what the chart shows', () => {
    expect(timelineSummary(TIMELINE)).toBe('4 productions of 2 outputs; 1 deadline met, 1 missed; 2 breaches (1 still open).');
  });
});

describe('the SLA matrix', () => {
  const state = (product: string, environment: string, status: 'fresh' | 'breached'): SlaState => ({ product, environment, freshness: 'PT4H', status, breachesAt: null, outputs: [] });
  it('environments in promotion order, breached products first', () => {
    expect(['prod', 'eu', 'dev', 'staging'].sort(environmentOrder)).toEqual(['dev', 'staging', 'prod', 'eu']);
    const m = slaMatrix([state('a', 'prod', 'fresh'), state('b', 'staging', 'breached'), state('a', 'dev', 'fresh'), state('c', 'prod', 'fresh')]);
    expect(m.environments).toEqual(['dev', 'staging', 'prod']);
    expect(m.rows.map((r) => [r.product, Object.keys(r.cells).sort(), r.breached])).toEqual([
      ['b', ['staging'], 1],
      ['a', ['dev', 'prod'], 0],
      ['c', ['prod'], 0],
    ]);
  });
});
