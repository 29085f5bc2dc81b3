import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestContext } from '../common/logging/logger';
import { Principal } from './principal';

type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export function principalOf(request: FastifyRequest): Principal | undefined {
  return (request as AuthenticatedRequest).principal;
}

export function attachPrincipal(request: FastifyRequest, principal: Principal): void {
  (request as AuthenticatedRequest).principal = principal;
  const context = requestContext.getStore();
  if (context) context.principal = principal;
}

/** The authenticated principal of the current request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = principalOf(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
