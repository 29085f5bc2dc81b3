import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CONFIG } from '../config/config.module';
import type { GatehouseConfig } from '../config/config';
import { PrincipalsService } from '../principals/principals.service';
import type { PrincipalView } from '../principals/principal.types';
import { tokenStatus } from './api-token';
import { OidcAuthenticator } from './oidc/oidc-authenticator';
import { BOOTSTRAP_ADMIN, Principal } from './principal';
import { bearerKind, newTokenSecret } from './token-format';
import { hashToken, sameHash } from './token-hash';
import { TokenRepository } from './token.repository';

const BOOTSTRAP_TOKEN_ID = 'bootstrap-admin';

/** Where the one-time bootstrap secret is shown; never the structured log. */
export const SECRET_PRINTER = Symbol('SECRET_PRINTER');
export type SecretPrinter = (text: string) => void;

/** Who a bearer token belongs to: the bootstrap administrator, an API token's principal, or a JWT's subject. */
@Injectable()
export class TokenService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TokenService.name);
  private readonly configuredAdminHash?: string;

  constructor(
    private readonly tokens: TokenRepository,
    private readonly principals: PrincipalsService,
    private readonly oidc: OidcAuthenticator,
    @Inject(CONFIG) config: GatehouseConfig,
    @Inject(SECRET_PRINTER) private readonly printSecret: SecretPrinter,
  ) {
    this.configuredAdminHash = config.adminToken ? hashToken(config.adminToken) : undefined;
  }

  /** With no GATEHOUSE_ADMIN_TOKEN, create the bootstrap token once and show it once. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.configuredAdminHash || (await this.tokens.exists(BOOTSTRAP_TOKEN_ID))) return;
    const secret = newTokenSecret();
    const created = await this.tokens.insertIfAbsent({
      id: BOOTSTRAP_TOKEN_ID,
      principalId: BOOTSTRAP_ADMIN.id,
      hash: hashToken(secret),
      description: 'generated on first start',
      createdBy: null,
      expiresAt: null,
    });
    if (!created) return;
    this.logger.warn('generated the bootstrap administrator token; it is printed once on stdout and stored only as a hash');
    this.printSecret(
      [
        '  A bootstrap administrator token was generated. It is shown only this once:',
        '',
        `    ${secret}`,
        '',
        '  Sign in to the console with it, or send it as "Authorization: Bearer <token>".',
        '  Set GATEHOUSE_ADMIN_TOKEN to choose your own.',
      ].join('\n'),
    );
  }

  /**
   * The principal a bearer token belongs to, or undefined for any unknown, malformed, revoked or
   * expired token, a token or JWT of a disabled principal, or a JWT that fails verification.
   */
  async authenticate(token: string, now = new Date()): Promise<Principal | undefined> {
    const hash = hashToken(token);
    if (this.configuredAdminHash && sameHash(hash, this.configuredAdminHash)) return BOOTSTRAP_ADMIN;
    switch (bearerKind(token)) {
      case 'api-token':
        return this.fromApiToken(hash, now);
      case 'jwt':
        return this.fromJwt(token);
      default:
        return undefined;
    }
  }

  private async fromApiToken(hash: string, now: Date): Promise<Principal | undefined> {
    const stored = await this.tokens.findByHash(hash);
    if (!stored || tokenStatus(stored, now) !== 'active') return undefined;
    const principal = stored.principalId === BOOTSTRAP_ADMIN.id ? BOOTSTRAP_ADMIN : asPrincipal(await this.principals.lookup(stored.principalId));
    if (principal) await this.tokens.touch(stored, now);
    return principal;
  }

  /** A JWT's teams and roles come from its claims; a stored principal of the same id only counts when disabled. */
  private async fromJwt(jwt: string): Promise<Principal | undefined> {
    const principal = await this.oidc.authenticate(jwt);
    if (!principal) return undefined;
    const stored = await this.principals.lookup(principal.id);
    return stored?.disabled ? undefined : principal;
  }
}

/** Read on every request, so disabling a principal or changing its roles takes effect at once. */
function asPrincipal(stored: PrincipalView | null): Principal | undefined {
  if (!stored || stored.disabled) return undefined;
  return { id: stored.id, kind: stored.kind, name: stored.name, teams: stored.teams, roles: stored.roles };
}
