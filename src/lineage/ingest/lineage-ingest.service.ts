import { hash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { canonicalForm } from '../../common/canonical-json';
import { DomainError } from '../../common/errors/domain-error';
import type { EventProblem, LineageEvent } from '../openlineage/openlineage.types';
import { jsonPath, parseLineageBody, unstorableProblems } from '../openlineage/parse-event';
import { jsonTextMayBeUnstorable } from '../../common/validation/storable-json';
import type { ProjectedRun } from '../projection/run-projection';
import { DigestedEvent, LineageStoreRepository } from './lineage-store.repository';
import { LineageWriteQueue, WriteQueueOptions } from './write-queue';

/** Events accepted in one request; larger batches should be split by the sender. */
export const MAX_BATCH = 1000;
/**
 * The write queue on PostgreSQL: up to four transactions at once, a writer beyond the first
 * starting while 8 events wait (see WriteQueueOptions).
 *
 * Measured with 32 clients sending single events, interleaved rounds against the same build:
 * - 2026-11-30, extra writers at every waiting event against one writer: 1,178–1,310 events/s
 *   with 528–570 µs of PostgreSQL CPU per event, against 1,362–1,423 with 362–389 µs. Small
 *   groups cost more per event than the overlap saves.
 * - 2026-12-04, extra writers at 8 waiting events against a full group (1,000): within that VM's
 *   noise (1,356–1,727 against 1,511–1,517).
 * - 2026-12-05, the same on a VM where PostgreSQL's CPU per event (~850 µs) matched Gatehouse's:
 *   higher in five rounds of five, 639–697 against 578–635 events/s (+9% on average), for about
 *   13% more PostgreSQL CPU per event. Groups still average well above one request, and one
 *   group is in the database while the next is prepared.
 * - 2026-12-05 (later), on a VM five times as fast, the same against a full group: 1,910–2,268
 *   against 1,832–2,073 single events/s in five rounds (means 2,021 and 1,966, within the noise),
 *   for 12% more serving-thread and 18% more PostgreSQL CPU per event; batches 4,001–4,386
 *   against 4,180–4,599. Kept, for the single events the target is about.
 * Batches of 100 events reach the threshold at once, so all the writers start there, as before.
 */
const POSTGRES_QUEUE: WriteQueueOptions = { maxEvents: MAX_BATCH, writers: 4, extraWriterAt: 8, start: 'now' };
/** The embedded database has one connection; its transactions never wait for I/O (see WriteQueueOptions.start). */
const EMBEDDED_QUEUE: WriteQueueOptions = { maxEvents: MAX_BATCH, writers: 1, start: 'after-io' };

export interface IngestReport {
  status: 'success';
  received: number;
  stored: number;
  duplicates: number;
}

/**
 * Told about every run whose lineage state changed, after the write committed (run history, SLA,
 * promotions). Awaited before the answer, so a sender that got its 2xx sees the effects; a failing
 * listener is logged and never fails the ingestion (the events are stored either way).
 */
export type RunChangeListener = (runs: ProjectedRun[]) => Promise<void>;

/**
 * Accepts OpenLineage events. A body is validated whole before anything is written: one invalid
 * item in a batch rejects the batch, with every problem named by its JSON path (`$[3].run.runId`),
 * so a sender never has to guess which part was kept. Redelivery is harmless: events are stored
 * once, by digest.
 */
@Injectable()
export class LineageIngestService {
  private readonly listeners: RunChangeListener[] = [];
  private readonly logger = new Logger('Lineage');
  private readonly queue: LineageWriteQueue;

  constructor(store: LineageStoreRepository, @Inject(CONFIG) config: GatehouseConfig) {
    const postgres = config.database.kind === 'postgres';
    this.queue = new LineageWriteQueue((events) => store.store(events), (runs) => this.tell(runs), postgres ? POSTGRES_QUEUE : EMBEDDED_QUEUE);
  }

  onRunsChanged(listener: RunChangeListener): void {
    this.listeners.push(listener);
  }

  async ingestBody(body: unknown, receivedBy: string): Promise<IngestReport> {
    // Storability is checked here, from each event's JSON text made for its digest (see
    // jsonTextMayBeUnstorable): only events whose text could hold such text are walked.
    const parsed = parseLineageBody(body, 'deferred');
    if (parsed.events.length > MAX_BATCH) {
      throw DomainError.validation([{ field: '$', message: `must hold at most ${MAX_BATCH} events; split the batch` }], 'The lineage batch is too large.');
    }
    const results = parsed.events.map((r, i) => (r.ok ? digestStorable(r.event, parsed.batch ? jsonPath('$', i) : '$', receivedBy) : r));
    const problems = parsed.problems.concat(results.flatMap((r) => (r.ok ? [] : r.problems)));
    if (problems.length) {
      const failed = results.filter((r) => !r.ok).length;
      const message = parsed.batch
        ? `${failed} of ${parsed.events.length} events are invalid; none was stored.`
        : 'The OpenLineage event is invalid; it was not stored.';
      throw DomainError.validation(problems.map((p) => ({ field: p.path, message: p.message })), message);
    }
    return this.write(results.map((r) => (r as { ok: true; digested: DigestedEvent }).digested));
  }

  /** Stores already-validated events (Gatehouse's own: triggered runs, the Dagster poller). */
  async ingest(events: LineageEvent[], receivedBy: string): Promise<IngestReport> {
    return this.write(events.map((event) => ({ event, ...digestEvent(event), receivedBy })));
  }

  private async write(events: DigestedEvent[]): Promise<IngestReport> {
    const unique = new Map(events.map((e) => [e.digest, e]));
    const { stored } = await this.queue.write([...unique.values()]);
    return { status: 'success', received: events.length, stored, duplicates: events.length - stored };
  }

  private async tell(runs: ProjectedRun[]): Promise<void> {
    if (!runs.length) return;
    for (const listener of this.listeners) {
      await listener(runs).catch((error: Error) => this.logger.error(`A lineage listener failed: ${error.message}`, error.stack));
    }
  }
}

/**
 * A valid event with its digest, or the problems of text in it that PostgreSQL cannot store. The
 * event's JSON, made for the digest anyway, rules most events out of the walk that finds them.
 */
function digestStorable(event: LineageEvent, path: string, receivedBy: string): { ok: true; digested: DigestedEvent } | { ok: false; problems: EventProblem[] } {
  let digested: DigestedEvent;
  try {
    digested = { event, ...digestEvent(event), receivedBy };
  } catch (error) {
    // Nesting deep enough to exhaust the stack: the walk, which stops at the bound, names it.
    const problems = error instanceof RangeError ? unstorableProblems(event, path) : [];
    if (problems.length) return { ok: false, problems };
    throw error;
  }
  const problems = jsonTextMayBeUnstorable(digested.json) ? unstorableProblems(event, path) : [];
  return problems.length ? { ok: false, problems } : { ok: true, digested };
}

/**
 * The identity of an event (the same event sent again has the same digest), and the event's JSON to
 * store: the canonical text itself whenever it is plain JSON, so the event is serialised once.
 */
export function digestEvent(event: LineageEvent): { digest: string; json: string } {
  const { text, plainJson } = canonicalForm(event);
  return { digest: hash('sha256', text, 'hex'), json: plainJson ? text : JSON.stringify(event) };
}
