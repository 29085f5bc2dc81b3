import { Module } from '@nestjs/common';
import { DataProductAccess } from './data-product.access';
import { DataProductRepository } from './data-product.repository';
import { DataProductsController } from './data-products.controller';
import { DataProductsService } from './data-products.service';

@Module({
  controllers: [DataProductsController],
  providers: [DataProductRepository, DataProductAccess, DataProductsService],
  exports: [DataProductsService],
})
export class CatalogModule {}
