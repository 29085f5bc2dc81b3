import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { RelativeTime } from '../../components/RelativeTime';
import { revisionQuery } from '../../components/RevisionDiff';
import { bindingLabel } from '../../components/revisionDiffModel';
import type { DataProduct } from './queries';

/** Description, tags, outputs, bindings and the latest revision (who, when). */
export function OverviewTab({ product }: { product: DataProduct }) {
  const { spec, metadata } = product.manifest;
  const latest = useQuery(revisionQuery(product.name, product.revision));
  return (
    <div className="product-overview">
      <section aria-labelledby="overview-description">
        <h3 id="overview-description">Description</h3>
        {spec.description ? <p className="product-description">{spec.description}</p> : <p className="product-muted">No description.</p>}
      </section>
      <section aria-labelledby="overview-tags">
        <h3 id="overview-tags">Tags</h3>
        {metadata.tags.length ? (
          <ul className="product-tags">
            {metadata.tags.map((t) => (
              <li key={t}>
                <Link to="/catalog" search={{ tag: t }}>
                  <span className="visually-hidden">Products tagged </span>
                  {t}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="product-muted">No tags.</p>
        )}
      </section>
      <section aria-labelledby="overview-outputs">
        <h3 id="overview-outputs">Outputs</h3>
        {spec.outputs.length ? (
          <div className="table-wrap">
            <table className="table" aria-labelledby="overview-outputs">
              <thead>
                <tr>
                  <th scope="col">Dataset</th>
                  <th scope="col">Namespace</th>
                </tr>
              </thead>
              <tbody>
                {spec.outputs.map((o) => (
                  <tr key={`${o.namespace} ${o.name}`}>
                    <td>
                      <code>{o.name}</code>
                    </td>
                    <td>
                      <code>{o.namespace}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="product-muted">No outputs declared.</p>
        )}
      </section>
      <section aria-labelledby="overview-bindings">
        <h3 id="overview-bindings">Bindings</h3>
        {spec.bindings.length ? (
          <ul className="product-bindings">
            {spec.bindings.map((b) => {
              const label = bindingLabel(b);
              return <li key={label}>{label}</li>;
            })}
          </ul>
        ) : (
          <p className="product-muted">Not bound to any orchestrator: promotions trigger nothing.</p>
        )}
      </section>
      <section aria-labelledby="overview-latest">
        <h3 id="overview-latest">Latest revision</h3>
        <p>
          <strong>r{product.revision}</strong>
          {latest.data ? (
            <>
              {' '}
              by <code>{latest.data.author}</code>, <RelativeTime value={latest.data.createdAt} />
            </>
          ) : latest.error ? null : (
            ' …'
          )}
          {product.revision > 1 && (
            <>
              {' · '}
              <Link to="/products/$name" params={{ name: product.name }} search={{ tab: 'revisions', from: product.revision - 1, to: product.revision }}>
                What changed in r{product.revision}
              </Link>
            </>
          )}
        </p>
        <p className="product-muted">
          Registered by <code>{product.createdBy}</code> <RelativeTime value={product.createdAt} />. Digest <code>{product.digest.slice(0, 19)}…</code>
        </p>
      </section>
    </div>
  );
}
