import type { FieldError } from '../common/errors/domain-error';

export type ApplyOutcome = 'created' | 'updated' | 'unchanged';
const OUTCOMES: readonly string[] = ['created', 'updated', 'unchanged'] satisfies ApplyOutcome[];

/** Why one manifest was not applied: the problem's detail and its field errors. */
export interface ApplyFailure {
  detail: string;
  errors: FieldError[];
}

export type ApplyResponse = { ok: true; outcome: ApplyOutcome } | { ok: false; failure: ApplyFailure };

/** The server cannot be used at all (unreachable, silent, refusing the token): no point trying the next manifest. */
export class ServerUnusableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerUnusableError';
  }
}

export interface ClientOptions {
  server: string;
  token?: string;
  timeoutMs?: number;
  /** Replaced in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The calls `apply` makes: PUT /api/v1/data-products/{name}, as JSON, and for open-standard documents the product's current manifest. */
export class GatehouseClient {
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetch = options.fetch ?? fetch;
  }

  async apply(name: string, manifest: unknown): Promise<ApplyResponse> {
    const response = await this.put(`/api/v1/data-products/${encodeURIComponent(name)}`, manifest);
    const text = await response.text();
    if (response.status === 401) throw new ServerUnusableError(this.refusedToken());
    if (!response.ok) return { ok: false, failure: failureFrom(response, text) };
    const outcome = response.headers.get('gatehouse-apply-result');
    if (outcome && OUTCOMES.includes(outcome)) return { ok: true, outcome: outcome as ApplyOutcome };
    throw new ServerUnusableError(`${this.options.server} answered without a gatehouse-apply-result header; is it a Gatehouse server?`);
  }

  /** GET /api/v1/data-products/{name}: the product's current manifest, or null when there is no such product. */
  async current(name: string): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let response: Response;
    try {
      response = await this.fetch(`${this.options.server}/api/v1/data-products/${encodeURIComponent(name)}`, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new ServerUnusableError(this.unreachable(error));
    }
    const text = await response.text();
    if (response.status === 401) throw new ServerUnusableError(this.refusedToken());
    if (response.status === 404) return null;
    const body = parseJson(text) as { manifest?: unknown } | undefined;
    if (!response.ok || body?.manifest === undefined) throw new ServerUnusableError(`${this.options.server} did not answer ${name}'s manifest (${failureFrom(response, text).detail})`);
    return body.manifest;
  }

  private async put(path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, application/problem+json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    try {
      return await this.fetch(`${this.options.server}${path}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ServerUnusableError(this.unreachable(error));
    }
  }

  private unreachable(error: unknown): string {
    const server = this.options.server;
    // Duck-typed: fetch's errors (and the timeout's DOMException) may come from another realm than this Error.
    const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (name === 'TimeoutError') return `Gatehouse at ${server} did not answer within ${this.timeoutMs / 1000} s`;
    // fetch reports "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND …) is in its cause.
    const reason = cause?.code ?? cause?.message ?? message ?? String(error);
    return `cannot reach Gatehouse at ${server} (${reason}); is it running? Set the address with --server or GATEHOUSE_URL`;
  }

  private refusedToken(): string {
    const server = this.options.server;
    return this.options.token
      ? `Gatehouse at ${server} refused the token (401 Unauthorized); check --token or GATEHOUSE_TOKEN`
      : `Gatehouse at ${server} requires a token (401 Unauthorized); pass --token or set GATEHOUSE_TOKEN`;
  }
}

/** An RFC 9457 problem's detail and field errors, or the HTTP status when the body is not one (a proxy's page). */
function failureFrom(response: Response, text: string): ApplyFailure {
  const problem = parseJson(text) as { detail?: unknown; title?: unknown; errors?: unknown } | undefined;
  const detail = typeof problem?.detail === 'string' ? problem.detail : typeof problem?.title === 'string' ? problem.title : undefined;
  if (detail === undefined) return { detail: `HTTP ${response.status} ${response.statusText}`.trim(), errors: [] };
  const errors = Array.isArray(problem?.errors) ? problem.errors.filter(isFieldError) : [];
  return { detail, errors };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isFieldError = (value: unknown): value is FieldError =>
  typeof value === 'object' && value !== null && typeof (value as FieldError).field === 'string' && typeof (value as FieldError).message === 'string';
