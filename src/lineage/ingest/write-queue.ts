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
  private writers = 0;
  /** Set while the listeners of a committed group run: what they write goes straight through (queueing it would wait on itself). */
  private readonly inListeners = new AsyncLocalStorage<true>();

  constructor(
    private readonly store: (events: DigestedEvent[]) => Promise<StoreResult>,
    /** Told the runs a committed group changed, before its requests are answered. */
    private readonly committed: (runs: ProjectedRun[]) => Promise<void>,
    private readonly maxEvents = 1000,
    /** Transactions written at once (PostgreSQL's pool allows several; the embedded database has one connection). */
    private readonly concurrency = 1,
  ) {}

  write(events: DigestedEvent[]): Promise<QueuedWrite> {
    if (this.inListeners.getStore()) return this.writeAlone(events);
    return new Promise((resolve, reject) => {
      this.pending.push({ events, resolve, reject });
      this.pump();
    });
  }

  /** Starts a writer for the waiting requests while fewer than `concurrency` are busy. */
  private pump(): void {
    while (this.writers < this.concurrency && this.pending.length) {
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
