import { useId } from 'react';
import { absoluteTime } from '../../lib/time';
import { nodeName } from '../../lib/nodeId';
import { chartModel, timelineSummary, type SlaTimeline } from './timelineModel';

const DEADLINE_WORDS = { met: 'met', missed: 'missed', pending: 'pending' } as const;

/**
 * A product's freshness timeline in one environment as plain SVG (styled by CSS classes only,
 * for the CSP): a lane per output with a dot per production, its deadlines (met: a diamond,
 * missed: a cross, pending: a ring; never colour alone) and its breaches as bands. The SVG is
 * an image with a one-sentence description; the tables beside it (SlaTimelineTables) are its
 * full text alternative.
 */
export function FreshnessChart({ timeline, outputs = [] }: { timeline: SlaTimeline; outputs?: readonly string[] }) {
  const id = useId();
  const m = chartModel(timeline, outputs);
  const when = (iso: string) => absoluteTime(new Date(iso));
  return (
    <figure className="sla-chart">
      <svg className="sla-chart__svg" viewBox={`0 0 ${m.width} ${m.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="sla-chart">
        <title id={`${id}-title`}>
          Freshness of {timeline.product} in {timeline.environment}
        </title>
        <desc id={`${id}-desc`}>{timelineSummary(timeline)}</desc>
        {m.lanes.map((lane) => (
          <g key={lane.key} className="sla-chart__lane">
            <line className="sla-chart__lane-line" x1={m.plot.x0} x2={m.plot.x1} y1={lane.y} y2={lane.y} />
            <text className="sla-chart__lane-label" x={m.plot.x0 - 8} y={lane.y} textAnchor="end" dominantBaseline="middle">
              <title>{lane.key}</title>
              {/* names share their schema prefix: keep the end */}
              {lane.label.length > 26 ? `…${lane.label.slice(-25)}` : lane.label}
            </text>
          </g>
        ))}
        {m.ticks.map((t) => (
          <g key={t.at} className="sla-chart__tick">
            <line className="sla-chart__grid" x1={t.x} x2={t.x} y1={m.plot.y0} y2={m.plot.y1} />
            <text className="sla-chart__tick-label" x={t.x} y={m.plot.y1 + 18} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {m.breaches.map((b) => (
          <rect key={b.key} className={`sla-chart__breach${b.open ? ' sla-chart__breach--open' : ''}`} x={b.x} y={b.y - 8} width={b.width} height={16}>
            <title>{`${nodeName(b.output)}: breach from ${when(b.openedAt)}${b.resolvedAt ? ` to ${when(b.resolvedAt)}` : ', still open'}`}</title>
          </rect>
        ))}
        {m.productions.map((p) => (
          <circle key={p.key} className="sla-chart__production" cx={p.x} cy={p.y} r={5}>
            <title>{`${nodeName(p.dataset)} produced ${when(p.at)}`}</title>
          </circle>
        ))}
        {m.deadlines.map((d) => (
          <g key={d.key} className={`sla-chart__deadline sla-chart__deadline--${d.state}`}>
            <title>{`${nodeName(d.dataset)}: deadline ${when(d.at)}, ${DEADLINE_WORDS[d.state]}`}</title>
            {d.state === 'met' ? (
              <path d={`M ${d.x} ${d.y - 7} L ${d.x + 7} ${d.y} L ${d.x} ${d.y + 7} L ${d.x - 7} ${d.y} Z`} />
            ) : d.state === 'missed' ? (
              <path d={`M ${d.x - 6} ${d.y - 6} L ${d.x + 6} ${d.y + 6} M ${d.x + 6} ${d.y - 6} L ${d.x - 6} ${d.y + 6}`} />
            ) : (
              <circle cx={d.x} cy={d.y} r={6} />
            )}
          </g>
        ))}
        <line className="sla-chart__axis" x1={m.plot.x0} x2={m.plot.x1} y1={m.plot.y1} y2={m.plot.y1} />
      </svg>
      <figcaption className="sla-chart__legend">
        <span className="sla-chart__key sla-chart__key--production">● production</span>
        <span className="sla-chart__key sla-chart__key--met">◆ deadline met</span>
        <span className="sla-chart__key sla-chart__key--missed">✕ deadline missed</span>
        <span className="sla-chart__key sla-chart__key--pending">○ deadline ahead</span>
        <span className="sla-chart__key sla-chart__key--breach">▬ breach</span>
      </figcaption>
    </figure>
  );
}
