import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { BOOTSTRAP_ADMIN, Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain-error';
import { SubjectResolvers } from '../policy/subject-resolvers';
import type { Page } from '../common/pagination';
import { PrincipalRepository } from './principal.repository';
import type { NewPrincipal, PrincipalChanges, PrincipalListQuery, PrincipalView } from './principal.types';

/** Managing people and service accounts; every use case but the authentication lookup is for administrators. */
@Injectable()
export class PrincipalsService implements OnModuleInit {
  constructor(
    private readonly principals: PrincipalRepository,
    private readonly subjects: SubjectResolvers,
    private readonly audit: AuditService,
  ) {}

  /** Lets `POST /api/v1/policy/evaluate` name a stored principal by its id. */
  onModuleInit(): void {
    this.subjects.register('Principal', async (id) => {
      const principal = await this.principals.findById(id);
      return principal ? { ...principal } : null;
    });
  }

  async create(actor: Principal, principal: NewPrincipal): Promise<PrincipalView> {
    const created = await this.principals.create(principal, actor.id);
    await this.audit.record({ action: 'principal.create', subjectType: 'Principal', subjectId: created.id, outcome: 'succeeded', after: created });
    return created;
  }

  async get(actor: Principal, id: string): Promise<PrincipalView> {
    return found(id, await this.principals.findById(id));
  }

  list(actor: Principal, query: PrincipalListQuery): Promise<Page<PrincipalView>> {
    return this.principals.list(query);
  }

  async update(actor: Principal, id: string, changes: PrincipalChanges): Promise<PrincipalView> {
    const before = await this.principals.findById(id);
    const after = found(id, await this.principals.update(id, changes));
    await this.audit.record({ action: 'principal.update', subjectType: 'Principal', subjectId: id, outcome: 'succeeded', before, after });
    return after;
  }

  /** A disabled principal's tokens and JWTs are refused from the next request on. */
  async setDisabled(actor: Principal, id: string, disabled: boolean): Promise<PrincipalView> {
    const after = found(id, await this.principals.setDisabled(id, disabled));
    await this.audit.record({ action: disabled ? 'principal.disable' : 'principal.enable', subjectType: 'Principal', subjectId: id, outcome: 'succeeded', after });
    return after;
  }

  /** For authentication and token issuing: no authorization, null when unknown. */
  lookup(id: string): Promise<PrincipalView | null> {
    return this.principals.findById(id);
  }
}

function found(id: string, principal: PrincipalView | null): PrincipalView {
  if (principal) return principal;
  if (id === BOOTSTRAP_ADMIN.id) throw DomainError.notFound('The bootstrap administrator is built in; it is not a stored principal and cannot be changed.');
  throw DomainError.notFound(`Principal ${id} does not exist.`);
}
