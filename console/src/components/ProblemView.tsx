import { useId } from 'react';
import { ApiProblem, isApiProblem } from '../api/problem';

interface ProblemViewProps {
  /** What a query or mutation failed with: an ApiProblem, or anything else thrown. null/undefined shows nothing. */
  error: unknown;
  /** Field paths whose errors the form already shows at their inputs (they are left out of the list). */
  fieldsShownInline?: readonly string[];
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  /** The heading level inside the page (the page's own title is the h1). */
  headingLevel?: 2 | 3;
}

/** Turns whatever was thrown into an ApiProblem-like value to show. */
function asProblem(error: unknown): ApiProblem {
  if (isApiProblem(error)) return error;
  return new ApiProblem({
    status: 0,
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
    code: 'unexpected_response',
  });
}

/**
 * Shows a failed call: the problem's title and detail, the field errors, and for a 403 a
 * "Not allowed" panel with the policy's reason, the deciding rule (role · file · path) and the
 * policy version. Announced to screen readers when it appears (role="alert").
 */
export function ProblemView({ error, fieldsShownInline = [], onRetry, headingLevel = 2 }: ProblemViewProps) {
  const headingId = useId();
  if (error === null || error === undefined) return null;
  const problem = asProblem(error);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const listed = problem.errors.filter((e) => !fieldsShownInline.includes(e.field));

  if (problem.status === 403) {
    return (
      <section className="problem problem--forbidden" role="alert" aria-labelledby={headingId}>
        <Heading id={headingId} className="problem__title">
          Not allowed
        </Heading>
        {problem.detail && <p className="problem__detail">{problem.detail}</p>}
        <dl className="problem__facts">
          <dt>Reason</dt>
          <dd>{problem.reason ?? 'The policy does not allow this.'}</dd>
          <dt>Deciding rule</dt>
          <dd>
            {problem.rule ? (
              <code>
                {problem.rule.role} · {problem.rule.file} · {problem.rule.path}
              </code>
            ) : (
              'None: no rule of your roles allows this'
            )}
          </dd>
          {problem.policyVersion && (
            <>
              <dt>Policy version</dt>
              <dd>
                <code>{problem.policyVersion}</code>
              </dd>
            </>
          )}
        </dl>
        <RequestId problem={problem} />
      </section>
    );
  }

  return (
    <section className="problem" role="alert" aria-labelledby={headingId}>
      <Heading id={headingId} className="problem__title">
        {problem.title}
      </Heading>
      {problem.detail && <p className="problem__detail">{problem.detail}</p>}
      {listed.length > 0 && (
        <ul className="problem__fields" aria-label="Problems by field">
          {listed.map((e, i) => (
            <li key={`${e.field}-${i}`}>
              {e.field && <code className="problem__field">{e.field}</code>} {e.message}
            </li>
          ))}
        </ul>
      )}
      <RequestId problem={problem} />
      {onRetry && (
        <p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
    </section>
  );
}

function RequestId({ problem }: { problem: ApiProblem }) {
  if (!problem.requestId) return null;
  return (
    <p className="problem__request-id">
      Request id <code>{problem.requestId}</code>
    </p>
  );
}
