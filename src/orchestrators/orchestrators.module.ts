import { DynamicModule, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LineageModule } from '../lineage/lineage.module';
import { DagsterLineagePoller } from './dagster-lineage.poller';
import { GatehouseRunEvents } from './gatehouse-run-events';
import { RunLineageLinker } from './run-lineage.linker';
import { ADAPTER_FACTORY, AdapterFactory, OrchestratorRegistry } from './orchestrator-registry';
import { OrchestratorsController } from './orchestrators.controller';
import { OrchestratorsService } from './orchestrators.service';
import { RunRepository } from './run.repository';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';

@Module({})
export class OrchestratorsModule {
  static forRoot(adapters: AdapterFactory): DynamicModule {
    return {
      module: OrchestratorsModule,
      // global: the adapter factory is chosen once, at the root (promotions use the runs service)
      global: true,
      imports: [CatalogModule, LineageModule],
      controllers: [OrchestratorsController, RunsController],
      providers: [{ provide: ADAPTER_FACTORY, useValue: adapters }, OrchestratorRegistry, OrchestratorsService, RunRepository, RunsService, GatehouseRunEvents, RunLineageLinker, DagsterLineagePoller],
      exports: [OrchestratorRegistry, RunsService, GatehouseRunEvents, DagsterLineagePoller],
    };
  }
}
