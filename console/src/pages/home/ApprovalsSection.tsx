import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { absoluteTime } from '../../lib/time';
import type { Promotion } from './model';
import { APPROVALS_REFRESH_MS, awaitingMeQuery } from './queries';
import { Empty, Section } from './Section';
import { formatAge, timeLeft, useNow } from './time';

/** (a) Promotions waiting for my decision, asked again every 15 s. */
export function ApprovalsSection() {
  const query = useQuery(awaitingMeQuery);
  const now = useNow();
  const items = query.data?.items ?? [];
  return (
    <Section
      title="Waiting for my decision"
      count={query.data ? items.length : undefined}
      description={
        <>
          Promotions you may approve or reject and have not decided yet. This list refreshes every {APPROVALS_REFRESH_MS / 1000} seconds
          {query.dataUpdatedAt > 0 && (
            <>
              {' '}
              (updated <RelativeTime value={query.dataUpdatedAt} />)
            </>
          )}
          .
        </>
      }
      aside={<Link to="/approvals">All approvals</Link>}
    >
      {query.isPending ? (
        <Loading label="Loading the promotions waiting for you…" />
      ) : query.isError && !query.data ? (
        <ProblemView error={query.error} headingLevel={3} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>Nothing is waiting for your decision.</Empty>
      ) : (
        <>
          {query.isError && (
            <p className="home-section__stale" role="status">
              Could not refresh the list just now ({query.error.message}); it shows the answer from <RelativeTime value={query.dataUpdatedAt} /> and is asked again shortly.
            </p>
          )}
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Promotions waiting for my decision</caption>
              <thead>
                <tr>
                  <th scope="col">Promotion</th>
                  <th scope="col">From → to</th>
                  <th scope="col">Requested by</th>
                  <th scope="col">Waiting for</th>
                  <th scope="col">Time left</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <ApprovalRow key={p.id} promotion={p} now={now} />
                ))}
              </tbody>
            </table>
          </div>
          {query.data?.nextCursor && (
            <p className="home-section__more">
              More are waiting: <Link to="/approvals">see them all in Approvals</Link>.
            </p>
          )}
        </>
      )}
    </Section>
  );
}

function ApprovalRow({ promotion: p, now }: { promotion: Promotion; now: Date }) {
  const left = timeLeft(p.expiresAt, now);
  const created = new Date(p.createdAt);
  return (
    <tr>
      <th scope="row">
        <Link to="/promotions/$id" params={{ id: p.id }}>
          {p.product} r{p.revision}
        </Link>
        {p.kind === 'rollback' && <span className="badge badge--warning home-kind">Rollback</span>}
      </th>
      <td className="home-nowrap">
        {p.from} <span aria-hidden="true">→</span>
        <span className="visually-hidden">to</span> {p.to}
      </td>
      <td>{p.requestedBy}</td>
      <td>
        <time dateTime={created.toISOString()} title={`Requested ${absoluteTime(created)}`}>
          {formatAge(created, now)}
        </time>
      </td>
      <td>
        {p.expiresAt ? (
          <time dateTime={p.expiresAt} title={`Expires ${absoluteTime(new Date(p.expiresAt))}`} className={`home-expiry home-expiry--${left.state}`}>
            {left.state === 'soon' && <span aria-hidden="true">▲ </span>}
            {left.text}
          </time>
        ) : (
          <span className="home-expiry home-expiry--none">{left.text}</span>
        )}
      </td>
      <td>
        <StatusBadge status={p.state} />
      </td>
    </tr>
  );
}
