import { Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { stringify } from 'yaml';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { productNameParam } from '../catalog/dto/catalog-query.dto';
import { pageResponse } from '../common/pagination';
import { ApiJsonResponse, ApiZodQuery } from '../common/validation/openapi';
import { ZodParam } from '../common/validation/zod-param.decorator';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { DriftService } from './drift/drift.service';
import { ContractExportQueryDto, DriftQueryDto, ProductExportQueryDto, contractExportQuery, driftQuery, outputNameParam, productExportQuery } from './dto/contracts.dto';
import { CONTRACT_DRIFT_PAGE, DRIFT_EVALUATION, PRODUCT_CONTRACT } from './dto/contracts.openapi';
import { ODCS_CONTRACT, ODPS_PRODUCT } from './dto/standards.openapi';
import type { Json } from './standards/common';
import { StandardsService } from './standards/standards.service';

/** Documents an export answered as YAML (the default) or, on `Accept: application/json`, as JSON. */
const ApiStandardResponse = (schema: Record<string, unknown>, description: string) =>
  ApiResponse({ status: 200, description, content: { 'application/yaml': { schema: schema as never }, 'application/json': { schema: schema as never } } });

/** YAML unless the client asks for JSON (and not YAML). */
function sendDocument(reply: FastifyReply, accept: string | undefined, document: Json): Json | string {
  const wants = (type: RegExp) => (accept ?? '').split(',').some((part) => type.test(part.split(';')[0].trim()));
  if (wants(/^application\/json$/i) && !wants(/^(application|text)\/(x-)?yaml$/i)) return document;
  void reply.header('content-type', 'application/yaml; charset=utf-8');
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/v1')
export class ContractsController {
  constructor(
    private readonly drift: DriftService,
    private readonly standards: StandardsService,
  ) {}

  @Get('data-products/:name/outputs/:output/contract')
  @Authorize('read', 'DataProduct')
  @ApiOperation({
    summary:
      "One output's contract as ODCS v3.1.0 YAML (JSON on Accept: application/json): its declared schema, quality rules, the product SLA, team and Gatehouse-only fields in customProperties; `output` is the OpenLineage dataset name",
  })
  @ApiProduces('application/yaml', 'application/json')
  @ApiZodQuery(contractExportQuery)
  @ApiStandardResponse(ODCS_CONTRACT, 'The ODCS contract')
  async odcs(
    @ZodParam('name', productNameParam) name: string,
    @ZodParam('output', outputNameParam) output: string,
    @Query(new ZodPipe(contractExportQuery)) query: ContractExportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(reply, accept, await this.standards.contract(name, output, query, principal));
  }

  @Get('data-products/:name/odps')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: 'The product as ODPS v1.0.0 YAML (JSON on Accept: application/json): one output port per output, each naming its ODCS contract id' })
  @ApiProduces('application/yaml', 'application/json')
  @ApiZodQuery(productExportQuery)
  @ApiStandardResponse(ODPS_PRODUCT, 'The ODPS product')
  async odps(
    @ZodParam('name', productNameParam) name: string,
    @Query(new ZodPipe(productExportQuery)) query: ProductExportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendDocument(reply, accept, await this.standards.product(name, query, principal));
  }

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
