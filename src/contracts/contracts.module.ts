import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LineageModule } from '../lineage/lineage.module';
import { ContractsController } from './contracts.controller';
import { ContractDriftRepository } from './drift/contract-drift.repository';
import { DriftScheduler } from './drift/drift.scheduler';
import { DriftService } from './drift/drift.service';
import { ObservedSchemaRepository } from './drift/observed-schema.repository';
import { AcknowledgementRepository } from './gate/acknowledgement.repository';
import { BreakingChangeGate } from './gate/breaking-change-gate';
import { DownstreamReaders } from './gate/downstream-readers';
import { StandardsService } from './standards/standards.service';

/** Data contracts: declared against observed schemas (drift), what promotions need to know of breaking changes, and the ODCS and ODPS exports. */
@Module({
  imports: [CatalogModule, LineageModule],
  controllers: [ContractsController],
  providers: [ObservedSchemaRepository, ContractDriftRepository, DriftService, DriftScheduler, DownstreamReaders, AcknowledgementRepository, BreakingChangeGate, StandardsService],
  exports: [DriftService, BreakingChangeGate],
})
export class ContractsModule {}
