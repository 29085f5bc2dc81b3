import { AsyncLocalStorage } from 'node:async_hooks';
import type { ProjectedRun } from '../projection/run-projection';
import type { DigestedEvent, StoreResult } from './lineage-store.repository';

export interface QueuedWrite {
  /** Of this request's events, how many were new (the others were stored before, or by an earlier request of the group). */
  stored: number;
}

interface Pending {
  events: DigestedEvent[];
  resolve(result: QueuedWrite): void;
  reject(error: unknown): void;
}

export interface WriteQueueOptions {
  /** Events in one group, at most (a larger request goes alone). Default 1000. */
  maxEvents?: number;
  /**
   * Transactions written at once, at most (PostgreSQL's pool allows several; the embedded
   * database has one connection). Default 1.
   */
  writers?: number;
  /**
   * Events that must be waiting before a writer beyond the first starts. Default `maxEvents`: a
   * full group. Until then one writer, whose groups grow with the load, keeps up at less cost per
   * event than several writing smaller groups. Lower, the writers overlap: one group is in
   * PostgreSQL while the next is prepared, which pays where the database's share of the work is
   * large (see LineageIngestService). The price either way: a writer waiting for a lock (another
   * instance writing the same runs or nodes) holds up the requests behind it until the threshold
   * is reached.
   */
  extraWriterAt?: number;
  /**
   * When an idle queue starts writing: `now`, or `after-io` — once the requests whose bodies
   * arrived in the same turn of the event loop have joined. The embedded database runs a whole
   * transaction on this thread without waiting for I/O, so no request can arrive while a group
   * is written, and without this every group would be a single request (measured: groups of 1,
   * 253 events/s; with it, groups of ~17, 950 events/s). On PostgreSQL, requests arrive while
   * writers wait for the server, so `now` loses nothing. Default `now`.
   */
  start?: 'now' | 'after-io';
}

/**
 * Group commit: requests that arrive while every writer is busy are stored together in the next
 * transaction, so a crowd of one-event requests (how OpenLineage transports send) costs a few
 * transactions instead of one each. A request alone is written at once. Every request is answered
 * only after the transaction holding its events committed, so a 2xx still means durable. If a
 * shared transaction fails, its requests are written one by one, so a failure stays with the
 * request that caused it.
 */
export class LineageWriteQueue {
  private pending: Pending[] = [];
  /** Events in `pending`. */
  private pendingEvents = 0;
  private writers = 0;
  /** An idle queue is waiting for the requests of this turn (see `start`). */
  private gathering = false;
  /** Set while the listeners of a committed group run: what they write goes straight through (queueing it would wait on itself). */
  private readonly inListeners = new AsyncLocalStorage<true>();

  private readonly maxEvents: number;
  private readonly maxWriters: number;
  private readonly extraWriterAt: number;
  private readonly start: 'now' | 'after-io';

  constructor(
    private readonly store: (events: DigestedEvent[]) => Promise<StoreResult>,
    /** Told the runs a committed group changed, before its requests are answered. */
    private readonly committed: (runs: ProjectedRun[]) => Promise<void>,
    options: WriteQueueOptions = {},
  ) {
    this.maxEvents = options.maxEvents ?? 1000;
    this.maxWriters = options.writers ?? 1;
    this.extraWriterAt = options.extraWriterAt ?? this.maxEvents;
    this.start = options.start ?? 'now';
  }

  write(events: DigestedEvent[]): Promise<QueuedWrite> {
    if (this.inListeners.getStore()) return this.writeAlone(events);
    return new Promise((resolve, reject) => {
      this.pending.push({ events, resolve, reject });
      this.pendingEvents += events.length;
      if (this.start === 'now' || this.writers > 0) this.pump();
      else if (!this.gathering) {
        this.gathering = true;
        // setImmediate runs after the I/O callbacks of this turn (the other requests' bodies).
        setImmediate(() => {
          this.gathering = false;
          this.pump();
        });
      }
    });
  }

  /** Starts a writer for the waiting requests when none is busy, and more while enough events wait (see WriteQueueOptions). */
  private pump(): void {
    while (this.pending.length && this.writers < this.maxWriters && (this.writers === 0 || this.pendingEvents >= this.extraWriterAt)) {
      const group = this.takeGroup();
      this.writers++;
      void this.writeGroup(group).finally(() => {
        this.writers--;
        this.pump();
      });
    }
  }

  private async writeAlone(events: DigestedEvent[]): Promise<QueuedWrite> {
    const result = await this.store(events);
    await this.committed(result.runs);
    return { stored: events.filter((e) => result.inserted.has(e.digest)).length };
  }

  /** The oldest waiting requests, up to `maxEvents` events (a larger request goes alone). */
  private takeGroup(): Pending[] {
    let count = 0;
    let n = 0;
    while (n < this.pending.length && (n === 0 || count + this.pending[n].events.length <= this.maxEvents)) count += this.pending[n++].events.length;
    this.pendingEvents -= count;
    return this.pending.splice(0, n);
  }

  private async writeGroup(group: Pending[]): Promise<void> {
    let result: StoreResult;
    try {
      result = await this.store(group.flatMap((p) => p.events));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      for (const request of group) await this.writeGroup([request]);
      return;
    }
    await this.inListeners.run(true, () => this.committed(result.runs));
    // An event sent by two requests of one group is new for the first only.
    const claimed = new Set<string>();
    for (const request of group) {
      let stored = 0;
      for (const { digest } of request.events) {
        if (result.inserted.has(digest) && !claimed.has(digest)) {
          claimed.add(digest);
          stored++;
        }
      }
      request.resolve({ stored });
    }
  }
}
