import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { failureLabel, recentFailures, type Failure } from './model';
import { myEndedPromotionsQuery, myFailedRunsQuery, RECENT_DAYS } from './queries';
import { Empty, Section } from './Section';
import { useNow } from './time';

const DAY_MS = 24 * 3600 * 1000;

/** (c) Recent failed or rejected promotions and failed runs of my teams' products, newest first. */
export function FailuresSection() {
  const [failed, rejected, runs] = useQueries({ queries: [myEndedPromotionsQuery('failed'), myEndedPromotionsQuery('rejected'), myFailedRunsQuery] });
  const now = useNow(60_000);
  const all = [failed, rejected, runs];
  const error = all.find((q) => q.isError && !q.data)?.error;
  const ready = failed.data && rejected.data && runs.data;
  const since = now.getTime() - RECENT_DAYS * DAY_MS;
  const items = ready ? recentFailures([...failed.data.items, ...rejected.data.items], runs.data.items).filter((f) => Date.parse(f.at) >= since) : [];
  return (
    <Section
      title="Recent failures"
      count={ready ? items.length : undefined}
      description={`Failed or rejected promotions and failed runs of products your teams own or you steward, in the last ${RECENT_DAYS} days.`}
      aside={<Link to="/promotions">All promotions</Link>}
    >
      {error ? (
        <ProblemView error={error} headingLevel={3} onRetry={() => all.forEach((q) => void q.refetch())} />
      ) : !ready ? (
        <Loading label="Loading recent failures…" />
      ) : items.length === 0 ? (
        <Empty>Nothing of yours failed or was rejected in the last {RECENT_DAYS} days.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Recent failures</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Product</th>
                <th scope="col">Details</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <FailureRow key={`${f.kind}/${f.id}`} failure={f} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function FailureRow({ failure: f }: { failure: Failure }) {
  return (
    <tr>
      <td className="home-nowrap">
        <RelativeTime value={f.at} />
      </td>
      <td>
        <span className={`badge ${f.kind === 'promotion' && f.promotion.state === 'rejected' ? 'badge--warning' : 'badge--danger'}`}>{failureLabel(f)}</span>
      </td>
      <th scope="row">
        {f.product ? (
          <Link to="/products/$name" params={{ name: f.product }} search={f.kind === 'run' ? { tab: 'runs' } : { tab: 'promotions' }}>
            {f.product}
          </Link>
        ) : (
          <span className="home-muted">no product</span>
        )}
      </th>
      <td className="home-nowrap">
        {f.kind === 'promotion' ? (
          <Link to="/promotions/$id" params={{ id: f.id }}>
            r{f.promotion.revision} {f.promotion.from} <span aria-hidden="true">→</span>
            <span className="visually-hidden">to</span> {f.promotion.to}
          </Link>
        ) : (
          <>
            {f.run.environment} · {f.run.orchestrator}
            {f.run.revision !== null && <> · r{f.run.revision}</>}
          </>
        )}
      </td>
      <td className="home-reason">{reasonOf(f) ?? <span className="home-muted">none given</span>}</td>
    </tr>
  );
}

/** Why it failed, as the server recorded it: the promotion's state reason (or the rejecting comment), the run's error. */
function reasonOf(f: Failure): string | null {
  if (f.kind === 'run') return f.run.error ?? f.run.nativeStatus;
  const rejection = f.promotion.approvals.find((a) => a.decision === 'reject');
  return f.promotion.stateReason ?? (rejection ? `${rejection.principal}: ${rejection.comment}` : null);
}
