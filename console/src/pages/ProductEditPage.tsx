import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import { meQuery } from '../api/queries';
import { CLASSIFICATIONS } from '../api/enums';
import { isApiProblem } from '../api/problem';
import { DisabledReason } from '../components/DisabledReason';
import { FieldError, type FieldErrorInfo } from '../components/FieldError';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { RevisionDiff } from '../components/RevisionDiff';
import { useProductActions } from './product/actions';
import { changedKeys, EDIT_KEYS, errorsByKey, FIELD_NAMES, mergePatchOf, POLICY_FIELDS, rebase, valuesOf, type EditKey, type EditValues } from './product/editForm';
import { setSavedFlash } from './product/flash';
import { evaluatePolicy, productKeys, productQuery, useProduct, type DataProduct } from './product/queries';

const route = getRouteApi('/_app/products/$name/edit');

/** What a 412 told us: the product as it is now, and which of the user's changes it also changed. */
interface Conflict {
  current: DataProduct;
  conflicts: EditKey[];
}

/**
 * `/products/$name/edit`: the manifest's editable fields, sent as a JSON merge patch with
 * `If-Match` of the revision the form was loaded from. The server validates: its field errors
 * are shown at the fields, the rest in the problem view. When someone else changed the product
 * meanwhile (412), nothing is overwritten: the page shows what they changed and lets the user put
 * their changes on top of the new revision (or start over from it), then save again.
 */
export default function ProductEditPage() {
  const { name } = route.useParams();
  const product = useProduct(name);
  // the revision the form edits: fixed once loaded (a refetch does not move it under the user);
  // after a 412 the user moves it to the current revision
  const [session, setSession] = useState<EditSession | null>(null);
  useEffect(() => {
    if (!session && product.data) setSession({ base: product.data, values: valuesOf(product.data.manifest), note: null });
  }, [session, product.data]);

  if (isApiProblem(product.error) && product.error.status === 404 && product.error.code === 'not_found') {
    return <NotFound what={`There is no data product named ${name}.`} />;
  }
  return (
    <Page
      title={`Edit ${name}`}
      documentTitle={`Edit ${name} · Catalog`}
      description={session ? `Editing r${session.base.revision}. Saving makes a new revision; if someone else saved meanwhile, nothing is overwritten.` : undefined}
    >
      {session ? (
        <EditForm key={session.base.etag} session={session} onRebase={setSession} />
      ) : product.error ? (
        <ProblemView error={product.error} onRetry={() => void product.refetch()} />
      ) : (
        <Loading label={`Loading ${name}…`} />
      )}
    </Page>
  );
}

/** The form's starting point: the revision it edits, the values shown first, and a note about how it got there. */
interface EditSession {
  base: DataProduct;
  values: EditValues;
  note: ReactNode;
}

interface EditFormProps {
  session: EditSession;
  /** Moves the form onto another revision (after a 412). */
  onRebase: (session: EditSession) => void;
}

function EditForm({ session, onRebase }: EditFormProps) {
  const { base, note } = session;
  const id = useId();
  const name = base.name;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const actions = useProductActions(name, base);
  const [values, setValues] = useState<EditValues>(session.values);
  const [refused, setRefused] = useState<Partial<Record<EditKey, string>>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const conflictRef = useRef<HTMLElement>(null);

  const save = useMutation({
    mutationFn: async (submitted: EditValues) => {
      setRefused({});
      setConflict(null);
      const patch = mergePatchOf(base.manifest, submitted);
      try {
        const { data, response } = await api.PATCH('/api/v1/data-products/{name}', {
          params: { path: { name }, header: { 'If-Match': base.etag } },
          // the OpenAPI document does not describe PATCH's body (a merge patch of the manifest)
          body: patch as never,
          headers: { 'Content-Type': 'application/merge-patch+json' },
        });
        return { product: data as DataProduct, outcome: response.headers.get('gatehouse-apply-result') === 'unchanged' ? ('unchanged' as const) : ('updated' as const) };
      } catch (error) {
        if (isApiProblem(error) && error.status === 412) {
          const current = await queryClient.fetchQuery({ ...productQuery(name), staleTime: 0 });
          setConflict({ current, conflicts: rebase(valuesOf(base.manifest), submitted, valuesOf(current.manifest)).conflicts });
        } else if (isApiProblem(error) && error.status === 403) {
          setRefused(await refusedFields(base, submitted, queryClient));
        }
        throw error;
      }
    },
    onSuccess: async ({ product, outcome }) => {
      queryClient.setQueryData(productKeys.detail(name), product);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['catalog'] }),
        queryClient.invalidateQueries({ queryKey: productKeys.detail(name), predicate: (q) => q.queryKey.length > 2 }),
        queryClient.invalidateQueries({ queryKey: ['policy'] }),
      ]);
      setSavedFlash(name, { outcome, revision: product.revision });
      void navigate({ to: '/products/$name', params: { name } });
    },
  });

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  // after a refusal, the keyboard goes to the first field that says why
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (save.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error, refused]);

  const problem = save.error;
  const is412 = isApiProblem(problem) && problem.status === 412;
  const { byKey, shown } = errorsByKey(isApiProblem(problem) ? problem.errors : [], values);
  const field = (key: EditKey, hintId?: string): FieldErrorInfo => {
    const messages = [...(byKey[key] ?? []), ...(refused[key] ? [`Not yours to change: ${refused[key]}`] : [])];
    const errorId = `${id}-${key}-error`;
    const describedBy = [hintId, messages.length ? errorId : undefined].filter(Boolean).join(' ');
    return { id: errorId, messages, inputProps: { 'aria-invalid': messages.length ? true : undefined, 'aria-describedby': describedBy || undefined } };
  };
  const set = <K extends EditKey>(key: K, value: EditValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: Exclude<EditKey, 'containsPii' | 'classification'>) => ({
    id: `${id}-${key}`,
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (actions.edit.reason || save.isPending) return;
    save.mutate(values);
  };

  const pending = changedKeys(valuesOf(base.manifest), values);
  const hint = (key: EditKey) => `${id}-${key}-hint`;
  const row = (key: EditKey, label: string, input: (info: FieldErrorInfo) => ReactNode, hintText?: ReactNode) => {
    const info = field(key, hintText ? hint(key) : undefined);
    return (
      <div className="form__field" data-field={key}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        {hintText && (
          <p id={hint(key)} className="form__hint">
            {hintText}
          </p>
        )}
        {input(info)}
        <FieldError {...info} />
      </div>
    );
  };

  return (
    <>
      {note && (
        <p className="notice" role="status">
          {note}
        </p>
      )}
      {conflict && (
        <section className="edit-conflict notice--warning" aria-labelledby={`${id}-conflict`} ref={conflictRef} tabIndex={-1}>
          <h2 id={`${id}-conflict`}>Someone else changed {name} meanwhile</h2>
          <p>
            You edited r{base.revision}; {name} is now <strong>r{conflict.current.revision}</strong>
            {conflict.current.status === 'retired' ? ', and it was retired' : ''}. Nothing was saved, and nothing was overwritten.
          </p>
          {conflict.conflicts.length > 0 && (
            <p>
              They also changed what you changed: <strong>{conflict.conflicts.map((k) => FIELD_NAMES[k]).join(', ')}</strong>. Check these before saving again.
            </p>
          )}
          <RevisionDiff product={name} from={base.revision} to={conflict.current.revision} headingLevel={3} />
          <div className="edit-conflict__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                const next = rebase(valuesOf(base.manifest), values, valuesOf(conflict.current.manifest));
                onRebase({ base: conflict.current, values: next.values, note: `Your changes are now on top of r${conflict.current.revision}. Review them and save again.` });
              }}
            >
              Keep my changes on top of r{conflict.current.revision}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                onRebase({ base: conflict.current, values: valuesOf(conflict.current.manifest), note: `The form now shows r${conflict.current.revision}; your changes were discarded.` });
              }}
            >
              Discard my changes and load r{conflict.current.revision}
            </button>
          </div>
        </section>
      )}
      <form ref={form} className="form edit-form" onSubmit={submit} noValidate aria-describedby={`${id}-summary`}>
        <fieldset className="edit-form__group">
          <legend>Description &amp; metadata</legend>
          {row('title', 'Title', (f) => <input className="input" {...text('title')} {...f.inputProps} />)}
          {row('description', 'Description', (f) => <textarea className="textarea edit-form__prose" rows={4} {...text('description')} {...f.inputProps} />)}
          {row('domain', 'Domain', (f) => <input className="input" {...text('domain')} {...f.inputProps} autoComplete="off" />, 'A lower-case slug, e.g. sales.')}
          {row('tags', 'Tags', (f) => <textarea className="textarea" rows={3} {...text('tags')} {...f.inputProps} />, 'One per line, or separated by commas.')}
          {row('tier', 'Tier', (f) => (
            <select className="select" {...text('tier')} {...f.inputProps}>
              {['1', '2', '3', '4'].map((t) => (
                <option key={t} value={t}>
                  {t === '1' ? '1 (most critical)' : t === '4' ? '4 (least critical)' : t}
                </option>
              ))}
            </select>
          ))}
        </fieldset>
        <fieldset className="edit-form__group">
          <legend>Ownership</legend>
          {row('owner', 'Owner', (f) => <input className="input" {...text('owner')} {...f.inputProps} autoComplete="off" />, 'The owning team, as team:<slug>.')}
          {row('stewards', 'Stewards', (f) => <textarea className="textarea" rows={3} {...text('stewards')} {...f.inputProps} />, 'E-mail addresses, one per line or separated by commas.')}
        </fieldset>
        <fieldset className="edit-form__group">
          <legend>Classification &amp; privacy</legend>
          {row('classification', 'Classification', (f) => (
            <select className="select" id={`${id}-classification`} value={values.classification} onChange={(e) => set('classification', e.target.value as EditValues['classification'])} {...f.inputProps}>
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          ))}
          <div className="form__field edit-form__check" data-field="containsPii">
            {(() => {
              const f = field('containsPii');
              return (
                <>
                  <label>
                    <input type="checkbox" id={`${id}-containsPii`} checked={values.containsPii} onChange={(e) => set('containsPii', e.target.checked)} {...f.inputProps} /> Contains personal data (PII)
                  </label>
                  <FieldError {...f} />
                </>
              );
            })()}
          </div>
        </fieldset>
        <fieldset className="edit-form__group">
          <legend>SLA</legend>
          {row('freshness', 'Freshness', (f) => <input className="input" {...text('freshness')} {...f.inputProps} autoComplete="off" />, 'An ISO 8601 duration: PT6H, P1D. Leave both SLA fields empty to declare no SLA.')}
          {row('schedule', 'Schedule', (f) => <input className="input" {...text('schedule')} {...f.inputProps} autoComplete="off" />, 'Optional cron expression, e.g. 0 2 * * *.')}
        </fieldset>

        {!is412 && <ProblemView error={problem} fieldsShownInline={shown} />}
        <p id={`${id}-summary`} className="product-muted" role="status">
          {pending.length ? `Changed: ${pending.map((k) => FIELD_NAMES[k]).join(', ')}.` : 'No changes yet.'}
        </p>
        <div className="edit-form__actions">
          {actions.edit.reason ? (
            <DisabledReason reason={actions.edit.reason} className="button button--primary">
              Save
            </DisabledReason>
          ) : (
            <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined} aria-busy={save.isPending || undefined}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          )}
          <Link to="/products/$name" params={{ name }} className="button button--quiet">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/**
 * After a 403: which of the changed inputs the policies refuse, each with the server's reason
 * (the problem names the refused field only in its sentence, so the page asks the policy
 * endpoint about each changed field).
 */
async function refusedFields(base: DataProduct, submitted: EditValues, queryClient: ReturnType<typeof useQueryClient>): Promise<Partial<Record<EditKey, string>>> {
  const me = await queryClient.ensureQueryData(meQuery);
  const keys = changedKeys(valuesOf(base.manifest), submitted);
  const fields = [...new Set(keys.map((k) => POLICY_FIELDS[k]))];
  const decisions = await Promise.all(
    fields.map(async (f) => {
      try {
        return [f, await evaluatePolicy(me, 'update', { type: 'DataProduct', id: base.name }, f)] as const;
      } catch {
        return [f, null] as const;
      }
    }),
  );
  const out: Partial<Record<EditKey, string>> = {};
  for (const [f, decision] of decisions) {
    if (!decision || decision.allowed) continue;
    for (const k of EDIT_KEYS) if (keys.includes(k) && POLICY_FIELDS[k] === f) out[k] = decision.reason;
  }
  return out;
}
