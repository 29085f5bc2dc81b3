import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { productNameParam } from '../catalog/dto/catalog-query.dto';
import { DomainError } from '../common/errors/domain-error';
import { pageResponse } from '../common/pagination';
import { ApiZodBody, ApiZodQuery } from '../common/validation/openapi';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { approvalBody, environmentParam, idempotencyKey, listPromotionsQuery, overrideBody, promotionIdParam, promotionRequestBody, rollbackBody } from './dto/promotions.dto';
import { PromotionsService } from './promotions.service';
import { ZodParam } from '../common/validation/zod-param.decorator';

@ApiTags('promotions')
@ApiBearerAuth()
@Controller('api/v1')
export class PromotionsController {
  constructor(private readonly promotions: PromotionsService) {}

  @Post('promotions')
  @Authorize('request', 'Promotion')
  @ApiOperation({ summary: 'Request the promotion of a product revision to the next environment; its gates are evaluated at once' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key (per principal) answers the promotion it created instead of a new one' })
  @ApiZodBody(promotionRequestBody)
  async request(
    @Body(new ZodPipe(promotionRequestBody)) body: z.output<typeof promotionRequestBody>,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const parsedKey = idempotencyKey.safeParse(key);
    if (!parsedKey.success) throw DomainError.validation([{ field: 'Idempotency-Key', message: parsedKey.error.issues[0].message }]);
    const { promotion, created } = await this.promotions.request(body, principal, parsedKey.data);
    reply.status(created ? 201 : 200).header('location', `/api/v1/promotions/${promotion.id}`);
    return promotion;
  }

  @Get('promotions')
  @Authorize('read', 'Promotion')
  @ApiOperation({ summary: 'Promotions, newest first; awaitingMe=true is the approver’s inbox' })
  @ApiZodQuery(listPromotionsQuery)
  async list(@Query(new ZodPipe(listPromotionsQuery)) query: z.output<typeof listPromotionsQuery>, @CurrentPrincipal() principal: Principal) {
    const { cursor, ...filters } = query;
    return pageResponse(await this.promotions.list({ ...filters, after: cursor }, principal));
  }

  @Get('promotions/:id')
  @Authorize('read', 'Promotion')
  @ApiOperation({ summary: 'One promotion with every gate, its evidence, the approvals and the run' })
  get(@ZodParam('id', promotionIdParam) id: string, @CurrentPrincipal() principal: Principal) {
    return this.promotions.get(id, principal);
  }

  @Post('promotions/:id/approvals')
  @HttpCode(201)
  @Authorize('approve', 'Promotion')
  @ApiOperation({ summary: 'Approve or reject; the environment’s approval rules decide whether it counts' })
  @ApiZodBody(approvalBody)
  approve(@ZodParam('id', promotionIdParam) id: string, @Body(new ZodPipe(approvalBody)) body: z.output<typeof approvalBody>, @CurrentPrincipal() principal: Principal) {
    return this.promotions.approve(id, body.decision, body.comment, principal);
  }

  @Post('promotions/:id/evaluate')
  @HttpCode(200)
  @Authorize('request', 'Promotion')
  @ApiOperation({ summary: 'Evaluate a blocked or waiting promotion’s gates again' })
  evaluate(@ZodParam('id', promotionIdParam) id: string, @CurrentPrincipal() principal: Principal) {
    return this.promotions.reevaluate(id, principal);
  }

  @Post('promotions/:id/overrides')
  @HttpCode(200)
  @Authorize('override', 'Promotion')
  @ApiOperation({ summary: 'Break-glass: let a failed gate or a freeze pass, with a written reason (marked and audited)' })
  @ApiZodBody(overrideBody)
  override(@ZodParam('id', promotionIdParam) id: string, @Body(new ZodPipe(overrideBody)) body: z.output<typeof overrideBody>, @CurrentPrincipal() principal: Principal) {
    return this.promotions.override(id, body.check, body.reason, principal);
  }

  @Post('promotions/:id/cancel')
  @HttpCode(200)
  @Authorize('request', 'Promotion')
  @ApiOperation({ summary: 'Cancel a promotion that has not started executing (the requester or an admin)' })
  cancel(@ZodParam('id', promotionIdParam) id: string, @CurrentPrincipal() principal: Principal) {
    return this.promotions.cancel(id, principal);
  }

  @Post('data-products/:name/environments/:env/rollback')
  @HttpCode(201)
  @Authorize('rollback', 'Promotion')
  @ApiOperation({ summary: 'Roll an environment back to the previous good revision (or a named one), through the same gates, approvals and execution' })
  @ApiZodBody(rollbackBody)
  rollback(
    @ZodParam('name', productNameParam) name: string,
    @ZodParam('env', environmentParam) env: string,
    @Body(new ZodPipe(rollbackBody)) body: z.output<typeof rollbackBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.promotions.rollback(name, env, body, principal);
  }
}
