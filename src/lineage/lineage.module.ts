import { Module } from '@nestjs/common';
import { LineageGraphRepository } from './graph/lineage-graph.repository';
import { LineageGraphService } from './graph/lineage-graph.service';
import { LineageIngestService } from './ingest/lineage-ingest.service';
import { LineageStoreRepository } from './ingest/lineage-store.repository';
import { LineageController } from './lineage.controller';

@Module({
  controllers: [LineageController],
  providers: [LineageStoreRepository, LineageIngestService, LineageGraphRepository, LineageGraphService],
  exports: [LineageIngestService, LineageGraphService, LineageGraphRepository],
})
export class LineageModule {}
