import { isApiProblem } from '../api/problem';

/** The messages a problem has for one field (its exact dotted path: `spec.tier`, `query.cursor`, `If-Match`). */
export function errorsFor(problem: unknown, field: string): string[] {
  return isApiProblem(problem) ? problem.errorsFor(field) : [];
}

export interface FieldErrorInfo {
  id: string;
  messages: string[];
  /** Spread onto the input: aria-invalid and aria-describedby when there is an error. */
  inputProps: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
}

/**
 * Everything an input needs to show its field's error:
 *
 *   const tier = fieldError(mutation.error, 'spec.tier', 'tier-error');
 *   <input id="tier" {...tier.inputProps} />
 *   <FieldError {...tier} />
 *
 * `describedBy` adds ids the input is already described by (a hint), kept before the error's.
 */
export function fieldError(problem: unknown, field: string, id: string, describedBy?: string): FieldErrorInfo {
  const messages = errorsFor(problem, field);
  const ids = [describedBy, messages.length ? id : undefined].filter(Boolean).join(' ');
  return {
    id,
    messages,
    inputProps: { 'aria-invalid': messages.length ? true : undefined, 'aria-describedby': ids || undefined },
  };
}

/** The error text under an input (nothing when there is none). */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (!messages.length) return null;
  return (
    <div id={id} className="field-error">
      {messages.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  );
}
