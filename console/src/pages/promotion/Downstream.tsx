import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { useImpact } from './queries';

/** The products lineage says depend on this one: whom a change reaches, and whom to warn. */
export function Downstream({ product }: { product: string }) {
  const headingId = useId();
  const impact = useImpact(product);
  return (
    <section className="promotion-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Downstream products</h2>
      {impact.error ? (
        <ProblemView error={impact.error} headingLevel={3} onRetry={() => void impact.refetch()} />
      ) : !impact.data ? (
        <Loading label="Loading the products downstream…" />
      ) : impact.data.downstream.length === 0 ? (
        <p className="empty-state">Lineage shows no product that depends on {product}.</p>
      ) : (
        <>
          <p className="promotion-section__lead">
            {impact.data.downstream.length} product{impact.data.downstream.length === 1 ? '' : 's'} depend{impact.data.downstream.length === 1 ? 's' : ''} on {product}
            {impact.data.truncated ? ' (the list was cut short; there are more)' : ''}.
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Products downstream of {product}</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Stewards</th>
                  <th scope="col" className="numeric">
                    Tier
                  </th>
                  <th scope="col">Classification</th>
                  <th scope="col" className="numeric">
                    Distance
                  </th>
                </tr>
              </thead>
              <tbody>
                {impact.data.downstream.map(({ product: p, distance }) => (
                  <tr key={p.name}>
                    <td>
                      <Link to="/products/$name" params={{ name: p.name }}>
                        {p.name}
                      </Link>
                      {p.title && p.title !== p.name && <div className="promotion-cell-note">{p.title}</div>}
                    </td>
                    <td>
                      <code>{p.owner}</code>
                    </td>
                    <td>{p.stewards.length ? p.stewards.join(', ') : 'none'}</td>
                    <td className="numeric">{p.tier}</td>
                    <td>{p.classification}</td>
                    <td className="numeric">{distance === 0 ? 'direct' : `via ${distance} product${distance === 1 ? '' : 's'}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
