import type { DestinationStream } from 'pino';

/** The part of a writable stream a log output needs (process.stdout, a socket, a test's stream). */
export interface LogStream {
  write(chunk: string): boolean;
  readonly writableLength: number;
  readonly destroyed: boolean;
  once(event: 'drain' | 'close' | 'error', listener: (...args: unknown[]) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'drain' | 'close' | 'error', listener: (...args: unknown[]) => void): unknown;
}

/** A backlog this large is some 20,000 request lines: minutes of a reader's stall, not a leak. */
export const DEFAULT_LOG_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * Where the server's log lines go. Never blocks the caller, whatever the reader does.
 *
 * pino's default destination (sonic-boom, synchronous) blocks the event loop while a pipe's
 * reader stalls, and at `process.exit` its flush retries an EPIPE for ever once the reader is
 * gone, so a stopped Gatehouse could stay alive with its port closed. Here each line goes to a
 * Node stream, which on Linux writes pipes and sockets asynchronously and queues what the reader
 * has not taken yet. The queue is bounded: while it holds more than `maxBacklogBytes`, and for
 * good once the stream failed (EPIPE: the reader went away), lines are dropped and counted
 * (`gatehouse_log_lines_dropped_total`). Files and terminals are written synchronously by Node;
 * neither stalls in practice.
 */
export class LogOutput implements DestinationStream {
  private dropped = 0;
  private failed = false;

  constructor(
    private readonly stream: LogStream,
    private readonly maxBacklogBytes = DEFAULT_LOG_BACKLOG_BYTES,
  ) {
    // Without a listener an EPIPE would be thrown as an uncaught exception.
    stream.on('error', () => {
      this.failed = true;
    });
  }

  write(line: string): void {
    if (this.failed || this.stream.destroyed || this.stream.writableLength + line.length > this.maxBacklogBytes) {
      this.dropped += 1;
      return;
    }
    this.stream.write(line);
  }

  /** Lines not written since the start, because the reader was too slow or gone. */
  get droppedLines(): number {
    return this.dropped;
  }

  /**
   * Resolves once what is queued has been handed to the reader, the stream failed, or
   * `timeoutMs` passed, whichever comes first: a stalled reader never holds up an exit.
   */
  flush(timeoutMs: number): Promise<void> {
    if (this.failed || this.stream.destroyed || this.stream.writableLength === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stream.off('drain', done);
        this.stream.off('close', done);
        this.stream.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.stream.once('drain', done);
      this.stream.once('close', done);
      this.stream.once('error', done);
    });
  }
}
