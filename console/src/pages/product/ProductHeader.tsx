import { Link } from '@tanstack/react-router';
import { Classification } from '../../components/Classification';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { RelativeTime } from '../../components/RelativeTime';
import type { DataProduct } from './queries';

/** The facts of a product under its heading: ownership, classification, SLA, status, and what each environment runs. */
export function ProductHeader({ product }: { product: DataProduct }) {
  const sla = product.manifest.spec.sla;
  return (
    <div className="product-header">
      {product.status === 'retired' && (
        <p className="notice notice--warning product-header__retired" role="note">
          <strong>Retired</strong>
          {product.retiredAt && (
            <>
              {' '}
              <RelativeTime value={product.retiredAt} />
            </>
          )}
          : its history stays readable, but it cannot change or be promoted.
        </p>
      )}
      <dl className="product-facts">
        <div>
          <dt>Owner</dt>
          <dd>
            <code>{product.owner}</code>
          </dd>
        </div>
        <div>
          <dt>Stewards</dt>
          <dd>{product.stewards.length ? product.stewards.join(', ') : 'none'}</dd>
        </div>
        <div>
          <dt>Domain</dt>
          <dd>{product.domain}</dd>
        </div>
        <div>
          <dt>Tier</dt>
          <dd>
            {product.tier}
            {product.tier === 1 ? ' (most critical)' : ''}
          </dd>
        </div>
        <div>
          <dt>Classification</dt>
          <dd>
            <Classification classification={product.classification} pii={false} />
          </dd>
        </div>
        <div>
          <dt>Personal data (PII)</dt>
          <dd>{product.containsPii ? <span className="pii-marker">contains personal data</span> : 'none'}</dd>
        </div>
        <div>
          <dt>SLA</dt>
          <dd>
            {sla ? (
              <>
                fresh within <code>{sla.freshness}</code>
                {sla.schedule && (
                  <>
                    , schedule <code>{sla.schedule}</code>
                  </>
                )}
              </>
            ) : (
              'none declared'
            )}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{product.status === 'retired' ? <strong className="product-retired-tag">retired</strong> : 'active'}</dd>
        </div>
      </dl>
      <section className="product-envs" aria-labelledby="product-envs-title">
        <h2 id="product-envs-title" className="product-envs__title">
          Where it runs
        </h2>
        <ul className="product-envs__list">
          {product.environments.map((e) => (
            <li key={e.environment} className="product-envs__env">
              {e.revision === null ? (
                <span className="product-envs__link product-envs__link--none">
                  <EnvironmentBadge state={e} withName />
                </span>
              ) : (
                <Link
                  className="product-envs__link"
                  to="/products/$name"
                  params={{ name: product.name }}
                  search={{ tab: 'revisions', fromEnv: e.environment }}
                >
                  <EnvironmentBadge state={e} withName />
                  <span className="visually-hidden">: compare with the latest revision, r{product.revision}</span>
                </Link>
              )}
            </li>
          ))}
          <li className="product-envs__env">
            <span className="product-envs__latest">
              latest <strong>r{product.revision}</strong> <RelativeTime value={product.updatedAt} />
            </span>
          </li>
        </ul>
      </section>
    </div>
  );
}
