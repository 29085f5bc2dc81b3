import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LineageAliasRepository } from './graph/lineage-alias.repository';
import { LineageGraphRepository } from './graph/lineage-graph.repository';
import { LineageGraphService } from './graph/lineage-graph.service';
import { LineageCursorRepository } from './ingest/lineage-cursor.repository';
import { LineageIngestService } from './ingest/lineage-ingest.service';
import { LineageStoreRepository } from './ingest/lineage-store.repository';
import { LineageController } from './lineage.controller';
import { ProductLineageController } from './products/product-lineage.controller';
import { ProductLineageService } from './products/product-lineage.service';
import { ProductPlacements } from './products/product-placements';

@Module({
  imports: [CatalogModule],
  controllers: [LineageController, ProductLineageController],
  providers: [LineageCursorRepository, LineageStoreRepository, LineageIngestService, LineageGraphRepository, LineageAliasRepository, LineageGraphService, ProductLineageService, ProductPlacements],
  exports: [LineageCursorRepository, LineageIngestService, LineageGraphService, LineageGraphRepository, LineageAliasRepository],
})
export class LineageModule {}
