import { HttpTransport } from '../core/http-transport';
import { OrchestratorError } from '../core/orchestrator-error';
import { AirflowAuth } from './airflow-auth';

/** Refresh this long before the token's `exp`, so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;
/** Tokens issued by this instance are remembered for redaction; old ones beyond this are forgotten. */
const REMEMBERED_TOKENS = 8;

/**
 * Airflow 3 `/api/v2`: a JWT from `POST /auth/token` with JSON `{username, password}` (every auth manager exposes it;
 * SimpleAuthManager and FAB answer 201 `{access_token}`), sent as `Authorization: Bearer`. The token is cached and shared
 * by concurrent requests (one token request in flight at a time), renewed shortly before its `exp` and, as there is no
 * refresh flow in the API, re-requested once when a call is refused with 401/403 (e.g. after an api-server restart with
 * another `jwt_secret`). A refused token request is final for that call: no second attempt with the same password.
 */
export class AirflowV3Auth implements AirflowAuth {
  // #private: invisible to console.log / util.inspect / JSON.stringify of the adapter
  #token: string | null = null;
  readonly #password: string;
  readonly #issued: string[] = [];
  private expiresAt = Infinity;
  private pending: Promise<string> | null = null;
  private readonly refusals = new WeakSet<OrchestratorError>();

  constructor(
    /** Transport without authentication, on the server root (the token URL is `<baseUrl>/auth/token`). */
    private readonly transport: HttpTransport,
    private readonly username: string,
    password: string,
    private readonly now: () => number = Date.now,
  ) {
    this.#password = password;
  }

  async authenticate(headers: Record<string, string>): Promise<void> {
    headers.authorization = `Bearer ${await this.currentToken()}`;
  }

  async onUnauthorized(refusal: OrchestratorError): Promise<boolean> {
    if (this.refusals.has(refusal)) return false; // the token request itself was refused: asking again won't help
    this.#token = null;
    await this.currentToken();
    return true;
  }

  secrets(): string[] {
    return [this.#password, ...this.#issued];
  }

  /** Forgets the cached token (the next request obtains a new one). */
  invalidate(): void {
    this.#token = null;
  }

  private currentToken(): Promise<string> {
    if (this.#token && this.now() < this.expiresAt - EXPIRY_MARGIN_MS) return Promise.resolve(this.#token);
    if (!this.pending) {
      this.pending = this.requestToken().finally(() => {
        this.pending = null;
      });
    }
    return this.pending;
  }

  private async requestToken(): Promise<string> {
    let data: unknown;
    try {
      // Safe to retry: issuing a token changes nothing on the server.
      ({ data } = await this.transport.call<unknown>(
        { method: 'POST', url: '/auth/token', data: { username: this.username, password: this.#password }, headers: { 'content-type': 'application/json' } },
        { safe: true },
      ));
    } catch (error) {
      if (error instanceof OrchestratorError && error.code === 'unauthorized') {
        // orchestratorMessage is Airflow's own ("Invalid credentials"); the request body is never quoted
        const refusal = new OrchestratorError(
          'unauthorized',
          'Airflow refused the configured credentials (POST /auth/token)',
          error.orchestratorMessage,
          error.httpStatus,
        );
        this.refusals.add(refusal);
        throw refusal;
      }
      throw error;
    }
    const token = (data as { access_token?: unknown } | null)?.access_token;
    if (typeof token !== 'string' || !token) {
      throw new OrchestratorError('orchestrator_error', 'POST /auth/token answered without an access_token (is this an Airflow 3 api-server?)');
    }
    this.#token = token;
    this.expiresAt = jwtExpiry(token) ?? Infinity;
    this.#issued.push(token);
    if (this.#issued.length > REMEMBERED_TOKENS) this.#issued.shift();
    return token;
  }
}

/** `exp` of a JWT in ms, or null when the token is not a readable JWT (then only a 401 renews it). */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const exp = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}
