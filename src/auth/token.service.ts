import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CONFIG } from '../config/config.module';
import type { GatehouseConfig } from '../config/config';
import { BOOTSTRAP_ADMIN, Principal } from './principal';
import { hashToken, newTokenSecret, sameHash } from './token-hash';
import { TokenRepository } from './token.repository';

const BOOTSTRAP_TOKEN_ID = 'bootstrap-admin';

/** Where the one-time bootstrap secret is shown; never the structured log. */
export const SECRET_PRINTER = Symbol('SECRET_PRINTER');
export type SecretPrinter = (text: string) => void;

@Injectable()
export class TokenService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TokenService.name);
  private readonly configuredAdminHash?: string;

  constructor(
    private readonly tokens: TokenRepository,
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
    });
    if (!created) return;
    this.logger.warn('generated the bootstrap administrator token; it is printed once on stdout and stored only as a hash');
    this.printSecret(
      [
        '',
        '  Gatehouse generated a bootstrap administrator token. It is shown only this once:',
        '',
        `    ${secret}`,
        '',
        '  Use it as "Authorization: Bearer <token>". Set GATEHOUSE_ADMIN_TOKEN to choose your own.',
        '',
      ].join('\n'),
    );
  }

  /** The principal a bearer token belongs to, or undefined for any unknown, revoked or expired one. */
  async authenticate(token: string, now = new Date()): Promise<Principal | undefined> {
    const hash = hashToken(token);
    if (this.configuredAdminHash && sameHash(hash, this.configuredAdminHash)) return BOOTSTRAP_ADMIN;
    const stored = await this.tokens.findByHash(hash);
    if (!stored || stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now)) return undefined;
    return stored.principalId === BOOTSTRAP_ADMIN.id ? BOOTSTRAP_ADMIN : undefined;
  }
}
