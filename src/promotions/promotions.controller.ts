import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { productNameParam } from '../catalog/dto/catalog-query.dto';
import { DomainError } from '../common/errors/domain-error';
import { pageResponse } from '../common/pagination';
import { withContentEtag } from '../common/http/content-etag';
import { ApiJsonResponse, ApiZodBody, ApiZodQuery } from '../common/validation/openapi';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { acknowledgementBody, approvalBody, environmentParam, idempotencyKey, listPromotionsQuery, overrideBody, promotionIdParam, promotionPreviewBody, promotionRequestBody, rollbackBody } from './dto/promotions.dto';
import { PROMOTION_DETAIL, PROMOTION_PAGE, PROMOTION_PREVIEW, PROMOTION_RECEIPT } from './dto/promotions.openapi';
import { PromotionsService } from './promotions.service';

/** Pages that poll a promotion or a list send the ETag they have and get 304 while nothing changed. */
const IF_NONE_MATCH = { name: 'If-None-Match', required: false, description: 'The ETag of the answer you have: 304 while it is unchanged' };
const NOT_MODIFIED = { status: 304, description: 'Not modified: the ETag in If-None-Match is still current' };
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
  @ApiJsonResponse(201, PROMOTION_RECEIPT, 'Created, with the audit entry of the request')
  @ApiJsonResponse(200, PROMOTION_RECEIPT, 'The promotion an earlier request with the same Idempotency-Key created')
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

  @Post('promotion-dry-runs')
  @HttpCode(200)
  @Authorize('request', 'Promotion')
  @ApiOperation({ summary: 'What the gates would say of a promotion request now, and what approving it would do; writes nothing' })
  @ApiZodBody(promotionPreviewBody)
  @ApiJsonResponse(200, PROMOTION_PREVIEW)
  dryRun(@Body(new ZodPipe(promotionPreviewBody)) body: z.output<typeof promotionPreviewBody>, @CurrentPrincipal() principal: Principal) {
    return this.promotions.preview(body, principal);
  }

  @Get('promotions')
  @Authorize('read', 'Promotion')
  @ApiOperation({ summary: 'Promotions, newest first; awaitingMe=true is the approver’s inbox, awaitingAcknowledgement=true the downstream owner’s (breaking changes waiting for my acknowledgement), mine=true those of my teams’ products' })
  @ApiZodQuery(listPromotionsQuery)
  @ApiHeader(IF_NONE_MATCH)
  @ApiJsonResponse(200, PROMOTION_PAGE)
  @ApiResponse(NOT_MODIFIED)
  async list(
    @Query(new ZodPipe(listPromotionsQuery)) query: z.output<typeof listPromotionsQuery>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { cursor, ...filters } = query;
    return withContentEtag(reply, ifNoneMatch, pageResponse(await this.promotions.list({ ...filters, after: cursor }, principal)));
  }

  @Get('promotions/:id')
  @Authorize('read', 'Promotion')
  @ApiOperation({ summary: 'One promotion with every gate, its evidence, the approvals, the run, what approving does, and what the caller may do' })
  @ApiHeader(IF_NONE_MATCH)
  @ApiJsonResponse(200, PROMOTION_DETAIL)
  @ApiResponse(NOT_MODIFIED)
  async get(
    @ZodParam('id', promotionIdParam) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withContentEtag(reply, ifNoneMatch, await this.promotions.get(id, principal));
  }

  @Post('promotions/:id/approvals')
  @HttpCode(201)
  @Authorize('approve', 'Promotion')
  @ApiOperation({ summary: 'Approve or reject; the environment’s approval rules decide whether it counts' })
  @ApiZodBody(approvalBody)
  @ApiJsonResponse(201, PROMOTION_RECEIPT, 'Recorded, with its audit entry')
  approve(@ZodParam('id', promotionIdParam) id: string, @Body(new ZodPipe(approvalBody)) body: z.output<typeof approvalBody>, @CurrentPrincipal() principal: Principal) {
    return this.promotions.approve(id, body.decision, body.comment, principal);
  }

  @Post('promotions/:id/acknowledgements')
  @HttpCode(201)
  @Authorize('acknowledge', 'Promotion')
  @ApiOperation({ summary: 'Acknowledge the breaking contract changes for a downstream product (its owning team’s members or stewards); bound to the revision, the target environment and the changes' })
  @ApiZodBody(acknowledgementBody)
  @ApiJsonResponse(201, PROMOTION_RECEIPT, 'Recorded, with its audit entry')
  acknowledge(@ZodParam('id', promotionIdParam) id: string, @Body(new ZodPipe(acknowledgementBody)) body: z.output<typeof acknowledgementBody>, @CurrentPrincipal() principal: Principal) {
    return this.promotions.acknowledge(id, body.downstream, body.comment, principal);
  }

  @Post('promotions/:id/evaluate')
  @HttpCode(200)
  @Authorize('request', 'Promotion')
  @ApiOperation({ summary: 'Evaluate a blocked or waiting promotion’s gates again' })
  @ApiJsonResponse(200, PROMOTION_RECEIPT)
  evaluate(@ZodParam('id', promotionIdParam) id: string, @CurrentPrincipal() principal: Principal) {
    return this.promotions.reevaluate(id, principal);
  }

  @Post('promotions/:id/overrides')
  @HttpCode(200)
  @Authorize('override', 'Promotion')
  @ApiOperation({ summary: 'Break-glass: let a failed gate or a freeze pass, with a written reason (marked and audited)' })
  @ApiZodBody(overrideBody)
  @ApiJsonResponse(200, PROMOTION_RECEIPT)
  override(@ZodParam('id', promotionIdParam) id: string, @Body(new ZodPipe(overrideBody)) body: z.output<typeof overrideBody>, @CurrentPrincipal() principal: Principal) {
    return this.promotions.override(id, body.check, body.reason, principal);
  }

  @Post('promotions/:id/cancel')
  @HttpCode(200)
  @Authorize('request', 'Promotion')
  @ApiOperation({ summary: 'Cancel a promotion that has not started executing (the requester or an admin)' })
  @ApiJsonResponse(200, PROMOTION_RECEIPT)
  cancel(@ZodParam('id', promotionIdParam) id: string, @CurrentPrincipal() principal: Principal) {
    return this.promotions.cancel(id, principal);
  }

  @Post('data-products/:name/environments/:env/rollback')
  @HttpCode(201)
  @Authorize('rollback', 'Promotion')
  @ApiOperation({ summary: 'Roll an environment back to the previous good revision (or a named one), through the same gates, approvals and execution' })
  @ApiZodBody(rollbackBody)
  @ApiJsonResponse(201, PROMOTION_RECEIPT)
  rollback(
    @ZodParam('name', productNameParam) name: string,
    @ZodParam('env', environmentParam) env: string,
    @Body(new ZodPipe(rollbackBody)) body: z.output<typeof rollbackBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.promotions.rollback(name, env, body, principal);
  }
}
