import type { OidcConfig } from '../../config/config';
import { JoseModule, loadJose } from './jose';

export type KeyGetter = ReturnType<JoseModule['createRemoteJWKSet']>;

const FETCH_TIMEOUT_MS = 5_000;
/** After a failed discovery, requests fail fast for this long instead of each waiting on the issuer. */
const DISCOVERY_RETRY_MS = 30_000;

/**
 * The issuer's signing keys: jose's remote key set on the configured JWKS URL, or on the one the
 * issuer's discovery document names. Loaded on first use, so an identity provider that is down
 * at startup does not stop Gatehouse (API tokens keep working).
 */
export class IssuerKeys {
  private keySet?: Promise<KeyGetter>;
  private retryAfter = 0;

  constructor(private readonly config: Pick<OidcConfig, 'issuer' | 'jwksUrl'>) {}

  async get(): Promise<KeyGetter> {
    if (!this.keySet) {
      if (Date.now() < this.retryAfter) throw new Error('OIDC discovery failed recently; not retrying yet');
      this.keySet = this.load().catch((error: unknown) => {
        this.keySet = undefined;
        this.retryAfter = Date.now() + DISCOVERY_RETRY_MS;
        throw error;
      });
    }
    return this.keySet;
  }

  private async load(): Promise<KeyGetter> {
    const jose = await loadJose();
    const url = this.config.jwksUrl ?? (await discoverJwksUrl(this.config.issuer));
    // jose caches the keys, refetches on an unknown `kid` (at most every 30 s) and times out fetches.
    return jose.createRemoteJWKSet(new URL(url), { timeoutDuration: FETCH_TIMEOUT_MS, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }
}

/** The `jwks_uri` of the issuer's OpenID Provider metadata, whose `issuer` must be the configured one. */
export async function discoverJwksUrl(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (metadata.issuer !== issuer) throw new Error(`${url} describes issuer ${String(metadata.issuer)}, not ${issuer}`);
  if (typeof metadata.jwks_uri !== 'string' || !URL.canParse(metadata.jwks_uri)) throw new Error(`${url} names no valid jwks_uri`);
  return metadata.jwks_uri;
}
