import type { components } from '../../api/schema';
import { nodeName } from '../../lib/nodeId';

/**
 * The freshness chart's model: from a product's SLA timeline in one environment (productions
 * of its outputs, the deadlines and whether each was met, the breaches) to what the SVG draws:
 * one lane per output with its productions, its deadlines and its breaches (as bands), and
 * time ticks. Pure, so it is tested without rendering.
 */

/** `GET /api/v1/data-products/{name}/sla/timeline`. */
export type SlaTimeline = components['schemas']['SlaTimeline'];

export const CHART = {
  width: 960,
  /** Left margin: the lane labels. */
  left: 190,
  right: 16,
  top: 8,
  laneHeight: 28,
  axisHeight: 30,
} as const;

export interface Lane {
  key: string;
  label: string;
  /** The lane's vertical centre. */
  y: number;
}

export interface ChartModel {
  width: number;
  height: number;
  lanes: Lane[];
  productions: { key: string; x: number; y: number; at: string; dataset: string }[];
  deadlines: { key: string; x: number; y: number; at: string; dataset: string; state: SlaTimeline['deadlines'][number]['state'] }[];
  breaches: { key: string; x: number; width: number; y: number; output: string; openedAt: string; resolvedAt: string | null; open: boolean }[];
  ticks: { x: number; label: string; at: string }[];
  /** The plot's horizontal extent. */
  plot: { x0: number; x1: number; y0: number; y1: number };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TICK_STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

/** A step giving at most `max` ticks over the span, on whole hours or days (UTC). */
export function tickStep(spanMs: number, max = 8): number {
  return TICK_STEPS.find((s) => spanMs / s <= max) ?? Math.ceil(spanMs / max / DAY) * DAY;
}

/** Tick times in [from, to], aligned to the step (UTC). */
export function tickTimes(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}

function tickLabel(t: number, step: number): string {
  const d = new Date(t);
  const day = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  if (step >= DAY) return day;
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return d.getUTCHours() === 0 ? `${day} ${time}` : time;
}

/** The outputs that have a lane: every dataset produced, due or breached in the window, by short name. */
export function outputsOf(timeline: SlaTimeline): string[] {
  const all = [...timeline.productions.map((p) => p.dataset), ...timeline.deadlines.map((d) => d.dataset), ...timeline.breaches.map((b) => b.output)];
  return [...new Set(all)].sort((a, b) => nodeName(a).localeCompare(nodeName(b)));
}

export function chartModel(timeline: SlaTimeline, extraOutputs: readonly string[] = []): ChartModel {
  const from = Date.parse(timeline.from);
  const to = Math.max(from + 1, Date.parse(timeline.to));
  const x0 = CHART.left;
  const x1 = CHART.width - CHART.right;
  const x = (t: number) => x0 + ((Math.min(to, Math.max(from, t)) - from) / (to - from)) * (x1 - x0);
  const outputs = [...new Set([...outputsOf(timeline), ...extraOutputs])].sort((a, b) => nodeName(a).localeCompare(nodeName(b)));
  const laneY = (i: number) => CHART.top + CHART.laneHeight * i + CHART.laneHeight / 2;
  const lanes: Lane[] = outputs.map((o, i) => ({ key: o, label: nodeName(o), y: laneY(i) }));
  const yOf = new Map(lanes.map((l) => [l.key, l.y]));
  const y1 = CHART.top + CHART.laneHeight * lanes.length;
  const step = tickStep(to - from);
  return {
    width: CHART.width,
    height: y1 + CHART.axisHeight,
    lanes,
    productions: timeline.productions
      .filter((p) => Date.parse(p.at) >= from && Date.parse(p.at) <= to)
      .map((p, i) => ({ key: `${p.dataset}@${p.at}#${i}`, x: x(Date.parse(p.at)), y: yOf.get(p.dataset)!, at: p.at, dataset: p.dataset })),
    deadlines: timeline.deadlines
      .filter((d) => Date.parse(d.at) >= from && Date.parse(d.at) <= to)
      .map((d, i) => ({ key: `${d.at}#${i}`, x: x(Date.parse(d.at)), y: yOf.get(d.dataset)!, at: d.at, dataset: d.dataset, state: d.state })),
    breaches: timeline.breaches
      .filter((b) => Date.parse(b.openedAt) <= to && (!b.resolvedAt || Date.parse(b.resolvedAt) >= from))
      .map((b, i) => {
        const start = x(Date.parse(b.openedAt));
        const end = x(b.resolvedAt ? Date.parse(b.resolvedAt) : to);
        return { key: b.id || `${b.openedAt}#${i}`, x: start, width: Math.max(2, end - start), y: yOf.get(b.output)!, output: b.output, openedAt: b.openedAt, resolvedAt: b.resolvedAt, open: !b.resolvedAt };
      }),
    ticks: tickTimes(from, to, step).map((t) => ({ x: x(t), label: tickLabel(t, step), at: new Date(t).toISOString() })),
    plot: { x0, x1, y0: CHART.top, y1 },
  };
}

/** One sentence for screen readers, and the chart's description. */
export function timelineSummary(timeline: SlaTimeline): string {
  const met = timeline.deadlines.filter((d) => d.state === 'met').length;
  const missed = timeline.deadlines.filter((d) => d.state === 'missed').length;
  const open = timeline.breaches.filter((b) => !b.resolvedAt).length;
  const outputs = outputsOf(timeline).length;
  return (
    `${timeline.productions.length} production${timeline.productions.length === 1 ? '' : 's'} of ${outputs} output${outputs === 1 ? '' : 's'}; ` +
    `${met} deadline${met === 1 ? '' : 's'} met, ${missed} missed; ${timeline.breaches.length} breach${timeline.breaches.length === 1 ? '' : 'es'}${open ? ` (${open} still open)` : ''}.`
  );
}

/** The windows the page offers (the `range` search param) and their length. */
export const SLA_RANGES = ['24h', '7d', '30d'] as const;
export type SlaRange = (typeof SLA_RANGES)[number];
export const RANGE_MS: Record<SlaRange, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY };
export const RANGE_LABELS: Record<SlaRange, string> = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' };
