import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { productNameParam } from '../catalog/dto/catalog-query.dto';
import { pageResponse } from '../common/pagination';
import { ApiJsonResponse, ApiZodQuery } from '../common/validation/openapi';
import { ZodParam } from '../common/validation/zod-param.decorator';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { DriftService } from './drift/drift.service';
import { DriftQueryDto, driftQuery } from './dto/contracts.dto';
import { CONTRACT_DRIFT_PAGE, DRIFT_EVALUATION, PRODUCT_CONTRACT } from './dto/contracts.openapi';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/v1')
export class ContractsController {
  constructor(private readonly drift: DriftService) {}

  @Get('data-products/:name/contract')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: "The product's contract: each output's declared schema, the schema lineage observed in each environment, and open drift" })
  @ApiJsonResponse(200, PRODUCT_CONTRACT)
  ofProduct(@ZodParam('name', productNameParam) name: string, @CurrentPrincipal() principal: Principal) {
    return this.drift.ofProduct(name, principal);
  }

  @Get('contracts/drift')
  @Authorize('read', 'Contract')
  @ApiOperation({ summary: 'Drift history, newest first (open drifts have no resolvedAt)' })
  @ApiZodQuery(driftQuery)
  @ApiJsonResponse(200, CONTRACT_DRIFT_PAGE)
  async list(@Query(new ZodPipe(driftQuery)) query: DriftQueryDto, @CurrentPrincipal() principal: Principal) {
    const { cursor, ...filters } = query;
    return pageResponse(await this.drift.list({ ...filters, after: cursor }, principal));
  }

  @Post('contracts/drift/evaluate')
  @HttpCode(200)
  @Authorize('evaluate', 'Contract')
  @ApiOperation({ summary: 'Compare declared and observed schemas now: opens, updates and resolves drift (also runs after lineage reports outputs and on the SLA timer)' })
  @ApiJsonResponse(200, DRIFT_EVALUATION)
  evaluate() {
    return this.drift.evaluate();
  }
}
