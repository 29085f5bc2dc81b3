import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/current-principal.decorator';
import { IS_PUBLIC } from '../auth/public.decorator';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { ANY_PRINCIPAL, AUTHORIZE, RouteRequirement } from './authorize.decorator';
import { requestContext } from '../common/logging/logger';
import { AccessControl } from './access-control';
import { PolicyService } from './policy.service';

const ADMIN_ONLY: RouteRequirement = { action: 'manage', subject: 'all' };

/**
 * Runs after authentication on every route: the principal must be allowed the route's action on
 * its subject type. Record-level and field-level checks happen in the services.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policies: PolicyService,
    private readonly access: AccessControl,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const principal = principalOf(context.switchToHttp().getRequest<FastifyRequest>());
    if (!principal) throw new DomainError(ErrorCode.UNAUTHORIZED, 'A valid bearer token is required.');
    // Secure by default: a route that does not declare what it does is for administrators only.
    const declared = this.reflector.getAllAndOverride<RouteRequirement | typeof ANY_PRINCIPAL | undefined>(AUTHORIZE, targets);
    if (declared === ANY_PRINCIPAL) return true;
    const requirement = declared ?? ADMIN_ONLY;
    const decision = this.policies.decide(principal, requirement.action, requirement.subject);
    // Audit entries written while handling this request name the policy version that allowed it.
    const store = requestContext.getStore();
    if (store) store.policyVersion = decision.policyVersion;
    if (!decision.allowed) await this.access.deny(principal, decision);
    return true;
  }
}
