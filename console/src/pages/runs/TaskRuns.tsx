import { Fragment, useId, useState } from 'react';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { lineageHref } from '../../lib/nodeId';
import { durationMs, formatDuration, spanOf, type Span, type TaskRow } from './taskRuns';

interface TaskRunsProps {
  rows: readonly TaskRow[];
  /** The run's time line (null when nothing started yet): each task's bar sits on it. */
  window: { start: number; end: number } | null;
  now?: number;
}

/**
 * The run's tasks, each once with its final state, timing (a bar on the run's time line) and
 * error; a task that ran more than once opens to its tries (try number, state, timing, error).
 */
export function TaskRuns({ rows, window, now = Date.now() }: TaskRunsProps) {
  const id = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <div className="table-wrap">
      <table className="table task-runs" aria-label="Task runs">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Final state</th>
            <th scope="col">Started</th>
            <th scope="col" className="numeric">
              Duration
            </th>
            <th scope="col">Timing</th>
            <th scope="col">Tries</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const triesId = `${id}-tries-${i}`;
            const expanded = open.has(row.key);
            return (
              <Fragment key={row.key}>
                <tr>
                  <th scope="row">
                    {row.job ? (
                      <a href={lineageHref(row.job)} title={row.job}>
                        {row.name}
                      </a>
                    ) : (
                      row.name
                    )}
                    {row.errorMessage && <div className="task-runs__error">{row.errorMessage}</div>}
                  </th>
                  <td>
                    <StatusBadge status={row.status} context={`Task ${row.name}:`} />
                  </td>
                  <td>
                    <RelativeTime value={row.startedAt} fallback="not started" />
                  </td>
                  <td className="numeric">{formatDuration(durationMs(row.startedAt, row.endedAt, now))}</td>
                  <td>
                    <TimingBar span={window && spanOf(window, row.startedAt, row.endedAt, now)} status={row.status} tries={window ? row.tries.map((t) => spanOf(window, t.startedAt, t.endedAt, now)) : []} />
                  </td>
                  <td>
                    {row.tries.length > 1 ? (
                      <button type="button" className="button button--quiet" aria-expanded={expanded} aria-controls={triesId} onClick={() => toggle(row.key)}>
                        {expanded ? 'Hide' : 'Show'} {row.tries.length} tries<span className="visually-hidden"> of {row.name}</span>
                      </button>
                    ) : row.tries.length === 1 ? (
                      '1 try'
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
                {row.tries.length > 1 && (
                  <tr id={triesId} hidden={!expanded} className="task-runs__tries-row">
                    <td colSpan={6}>
                      <table className="table task-runs__tries" aria-label={`Tries of ${row.name}`}>
                        <thead>
                          <tr>
                            <th scope="col">Try</th>
                            <th scope="col">State</th>
                            <th scope="col">Started</th>
                            <th scope="col" className="numeric">
                              Duration
                            </th>
                            <th scope="col">Error</th>
                          </tr>
                        </thead>
                        <tbody>
                          {row.tries.map((t) => (
                            <tr key={t.try}>
                              <th scope="row">Try {t.try}</th>
                              <td>
                                <StatusBadge status={t.status} context={`Try ${t.try}:`} />
                              </td>
                              <td>
                                <RelativeTime value={t.startedAt} fallback="not started" />
                              </td>
                              <td className="numeric">{formatDuration(durationMs(t.startedAt, t.endedAt, now))}</td>
                              <td>{t.errorMessage ?? '—'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A task's bar on the run's time line, its earlier tries drawn thinner in it; hidden from screen readers (the duration column says it). */
function TimingBar({ span, status, tries }: { span: Span | null; status: string; tries: (Span | null)[] }) {
  if (!span) return <span className="product-muted">—</span>;
  // the view box is 100 wide: a fraction × 100 is its position
  const pct = (x: number) => Number((x * 100).toFixed(2));
  return (
    <svg className="timing-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="timing-bar__track" x="0" y="5" width="100" height="2" />
      <rect className={`timing-bar__span timing-bar__span--${status}`} x={pct(span.offset)} y="2" width={pct(span.width)} height="8" />
      {tries.length > 1 &&
        tries.slice(0, -1).map((t, i) => (t ? <rect key={i} className="timing-bar__try" x={pct(t.offset)} y="4" width={pct(t.width)} height="4" /> : null))}
    </svg>
  );
}
