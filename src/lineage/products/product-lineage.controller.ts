import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { productNameParam } from '../../catalog/dto/catalog-query.dto';
import { ApiJsonResponse, ApiZodQuery } from '../../common/validation/openapi';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { Authorize } from '../../policy/authorize.decorator';
import { ProductLineageQuery, productLineageQuery } from '../dto/lineage.dto';
import { IMPACT_REPORT, PRODUCT_LINEAGE } from '../dto/lineage.openapi';
import { ImpactReport, ProductLineage, ProductLineageService } from './product-lineage.service';
import { ZodParam } from '../../common/validation/zod-param.decorator';

@ApiTags('lineage')
@ApiBearerAuth()
@Controller('api/v1/data-products')
export class ProductLineageController {
  constructor(private readonly lineage: ProductLineageService) {}

  @Get(':name/lineage')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: "The product's lineage in product terms: the products upstream and downstream of it and what connects them" })
  @ApiZodQuery(productLineageQuery)
  @ApiJsonResponse(200, PRODUCT_LINEAGE)
  graph(@ZodParam('name', productNameParam) name: string, @Query(new ZodPipe(productLineageQuery)) q: ProductLineageQuery, @CurrentPrincipal() principal: Principal): Promise<ProductLineage> {
    return this.lineage.lineage(name, principal, q.depth, q.limit);
  }

  @Get(':name/impact')
  @Authorize('read', 'DataProduct')
  @ApiOperation({ summary: 'Every downstream data product, with owners, tiers and the lineage path: whom to warn before changing this one' })
  @ApiZodQuery(productLineageQuery)
  @ApiJsonResponse(200, IMPACT_REPORT)
  impact(@ZodParam('name', productNameParam) name: string, @Query(new ZodPipe(productLineageQuery)) q: ProductLineageQuery, @CurrentPrincipal() principal: Principal): Promise<ImpactReport> {
    return this.lineage.impact(name, principal, q.depth, q.limit);
  }
}
