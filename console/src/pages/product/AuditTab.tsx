import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, data } from '../../api/client';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { productKeys } from './queries';

const OUTCOME_TONE: Record<string, string> = { succeeded: 'succeeded', failed: 'failed', denied: 'blocked' };

/**
 * The product's audit entries, newest first. Only auditors and admins may read the audit trail:
 * for anyone else the server answers 403, shown as the "Not allowed" panel with its reason.
 */
export function AuditTab({ name, cursor, onCursor }: { name: string; cursor: string | undefined; onCursor: (cursor: string | undefined) => void }) {
  const audit = useQuery({
    queryKey: productKeys.audit(name, cursor),
    queryFn: ({ signal }) => data(api.GET('/api/v1/audit', { params: { query: { subjectType: 'DataProduct', subjectId: name, ...(cursor ? { cursor } : {}) } }, signal })),
    placeholderData: keepPreviousData,
  });
  if (audit.error) return <ProblemView error={audit.error} headingLevel={3} onRetry={() => void audit.refetch()} />;
  if (!audit.data) return <Loading label="Loading the audit entries…" />;
  return (
    <div className="product-list-tab">
      <p>
        <Link to="/audit" search={{ subjectType: 'DataProduct', subjectId: name }}>
          Open in the audit trail
        </Link>{' '}
        (filters, details and chain verification).
      </p>
      {audit.data.items.length === 0 ? (
        <p className="empty-state">No audit entry names {name}.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label={`Audit entries of ${name}`} aria-busy={audit.isFetching || undefined}>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    Seq
                  </th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Revision</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((e) => (
                  <tr key={e.seq}>
                    <td className="numeric">{e.seq}</td>
                    <td>
                      <RelativeTime value={e.at} />
                    </td>
                    <td>
                      <code>{e.principal}</code>
                    </td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      <StatusBadge status={OUTCOME_TONE[e.outcome] ?? e.outcome} label={e.outcome} />
                    </td>
                    <td>{revisionOf(e.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager cursor={cursor} nextCursor={audit.data.nextCursor} onChange={onCursor} label="Audit entries" />
        </>
      )}
    </div>
  );
}

/** The revision a catalog entry recorded (`details.revision`), when it did. */
function revisionOf(details: unknown): string {
  const r = typeof details === 'object' && details !== null ? (details as { revision?: unknown }).revision : undefined;
  return typeof r === 'number' ? `r${r}` : '—';
}
