import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { productNameParam } from '../catalog/dto/catalog-query.dto';
import { Page, pageResponse } from '../common/pagination';
import { ApiJsonResponse, ApiZodBody, ApiZodQuery } from '../common/validation/openapi';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { RUN, RUN_DETAIL, RUN_PAGE } from './dto/orchestrators.openapi';
import { ListRunsQuery, listRunsQuery, runIdParam, TriggerRunBody, triggerRunBody } from './dto/runs.dto';
import type { LinkedRunView } from './run.types';
import { RunsService } from './runs.service';
import { ZodParam } from '../common/validation/zod-param.decorator';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('api/v1')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Post('data-products/:name/runs')
  @Authorize('trigger', 'Run')
  @ApiOperation({ summary: "Trigger the product's bound DAG or assets in an environment and record the run" })
  @ApiZodBody(triggerRunBody)
  @ApiJsonResponse(201, RUN, 'Triggered and recorded (Location header)')
  async trigger(
    @ZodParam('name', productNameParam) name: string,
    @Body(new ZodPipe(triggerRunBody)) body: TriggerRunBody,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LinkedRunView> {
    const run = await this.runs.trigger({ product: name, environment: body.environment, conf: body.conf }, principal);
    reply.status(201).header('location', `/api/v1/runs/${run.id}`);
    return run;
  }

  @Get('runs')
  @Authorize('read', 'Run')
  @ApiOperation({ summary: 'Run history, newest first (filters: product, environment, orchestrator, status, source, mine)' })
  @ApiZodQuery(listRunsQuery)
  @ApiJsonResponse(200, RUN_PAGE)
  async list(@Query(new ZodPipe(listRunsQuery)) query: ListRunsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<LinkedRunView>> {
    const { cursor, ...filters } = query;
    return pageResponse(await this.runs.list({ ...filters, after: cursor }, principal));
  }

  @Get('runs/:id')
  @Authorize('read', 'Run')
  @ApiOperation({ summary: 'One run, refreshed from its orchestrator while it is not final' })
  @ApiJsonResponse(200, RUN_DETAIL)
  get(@ZodParam('id', runIdParam) id: string) {
    return this.runs.get(id);
  }
}
