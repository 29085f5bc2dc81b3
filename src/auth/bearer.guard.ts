import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { attachPrincipal } from './current-principal.decorator';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token.service';

/** Every route needs `Authorization: Bearer <token>` unless marked @Public(). */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    // One answer for missing, malformed and wrong tokens: no hint which.
    const principal = match ? await this.tokens.authenticate(match[1]) : undefined;
    if (!principal) throw new DomainError(ErrorCode.UNAUTHORIZED, 'A valid bearer token is required.');
    attachPrincipal(request, principal);
    return true;
  }
}
