/**
 * Runs one evaluation at a time, on a timer and on request: a request while an evaluation runs, or
 * a burst of requests, coalesces into one more run `coalesceMs` later. Used by the schedulers that
 * re-evaluate state after lineage events (SLA breaches, contract drift) so ingestion never waits
 * for them. Failures are reported to `onError` and the next run goes ahead as usual.
 */
export class CoalescingTask {
  private interval?: NodeJS.Timeout;
  private pending?: NodeJS.Timeout;
  private running?: Promise<void>;
  private closed = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (error: Error) => void,
    private readonly coalesceMs = 1000,
  ) {}

  /** Runs now and then every `intervalMs` (0: only on request). */
  start(intervalMs: number): void {
    if (!intervalMs) return;
    this.interval = setInterval(() => this.now(), intervalMs);
    this.interval.unref();
    this.now();
  }

  /** Stops the timer and waits for a run under way; later requests are ignored. */
  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.interval);
    clearTimeout(this.pending);
    await this.running;
  }

  /** Resolves when any run under way (or coalescing) has finished; for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.pending || this.running) {
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, 50)));
    }
  }

  /** Asks for a run within `coalesceMs`; requests until then make no further run. */
  soon(): void {
    if (this.pending || this.closed) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.now();
    }, this.coalesceMs);
    this.pending.unref();
  }

  private now(): void {
    if (this.running || this.closed) return void (this.running && this.soon());
    this.running = this.task()
      .catch((error: Error) => this.onError(error))
      .finally(() => (this.running = undefined));
  }
}
