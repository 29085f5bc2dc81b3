import type { OidcConfig } from '../../config/config';
import { IssuerKeys } from './issuer-keys';
import { loadJose } from './jose';

/** Clocks of Gatehouse and the identity provider may differ this much (exp, nbf, iat). */
const CLOCK_TOLERANCE_SECONDS = 30;

/** jose error codes that mean the token itself is bad, as opposed to the keys being unavailable. */
const TOKEN_FAULTS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

export type Verification =
  | { outcome: 'verified'; claims: Record<string, unknown> }
  /** The token is bad: wrong issuer, audience, algorithm or signature, expired … */
  | { outcome: 'refused'; reason: string }
  /** The token could not be checked: discovery or JWKS fetch failed. */
  | { outcome: 'unavailable'; reason: string };

/** Verifies a JWT's signature against the issuer's keys, and its issuer, audience, algorithm and times. */
export class OidcVerifier {
  constructor(
    private readonly config: OidcConfig,
    private readonly keys = new IssuerKeys(config),
  ) {}

  async verify(jwt: string): Promise<Verification> {
    const jose = await loadJose();
    try {
      const { payload } = await jose.jwtVerify(jwt, await this.keys.get(), {
        issuer: this.config.issuer,
        // The console's ID tokens name its own client; API clients' tokens name Gatehouse.
        audience: this.config.consoleClientId ? [this.config.audience, this.config.consoleClientId] : this.config.audience,
        algorithms: this.config.algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return { outcome: 'verified', claims: payload };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && TOKEN_FAULTS.has(code)) return { outcome: 'refused', reason: `${code}: ${(error as Error).message}` };
      return { outcome: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
