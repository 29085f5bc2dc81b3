import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { breachedSince, lateOutputs, outputLabel, sortBreaches, type SlaOutput, type SlaState } from './model';
import { myBreachesQuery } from './queries';
import { Empty, Section } from './Section';
import { formatIsoDuration } from './time';

/** (b) My teams' products in SLA breach, per environment, with the outputs that are late. */
export function BreachesSection() {
  const query = useQuery(myBreachesQuery);
  const breaches = query.data ? sortBreaches(query.data.items) : [];
  return (
    <Section
      title="My products in SLA breach"
      count={query.data ? breaches.length : undefined}
      description={
        <>
          Products your teams own or you steward whose outputs are late, per environment
          {query.data && (
            <>
              {' '}
              (evaluated <RelativeTime value={query.data.evaluatedAt} />)
            </>
          )}
          .
        </>
      }
    >
      {query.isPending ? (
        <Loading label="Loading SLA breaches…" />
      ) : query.isError && !query.data ? (
        <ProblemView error={query.error} headingLevel={3} onRetry={() => void query.refetch()} />
      ) : breaches.length === 0 ? (
        <Empty>No product of yours is in breach of its SLA.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">My products in SLA breach</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Environment</th>
                <th scope="col">Breached since</th>
                <th scope="col">Late outputs</th>
                <th scope="col">Freshness</th>
              </tr>
            </thead>
            <tbody>
              {breaches.map((s) => (
                <BreachRow key={`${s.product}/${s.environment}`} state={s} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function BreachRow({ state }: { state: SlaState }) {
  const since = breachedSince(state);
  return (
    <tr>
      <th scope="row">
        <Link to="/products/$name" params={{ name: state.product }} search={{ tab: 'sla' }}>
          {state.product}
        </Link>
      </th>
      <td>{state.environment}</td>
      <td>
        <RelativeTime value={since} />
      </td>
      <td>
        <ul className="home-outputs">
          {lateOutputs(state).map((o) => (
            <li key={o.output}>
              <code title={o.output}>{outputLabel(o.output)}</code> <OutputLate output={o} />
            </li>
          ))}
        </ul>
      </td>
      <td>
        <span title={state.freshness}>{formatIsoDuration(state.freshness)}</span>
      </td>
    </tr>
  );
}

function OutputLate({ output }: { output: SlaOutput }) {
  if (output.status === 'missing' || !output.lastProducedAt) {
    return <span className="home-muted">never produced (due <RelativeTime value={output.deadline} />)</span>;
  }
  return (
    <span className="home-muted">
      last produced <RelativeTime value={output.lastProducedAt} />, due <RelativeTime value={output.deadline} />
    </span>
  );
}
