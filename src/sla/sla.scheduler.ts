import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { LineageIngestService } from '../lineage/ingest/lineage-ingest.service';
import { SlaService } from './sla.service';

/** Lineage reporting productions is coalesced into at most one evaluation per this many ms. */
const COALESCE_MS = 1000;

/**
 * Re-evaluates freshness on a timer (deadlines pass without any event) and soon after lineage
 * reports a successful run. Never blocks ingestion: the evaluation runs after the answer, and
 * bursts of events coalesce into one evaluation.
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sla');
  private interval?: NodeJS.Timeout;
  private pending?: NodeJS.Timeout;
  private running?: Promise<void>;
  private closed = false;

  constructor(
    private readonly sla: SlaService,
    lineage: LineageIngestService,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {
    lineage.onRunsChanged(async (runs) => {
      if (runs.some((r) => r.status === 'succeeded' && r.outputs.length)) this.soon();
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.slaIntervalMs) return;
    this.interval = setInterval(() => this.now(), this.config.slaIntervalMs);
    this.interval.unref();
    this.now();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.interval);
    clearTimeout(this.pending);
    await this.running;
  }

  /** Resolves when any evaluation under way (or coalescing) has finished; for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.pending || this.running) {
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, 50)));
    }
  }

  private soon(): void {
    if (this.pending || this.closed) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.now();
    }, COALESCE_MS);
    this.pending.unref();
  }

  private now(): void {
    if (this.running || this.closed) return void (this.running && this.soon());
    this.running = this.sla
      .evaluate()
      .then((r) => {
        if (r.opened.length || r.resolved.length) this.logger.log(`SLA: ${r.opened.length} breach(es) opened, ${r.resolved.length} resolved`);
      })
      .catch((error: Error) => this.logger.warn(`SLA evaluation failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
