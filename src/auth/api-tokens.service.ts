import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Page } from '../common/pagination';
import { PrincipalsService } from '../principals/principals.service';
import type { IssuedToken, TokenListQuery, TokenRequest, TokenView } from './api-token';
import { BOOTSTRAP_ADMIN, Principal } from './principal';
import { newTokenId, newTokenSecret } from './token-format';
import { hashToken } from './token-hash';
import { TokenRepository } from './token.repository';

/** Issuing, listing and revoking API tokens; administrators only. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly principals: PrincipalsService,
    private readonly audit: AuditService,
  ) {}

  /** The secret is in this answer only; the database keeps its SHA-256. */
  async issue(actor: Principal, request: TokenRequest, now = new Date()): Promise<IssuedToken> {
    if (request.expiresAt && request.expiresAt <= now) {
      throw DomainError.validation([{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    await this.requireEnabledPrincipal(request.principal);
    const secret = newTokenSecret();
    const id = newTokenId(now);
    await this.tokens.insert({
      id,
      principalId: request.principal,
      hash: hashToken(secret),
      description: request.description ?? null,
      createdBy: actor.id,
      expiresAt: request.expiresAt ?? null,
    });
    const issued = await this.require(id, now);
    await this.audit.record({ action: 'token.issue', subjectType: 'ApiToken', subjectId: id, outcome: 'succeeded', after: issued });
    return { ...issued, token: secret };
  }

  list(actor: Principal, query: TokenListQuery, now = new Date()): Promise<Page<TokenView>> {
    return this.tokens.list(query, now);
  }

  async get(actor: Principal, id: string, now = new Date()): Promise<TokenView> {
    return this.require(id, now);
  }

  /** Idempotent; the token is refused from the next request on. */
  async revoke(actor: Principal, id: string, now = new Date()): Promise<TokenView> {
    const revoked = await this.tokens.revoke(id, actor.id, now);
    if (!revoked) throw DomainError.notFound(`Token ${id} does not exist.`);
    await this.audit.record({ action: 'token.revoke', subjectType: 'ApiToken', subjectId: id, outcome: 'succeeded', after: revoked });
    return revoked;
  }

  private async require(id: string, now: Date): Promise<TokenView> {
    const token = await this.tokens.findById(id, now);
    if (!token) throw DomainError.notFound(`Token ${id} does not exist.`);
    return token;
  }

  private async requireEnabledPrincipal(id: string): Promise<void> {
    if (id === BOOTSTRAP_ADMIN.id) return;
    const principal = await this.principals.lookup(id);
    if (!principal) throw DomainError.validation([{ field: 'principal', message: `no principal ${id} exists; create it first` }]);
    if (principal.disabled) {
      throw new DomainError(ErrorCode.CONFLICT, `Principal ${id} is disabled; enable it before issuing tokens.`, [{ field: 'principal', message: 'is disabled' }]);
    }
  }
}
