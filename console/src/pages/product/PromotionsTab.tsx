import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, data } from '../../api/client';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import type { ActionState } from './actions';
import { Guarded } from './Guarded';
import { productKeys } from './queries';

interface ListTabProps {
  name: string;
  cursor: string | undefined;
  onCursor: (cursor: string | undefined) => void;
}

/** This product's promotions (newest first), each linking to its page, and "Request a promotion". */
export function PromotionsTab({ name, cursor, onCursor, promote }: ListTabProps & { promote: ActionState }) {
  const promotions = useQuery({
    queryKey: productKeys.promotions(name, cursor),
    queryFn: ({ signal }) => data(api.GET('/api/v1/promotions', { params: { query: { product: name, ...(cursor ? { cursor } : {}) } }, signal })),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="product-list-tab">
      <p className="product-list-tab__actions">
        <Guarded reason={promote.reason} pending={promote.pending} label="Request a promotion">
          <Link to="/products/$name/promote" params={{ name }} className="button button--primary">
            Request a promotion
          </Link>
        </Guarded>
      </p>
      {promotions.error ? (
        <ProblemView error={promotions.error} headingLevel={3} onRetry={() => void promotions.refetch()} />
      ) : !promotions.data ? (
        <Loading label="Loading the promotions…" />
      ) : promotions.data.items.length === 0 ? (
        <p className="empty-state">No promotion of {name} was ever requested.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label={`Promotions of ${name}, newest first`} aria-busy={promotions.isFetching || undefined}>
              <thead>
                <tr>
                  <th scope="col">Promotion</th>
                  <th scope="col">State</th>
                  <th scope="col">Requested by</th>
                  <th scope="col">Requested</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {promotions.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to="/promotions/$id" params={{ id: p.id }}>
                        {p.kind === 'rollback' ? `Roll back ${p.to} to r${p.revision}` : `r${p.revision} ${p.from} → ${p.to}`}
                      </Link>
                    </th>
                    <td>
                      <StatusBadge status={p.state} />
                      {p.stateReason && <div className="product-muted">{p.stateReason}</div>}
                    </td>
                    <td>
                      <code>{p.requestedBy}</code>
                    </td>
                    <td>
                      <RelativeTime value={p.createdAt} />
                    </td>
                    <td className="product-cell-text">{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager cursor={cursor} nextCursor={promotions.data.nextCursor} onChange={onCursor} label="Promotions" />
        </>
      )}
    </div>
  );
}
