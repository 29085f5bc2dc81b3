import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { productNameParam } from '../catalog/dto/catalog-query.dto';
import { pageResponse } from '../common/pagination';
import { ApiJsonResponse, ApiZodQuery } from '../common/validation/openapi';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { PRODUCT_SLA, SLA_BREACH_PAGE, SLA_EVALUATION, SLA_STATE_LIST, SLA_TIMELINE } from './dto/sla.openapi';
import { BreachQueryDto, breachQuery, SlaQueryDto, slaQuery, TimelineQueryDto, timelineQuery, timelineQueryFields } from './dto/sla.dto';
import { SlaService } from './sla.service';
import { ZodParam } from '../common/validation/zod-param.decorator';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('api/v1')
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  @Get('sla')
  @Authorize('read', 'Sla')
  @ApiOperation({ summary: 'Freshness of every product with an SLA, per environment: last production of each output, within the SLA or not, when it will breach' })
  @ApiZodQuery(slaQuery)
  @ApiJsonResponse(200, SLA_STATE_LIST)
  async list(@Query(new ZodPipe(slaQuery)) query: SlaQueryDto, @CurrentPrincipal() principal: Principal) {
    return { evaluatedAt: new Date().toISOString(), items: await this.sla.list(query, principal) };
  }

  @Get('sla/breaches')
  @Authorize('read', 'Sla')
  @ApiOperation({ summary: 'Breach history, newest first (open ones have no resolvedAt)' })
  @ApiZodQuery(breachQuery)
  @ApiJsonResponse(200, SLA_BREACH_PAGE)
  async breaches(@Query(new ZodPipe(breachQuery)) query: BreachQueryDto, @CurrentPrincipal() principal: Principal) {
    const { cursor, ...filters } = query;
    return pageResponse(await this.sla.breaches({ ...filters, after: cursor }, principal));
  }

  @Post('sla/evaluate')
  @HttpCode(200)
  @Authorize('evaluate', 'Sla')
  @ApiOperation({ summary: 'Evaluate freshness now: opens and resolves breaches (also runs on a timer and after lineage reports productions)' })
  @ApiJsonResponse(200, SLA_EVALUATION)
  async evaluate() {
    const result = await this.sla.evaluate();
    return { evaluatedAt: result.evaluatedAt, opened: result.opened, resolved: result.resolved };
  }

  @Get('data-products/:name/sla')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: "The product's freshness per environment and its recent breaches" })
  @ApiJsonResponse(200, PRODUCT_SLA)
  ofProduct(@ZodParam('name', productNameParam) name: string, @CurrentPrincipal() principal: Principal) {
    return this.sla.ofProduct(name, principal);
  }

  @Get('data-products/:name/sla/timeline')
  @Authorize('read', 'DataProduct')
  @ApiOperation({
    summary: "The product's freshness timeline in one environment: productions, the deadlines they set (met, missed or pending) and breaches",
    description: 'The period is `from`–`to` (default: the last 7 days), at most 90 days. Reads only.',
  })
  @ApiZodQuery(timelineQueryFields)
  @ApiJsonResponse(200, SLA_TIMELINE)
  timeline(@ZodParam('name', productNameParam) name: string, @Query(new ZodPipe(timelineQuery)) query: TimelineQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.sla.timeline(name, principal, query);
  }
}
