import { describeCode, ErrorCode } from './error-code';
import { FieldError } from './domain-error';

/** An RFC 9457 problem details body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemFor(
  code: ErrorCode,
  detail: string,
  requestId: string | undefined,
  errors: FieldError[] = [],
  extensions: Record<string, unknown> = {},
): Problem {
  const { status, title } = describeCode(code);
  return {
    ...extensions,
    type: `urn:gatehouse:problem:${code}`,
    title,
    status,
    detail,
    code,
    ...(errors.length ? { errors } : {}),
    requestId,
  };
}
