import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { LineageIngestService } from '../lineage/ingest/lineage-ingest.service';
import type { RunEvent, RunEventType } from '../lineage/openlineage/openlineage.types';
import { GATEHOUSE_PRODUCER, RUN_EVENT_SCHEMA } from '../lineage/openlineage/producer';
import type { RunView } from './run.types';

/** The namespace of the jobs Gatehouse reports: one per orchestrator target it triggers. */
export const GATEHOUSE_NAMESPACE = 'gatehouse';
const RUN_FACET_SCHEMA = 'urn:gatehouse:facets:GatehouseRunFacet:1-0-0';

/** How long START events wait to be written together, after the trigger that queued the first one answered. */
const START_DELAY_MS = 25;

const END: Record<string, RunEventType> = { succeeded: 'COMPLETE', failed: 'FAIL', cancelled: 'ABORT' };

/**
 * Gatehouse's own OpenLineage events for the runs it triggers, with itself as producer: START when
 * it triggered, COMPLETE/FAIL/ABORT when it saw the end. Job `gatehouse:<orchestrator>/<target>`,
 * run id = Gatehouse's run id, and a `gatehouse_run` facet with product, revision, environment and
 * requester. Stored through the same ingestion as everyone's events, so they are idempotent too.
 * Recording them never fails the run it describes.
 *
 * START events are written shortly after the trigger answered (`START_DELAY_MS`, those of several
 * triggers in one call): the run itself is already stored, and on the embedded database (one
 * connection) a lineage write started at once held up the trigger's own remaining statements — it
 * was a third of what Gatehouse added to a trigger. Shutdown writes the pending ones. A crash in
 * between loses a START; the run record and the run's end event still say what happened.
 */
@Injectable()
export class GatehouseRunEvents implements BeforeApplicationShutdown {
  private readonly logger = new Logger('GatehouseRunEvents');
  private readonly endedListeners: ((run: RunView) => Promise<void>)[] = [];
  private readonly starts: RunEvent[] = [];
  private startTimer: NodeJS.Timeout | null = null;
  private readonly writing = new Set<Promise<void>>();

  constructor(private readonly lineage: LineageIngestService) {}

  /** Queues the run's START event; the caller does not wait for it. */
  started(run: RunView): void {
    if (run.source !== 'gatehouse') return;
    this.starts.push(eventOf(run, 'START', run.requestedAt));
    this.startTimer ??= setTimeout(() => this.writeStarts(), START_DELAY_MS).unref();
  }

  /** Writes the queued START events now and resolves once every write handed over so far has ended. */
  async settled(): Promise<void> {
    this.writeStarts();
    while (this.writing.size) await Promise.all([...this.writing]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** Called whenever a run Gatehouse triggered is seen to end (promotions follow their runs this way). */
  onEnded(listener: (run: RunView) => Promise<void>): void {
    this.endedListeners.push(listener);
  }

  async ended(run: RunView): Promise<void> {
    const type = END[run.status];
    if (!type) return;
    if (run.source === 'gatehouse') {
      // Its START, if still waiting, goes in the same write, so lineage never shows the run ended but
      // not started. Not awaiting START writes already handed over: this may run inside a lineage
      // write's listeners, and on the embedded database that write would wait for them in turn.
      await this.write([...this.takeStart(run.id), eventOf(run, type, run.endedAt ?? run.updatedAt)]);
    }
    for (const listener of this.endedListeners) {
      await listener(run).catch((error: Error) => this.logger.warn(`A run-ended listener failed for ${run.id}: ${error.message}`));
    }
  }

  private takeStart(runId: string): RunEvent[] {
    const index = this.starts.findIndex((e) => e.run.runId === runId);
    return index < 0 ? [] : this.starts.splice(index, 1);
  }

  private writeStarts(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = null;
    const events = this.starts.splice(0);
    if (!events.length) return;
    const writing: Promise<void> = this.write(events).finally(() => this.writing.delete(writing));
    this.writing.add(writing);
  }

  private async write(events: RunEvent[]): Promise<void> {
    try {
      await this.lineage.ingest(events, 'gatehouse');
    } catch (error) {
      const what = events.map((e) => `${e.eventType} of run ${e.run.runId}`).join(', ');
      this.logger.warn(`Could not record the lineage events ${what}: ${(error as Error).message}`);
    }
  }
}

function eventOf(run: RunView, eventType: RunEventType, at: string): RunEvent {
  const facets: RunEvent['run']['facets'] = {
    gatehouse_run: {
      _producer: GATEHOUSE_PRODUCER,
      _schemaURL: RUN_FACET_SCHEMA,
      runId: run.id,
      product: run.product,
      revision: run.revision,
      environment: run.environment,
      orchestrator: run.orchestrator,
      requestedBy: run.requestedBy,
    },
  };
  if (eventType === 'FAIL' && run.error) {
    facets.errorMessage = { _producer: GATEHOUSE_PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet', message: run.error, programmingLanguage: 'unknown' };
  }
  return {
    kind: 'run',
    eventType,
    eventTime: at,
    producer: GATEHOUSE_PRODUCER,
    schemaURL: RUN_EVENT_SCHEMA,
    run: { runId: run.id, facets },
    job: { namespace: GATEHOUSE_NAMESPACE, name: `${run.orchestrator}/${targetName(run)}` },
    inputs: [],
    outputs: [],
  };
}

function targetName(run: RunView): string {
  return run.target.kind === 'dag' ? run.target.dagId : run.target.assetKeys.map((k) => k.join('/')).join(',');
}
