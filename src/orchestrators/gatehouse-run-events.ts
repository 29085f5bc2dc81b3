import { Injectable, Logger } from '@nestjs/common';
import { LineageIngestService } from '../lineage/ingest/lineage-ingest.service';
import type { RunEvent, RunEventType } from '../lineage/openlineage/openlineage.types';
import { GATEHOUSE_PRODUCER, RUN_EVENT_SCHEMA } from '../lineage/openlineage/producer';
import type { RunView } from './run.types';

/** The namespace of the jobs Gatehouse reports: one per orchestrator target it triggers. */
export const GATEHOUSE_NAMESPACE = 'gatehouse';
const RUN_FACET_SCHEMA = 'urn:gatehouse:facets:GatehouseRunFacet:1-0-0';

const END: Record<string, RunEventType> = { succeeded: 'COMPLETE', failed: 'FAIL', cancelled: 'ABORT' };

/**
 * Gatehouse's own OpenLineage events for the runs it triggers, with itself as producer: START when
 * it triggered, COMPLETE/FAIL/ABORT when it saw the end. Job `gatehouse:<orchestrator>/<target>`,
 * run id = Gatehouse's run id, and a `gatehouse_run` facet with product, revision, environment and
 * requester. Stored through the same ingestion as everyone's events, so they are idempotent too.
 * Recording them never fails the run it describes.
 */
@Injectable()
export class GatehouseRunEvents {
  private readonly logger = new Logger('GatehouseRunEvents');
  private readonly endedListeners: ((run: RunView) => Promise<void>)[] = [];

  constructor(private readonly lineage: LineageIngestService) {}

  async started(run: RunView): Promise<void> {
    await this.emit(run, 'START', run.requestedAt);
  }

  /** Called whenever a run Gatehouse triggered is seen to end (promotions follow their runs this way). */
  onEnded(listener: (run: RunView) => Promise<void>): void {
    this.endedListeners.push(listener);
  }

  async ended(run: RunView): Promise<void> {
    const type = END[run.status];
    if (!type) return;
    await this.emit(run, type, run.endedAt ?? run.updatedAt);
    for (const listener of this.endedListeners) {
      await listener(run).catch((error: Error) => this.logger.warn(`A run-ended listener failed for ${run.id}: ${error.message}`));
    }
  }

  private async emit(run: RunView, eventType: RunEventType, at: string): Promise<void> {
    if (run.source !== 'gatehouse') return;
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
    const event: RunEvent = {
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
    try {
      await this.lineage.ingest([event], 'gatehouse');
    } catch (error) {
      this.logger.warn(`Could not record the ${eventType} lineage event of run ${run.id}: ${(error as Error).message}`);
    }
  }
}

function targetName(run: RunView): string {
  return run.target.kind === 'dag' ? run.target.dagId : run.target.assetKeys.map((k) => k.join('/')).join(',');
}
