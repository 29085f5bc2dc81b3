import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CoalescingTask } from '../../common/scheduling/coalescing-task';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { LineageIngestService } from '../../lineage/ingest/lineage-ingest.service';
import { DriftService } from './drift.service';

/**
 * Evaluates drift soon after lineage reports runs with outputs (a new schema facet can only come
 * with one) and on the SLA timer (GATEHOUSE_SLA_INTERVAL_MS: a manifest change alters the declared
 * side). Never blocks ingestion; bursts of events coalesce into one evaluation.
 */
@Injectable()
export class DriftScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Contracts');
  private readonly task: CoalescingTask;

  constructor(
    drift: DriftService,
    lineage: LineageIngestService,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {
    this.task = new CoalescingTask(
      async () => {
        const r = await drift.evaluate();
        if (r.opened.length || r.resolved.length) this.logger.log(`Contracts: ${r.opened.length} drift(s) opened, ${r.resolved.length} resolved`);
      },
      (error) => this.logger.warn(`Drift evaluation failed: ${error.message}`),
    );
    lineage.onRunsChanged(async (runs) => {
      if (runs.some((r) => r.outputs.length)) this.task.soon();
    });
  }

  onApplicationBootstrap(): void {
    this.task.start(this.config.slaIntervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Resolves when any evaluation under way (or coalescing) has finished; for tests and shutdown. */
  settled(): Promise<void> {
    return this.task.settled();
  }
}
