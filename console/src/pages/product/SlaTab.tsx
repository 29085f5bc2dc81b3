import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, data } from '../../api/client';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { productKeys } from './queries';

const OUTPUT_STATUS: Record<string, string> = { fresh: 'fresh', stale: 'stale', missing: 'never produced, past its deadline' };

/** `dataset:<namespace>:<name>` → the dataset's name (the namespace in the title). */
function datasetName(node: string): string {
  const rest = node.startsWith('dataset:') ? node.slice('dataset:'.length) : node;
  const i = rest.lastIndexOf(':');
  return i > 0 ? rest.slice(i + 1) : rest;
}

/** Freshness per environment, with each output's last production and deadline, and recent breaches; each environment links to its timeline (/sla/$name). */
export function SlaTab({ name }: { name: string }) {
  const sla = useQuery({
    queryKey: productKeys.sla(name),
    queryFn: ({ signal }) => data(api.GET('/api/v1/data-products/{name}/sla', { params: { path: { name } }, signal })),
  });
  if (sla.error) return <ProblemView error={sla.error} headingLevel={3} onRetry={() => void sla.refetch()} />;
  if (!sla.data) return <Loading label="Loading the SLA state…" />;
  const { freshness, environments, breaches } = sla.data;
  if (!freshness) return <p className="empty-state">{name} declares no freshness SLA: nothing is checked.</p>;
  return (
    <div className="product-sla">
      <p>
        Each output must be produced at least every <code>{freshness}</code>.
      </p>
      <section aria-labelledby="sla-state">
        <h3 id="sla-state">State per environment</h3>
        {environments.length === 0 ? (
          <p className="product-muted">No environment runs {name} yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="sla-state">
              <thead>
                <tr>
                  <th scope="col">Environment</th>
                  <th scope="col">Freshness</th>
                  <th scope="col">Next deadline</th>
                  <th scope="col">Outputs</th>
                  <th scope="col">History</th>
                </tr>
              </thead>
              <tbody>
                {environments.map((e) => (
                  <tr key={e.environment}>
                    <th scope="row">{e.environment}</th>
                    <td>
                      <StatusBadge status={e.status} context={`SLA in ${e.environment}:`} />
                    </td>
                    <td>
                      <RelativeTime value={e.breachesAt} fallback="none ahead" />
                    </td>
                    <td>
                      <ul className="product-sla__outputs">
                        {e.outputs.map((o) => (
                          <li key={o.output}>
                            <code title={o.output}>{datasetName(o.output)}</code>: {OUTPUT_STATUS[o.status] ?? o.status}; last produced <RelativeTime value={o.lastProducedAt} fallback="never" />, due <RelativeTime value={o.deadline} />
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <Link to="/sla/$name" params={{ name }} search={{ environment: e.environment }}>
                        Timeline<span className="visually-hidden"> of {name} in {e.environment}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="sla-breaches">
        <h3 id="sla-breaches">Recent breaches</h3>
        {breaches.length === 0 ? (
          <p className="product-muted">No breach recorded.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="sla-breaches">
              <thead>
                <tr>
                  <th scope="col">Environment</th>
                  <th scope="col">Output</th>
                  <th scope="col">Missed deadline</th>
                  <th scope="col">Resolved</th>
                  <th scope="col">Last produced</th>
                </tr>
              </thead>
              <tbody>
                {breaches.map((b) => (
                  <tr key={b.id}>
                    <td>{b.environment}</td>
                    <td>
                      <code title={b.output}>{datasetName(b.output)}</code>
                    </td>
                    <td>
                      <RelativeTime value={b.openedAt} />
                    </td>
                    <td>{b.resolvedAt ? <RelativeTime value={b.resolvedAt} /> : <StatusBadge status="breached" label="still open" />}</td>
                    <td>
                      <RelativeTime value={b.lastProducedAt} fallback="never" />
                    </td>
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
