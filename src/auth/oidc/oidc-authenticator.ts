import { Inject, Injectable, Logger } from '@nestjs/common';
import type { GatehouseConfig, OidcConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import type { Principal } from '../principal';
import { principalFromClaims } from './claim-mapping';
import { OidcVerifier } from './oidc-verifier';

/** Turns a JWT of the configured issuer into a principal; inactive when OIDC is not configured. */
@Injectable()
export class OidcAuthenticator {
  private readonly logger = new Logger('Oidc');
  private readonly oidc?: { config: OidcConfig; verifier: OidcVerifier };

  constructor(@Inject(CONFIG) config: GatehouseConfig) {
    if (config.oidc) this.oidc = { config: config.oidc, verifier: new OidcVerifier(config.oidc) };
  }

  get enabled(): boolean {
    return this.oidc !== undefined;
  }

  /** The principal the JWT names, or undefined. Why is logged, never answered (every refusal is one 401). */
  async authenticate(jwt: string): Promise<Principal | undefined> {
    if (!this.oidc) return undefined;
    const result = await this.oidc.verifier.verify(jwt);
    if (result.outcome === 'unavailable') {
      this.logger.warn({ issuer: this.oidc.config.issuer, reason: result.reason }, 'cannot verify JWTs: the issuer keys are unavailable; refusing them');
      return undefined;
    }
    if (result.outcome === 'refused') {
      // Debug only: anyone can send a bad token, and the log must not be theirs to flood.
      this.logger.debug({ reason: result.reason }, 'JWT refused');
      return undefined;
    }
    const mapped = principalFromClaims(result.claims, this.oidc.config);
    if ('problem' in mapped) {
      // A token the issuer signed but we cannot map points at the claim configuration.
      this.logger.warn({ issuer: this.oidc.config.issuer, problem: mapped.problem }, 'JWT refused: its claims do not name a principal');
      return undefined;
    }
    return mapped.principal;
  }
}
