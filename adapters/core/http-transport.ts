import axios, { AxiosError, AxiosInstance, AxiosRequestConfig } from 'axios';
import { OrchestratorError } from './orchestrator-error';

export interface TransportOptions {
  baseUrl: string;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Attempts for safe (read-only or idempotent) calls; unsafe calls are sent once. */
  attempts?: number;
  /** First retry delay; each retry doubles it, with full jitter. */
  backoffMs?: number;
  /** Adds authentication to a request (called on every attempt, so refreshed tokens apply). */
  authenticate?: (headers: Record<string, string>) => Promise<void> | void;
  /**
   * Called once when a request is refused with 401/403, before one retry (token refresh); resolves whether to retry.
   * Gets the refusal, so an auth that just failed to obtain a token can decline instead of asking again.
   */
  onUnauthorized?: (refusal: OrchestratorError) => Promise<boolean>;
  sleep?: (ms: number) => Promise<void>;
}

export interface CallOptions {
  /** Safe to repeat: retried on unreachable, timeout and 5xx. */
  safe: boolean;
  /** Statuses that are answers, not errors (Dagster's GraphQL bodies on 500, 404 lookups). */
  acceptStatus?: number[];
}

const RETRYABLE = new Set(['unreachable', 'timeout', 'orchestrator_error']);

/**
 * HTTP for adapters: timeouts on every call, retries with backoff and jitter for safe calls only,
 * one re-authentication on 401, and every failure normalised to an OrchestratorError.
 */
export class HttpTransport {
  private readonly http: AxiosInstance;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TransportOptions) {
    this.http = axios.create({ baseURL: options.baseUrl.replace(/\/+$/, ''), timeout: options.timeoutMs ?? 10_000, validateStatus: () => true });
    this.attempts = options.attempts ?? 3;
    this.backoffMs = options.backoffMs ?? 200;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async call<T>(request: AxiosRequestConfig, call: CallOptions): Promise<{ status: number; data: T }> {
    const attempts = call.safe ? this.attempts : 1;
    let reauthenticated = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(request, call);
      } catch (error) {
        const failure = error as OrchestratorError;
        if (failure.code === 'unauthorized' && !reauthenticated && this.options.onUnauthorized) {
          reauthenticated = true;
          if (await this.options.onUnauthorized(failure)) {
            attempt--;
            continue;
          }
        }
        if (attempt >= attempts || !RETRYABLE.has(failure.code)) throw failure;
        await this.sleep(Math.random() * this.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private async once<T>(request: AxiosRequestConfig, call: CallOptions): Promise<{ status: number; data: T }> {
    const headers: Record<string, string> = { accept: 'application/json', ...(request.headers as Record<string, string> | undefined) };
    await this.options.authenticate?.(headers);
    let response;
    try {
      response = await this.http.request<T>({ ...request, headers });
    } catch (error) {
      throw transportFailure(error as AxiosError, request);
    }
    if ((response.status >= 200 && response.status < 300) || call.acceptStatus?.includes(response.status)) {
      return { status: response.status, data: response.data };
    }
    throw statusFailure(response.status, response.data, request);
  }
}

function describe(request: AxiosRequestConfig): string {
  return `${(request.method ?? 'GET').toUpperCase()} ${request.url}`;
}

function transportFailure(error: AxiosError, request: AxiosRequestConfig): OrchestratorError {
  const code = error.code ?? '';
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(error.message)) {
    return new OrchestratorError('timeout', `${describe(request)} timed out`, error.message);
  }
  return new OrchestratorError('unreachable', `${describe(request)} could not reach the orchestrator (${code || 'network error'})`, error.message);
}

/** The orchestrator's own words from an error body (Airflow: detail/title; Dagster: message). */
export function orchestratorMessage(body: unknown): string | null {
  if (typeof body === 'string') return body.slice(0, 1000) || null;
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const first = Array.isArray(b.errors) ? (b.errors[0] as Record<string, unknown> | undefined) : undefined;
  const text = b.detail ?? b.message ?? b.title ?? first?.message;
  return typeof text === 'string' ? text.slice(0, 1000) : Array.isArray(text) || typeof text === 'object' ? JSON.stringify(text).slice(0, 1000) : null;
}

export function statusFailure(status: number, body: unknown, request: AxiosRequestConfig): OrchestratorError {
  const said = orchestratorMessage(body);
  const where = describe(request);
  if (status === 401 || status === 403) return new OrchestratorError('unauthorized', `${where} was refused: check the orchestrator credentials`, said, status);
  if (status === 404) return new OrchestratorError('not_found', `${where}: not found`, said, status);
  if (status === 409) return new OrchestratorError('conflict', `${where}: conflict`, said, status);
  if (status === 400 || status === 422) return new OrchestratorError('invalid_request', `${where}: the orchestrator rejected the request`, said, status);
  if (status === 408 || status === 504) return new OrchestratorError('timeout', `${where}: the orchestrator timed out`, said, status);
  return new OrchestratorError('orchestrator_error', `${where}: the orchestrator answered ${status}`, said, status);
}
