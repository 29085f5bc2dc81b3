import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, data } from '../../api/client';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { productKeys } from './queries';

/** This product's runs: status, environment, orchestrator, started and ended; each opens its detail (/runs/$id). */
export function RunsTab({ name, cursor, onCursor }: { name: string; cursor: string | undefined; onCursor: (cursor: string | undefined) => void }) {
  const runs = useQuery({
    queryKey: productKeys.runs(name, cursor),
    queryFn: ({ signal }) => data(api.GET('/api/v1/runs', { params: { query: { product: name, ...(cursor ? { cursor } : {}) } }, signal })),
    placeholderData: keepPreviousData,
  });
  if (runs.error) return <ProblemView error={runs.error} headingLevel={3} onRetry={() => void runs.refetch()} />;
  if (!runs.data) return <Loading label="Loading the runs…" />;
  if (!runs.data.items.length) return <p className="empty-state">No run of {name} is known yet.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-label={`Runs of ${name}`} aria-busy={runs.isFetching || undefined}>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col">Environment</th>
              <th scope="col">Orchestrator</th>
              <th scope="col">Revision</th>
              <th scope="col">Started</th>
              <th scope="col">Ended</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to="/runs/$id" params={{ id: r.id }} aria-label={`Run ${r.id.slice(0, 8)}: details, task runs and tries`}>
                    <code>{r.id.slice(0, 8)}</code>
                  </Link>
                </th>
                <td>
                  <StatusBadge status={r.status} context={`Run ${r.id.slice(0, 8)}:`} />
                  {r.error && <div className="product-muted product-cell-text">{r.error}</div>}
                </td>
                <td>{r.environment}</td>
                <td>
                  <code>{r.orchestrator}</code>
                  <div className="product-muted">{r.target.kind === 'dag' ? `DAG ${r.target.dagId}` : `assets ${r.target.assetKeys.map((k) => k.join('/')).join(', ')}`}</div>
                </td>
                <td>{r.revision === null ? '—' : `r${r.revision}`}</td>
                <td>
                  <RelativeTime value={r.startedAt} fallback="not started" />
                </td>
                <td>
                  <RelativeTime value={r.endedAt} fallback={r.status === 'running' || r.status === 'queued' ? 'running' : '—'} />
                </td>
                <td>{r.source === 'gatehouse' ? `triggered by ${r.requestedBy}` : 'reported by lineage'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager cursor={cursor} nextCursor={runs.data.nextCursor} onChange={onCursor} label="Runs" />
    </>
  );
}
