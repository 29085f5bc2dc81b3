import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiJsonResponse, ApiZodBody, ApiZodQuery } from '../common/validation/openapi';
import { Authorize } from '../policy/authorize.decorator';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Page, pageResponse } from '../common/pagination';
import type { DataProductSummary, DataProductView, EnvironmentState, RevisionSummary, RevisionView } from './data-product.types';
import { DataProductsService, RevisionDiff, WriteResult } from './data-products.service';
import { diffQuery, listProductsQuery, listRevisionsQuery, productNameParam, revisionNumberParam } from './dto/catalog-query.dto';
import { manifestSchema } from './manifest/manifest.schema';
import { DATA_PRODUCT, DATA_PRODUCT_PAGE, ENVIRONMENT_STATE_LIST, REVISION, REVISION_DIFF, REVISION_PAGE } from './dto/catalog.openapi';
import { ZodParam } from '../common/validation/zod-param.decorator';

const MANIFEST_TYPES = ['application/json', 'application/yaml'];

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/v1/data-products')
export class DataProductsController {
  constructor(private readonly products: DataProductsService) {}

  @Post()
  @Authorize('create', 'DataProduct')
  @ApiOperation({ summary: 'Register a data product from a manifest (409 if the name is taken)' })
  @ApiConsumes(...MANIFEST_TYPES)
  @ApiZodBody(manifestSchema)
  @ApiJsonResponse(201, DATA_PRODUCT, 'Registered (Location and ETag headers)')
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const product = await this.products.create(body, principal);
    reply.status(201).header('location', `/api/v1/data-products/${product.name}`).header('etag', product.etag);
    return product;
  }

  @Put(':name')
  @Authorize('create', 'DataProduct')
  @ApiOperation({ summary: 'Apply a manifest: create or update; an identical manifest creates no revision' })
  @ApiConsumes(...MANIFEST_TYPES)
  @ApiZodBody(manifestSchema)
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag the change is based on; 412 if the product moved on' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: '`*` to only create' })
  @ApiJsonResponse(200, DATA_PRODUCT, 'Updated or unchanged (Gatehouse-Apply-Result header: `updated` or `unchanged`)')
  @ApiJsonResponse(201, DATA_PRODUCT, 'Created (Gatehouse-Apply-Result header: `created`)')
  async apply(
    @ZodParam('name', productNameParam) name: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendWrite(reply, await this.products.apply(name, body, principal, { ifMatch, ifNoneMatch }));
  }

  @Get()
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: 'List data products (filters, free-text search, cursor pagination ordered by name)' })
  @ApiZodQuery(listProductsQuery)
  @ApiJsonResponse(200, DATA_PRODUCT_PAGE)
  async list(
    @Query(new ZodPipe(listProductsQuery)) query: z.output<typeof listProductsQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<DataProductSummary>> {
    const { cursor, ...filters } = query;
    return pageResponse(await this.products.list({ ...filters, after: cursor }, principal));
  }

  @Get(':name')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: 'Read a data product with its current manifest and per-environment deployments' })
  @ApiJsonResponse(200, DATA_PRODUCT)
  async get(
    @ZodParam('name', productNameParam) name: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DataProductView> {
    const product = await this.products.get(name, principal);
    reply.header('etag', product.etag);
    return product;
  }

  @Patch(':name')
  @Authorize('update', 'DataProduct')
  @ApiOperation({ summary: 'Change a data product with a JSON merge patch (RFC 7396) of its manifest' })
  @ApiConsumes('application/merge-patch+json', 'application/json')
  @ApiBody({ schema: { type: 'object', description: 'A JSON merge patch (RFC 7396) of the manifest: the fields to change, `null` to remove one; the result is validated like a whole manifest' } })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag the change is based on; 412 if the product moved on' })
  @ApiJsonResponse(200, DATA_PRODUCT, 'Updated or unchanged (Gatehouse-Apply-Result header)')
  async patch(
    @ZodParam('name', productNameParam) name: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendWrite(reply, await this.products.patch(name, body, principal, { ifMatch }));
  }

  @Delete(':name')
  @Authorize('retire', 'DataProduct')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a data product; its history stays readable' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiJsonResponse(200, DATA_PRODUCT, 'Retired (or already retired)')
  async retire(
    @ZodParam('name', productNameParam) name: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DataProductView> {
    const product = await this.products.retire(name, principal, { ifMatch });
    reply.header('etag', product.etag);
    return product;
  }

  @Get(':name/revisions')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: 'List the immutable revisions of a data product, oldest first' })
  @ApiZodQuery(listRevisionsQuery)
  @ApiJsonResponse(200, REVISION_PAGE)
  async revisions(
    @ZodParam('name', productNameParam) name: string,
    @Query(new ZodPipe(listRevisionsQuery)) query: z.output<typeof listRevisionsQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<RevisionSummary>> {
    return pageResponse(await this.products.revisions(name, query.limit, principal, query.cursor));
  }

  @Get(':name/revisions/:number')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: 'Read one revision with its manifest' })
  @ApiJsonResponse(200, REVISION)
  revision(
    @ZodParam('name', productNameParam) name: string,
    @ZodParam('number', revisionNumberParam) number: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RevisionView> {
    return this.products.revision(name, number, principal);
  }

  @Get(':name/diff')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: 'Differences between two revisions (default: previous → latest)' })
  @ApiZodQuery(diffQuery)
  @ApiJsonResponse(200, REVISION_DIFF)
  diff(
    @ZodParam('name', productNameParam) name: string,
    @Query(new ZodPipe(diffQuery)) query: z.output<typeof diffQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RevisionDiff> {
    return this.products.diff(name, principal, query.from, query.to);
  }

  @Get(':name/environments')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: 'Which revision each environment runs' })
  @ApiJsonResponse(200, ENVIRONMENT_STATE_LIST)
  async environments(@ZodParam('name', productNameParam) name: string, @CurrentPrincipal() principal: Principal): Promise<{ items: EnvironmentState[] }> {
    return { items: (await this.products.get(name, principal)).environments };
  }
}

function sendWrite(reply: FastifyReply, result: WriteResult): DataProductView {
  reply
    .status(result.outcome === 'created' ? 201 : 200)
    .header('etag', result.product.etag)
    .header('gatehouse-apply-result', result.outcome);
  if (result.outcome === 'created') reply.header('location', `/api/v1/data-products/${result.product.name}`);
  return result.product;
}
