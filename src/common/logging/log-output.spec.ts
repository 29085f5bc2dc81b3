import { Writable } from 'node:stream';
import { LogOutput } from './log-output';

/** A stream whose reader takes nothing until `drain()` is called (a paused pipe). */
function stalledStream() {
  const pending: (() => void)[] = [];
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      pending.push(() => {
        chunks.push(chunk.toString());
        callback();
      });
    },
  });
  const drain = () => {
    while (pending.length) pending.shift()!();
  };
  return { stream, chunks, drain };
}

describe('LogOutput', () => {
  it('queues what a stalled reader has not taken, up to its bound, then drops and counts lines', () => {
    const { stream } = stalledStream();
    const output = new LogOutput(stream, 100);
    for (let i = 0; i < 10; i++) output.write(`${'x'.repeat(29)}\n`);
    // 30 bytes a line: three fit in 100 bytes, the fourth would not.
    expect(stream.writableLength).toBe(90);
    expect(output.droppedLines).toBe(7);
  });

  it('writes again once the reader has caught up', async () => {
    const { stream, chunks, drain } = stalledStream();
    const output = new LogOutput(stream, 50);
    output.write('a'.repeat(40));
    output.write('b'.repeat(40));
    expect(output.droppedLines).toBe(1);
    const flushed = output.flush(1_000);
    drain();
    await flushed;
    output.write('c'.repeat(40));
    drain();
    expect(chunks).toEqual(['a'.repeat(40), 'c'.repeat(40)]);
  });

  it('drops every line once the stream failed (the reader went away), without throwing', () => {
    const stream = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const output = new LogOutput(stream);
    output.write('first\n');
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        output.write('second\n');
        output.write('third\n');
        expect(output.droppedLines).toBe(2);
        resolve();
      }),
    );
  });

  it('gives up flushing a stalled reader after the time it was given', async () => {
    const { stream } = stalledStream();
    const output = new LogOutput(stream);
    output.write('line\n');
    const started = Date.now();
    await output.flush(50);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(stream.writableLength).toBe(5);
  });
});
