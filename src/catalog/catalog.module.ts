import { Module } from '@nestjs/common';
import { DataProductRepository } from './data-product.repository';
import { DataProductsController } from './data-products.controller';
import { DataProductsService } from './data-products.service';

@Module({
  controllers: [DataProductsController],
  providers: [DataProductRepository, DataProductsService],
  exports: [DataProductsService],
})
export class CatalogModule {}
