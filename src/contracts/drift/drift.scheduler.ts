import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { LineageIngestService } from '../../lineage/ingest/lineage-ingest.service';
import { DriftService } from './drift.service';

/** Lineage reporting outputs is coalesced into at most one evaluation per this many ms. */
const COALESCE_MS = 1000;

/**
 * Evaluates drift soon after lineage reports runs with outputs (a new schema facet can only come
 * with one) and on the SLA timer (GATEHOUSE_SLA_INTERVAL_MS: a manifest change alters the declared
 * side). Never blocks ingestion; bursts of events coalesce into one evaluation.
 */
@Injectable()
export class DriftScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Contracts');
  private interval?: NodeJS.Timeout;
  private pending?: NodeJS.Timeout;
  private running?: Promise<void>;
  private closed = false;

  constructor(
    private readonly drift: DriftService,
    lineage: LineageIngestService,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {
    lineage.onRunsChanged(async (runs) => {
      if (runs.some((r) => r.outputs.length)) this.soon();
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
    this.running = this.drift
      .evaluate()
      .then((r) => {
        if (r.opened.length || r.resolved.length) this.logger.log(`Contracts: ${r.opened.length} drift(s) opened, ${r.resolved.length} resolved`);
      })
      .catch((error: Error) => this.logger.warn(`Drift evaluation failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
