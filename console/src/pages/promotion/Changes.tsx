import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { ProblemView } from '../../components/ProblemView';
import { RevisionDiff } from '../../components/RevisionDiff';
import { Loading } from '../../components/Loading';
import { useProduct, useRevision, type PromotionDetail } from './queries';

const ENV_STATUS_LABEL: Record<string, string> = {
  not_deployed: 'nothing deployed',
  deploying: 'deploying',
  deployed: 'deployed',
  failed: 'last deployment failed',
};

/** Which revision each environment runs now, the target marked. */
function Environments({ promotion }: { promotion: PromotionDetail }) {
  const product = useProduct(promotion.product);
  if (product.error) return <ProblemView error={product.error} headingLevel={3} />;
  if (!product.data) return <Loading label="Loading where the product runs…" />;
  return (
    <ul className="env-strip" aria-label={`Where ${promotion.product} runs`}>
      {product.data.environments.map((e) => {
        const role = e.environment === promotion.to ? 'target' : e.environment === promotion.from ? 'source' : null;
        return (
          <li key={e.environment} className={role ? `env-strip__env env-strip__env--${role}` : 'env-strip__env'}>
            <span className="env-strip__name">
              {e.environment}
              {role && <span className="env-strip__role"> ({role})</span>}
            </span>
            <span className="env-strip__revision">{e.revision === null ? 'no revision' : `r${e.revision}`}</span>
            <span className="env-strip__status">{ENV_STATUS_LABEL[e.status] ?? e.status}</span>
          </li>
        );
      })}
      <li className="env-strip__env env-strip__env--latest">
        <span className="env-strip__name">latest</span>
        <span className="env-strip__revision">r{product.data.revision}</span>
        <span className="env-strip__status">in the catalog</span>
      </li>
    </ul>
  );
}

/** What a first deployment brings: the revision's manifest in brief. */
function ManifestSummary({ product, revision }: { product: string; revision: number }) {
  const rev = useRevision(product, revision, true);
  if (rev.error) return <ProblemView error={rev.error} headingLevel={3} />;
  if (!rev.data) return <Loading label={`Loading r${revision}…`} />;
  const { metadata, spec } = rev.data.manifest;
  return (
    <dl className="promotion-facts promotion-facts--compact" aria-label={`r${revision} in brief`}>
      <dt>Title</dt>
      <dd>{metadata.title}</dd>
      <dt>Owner</dt>
      <dd>
        <code>{metadata.owner}</code>
      </dd>
      <dt>Tier</dt>
      <dd>{spec.tier}</dd>
      <dt>Classification</dt>
      <dd>
        {spec.classification}
        {spec.containsPii ? ', contains personal data' : ''}
      </dd>
      <dt>Freshness SLA</dt>
      <dd>{spec.sla ? `${spec.sla.freshness}${spec.sla.schedule ? ` (${spec.sla.schedule})` : ''}` : 'none'}</dd>
      <dt>Outputs</dt>
      <dd>{spec.outputs.length ? spec.outputs.map((o) => `${o.namespace}/${o.name}`).join(', ') : 'none'}</dd>
      <dt>Bindings</dt>
      <dd>{spec.bindings.length ? spec.bindings.map((b) => ('dag' in b ? `${b.orchestrator}: DAG ${b.dag}` : `${b.orchestrator}: asset ${b.asset.join('/')}`)).join('; ') : 'none'}</dd>
    </dl>
  );
}

/**
 * What approving changes in the target environment: the diff from the revision live there
 * (`plan.replaces`) to the one promoted. When nothing runs there yet, it says so and shows the
 * changes since r1 (or, for r1, the manifest in brief).
 */
export function Changes({ promotion }: { promotion: PromotionDetail }) {
  const headingId = useId();
  const { product, revision, to } = promotion;
  const replaces = promotion.plan.replaces;
  let body;
  if (replaces === null) {
    body = (
      <>
        <p className="changes__lead">
          Nothing runs in {to} yet: r{revision} is the <strong>first revision to run there</strong>.
        </p>
        {revision > 1 ? <RevisionDiff product={product} from={1} to={revision} headingLevel={3} /> : <ManifestSummary product={product} revision={revision} />}
      </>
    );
  } else if (replaces === revision) {
    body = (
      <p className="changes__lead">
        {to} already runs r{revision}: approving deploys the same revision again, with no changes.
      </p>
    );
  } else {
    body = (
      <>
        <p className="changes__lead">
          From r{replaces}, live in {to}, to r{revision}
          {promotion.kind === 'rollback' && replaces > revision ? ' (rolling back)' : ''}:
        </p>
        <RevisionDiff product={product} from={replaces} to={revision} headingLevel={3} />
      </>
    );
  }
  return (
    <section className="promotion-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Changes in {to}</h2>
      <Environments promotion={promotion} />
      {body}
      <p className="promotion-section__more">
        <Link to="/products/$name" params={{ name: product }} search={{ tab: 'revisions' }}>
          Revisions of {product}
        </Link>
      </p>
    </section>
  );
}
