import { useId, useState } from 'react';
import { RelativeTime } from '../../components/RelativeTime';
import type { Display, DisplayNode } from './display';
import type { Direction } from './model';
import { runState } from './runState';
import { nodeLabel } from './tableRows';

interface NodePanelProps {
  item: DisplayNode;
  display: Display;
  columnsShown: boolean;
  field: string | undefined;
  /** The other end of the path asked for, when the selection is one end. */
  pathTo: string | undefined;
  expanded: { upstream: boolean; downstream: boolean };
  onExpand(direction: Direction): void;
  onCollapse(): void;
  onToggleColumns(): void;
  onSelectColumn(field: string): void;
  onFocus(): void;
  onPath(to: string | null): void;
  onClose(): void;
}

/** The selected dataset or job: what it is, its products, schema, run; expand, columns, path to another node. */
export function NodePanel({ item, display, columnsShown, field, pathTo, expanded, onExpand, onCollapse, onToggleColumns, onSelectColumn, onFocus, onPath, onClose }: NodePanelProps) {
  const n = item.node!;
  const headingId = useId();
  const pathSelectId = useId();
  const others = display.nodes.filter((x) => x.id !== item.id && x.kind !== 'GROUP');
  const [target, setTarget] = useState(pathTo ?? others[0]?.id ?? '');
  const columns = item.columns ?? null;
  return (
    <section className="lineage-panel" aria-labelledby={headingId}>
      <div className="lineage-panel__header">
        <h2 id={headingId} className="lineage-panel__title">
          <span className="lineage-panel__kind">{n.kind === 'JOB' ? 'Job' : 'Dataset'}</span> {n.name}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Clear selection
        </button>
      </div>
      <dl className="lineage-panel__facts">
        <dt>Namespace</dt>
        <dd>{n.namespace}</dd>
        <dt>Id</dt>
        <dd className="lineage-panel__id">{n.id}</dd>
        {n.kind === 'JOB' ? (
          <>
            <dt>Latest run</dt>
            <dd>
              <span className={`badge badge--${runState(n.latestRun?.status).tone}`}>{runState(n.latestRun?.status).label}</span>
              {n.latestRun?.endedAt && (
                <>
                  {' '}
                  ended <RelativeTime value={n.latestRun.endedAt} />
                </>
              )}
            </dd>
            <dt>Orchestrator</dt>
            <dd>{n.orchestrator ? `${n.orchestrator.name} (${n.orchestrator.kind})` : 'none known'}</dd>
          </>
        ) : (
          <>
            <dt>Last production</dt>
            <dd>{n.lastProducedAt ? <RelativeTime value={n.lastProducedAt} /> : 'not produced yet'}</dd>
          </>
        )}
        <dt>Data products</dt>
        <dd>{n.products.length ? n.products.map((p) => `${p.name} (owner ${p.owner}${p.tier ? `, tier ${p.tier}` : ''})`).join('; ') : 'none'}</dd>
        <dt>Lineage</dt>
        <dd>
          {display.counts.upstream} upstream, {display.counts.downstream} downstream (highlighted)
        </dd>
      </dl>
      <div className="lineage-panel__actions">
        <button type="button" className="button" onClick={() => onExpand('upstream')}>
          Expand upstream
        </button>
        <button type="button" className="button" onClick={() => onExpand('downstream')}>
          Expand downstream
        </button>
        {(expanded.upstream || expanded.downstream) && (
          <button type="button" className="button button--quiet" onClick={onCollapse}>
            Collapse expansions
          </button>
        )}
        <button type="button" className="button" onClick={onFocus}>
          Open lineage here
        </button>
        {n.kind === 'DATASET' && (
          <button type="button" className="button" aria-pressed={columnsShown} onClick={onToggleColumns}>
            {columnsShown ? 'Hide columns' : 'Show columns'}
          </button>
        )}
      </div>
      {n.kind === 'DATASET' && (columns ?? n.fields).length > 0 && (
        <>
          <h3 className="lineage-panel__subtitle">{columns ? 'Columns (choose one to see its lineage)' : 'Schema'}</h3>
          <ul className="lineage-panel__fields">
            {(columns ?? n.fields.map((f) => ({ name: f.name, type: f.type, state: 'none' as const }))).map((c) => (
              <li key={c.name} className={`lineage-panel__field is-${c.state}`}>
                {columns ? (
                  <button type="button" className="link-button" aria-pressed={c.name === field} onClick={() => onSelectColumn(c.name)}>
                    {c.name}
                  </button>
                ) : (
                  <span>{c.name}</span>
                )}
                {c.type && <span className="lineage-panel__type"> {c.type}</span>}
                {c.state === 'upstream' && <span> — feeds {field}</span>}
                {c.state === 'downstream' && <span> — fed by {field}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <form
          className="lineage-panel__path"
          onSubmit={(e) => {
            e.preventDefault();
            onPath(target || null);
          }}
        >
          <label htmlFor={pathSelectId} className="label">
            Path between {n.name} and
          </label>
          <select id={pathSelectId} className="select" value={target} onChange={(e) => setTarget(e.target.value)}>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {nodeLabel(o)} ({o.kind.toLowerCase()})
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            Highlight path
          </button>
          {pathTo && (
            <button type="button" className="button button--quiet" onClick={() => onPath(null)}>
              Clear path
            </button>
          )}
        </form>
      )}
    </section>
  );
}
