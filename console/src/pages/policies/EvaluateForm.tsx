import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, data } from '../../api/client';
import { POLICY_ACTIONS, POLICY_SUBJECTS } from '../../api/enums';
import { isApiProblem } from '../../api/problem';
import { FieldError, fieldError } from '../../components/FieldError';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { StatusBadge } from '../../components/StatusBadge';
import type { components } from '../../api/schema';
import type { PoliciesSearch } from '../../searchParams';

type Evaluation = components['schemas']['PolicyEvaluation'];

type Question = Required<Pick<PoliciesSearch, 'principal' | 'action' | 'subject'>> & Pick<PoliciesSearch, 'id' | 'field'>;

/** The question in the URL, when it is complete. */
export function questionOf(search: PoliciesSearch): Question | null {
  return search.principal && search.action && search.subject ? { principal: search.principal, action: search.action, subject: search.subject, id: search.id, field: search.field } : null;
}

/** `POST /api/v1/policy/evaluate`'s body for a question: a stored principal by id, a resource by type and id. */
export function evaluateBody(q: Question) {
  return {
    principal: q.principal,
    action: q.action,
    subject: q.id ? { type: q.subject, id: q.id } : q.subject,
    ...(q.field ? { field: q.field } : {}),
  };
}

interface EvaluateFormProps {
  search: PoliciesSearch;
  /** Puts the question into the URL (asking it); undefined values clear it. */
  onAsk: (question: PoliciesSearch) => void;
}

/**
 * "May principal P do action A on this resource?": the principal (picked from the stored
 * principals when the caller may list them, else typed), the action and the subject type from
 * the policy vocabulary, and optionally the resource's id and a field. The question lives in the
 * URL, so an answer can be shared; the server answers with the decision, its reason, the
 * deciding rule and the policy version.
 */
export function EvaluateForm({ search, onAsk }: EvaluateFormProps) {
  const id = useId();
  const [form, setForm] = useState<PoliciesSearch>({ ...search, action: search.action ?? 'read', subject: search.subject ?? 'DataProduct' });
  const principals = useQuery({
    queryKey: ['principals', 'picker'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/principals', { params: { query: { limit: 200 } }, signal })),
    staleTime: 60_000,
  });
  const question = questionOf(search);
  const answer = useQuery({
    queryKey: ['policy', 'evaluate', question],
    queryFn: () => data(api.POST('/api/v1/policy/evaluate', { body: evaluateBody(question!) })),
    enabled: Boolean(question),
  });
  const set = <K extends keyof PoliciesSearch>(key: K, value: PoliciesSearch[K]) => setForm((f) => ({ ...f, [key]: value === '' ? undefined : value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAsk({ ...form, principal: form.principal?.trim() || undefined, id: form.id?.trim() || undefined, field: form.field?.trim() || undefined });
  };
  const err = answer.error;
  const people = principals.data?.items ?? [];
  const principalError = fieldError(err, 'principal', `${id}-principal-error`, people.length ? undefined : `${id}-principal-hint`);
  const subjectError = fieldError(err, 'subject', `${id}-subject-error`);
  const idError = fieldError(err, 'subject.id', `${id}-id-error`);
  const fieldErr = fieldError(err, 'field', `${id}-field-error`);
  const missing = !form.principal?.trim();

  return (
    <section aria-labelledby={`${id}-title`} className="policy-evaluate">
      <h2 id={`${id}-title`}>May this principal do it?</h2>
      <form className="runs-filters" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <div className="runs-filters__grid">
          <div className="form__field">
            <label htmlFor={`${id}-principal`}>Principal</label>
            {people.length > 0 ? (
              <select id={`${id}-principal`} className="select" value={form.principal ?? ''} onChange={(e) => set('principal', e.target.value)} {...principalError.inputProps}>
                <option value="">Choose…</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.id})
                  </option>
                ))}
              </select>
            ) : (
              <input id={`${id}-principal`} className="input" value={form.principal ?? ''} onChange={(e) => set('principal', e.target.value)} autoComplete="off" {...principalError.inputProps} />
            )}
            {people.length === 0 && (
              <p id={`${id}-principal-hint`} className="form__hint">
                A principal id, e.g. olga{isApiProblem(principals.error) && principals.error.status === 403 ? ' (you may not list principals)' : ''}.
              </p>
            )}
            <FieldError {...principalError} />
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-action`}>Action</label>
            <select id={`${id}-action`} className="select" value={form.action ?? ''} onChange={(e) => set('action', e.target.value as PoliciesSearch['action'])}>
              {POLICY_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-subject`}>Resource kind</label>
            <select id={`${id}-subject`} className="select" value={form.subject ?? ''} onChange={(e) => set('subject', e.target.value as PoliciesSearch['subject'])} {...subjectError.inputProps}>
              {POLICY_SUBJECTS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <FieldError {...subjectError} />
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-id`}>Resource name</label>
            <input id={`${id}-id`} className="input" value={form.id ?? ''} onChange={(e) => set('id', e.target.value)} autoComplete="off" placeholder="e.g. orders-daily" {...idError.inputProps} />
            <FieldError {...idError} />
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-field`}>Field (optional)</label>
            <input id={`${id}-field`} className="input" value={form.field ?? ''} onChange={(e) => set('field', e.target.value)} autoComplete="off" placeholder="e.g. classification" {...fieldErr.inputProps} />
            <FieldError {...fieldErr} />
          </div>
        </div>
        <div className="runs-filters__actions">
          <button type="submit" className="button button--primary" aria-disabled={missing || undefined} aria-describedby={missing ? `${id}-needs` : undefined}>
            Ask the policy
          </button>
          {missing && (
            <span id={`${id}-needs`} className="product-muted">
              Choose a principal first.
            </span>
          )}
        </div>
      </form>
      {question && (
        <div className="policy-answer" aria-live="polite">
          {answer.isPending ? (
            <Loading label="Asking the policy…" />
          ) : answer.error ? (
            <ProblemView error={answer.error} headingLevel={3} fieldsShownInline={['principal', 'subject', 'subject.id', 'field']} />
          ) : (
            <Decision evaluation={answer.data!} question={question} />
          )}
        </div>
      )}
    </section>
  );
}

function Decision({ evaluation: e, question: q }: { evaluation: Evaluation; question: Question }) {
  const rule = e.decidingRule;
  return (
    <section className={`policy-decision policy-decision--${e.allowed ? 'allowed' : 'denied'}`} aria-labelledby="policy-decision">
      <h3 id="policy-decision">
        <StatusBadge status={e.allowed ? 'passed' : 'failed'} label={e.allowed ? 'Allowed' : 'Denied'} />{' '}
        {e.principal.name} ({e.principal.id}) may {e.allowed ? '' : 'not '}
        {q.action} {q.subject}
        {q.id ? ` ${q.id}` : ''}
        {q.field ? ` (field ${q.field})` : ''}
      </h3>
      <dl className="run-facts">
        <div>
          <dt>Reason</dt>
          <dd data-testid="policy-reason">{e.reason}</dd>
        </div>
        <div>
          <dt>Deciding rule</dt>
          <dd data-testid="policy-rule">
            {rule ? (
              <>
                role <strong>{rule.role}</strong> · <code>{rule.file}</code> · <code>{rule.path}</code>
                {rule.inverted && ' (a "cannot" rule)'}
              </>
            ) : (
              'none: no rule allows it'
            )}
          </dd>
        </div>
        <div>
          <dt>Rules that matched</dt>
          <dd>{e.matchedRules.length ? e.matchedRules.map((r) => `${r.role} (${r.path})`).join(', ') : 'none'}</dd>
        </div>
        <div>
          <dt>Policy version</dt>
          <dd>
            <code>{e.policyVersion}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}
