import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LineageModule } from '../lineage/lineage.module';
import { SlaController } from './sla.controller';
import { SlaRepository } from './sla.repository';
import { SlaScheduler } from './sla.scheduler';
import { SlaService } from './sla.service';

@Module({
  imports: [CatalogModule, LineageModule],
  controllers: [SlaController],
  providers: [SlaRepository, SlaService, SlaScheduler],
  exports: [SlaService],
})
export class SlaModule {}
