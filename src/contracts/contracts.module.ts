import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LineageModule } from '../lineage/lineage.module';
import { ContractsController } from './contracts.controller';
import { ContractDriftRepository } from './drift/contract-drift.repository';
import { DriftScheduler } from './drift/drift.scheduler';
import { DriftService } from './drift/drift.service';
import { ObservedSchemaRepository } from './drift/observed-schema.repository';

/** Data contracts: declared against observed schemas (drift), and what promotions need to know of breaking changes. */
@Module({
  imports: [CatalogModule, LineageModule],
  controllers: [ContractsController],
  providers: [ObservedSchemaRepository, ContractDriftRepository, DriftService, DriftScheduler],
  exports: [DriftService],
})
export class ContractsModule {}
