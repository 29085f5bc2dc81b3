import { Body, Controller, Delete, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiJsonResponse, ApiZodBody, ApiZodQuery } from '../common/validation/openapi';
import { API_TOKEN, API_TOKEN_PAGE, ISSUED_API_TOKEN } from '../principals/dto/principals.openapi';
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
  @ApiJsonResponse(201, ISSUED_API_TOKEN, 'Issued (Location header); the secret is in this answer only')
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
  @ApiJsonResponse(200, API_TOKEN_PAGE)
  async list(@Query(new ZodPipe(listTokensQuery)) query: ListTokensQuery, @CurrentPrincipal() actor: Principal): Promise<Page<TokenView>> {
    const { cursor, ...filters } = query;
    return pageResponse(await this.tokens.list(actor, { ...filters, after: cursor }));
  }

  @Get(':id')
  @Authorize('read', 'ApiToken')
  @ApiOperation({ summary: 'Read a token (without its secret)' })
  @ApiJsonResponse(200, API_TOKEN)
  get(@ZodParam('id', tokenIdParam) id: string, @CurrentPrincipal() actor: Principal): Promise<TokenView> {
    return this.tokens.get(actor, id);
  }

  @Delete(':id')
  @Authorize('delete', 'ApiToken')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a token (idempotent); it is refused from the next request on' })
  @ApiJsonResponse(200, API_TOKEN, 'The revoked token')
  revoke(@ZodParam('id', tokenIdParam) id: string, @CurrentPrincipal() actor: Principal): Promise<TokenView> {
    return this.tokens.revoke(actor, id);
  }
}
