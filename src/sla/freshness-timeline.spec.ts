import { outputDeadlines } from './freshness-timeline';

const H = 3_600_000;
const t = (h: number) => new Date(Date.UTC(2026, 11, 1) + h * H);
const produced = (...hours: number[]) => hours.map((h) => ({ at: t(h).toISOString(), dataset: 'd', runId: null }));

describe('deadlines of an output on the freshness timeline', () => {
  const window = { ms: 6 * H, registeredAt: t(-100), from: t(0), to: t(48), now: t(30) };

  it('meets a deadline by the next production at or before it, misses it otherwise, and leaves the next one pending', () => {
    const deadlines = outputDeadlines('d', produced(-2, 3, 12, 26), window);
    expect(deadlines.map((d) => [d.at, d.state, d.metBy])).toEqual([
      [t(4).toISOString(), 'met', t(3).toISOString()],
      [t(9).toISOString(), 'missed', null],
      [t(18).toISOString(), 'missed', null],
      [t(32).toISOString(), 'pending', null],
    ]);
  });

  it('starts from the product’s registration before the first production and keeps to the window asked for', () => {
    const registered = { ...window, registeredAt: t(1) };
    expect(outputDeadlines('d', [], registered).map((d) => [d.at, d.state])).toEqual([[t(7).toISOString(), 'missed']]);
    expect(outputDeadlines('d', produced(5), registered).map((d) => [d.at, d.state])).toEqual([
      [t(7).toISOString(), 'met'],
      [t(11).toISOString(), 'missed'],
    ]);
    expect(outputDeadlines('d', produced(50), { ...registered, to: t(6) })).toEqual([]);
  });
});
