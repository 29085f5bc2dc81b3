import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { lineageHref, nodeName } from '../../lib/nodeId';
import type { SlaTimeline } from './timelineModel';

const DEADLINE_STATUS = { met: { status: 'succeeded', label: 'Met' }, missed: { status: 'failed', label: 'Missed' }, pending: { status: 'pending', label: 'Ahead' } } as const;

/** The chart's data as tables: the productions, the deadlines and the breaches, newest first. */
export function SlaTimelineTables({ timeline }: { timeline: SlaTimeline }) {
  const id = useId();
  const newest = <T,>(list: readonly T[], at: (x: T) => string) => [...list].sort((a, b) => Date.parse(at(b)) - Date.parse(at(a)));
  return (
    <div className="sla-tables">
      <section aria-labelledby={`${id}-deadlines`}>
        <h3 id={`${id}-deadlines`}>Deadlines</h3>
        {timeline.deadlines.length === 0 ? (
          <p className="product-muted">No deadline in this window.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby={`${id}-deadlines`}>
              <thead>
                <tr>
                  <th scope="col">Deadline</th>
                  <th scope="col">Output</th>
                  <th scope="col">State</th>
                  <th scope="col">Met by the production of</th>
                </tr>
              </thead>
              <tbody>
                {newest(timeline.deadlines, (d) => d.at).map((d, i) => (
                  <tr key={`${d.dataset}@${d.at}#${i}`}>
                    <td>
                      <RelativeTime value={d.at} />
                    </td>
                    <td>
                      <code title={d.dataset}>{nodeName(d.dataset)}</code>
                    </td>
                    <td>
                      <StatusBadge status={DEADLINE_STATUS[d.state].status} label={DEADLINE_STATUS[d.state].label} />
                    </td>
                    <td>{d.metBy ? <RelativeTime value={d.metBy} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby={`${id}-productions`}>
        <h3 id={`${id}-productions`}>Productions</h3>
        {timeline.productions.length === 0 ? (
          <p className="product-muted">Nothing was produced in this window.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby={`${id}-productions`}>
              <thead>
                <tr>
                  <th scope="col">Produced</th>
                  <th scope="col">Output</th>
                  <th scope="col">Run</th>
                </tr>
              </thead>
              <tbody>
                {newest(timeline.productions, (p) => p.at).map((p, i) => (
                  <tr key={`${p.dataset}@${p.at}#${i}`}>
                    <td>
                      <RelativeTime value={p.at} />
                    </td>
                    <td>
                      <a href={lineageHref(p.dataset)} title={p.dataset}>
                        {nodeName(p.dataset)}
                      </a>
                    </td>
                    <td>
                      {p.runId ? (
                        <Link to="/runs/$id" params={{ id: p.runId }}>
                          <code>{p.runId.slice(0, 8)}</code>
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby={`${id}-breaches`}>
        <h3 id={`${id}-breaches`}>Breaches</h3>
        {timeline.breaches.length === 0 ? (
          <p className="product-muted">No breach in this window.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby={`${id}-breaches`}>
              <thead>
                <tr>
                  <th scope="col">Opened</th>
                  <th scope="col">Output</th>
                  <th scope="col">Resolved</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {newest(timeline.breaches, (b) => b.openedAt).map((b, i) => (
                  <tr key={b.id || `${b.openedAt}#${i}`}>
                    <td>
                      <RelativeTime value={b.openedAt} />
                    </td>
                    <td>
                      <code title={b.output}>{nodeName(b.output)}</code>
                    </td>
                    <td>{b.resolvedAt ? <RelativeTime value={b.resolvedAt} /> : <StatusBadge status="breached" label="still open" />}</td>
                    <td>{b.reason || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
