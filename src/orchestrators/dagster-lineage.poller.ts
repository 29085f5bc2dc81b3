import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { LineageCursorRepository } from '../lineage/ingest/lineage-cursor.repository';
import { LineageIngestService } from '../lineage/ingest/lineage-ingest.service';
import { GATEHOUSE_PRODUCER } from '../lineage/openlineage/producer';
import { dagsterRunEvents } from '../lineage/sources/dagster-lineage';
import { OrchestratorRegistry, RegisteredOrchestrator } from './orchestrator-registry';

const PAGE = 100;

/**
 * Dagster has no maintained OpenLineage emitter, so Gatehouse follows each Dagster instance's run
 * activity from a persisted cursor and turns it into OpenLineage events itself. The cursor is saved
 * only after the page's events are stored, and events are idempotent, so a restart (or a second
 * Gatehouse instance polling too) neither misses nor doubles anything.
 */
@Injectable()
export class DagsterLineagePoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DagsterLineage');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly registry: OrchestratorRegistry,
    private readonly lineage: LineageIngestService,
    private readonly cursors: LineageCursorRepository,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.lineagePollMs || !this.sources().length) return;
    const tick = () => {
      this.running ??= this.pollAll().finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, this.config.lineagePollMs);
    this.timer.unref();
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every Dagster instance; one that is down is logged and retried next time. */
  async pollAll(): Promise<void> {
    for (const source of this.sources()) {
      try {
        await this.poll(source);
      } catch (error) {
        this.logger.warn(`Polling ${source.description.name} for lineage failed (retried next time): ${(error as Error).message}`);
      }
    }
  }

  /** Reads pages until caught up; returns how many runs were read. */
  async poll(source: RegisteredOrchestrator): Promise<number> {
    const key = `dagster:${source.description.name}`;
    const instance = this.config.orchestrators.find((o) => o.name === source.description.name);
    const storage = instance?.kind === 'dagster' ? instance.storage : undefined;
    const options = { namespace: source.description.lineageNamespace, producer: GATEHOUSE_PRODUCER, storage };
    let cursor = await this.cursors.get(key);
    let read = 0;
    while (!this.stopping) {
      const page = await source.port.activitySince!(cursor, PAGE);
      const events = page.runs.flatMap((activity) => dagsterRunEvents(activity, options));
      if (events.length) await this.lineage.ingest(events, key);
      await this.cursors.set(key, page.cursor);
      cursor = page.cursor;
      read += page.runs.length;
      if (page.runs.length < PAGE) break;
    }
    return read;
  }

  private sources(): RegisteredOrchestrator[] {
    return this.registry.all().filter((o) => typeof o.port.activitySince === 'function');
  }
}
