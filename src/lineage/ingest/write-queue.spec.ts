import type { LineageEvent } from '../openlineage/openlineage.types';
import type { DigestedEvent, StoreResult } from './lineage-store.repository';
import { LineageWriteQueue } from './write-queue';

const event = (digest: string): DigestedEvent => ({ digest, json: '{}', receivedBy: 'p', event: {} as LineageEvent });

/** A store that records each call and can be held open, as a transaction in progress. */
function fakeStore(options: { fail?: (digests: string[]) => boolean } = {}) {
  const calls: string[][] = [];
  const stored = new Set<string>();
  let release: () => void = () => {};
  let hold = Promise.resolve();
  return {
    calls,
    holdNext() {
      hold = new Promise<void>((r) => (release = r));
    },
    release: () => release(),
    store: async (events: DigestedEvent[]): Promise<StoreResult> => {
      const digests = events.map((e) => e.digest);
      calls.push(digests);
      await hold;
      hold = Promise.resolve();
      if (options.fail?.(digests)) throw new Error(`failed on ${digests.join(',')}`);
      const inserted = new Set(digests.filter((d) => !stored.has(d)));
      for (const d of inserted) stored.add(d);
      return { inserted, runs: [] };
    },
  };
}

/** A store whose writes stay open (as transactions in progress) until `open[i]()` commits them. */
function transactionsLeftOpen() {
  const calls: string[][] = [];
  const open: (() => void)[] = [];
  const store = (events: DigestedEvent[]): Promise<StoreResult> => {
    calls.push(events.map((e) => e.digest));
    return new Promise((resolve) => open.push(() => resolve({ inserted: new Set(events.map((e) => e.digest)), runs: [] })));
  };
  return { calls, open, store };
}

describe('LineageWriteQueue (group commit)', () => {
  it('writes a lone request at once and groups those that arrive meanwhile into one write', async () => {
    const store = fakeStore();
    const queue = new LineageWriteQueue(store.store, async () => {});
    store.holdNext();
    const first = queue.write([event('a')]);
    const rest = [queue.write([event('b')]), queue.write([event('c'), event('d')]), queue.write([event('b')])];
    store.release();
    expect(await first).toEqual({ stored: 1 });
    expect(await Promise.all(rest)).toEqual([{ stored: 1 }, { stored: 2 }, { stored: 0 }]);
    expect(store.calls).toEqual([['a'], ['b', 'c', 'd', 'b']]);
  });

  it('after-io: an idle queue waits for the requests of the same turn and writes them together', async () => {
    const store = fakeStore();
    const queue = new LineageWriteQueue(store.store, async () => {}, { start: 'after-io' });
    const answers = [queue.write([event('a')]), queue.write([event('b')]), queue.write([event('a'), event('c')])];
    expect(store.calls).toEqual([]);
    expect(await Promise.all(answers)).toEqual([{ stored: 1 }, { stored: 1 }, { stored: 1 }]);
    expect(store.calls).toEqual([['a', 'b', 'a', 'c']]);
    // a lone request later is still written
    expect(await queue.write([event('d')])).toEqual({ stored: 1 });
    expect(store.calls).toEqual([['a', 'b', 'a', 'c'], ['d']]);
  });

  it('keeps groups under the event limit (a larger request goes alone)', async () => {
    const store = fakeStore();
    const queue = new LineageWriteQueue(store.store, async () => {}, { maxEvents: 3 });
    store.holdNext();
    const all = [queue.write([event('x')]), queue.write([event('a'), event('b')]), queue.write([event('c'), event('d')]), queue.write([event('e'), event('f'), event('g'), event('h')])];
    store.release();
    await Promise.all(all);
    expect(store.calls).toEqual([['x'], ['a', 'b'], ['c', 'd'], ['e', 'f', 'g', 'h']]);
  });

  it('writes the requests of a failed group one by one, so only the faulty one fails', async () => {
    const store = fakeStore({ fail: (d) => d.includes('bad') });
    const queue = new LineageWriteQueue(store.store, async () => {});
    store.holdNext();
    const first = queue.write([event('a')]);
    const good = queue.write([event('b')]);
    const bad = queue.write([event('bad')]);
    store.release();
    await first;
    expect(await good).toEqual({ stored: 1 });
    await expect(bad).rejects.toThrow('failed on bad');
    expect(store.calls).toEqual([['a'], ['b', 'bad'], ['b'], ['bad']]);
  });

  it('lets listeners of a committed group write without waiting on themselves', async () => {
    const store = fakeStore();
    let nested: Promise<unknown> | undefined;
    const queue: LineageWriteQueue = new LineageWriteQueue(store.store, async () => {
      if (!nested) {
        nested = queue.write([event('from-listener')]);
        await nested;
      }
    });
    expect(await queue.write([event('a')])).toEqual({ stored: 1 });
    expect(await nested).toEqual({ stored: 1 });
  });

  it('starts another writer only while a full group is waiting', async () => {
    const { calls, open, store } = transactionsLeftOpen();
    const queue = new LineageWriteQueue(store, async () => {}, { maxEvents: 3, writers: 2 });
    const answers = [queue.write([event('a')]), queue.write([event('b')]), queue.write([event('c')])];
    expect(calls).toEqual([['a']]); // two events wait: less than a group, so no second writer
    answers.push(queue.write([event('d')]));
    expect(calls).toEqual([['a'], ['b', 'c', 'd']]); // a full group waits: the second writer takes it
    answers.push(queue.write([event('e')]), queue.write([event('f'), event('g'), event('h')]));
    expect(calls).toHaveLength(2); // both writers busy
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    open.shift()!();
    await settle();
    // one writer is free and four events wait, a full group: the next group is what fits in one
    expect(calls).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    open.shift()!();
    await settle();
    expect(calls).toEqual([['a'], ['b', 'c', 'd'], ['e'], ['f', 'g', 'h']]);
    open.shift()!();
    open.shift()!();
    expect(await Promise.all(answers)).toEqual([1, 1, 1, 1, 1, 3].map((stored) => ({ stored })));
  });

  it('starts another writer once `extraWriterAt` events wait, below a full group', async () => {
    const { calls, open, store } = transactionsLeftOpen();
    const queue = new LineageWriteQueue(store, async () => {}, { maxEvents: 10, writers: 3, extraWriterAt: 2 });
    const answers = [queue.write([event('a')]), queue.write([event('b')])];
    expect(calls).toEqual([['a']]); // one event waits: below the threshold
    answers.push(queue.write([event('c')]));
    expect(calls).toEqual([['a'], ['b', 'c']]); // two wait: a second writer takes them
    answers.push(queue.write([event('d')]), queue.write([event('e')]), queue.write([event('f')]));
    expect(calls).toEqual([['a'], ['b', 'c'], ['d', 'e']]); // the third and last writer
    open.splice(0).forEach((done) => done());
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f']]); // a free writer takes what waits
    open.splice(0).forEach((done) => done());
    expect(await Promise.all(answers)).toEqual([1, 1, 1, 1, 1, 1].map((stored) => ({ stored })));
  });
});
