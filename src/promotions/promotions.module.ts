import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ContractsModule } from '../contracts/contracts.module';
import { LineageModule } from '../lineage/lineage.module';
import { SlaModule } from '../sla/sla.module';
import { GateEvaluator } from './gates/gate-evaluator';
import { PromotionExecutor } from './promotion-executor';
import { PromotionRepository } from './promotion.repository';
import { PromotionWorkflow } from './promotion-workflow';
import { PromotionsController } from './promotions.controller';
import { PromotionPlanner } from './promotion-plan';
import { PromotionsService } from './promotions.service';

@Module({
  imports: [CatalogModule, LineageModule, SlaModule, ContractsModule],
  controllers: [PromotionsController],
  providers: [PromotionRepository, PromotionWorkflow, GateEvaluator, PromotionPlanner, PromotionsService, PromotionExecutor],
  exports: [PromotionExecutor],
})
export class PromotionsModule {}
