import { useRef, useState, type FormEvent } from 'react';
import { AUDIT_OUTCOMES } from '../../api/enums';
import { FieldError, type FieldErrorInfo } from '../../components/FieldError';
import type { AuditSearch } from '../../searchParams';
import { formErrors, formFromSearch, searchFromForm, timeZoneLabel, type AuditFilterForm } from './filters';

interface AuditFiltersProps {
  /** The filters in the URL (the form starts from them; remount it with a `key` when they change). */
  search: AuditSearch;
  /** Called with the new search on submit (back to the first page). */
  onApply: (search: AuditSearch) => void;
  onClear: () => void;
  /** Whether any filter is applied (shows "Clear filters"). */
  filtered: boolean;
}

const TEXT_FIELDS: { key: 'principal' | 'subjectType' | 'subjectId' | 'action'; label: string; hint: string }[] = [
  { key: 'principal', label: 'Principal', hint: 'A principal id, e.g. olga' },
  { key: 'subjectType', label: 'Subject type', hint: 'e.g. DataProduct, Promotion' },
  { key: 'subjectId', label: 'Subject id', hint: 'e.g. a product name' },
  { key: 'action', label: 'Action', hint: 'e.g. promotion.request' },
];

/** The audit filters, applied on submit only (so typing does not ask the server on every key). */
export function AuditFilters({ search, onApply, onClear, filtered }: AuditFiltersProps) {
  const [form, setForm] = useState<AuditFilterForm>(() => formFromSearch(search));
  const [errors, setErrors] = useState<ReturnType<typeof formErrors>>({});
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const set = <K extends keyof AuditFilterForm>(key: K, value: AuditFilterForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = formErrors(form);
    setErrors(found);
    if (found.from) return fromRef.current?.focus();
    if (found.to) return toRef.current?.focus();
    onApply(searchFromForm(form));
  };

  const timeError = (key: 'from' | 'to'): FieldErrorInfo => {
    const id = `audit-${key}-error`;
    const message = errors[key];
    return {
      id,
      messages: message ? [message] : [],
      inputProps: { 'aria-invalid': message ? true : undefined, 'aria-describedby': ['audit-time-hint', message ? id : undefined].filter(Boolean).join(' ') },
    };
  };
  const from = timeError('from');
  const to = timeError('to');

  return (
    <form className="audit-filters" role="search" aria-label="Filter audit entries" onSubmit={submit} noValidate>
      <div className="audit-filters__grid">
        {TEXT_FIELDS.map((f) => (
          <div className="form__field" key={f.key}>
            <label htmlFor={`audit-${f.key}`}>{f.label}</label>
            <input
              id={`audit-${f.key}`}
              className="input"
              type="text"
              name={f.key}
              value={form[f.key]}
              onChange={(e) => set(f.key, e.target.value)}
              placeholder={f.hint}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        ))}
        <div className="form__field">
          <label htmlFor="audit-outcome">Outcome</label>
          <select id="audit-outcome" className="select" name="outcome" value={form.outcome} onChange={(e) => set('outcome', e.target.value as AuditFilterForm['outcome'])}>
            <option value="">Any outcome</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor="audit-from">From</label>
          <input ref={fromRef} id="audit-from" className="input" type="datetime-local" step={1} name="from" value={form.from} onChange={(e) => set('from', e.target.value)} {...from.inputProps} />
          <FieldError {...from} />
        </div>
        <div className="form__field">
          <label htmlFor="audit-to">To</label>
          <input ref={toRef} id="audit-to" className="input" type="datetime-local" step={1} name="to" value={form.to} onChange={(e) => set('to', e.target.value)} {...to.inputProps} />
          <FieldError {...to} />
        </div>
      </div>
      <p id="audit-time-hint" className="form__hint">
        Times are in your time zone, {timeZoneLabel()}. “From” includes entries at that time, “To” only those before it.
      </p>
      <div className="audit-filters__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        {filtered && (
          <button type="button" className="button" onClick={onClear}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
