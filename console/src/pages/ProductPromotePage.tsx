import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, data } from '../api/client';
import { isApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import { DisabledReason } from '../components/DisabledReason';
import { EnvironmentBadge } from '../components/EnvironmentBadge';
import { FieldError, fieldError } from '../components/FieldError';
import { GateList } from '../components/GateList';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { RevisionDiff } from '../components/RevisionDiff';
import { StatusBadge } from '../components/StatusBadge';
import { useProductActions } from './product/actions';
import { defaultTarget, newIdempotencyKey, promotionSteps, useDebounced } from './product/promote';
import { useProduct, type DataProduct } from './product/queries';

const route = getRouteApi('/_app/products/$name/promote');

/** How long the choice must rest before the dry run is asked again. */
const DRY_RUN_DELAY_MS = 300;
/**
 * The dry run takes the same body as a request, reason included, although gates do not read it:
 * this stands in (the preview does not follow the reason as it is typed).
 */
const PREVIEW_REASON = 'Preview in the console (dry run, nothing is written)';

interface Choice {
  revision: number;
  from: string;
  to: string;
}
const sameChoice = (a: Choice | null, b: Choice | null) => a === b || (a !== null && b !== null && a.revision === b.revision && a.from === b.from && a.to === b.to);

/**
 * `/products/$name/promote`: request the promotion of a revision (default the latest) one step
 * up (dev→staging, staging→prod, as the product's environments are ordered), with a reason.
 * While the user chooses, a dry run (which writes nothing) shows what the gates say now, what
 * approving would do, and the changes against what the target runs. The choice is kept in the
 * URL (`?revision=3&to=prod`); the request carries one Idempotency-Key per form, so a double
 * submit makes one promotion.
 */
export default function ProductPromotePage() {
  const { name } = route.useParams();
  const product = useProduct(name);
  if (isApiProblem(product.error) && product.error.status === 404 && product.error.code === 'not_found') {
    return <NotFound what={`There is no data product named ${name}.`} />;
  }
  return (
    <Page title={`Promote ${name}`} documentTitle={`Promote ${name} · Catalog`} description="Request a promotion of one revision to the next environment. Approvers decide; the gates below are checked again then.">
      {product.data ? (
        <PromoteForm product={product.data} />
      ) : product.error ? (
        <ProblemView error={product.error} onRetry={() => void product.refetch()} />
      ) : (
        <Loading label={`Loading ${name}…`} />
      )}
    </Page>
  );
}

function PromoteForm({ product }: { product: DataProduct }) {
  const id = useId();
  const name = product.name;
  const search = route.useSearch();
  const navigateHere = route.useNavigate();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const actions = useProductActions(name, product);
  const [reason, setReason] = useState('');
  // one per form instance: a second click, or a retry, answers the promotion the first one made
  const [idempotencyKey] = useState(newIdempotencyKey);
  const submitting = useRef(false);

  const steps = promotionSteps(product.environments);
  const revision = search.revision ?? product.revision;
  const to = defaultTarget(product.environments, revision, search.to);
  const step = steps.find((s) => s.to === to);
  const choice: Choice | null = step ? { revision, from: step.from, to: step.to } : null;
  const settled = useDebounced(choice, DRY_RUN_DELAY_MS, sameChoice);

  const preview = useQuery({
    queryKey: ['promotion-dry-run', name, settled?.revision, settled?.from, settled?.to],
    queryFn: ({ signal }) => data(api.POST('/api/v1/promotion-dry-runs', { body: { product: name, ...settled!, reason: PREVIEW_REASON }, signal })),
    enabled: settled !== null,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

  const request = useMutation({
    mutationFn: (body: Choice & { reason: string }) =>
      data(api.POST('/api/v1/promotions', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: { product: name, ...body } })),
    onSuccess: async (receipt) => {
      await queryClient.invalidateQueries({ queryKey: ['promotions'] });
      await queryClient.invalidateQueries({ queryKey: ['products', name, 'promotions'] });
      void navigate({ to: '/promotions/$id', params: { id: receipt.id } });
    },
    onSettled: () => {
      submitting.current = false;
    },
  });

  // after a refusal, the keyboard goes to the first field that says why
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (request.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request.error]);

  const setChoice = (patch: { revision?: number; to?: string }) => void navigateHere({ search: (s) => ({ ...s, ...patch }), replace: true });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice || actions.promote.reason || submitting.current) return;
    submitting.current = true;
    request.mutate({ ...choice, reason });
  };

  const revisionError = fieldError(request.error, 'revision', `${id}-revision-error`, `${id}-revision-hint`);
  const toMessages = [...fieldError(request.error, 'to', '').messages, ...fieldError(request.error, 'from', '').messages];
  const toError = { id: `${id}-to-error`, messages: toMessages, inputProps: { 'aria-invalid': toMessages.length ? (true as const) : undefined, 'aria-describedby': [`${id}-to-hint`, toMessages.length ? `${id}-to-error` : ''].filter(Boolean).join(' ') } };
  const reasonError = fieldError(request.error, 'reason', `${id}-reason-error`, `${id}-reason-hint`);
  const numbers = Array.from({ length: product.revision }, (_, i) => product.revision - i);
  const runsIn = (n: number) => product.environments.filter((e) => e.revision === n).map((e) => e.environment);

  if (!steps.length) return <p className="notice notice--warning">Only one environment is configured: there is nowhere to promote to.</p>;

  return (
    <form ref={form} className="form promote-form" onSubmit={submit} noValidate>
      <div className="promote-envs">
        <span id={`${id}-envs`} className="product-muted">
          Where {name} runs now:
        </span>
        <ul className="product-envs__list" aria-labelledby={`${id}-envs`}>
          {product.environments.map((e) => (
            <li key={e.environment} className="product-envs__env">
              <EnvironmentBadge state={e} withName />
            </li>
          ))}
        </ul>
      </div>
      <div className="promote-form__choice">
        <div className="form__field">
          <label htmlFor={`${id}-revision`}>Revision</label>
          <p id={`${id}-revision-hint`} className="form__hint">
            The latest unless you pick another.
          </p>
          <select id={`${id}-revision`} className="select" value={revision} onChange={(e) => setChoice({ revision: Number(e.target.value) })} {...revisionError.inputProps}>
            {!numbers.includes(revision) && <option value={revision}>r{revision} (no such revision)</option>}
            {numbers.map((n) => {
              const where = runsIn(n);
              return (
                <option key={n} value={n}>
                  r{n}
                  {n === product.revision ? ' (latest)' : ''}
                  {where.length ? `, runs in ${where.join(', ')}` : ''}
                </option>
              );
            })}
          </select>
          <FieldError {...revisionError} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-to`}>Target environment</label>
          <p id={`${id}-to-hint`} className="form__hint">
            A promotion moves one step, from the environment before the target.
          </p>
          <select id={`${id}-to`} className="select" value={to} onChange={(e) => setChoice({ to: e.target.value })} {...toError.inputProps}>
            {steps.map((s) => (
              <option key={s.to} value={s.to}>
                {s.to} (from {s.from})
              </option>
            ))}
          </select>
          <FieldError {...toError} />
        </div>
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-reason`}>Reason (required)</label>
        <p id={`${id}-reason-hint`} className="form__hint">
          Why this revision should go to {to}: approvers read it, and the audit trail keeps it.
        </p>
        <textarea id={`${id}-reason`} className="textarea promote-form__reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-required="true" {...reasonError.inputProps} />
        <FieldError {...reasonError} />
      </div>

      {choice && <Preview name={name} choice={choice} settled={settled} preview={preview} />}

      <ProblemView error={request.error} fieldsShownInline={['revision', 'to', 'from', 'reason']} />
      <div className="promote-form__actions">
        {actions.promote.reason ? (
          <DisabledReason reason={actions.promote.reason} className="button button--primary">
            Request the promotion
          </DisabledReason>
        ) : (
          <button type="submit" className="button button--primary" aria-disabled={request.isPending || undefined} aria-busy={request.isPending || undefined}>
            {request.isPending ? 'Requesting…' : 'Request the promotion'}
          </button>
        )}
        <Link to="/products/$name" params={{ name }} search={{ tab: 'promotions' }} className="button button--quiet">
          Cancel
        </Link>
      </div>
    </form>
  );
}

type PreviewQuery = UseQueryResult<components['schemas']['PromotionPreview']>;

/** What the gates say now of the choice (a dry run), what approving would do, and the changes in the target. */
function Preview({ name, choice, settled, preview }: { name: string; choice: Choice; settled: Choice | null; preview: PreviewQuery }) {
  const headingId = useId();
  const stale = !sameChoice(choice, settled) || preview.isPlaceholderData || preview.isFetching;
  const p = preview.data;
  return (
    <section className="promote-preview" aria-labelledby={headingId} aria-busy={stale || undefined}>
      <h2 id={headingId}>What the gates say now</h2>
      <p className="product-muted" role="status">
        {stale ? 'Checking the gates…' : 'A dry run: nothing was written. Approvers see the gates evaluated again.'}
      </p>
      {preview.error && !p ? (
        <ProblemView error={preview.error} headingLevel={3} onRetry={() => void preview.refetch()} />
      ) : !p ? (
        <Loading label="Asking the gates…" />
      ) : (
        <div className={stale ? 'promote-preview__body is-stale' : 'promote-preview__body'}>
          {preview.error && <ProblemView error={preview.error} headingLevel={3} onRetry={() => void preview.refetch()} />}
          <p className="promote-preview__plan" data-testid="plan-summary">
            {p.plan.summary}
          </p>
          {p.plan.targetProblem && <p className="notice notice--warning">{p.plan.targetProblem}</p>}
          <p>
            The request would start as <StatusBadge status={p.state} />
            {p.stateReason ? `: ${p.stateReason}` : ''}.
          </p>
          <GateList gates={p.gates} policyVersion={p.policyVersion} product={name} headingLevel={3} />
          <div className="promote-preview__changes">
            {p.plan.replaces === null ? (
              <p>
                Nothing runs in {p.to} yet: r{p.revision} would be the first revision there.
              </p>
            ) : p.plan.replaces === p.revision ? (
              <p>
                {p.to} runs r{p.revision} already: promoting deploys the same revision again.
              </p>
            ) : (
              <>
                <p>
                  {p.to} runs r{p.plan.replaces} now; approving replaces it with r{p.revision}:
                </p>
                <RevisionDiff product={name} from={p.plan.replaces} to={p.revision} headingLevel={3} />
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
