import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CoalescingTask } from '../common/scheduling/coalescing-task';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { LineageIngestService } from '../lineage/ingest/lineage-ingest.service';
import { SlaService } from './sla.service';

/**
 * Re-evaluates freshness on a timer (deadlines pass without any event) and soon after lineage
 * reports a successful run. Never blocks ingestion: the evaluation runs after the answer, and
 * bursts of events coalesce into one evaluation.
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sla');
  private readonly task: CoalescingTask;

  constructor(
    sla: SlaService,
    lineage: LineageIngestService,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {
    this.task = new CoalescingTask(
      async () => {
        const r = await sla.evaluate();
        if (r.opened.length || r.resolved.length) this.logger.log(`SLA: ${r.opened.length} breach(es) opened, ${r.resolved.length} resolved`);
      },
      (error) => this.logger.warn(`SLA evaluation failed: ${error.message}`),
    );
    lineage.onRunsChanged(async (runs) => {
      if (runs.some((r) => r.status === 'succeeded' && r.outputs.length)) this.task.soon();
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
