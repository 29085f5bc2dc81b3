import { Body, Controller, Delete, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiZodBody, ApiZodQuery } from '../common/validation/openapi';
import { Authorize } from '../policy/authorize.decorator';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Page, pageResponse } from '../common/pagination';
import type { IssuedToken, TokenView } from './api-token';
import { ApiTokensService } from './api-tokens.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { issueTokenBody, IssueTokenBody, listTokensQuery, ListTokensQuery, tokenIdParam } from './dto/token.dto';
import type { Principal } from './principal';
import { ZodParam } from '../common/validation/zod-param.decorator';

@ApiTags('tokens')
@ApiBearerAuth()
@Controller('api/v1/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @Authorize('create', 'ApiToken')
  @ApiOperation({ summary: 'Issue an API token for a principal; the secret is shown in this answer only (admin only)' })
  @ApiZodBody(issueTokenBody)
  async issue(
    @Body(new ZodPipe(issueTokenBody)) body: IssueTokenBody,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IssuedToken> {
    const issued = await this.tokens.issue(actor, body);
    reply.status(201).header('location', `/api/v1/tokens/${issued.id}`).header('cache-control', 'no-store');
    return issued;
  }

  @Get()
  @Authorize('read', 'ApiToken')
  @ApiOperation({ summary: 'List tokens, oldest first, without secrets (filter: principal; cursor pagination)' })
  @ApiZodQuery(listTokensQuery)
  async list(@Query(new ZodPipe(listTokensQuery)) query: ListTokensQuery, @CurrentPrincipal() actor: Principal): Promise<Page<TokenView>> {
    const { cursor, ...filters } = query;
    return pageResponse(await this.tokens.list(actor, { ...filters, after: cursor }));
  }

  @Get(':id')
  @Authorize('read', 'ApiToken')
  @ApiOperation({ summary: 'Read a token (without its secret)' })
  get(@ZodParam('id', tokenIdParam) id: string, @CurrentPrincipal() actor: Principal): Promise<TokenView> {
    return this.tokens.get(actor, id);
  }

  @Delete(':id')
  @Authorize('delete', 'ApiToken')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a token (idempotent); it is refused from the next request on' })
  revoke(@ZodParam('id', tokenIdParam) id: string, @CurrentPrincipal() actor: Principal): Promise<TokenView> {
    return this.tokens.revoke(actor, id);
  }
}
