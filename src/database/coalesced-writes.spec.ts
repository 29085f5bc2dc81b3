import { PassThrough } from 'node:stream';
import { coalescedWrites } from './coalesced-writes';

/** A stream that records each write call that reaches it (one per `writev` once uncorked). */
function recordingStream() {
  const writes: string[] = [];
  const stream = new PassThrough({
    writev(chunks, callback) {
      writes.push(chunks.map((c) => String(c.chunk)).join(''));
      callback();
    },
    write(chunk: Buffer, _encoding, callback) {
      writes.push(String(chunk));
      callback();
    },
  });
  return { stream, writes };
}

describe('coalescedWrites', () => {
  it('sends what one turn wrote, promise continuations included, in one write', async () => {
    const { stream, writes } = recordingStream();
    const send = coalescedWrites(stream);
    await Promise.resolve(); // in a promise continuation, as a transaction is (after pool.connect())
    send(() => stream.write('BEGIN;'));
    send(() => stream.write('INSERT;'));
    await Promise.resolve().then(() => send(() => stream.write('COMMIT;')));
    expect(writes).toEqual([]); // still corked: the tick has not come
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['BEGIN;INSERT;COMMIT;']);
  });

  it('uncorks every turn, so a later turn is a write of its own and nothing stays buffered', async () => {
    const { stream, writes } = recordingStream();
    const send = coalescedWrites(stream);
    send(() => stream.write('a;'));
    await new Promise((resolve) => setImmediate(resolve));
    send(() => stream.write('b;'));
    send(() => stream.write('c;'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['a;', 'b;c;']);
    expect(stream.writableCorked).toBe(0);
  });

  it('returns what the send returned', () => {
    const { stream } = recordingStream();
    expect(coalescedWrites(stream)(() => 42)).toBe(42);
  });
});
