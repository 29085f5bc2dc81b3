import type { components } from './schema';

/** The server's problem+json body (RFC 9457), as the OpenAPI document describes it. */
export type ProblemBody = components['schemas']['Problem'];
/** A field error as the server sends it: `spec.sla.freshness`, `query.cursor`, `If-Match`… */
export type FieldProblem = NonNullable<components['schemas']['Problem']['errors']>[number];
/** Stable problem codes, plus the two the console makes up for answers that are not problems. */
export type ProblemCode = components['schemas']['Problem']['code'] | 'network_error' | 'unexpected_response';

export interface PolicyRule {
  role: string;
  file: string;
  path: string;
}

interface ApiProblemInit {
  status: number;
  title: string;
  detail?: string;
  code: ProblemCode | (string & {});
  type?: string;
  errors?: FieldProblem[];
  requestId?: string | null;
  reason?: string | null;
  rule?: PolicyRule | null;
  policyVersion?: string | null;
}

/**
 * Every failed API call throws one of these (see client.ts): a non-2xx answer, or no answer at
 * all (`status` 0, code `network_error`). Pages show it with <ProblemView>, and inputs their field
 * errors with `fieldError()`.
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly code: ProblemCode | (string & {});
  readonly type: string;
  readonly errors: FieldProblem[];
  readonly requestId: string | null;
  /** 403 only: the policy's reason. */
  readonly reason: string | null;
  /** 403 only: the deciding rule (null when no rule allowed it). */
  readonly rule: PolicyRule | null;
  /** 403 only: the digest of the policy set that decided. */
  readonly policyVersion: string | null;

  constructor(init: ApiProblemInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.code = init.code;
    this.type = init.type ?? `urn:gatehouse:problem:${init.code}`;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId ?? null;
    this.reason = init.reason ?? null;
    this.rule = init.rule ?? null;
    this.policyVersion = init.policyVersion ?? null;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  /** Messages for one field (exact path), e.g. `problem.errorsFor('spec.tier')`. */
  errorsFor(field: string): string[] {
    return this.errors.filter((e) => e.field === field).map((e) => e.message);
  }
}

export function isApiProblem(value: unknown): value is ApiProblem {
  return value instanceof ApiProblem;
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function fieldErrors(v: unknown): FieldProblem[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((e) => ({ field: str(e.field) ?? '', message: str(e.message) ?? String(e.message ?? '') }));
}

function ruleOf(v: unknown): PolicyRule | null {
  if (!isObject(v)) return null;
  const role = str(v.role);
  const file = str(v.file);
  const path = str(v.path);
  return role !== undefined && file !== undefined && path !== undefined ? { role, file, path } : null;
}

/**
 * The ApiProblem for a non-2xx answer whose body was already read (`body`: parsed JSON, or the
 * raw text when it was not JSON). A problem+json body gives every member; anything else (a proxy's
 * HTML error page, an empty body) still gives a problem with the status and a readable title.
 */
export function problemFromResponse(response: Response, body: unknown): ApiProblem {
  const requestId = response.headers.get('x-request-id');
  const status = response.status;
  if (isObject(body) && typeof body.title === 'string') {
    return new ApiProblem({
      status: typeof body.status === 'number' ? body.status : status,
      title: body.title,
      detail: str(body.detail) ?? '',
      code: str(body.code) ?? 'unexpected_response',
      type: str(body.type),
      errors: fieldErrors(body.errors),
      requestId: str(body.requestId) ?? requestId,
      reason: str(body.reason) ?? null,
      rule: ruleOf(body.rule),
      policyVersion: str(body.policyVersion) ?? null,
    });
  }
  const title = STATUS_TITLES[status] ?? (response.statusText || `HTTP ${status}`);
  return new ApiProblem({
    status,
    title,
    detail: `The server answered ${status}${response.statusText && response.statusText !== title ? ` ${response.statusText}` : ''} without a problem description.`,
    code: 'unexpected_response',
    requestId,
  });
}

/** Reads a non-2xx response's body (it must not have been read) and turns it into an ApiProblem. */
export async function readProblem(response: Response): Promise<ApiProblem> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // a body that cannot be read is treated as empty
  }
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return problemFromResponse(response, body);
}

/** The server did not answer at all (offline, refused, CORS, aborted). */
export function networkProblem(error: unknown): ApiProblem {
  const aborted = error instanceof DOMException && error.name === 'AbortError';
  return new ApiProblem({
    status: 0,
    title: aborted ? 'Request cancelled' : 'Gatehouse could not be reached',
    detail: aborted ? 'The request was cancelled before an answer came.' : 'Check your network connection and that the Gatehouse server is running, then try again.',
    code: 'network_error',
  });
}
