import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiJsonResponse, ApiZodBody, ApiZodQuery } from '../common/validation/openapi';
import { Authorize } from '../policy/authorize.decorator';
import { ZodPipe } from '../common/validation/zod.pipe';
import {
  createPrincipalBody,
  CreatePrincipalBody,
  listPrincipalsQuery,
  ListPrincipalsQuery,
  principalId,
  updatePrincipalBody,
  UpdatePrincipalBody,
} from './dto/principal.dto';
import { STORED_PRINCIPAL, STORED_PRINCIPAL_PAGE } from './dto/principals.openapi';
import { Page, pageResponse } from '../common/pagination';
import type { PrincipalView } from './principal.types';
import { PrincipalsService } from './principals.service';
import { ZodParam } from '../common/validation/zod-param.decorator';

/** Principals are disabled, never deleted: their tokens, JWTs and audit entries keep naming them. */
@ApiTags('principals')
@ApiBearerAuth()
@Controller('api/v1/principals')
export class PrincipalsController {
  constructor(private readonly principals: PrincipalsService) {}

  @Post()
  @Authorize('create', 'Principal')
  @ApiOperation({ summary: 'Create a person or service account (409 if the id exists; admin only)' })
  @ApiZodBody(createPrincipalBody)
  @ApiJsonResponse(201, STORED_PRINCIPAL, 'Created (Location header)')
  async create(
    @Body(new ZodPipe(createPrincipalBody)) body: CreatePrincipalBody,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PrincipalView> {
    const principal = await this.principals.create(actor, body);
    reply.status(201).header('location', `/api/v1/principals/${encodeURIComponent(principal.id)}`);
    return principal;
  }

  @Get()
  @Authorize('read', 'Principal')
  @ApiOperation({ summary: 'List principals ordered by id (filters: kind, team, role, disabled; cursor pagination)' })
  @ApiZodQuery(listPrincipalsQuery)
  @ApiJsonResponse(200, STORED_PRINCIPAL_PAGE)
  async list(@Query(new ZodPipe(listPrincipalsQuery)) query: ListPrincipalsQuery, @CurrentPrincipal() actor: Principal): Promise<Page<PrincipalView>> {
    const { cursor, ...filters } = query;
    return pageResponse(await this.principals.list(actor, { ...filters, after: cursor }));
  }

  @Get(':id')
  @Authorize('read', 'Principal')
  @ApiOperation({ summary: 'Read a principal' })
  @ApiJsonResponse(200, STORED_PRINCIPAL)
  get(@ZodParam('id', principalId) id: string, @CurrentPrincipal() actor: Principal): Promise<PrincipalView> {
    return this.principals.get(actor, id);
  }

  @Patch(':id')
  @Authorize('update', 'Principal')
  @ApiOperation({ summary: 'Change name, teams, roles or e-mail (given fields replace; `email: null` removes it)' })
  @ApiConsumes('application/json', 'application/merge-patch+json')
  @ApiZodBody(updatePrincipalBody)
  @ApiJsonResponse(200, STORED_PRINCIPAL)
  update(
    @ZodParam('id', principalId) id: string,
    @Body(new ZodPipe(updatePrincipalBody)) body: UpdatePrincipalBody,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PrincipalView> {
    return this.principals.update(actor, id, body);
  }

  @Post(':id/disable')
  @Authorize('update', 'Principal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a principal: its tokens and JWTs are refused from now on (idempotent)' })
  @ApiJsonResponse(200, STORED_PRINCIPAL)
  disable(@ZodParam('id', principalId) id: string, @CurrentPrincipal() actor: Principal): Promise<PrincipalView> {
    return this.principals.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @Authorize('update', 'Principal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled principal again; its unexpired, unrevoked tokens work again (idempotent)' })
  @ApiJsonResponse(200, STORED_PRINCIPAL)
  enable(@ZodParam('id', principalId) id: string, @CurrentPrincipal() actor: Principal): Promise<PrincipalView> {
    return this.principals.setDisabled(actor, id, false);
  }
}
