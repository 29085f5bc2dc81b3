import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { SecretPrinter } from './auth/token.service';
import { CatalogModule } from './catalog/catalog.module';
import { ContractsModule } from './contracts/contracts.module';
import { ProblemFilter } from './common/errors/problem.filter';
import type { GatehouseConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { ConsoleModule } from './console/console.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LineageModule } from './lineage/lineage.module';
import { MetricsModule } from './metrics/metrics.module';
import { realAdapters } from './orchestrators/adapter-factory';
import type { AdapterFactory } from './orchestrators/orchestrator-registry';
import { OrchestratorsModule } from './orchestrators/orchestrators.module';
import { PolicyModule } from './policy/policy.module';
import { PrincipalsModule } from './principals/principals.module';
import { PromotionsModule } from './promotions/promotions.module';
import { SlaModule } from './sla/sla.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface AppOptions {
  /** Where the one-time bootstrap token goes (stdout by default; tests capture it). */
  printSecret?: SecretPrinter;
  /** Builds orchestrator adapters (the real ones by default; tests may substitute fakes). */
  orchestratorAdapters?: AdapterFactory;
  /** The built console to serve (`console/dist` by default; tests serve a folder of their own). */
  consoleDir?: string;
}

@Module({})
export class AppModule {
  static forRoot(config: GatehouseConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuditModule,
        MetricsModule,
        WebhooksModule,
        AuthModule.forRoot(options.printSecret),
        // After AuthModule: its guard authenticates, then PolicyGuard authorizes.
        PolicyModule,
        HealthModule,
        CatalogModule,
        LineageModule,
        OrchestratorsModule.forRoot(options.orchestratorAdapters ?? realAdapters),
        PrincipalsModule,
        SlaModule,
        ContractsModule,
        PromotionsModule,
        ConsoleModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
