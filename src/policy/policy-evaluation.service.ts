import { Injectable } from '@nestjs/common';
import { BOOTSTRAP_ADMIN, Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain-error';
import type { Decision } from './decision';
import type { EvaluateRequest } from './dto/evaluate.dto';
import { PolicyService } from './policy.service';
import { SubjectResolvers } from './subject-resolvers';

export interface Evaluation extends Decision {
  principal: Principal;
  subject: Record<string, unknown> | string;
}

/** The explain tool: answers a policy question about any principal and resource, with the why. */
@Injectable()
export class PolicyEvaluationService {
  constructor(
    private readonly policies: PolicyService,
    private readonly resolvers: SubjectResolvers,
  ) {}

  async evaluate(request: EvaluateRequest): Promise<Evaluation> {
    const principal = await this.principal(request.principal);
    const subject = await this.subject(request.subject);
    const decision =
      typeof subject === 'string'
        ? this.policies.decide(principal, request.action, subject, undefined, request.field)
        : this.policies.decide(principal, request.action, String(subject.type), withoutType(subject), request.field);
    return { ...decision, principal, subject };
  }

  private async principal(given: EvaluateRequest['principal']): Promise<Principal> {
    if (typeof given !== 'string') return { name: given.id, ...given } as Principal;
    if (given === BOOTSTRAP_ADMIN.id) return BOOTSTRAP_ADMIN;
    const found = await this.resolvers.get('Principal')?.(given);
    if (!found) throw DomainError.validation([{ field: 'principal', message: `no principal ${given} exists; give its attributes inline instead` }]);
    return found as unknown as Principal;
  }

  /** A subject given as `{type, id}` alone is loaded by its feature; attributes given inline win. */
  private async subject(given: EvaluateRequest['subject']): Promise<Record<string, unknown> | string> {
    if (typeof given === 'string') return given;
    const attributes = Object.keys(given).filter((k) => k !== 'type' && k !== 'id');
    if (given.id === undefined || attributes.length > 0) return given;
    const resolver = this.resolvers.get(given.type);
    const loaded = resolver ? await resolver(given.id) : null;
    if (!loaded) throw DomainError.validation([{ field: 'subject.id', message: `no ${given.type} ${given.id} could be loaded; give its attributes inline instead` }]);
    return { type: given.type, ...loaded };
  }
}

function withoutType(subject: Record<string, unknown>): Record<string, unknown> {
  const { type: _type, ...rest } = subject;
  return rest;
}
