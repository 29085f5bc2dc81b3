import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/client';
import { CLASSIFICATIONS } from '../../api/enums';
import { isApiProblem, type FieldProblem } from '../../api/problem';
import { FieldError, type FieldErrorInfo } from '../../components/FieldError';
import { ProblemView } from '../../components/ProblemView';
import { errorsByKey, type EditKey } from '../product/editForm';
import { manifestYaml } from '../product/manifestYaml';
import { refusal, usePolicyDecision, type DataProduct, type Manifest } from '../product/queries';
import { DisabledReason } from '../../components/DisabledReason';
import { proposalValues, reviewedManifest, type ProposalValues } from './proposal';

interface ProposalEditorProps {
  /** The manifest the server proposed for a discovered DAG or asset. */
  proposal: Manifest;
  /** Why the proposal is not valid as it is (shown at the fields until the first apply). */
  proposalProblems: readonly FieldProblem[];
  /** What it was proposed for, e.g. "DAG orders_daily". */
  what: string;
  onClose: () => void;
}

type Outcome = { product: DataProduct; created: boolean };

/**
 * Review, edit and apply a proposed manifest. The fields people usually change are inputs (the
 * product edit form's); outputs and bindings stay as proposed (shown as YAML). Applying creates
 * the product (`PUT` with `If-None-Match: *`); when one of that name exists, nothing is
 * overwritten until the user chooses to replace it, which is sent with `If-Match` of the
 * revision they saw. The server validates: its field errors are shown at the fields.
 */
export function ProposalEditor({ proposal, proposalProblems, what, onClose }: ProposalEditorProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProposalValues>(() => proposalValues(proposal));
  const [existing, setExisting] = useState<DataProduct | null>(null);
  const manifest = reviewedManifest(proposal, values);
  const refused = refusal(usePolicyDecision('create', 'DataProduct'));
  const rest = useQuery({
    queryKey: ['proposal-yaml', JSON.stringify({ outputs: manifest.spec.outputs, bindings: manifest.spec.bindings })],
    queryFn: () => manifestYaml({ spec: { outputs: manifest.spec.outputs, bindings: manifest.spec.bindings } } as unknown as Manifest),
    staleTime: Infinity,
  });

  const apply = useMutation({
    mutationFn: async ({ replace }: { replace: DataProduct | null }): Promise<Outcome> => {
      const name = manifest.metadata.name;
      try {
        const { data, response } = await api.PUT('/api/v1/data-products/{name}', {
          params: { path: { name }, header: replace ? { 'If-Match': replace.etag } : { 'If-None-Match': '*' } },
          body: manifest as never,
        });
        return { product: data as DataProduct, created: response.status === 201 };
      } catch (error) {
        // 412 without If-Match: a product of that name exists; show it and let the user decide
        if (isApiProblem(error) && error.status === 412 && !replace) {
          const { data } = await api.GET('/api/v1/data-products/{name}', { params: { path: { name } } });
          setExisting(data as DataProduct);
        }
        throw error;
      }
    },
    onSuccess: async () => {
      setExisting(null);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['catalog'] }), queryClient.invalidateQueries({ queryKey: ['products', manifest.metadata.name] })]);
    },
  });

  const problem = apply.error;
  const serverErrors = isApiProblem(problem) ? problem.errors : [];
  const errors = apply.isIdle ? proposalProblems : serverErrors;
  const { byKey, shown } = errorsByKey(errors, values);
  const nameErrors = errors.filter((e) => e.field === 'metadata.name').map((e) => e.message);
  const field = (key: EditKey | 'name'): FieldErrorInfo => {
    const messages = key === 'name' ? nameErrors : (byKey[key] ?? []);
    const errorId = `${id}-${key}-error`;
    return { id: errorId, messages, inputProps: { 'aria-invalid': messages.length ? true : undefined, 'aria-describedby': messages.length ? errorId : undefined } };
  };
  const set = <K extends keyof ProposalValues>(key: K, value: ProposalValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: Exclude<keyof ProposalValues, 'containsPii' | 'classification'>) => ({ id: `${id}-${key}`, value: values[key], onChange: (e: { target: { value: string } }) => set(key, e.target.value) });
  const row = (key: EditKey | 'name', label: string, input: (f: FieldErrorInfo) => ReactNode) => {
    const f = field(key);
    return (
      <div className="form__field" data-field={key}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        {input(f)}
        <FieldError {...f} />
      </div>
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!apply.isPending && !refused) apply.mutate({ replace: null });
  };

  if (apply.isSuccess) {
    const { product, created } = apply.data;
    return (
      <section className="proposal notice" aria-labelledby={`${id}-done`} role="status">
        <h3 id={`${id}-done`}>
          {created ? 'Created' : 'Updated'} {product.name} r{product.revision}
        </h3>
        <p>
          {what} is now bound to{' '}
          <Link to="/products/$name" params={{ name: product.name }}>
            {product.name}
          </Link>
          . Sync again to see it as bound.
        </p>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  }

  return (
    <section className="proposal" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Proposed manifest for {what}</h3>
      {proposalProblems.length > 0 && apply.isIdle && (
        <p className="notice notice--warning">The proposal needs changes before it can be applied: see the fields marked below.</p>
      )}
      <form className="form proposal__form" onSubmit={submit} noValidate>
        <div className="proposal__grid">
          {row('name', 'Name', (f) => <input className="input" {...text('name')} {...f.inputProps} autoComplete="off" />)}
          {row('title', 'Title', (f) => <input className="input" {...text('title')} {...f.inputProps} />)}
          {row('domain', 'Domain', (f) => <input className="input" {...text('domain')} {...f.inputProps} autoComplete="off" />)}
          {row('owner', 'Owner', (f) => <input className="input" {...text('owner')} {...f.inputProps} autoComplete="off" />)}
          {row('stewards', 'Stewards', (f) => <textarea className="textarea" rows={2} {...text('stewards')} {...f.inputProps} />)}
          {row('tags', 'Tags', (f) => <textarea className="textarea" rows={2} {...text('tags')} {...f.inputProps} />)}
          {row('tier', 'Tier', (f) => (
            <select className="select" {...text('tier')} {...f.inputProps}>
              {['1', '2', '3', '4'].map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          ))}
          {row('classification', 'Classification', (f) => (
            <select className="select" id={`${id}-classification`} value={values.classification} onChange={(e) => set('classification', e.target.value as ProposalValues['classification'])} {...f.inputProps}>
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          ))}
          {row('freshness', 'SLA freshness', (f) => <input className="input" {...text('freshness')} {...f.inputProps} autoComplete="off" placeholder="e.g. PT6H" />)}
          {row('schedule', 'SLA schedule', (f) => <input className="input" {...text('schedule')} {...f.inputProps} autoComplete="off" />)}
        </div>
        {row('description', 'Description', (f) => <textarea className="textarea" rows={2} {...text('description')} {...f.inputProps} />)}
        <div className="form__field">
          <label>
            <input type="checkbox" checked={values.containsPii} onChange={(e) => set('containsPii', e.target.checked)} /> Contains personal data (PII)
          </label>
        </div>
        <details className="proposal__rest">
          <summary>Outputs and bindings, as proposed</summary>
          <pre className="product-manifest__yaml" tabIndex={0} aria-label="Outputs and bindings, YAML">
            <code>{rest.data ?? ''}</code>
          </pre>
        </details>
        {existing ? (
          <div className="notice notice--warning" role="alert">
            <p>
              A product named <strong>{existing.name}</strong> already exists (r{existing.revision}, owner {existing.owner}). Nothing was changed.
            </p>
            <button type="button" className="button button--danger" onClick={() => apply.mutate({ replace: existing })}>
              Replace {existing.name} r{existing.revision} with this manifest
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={() => setExisting(null)}>
              Keep it
            </button>
          </div>
        ) : (
          !apply.isIdle && <ProblemView error={problem} fieldsShownInline={[...shown, 'metadata.name']} headingLevel={3} />
        )}
        <div className="edit-form__actions">
          {refused ? (
            <DisabledReason reason={refused} className="button button--primary">
              Apply manifest
            </DisabledReason>
          ) : (
            <button type="submit" className="button button--primary" aria-disabled={apply.isPending || undefined} aria-busy={apply.isPending || undefined}>
              {apply.isPending ? 'Applying…' : 'Apply manifest'}
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
