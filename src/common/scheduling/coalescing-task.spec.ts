import { CoalescingTask } from './coalescing-task';

describe('CoalescingTask', () => {
  function counting(onError: (e: Error) => void = () => undefined, fail = false) {
    const calls = { runs: 0 };
    let release: () => void = () => undefined;
    const task = new CoalescingTask(
      () =>
        new Promise<void>((resolve, reject) => {
          calls.runs += 1;
          release = () => (fail ? reject(new Error('boom')) : resolve());
        }),
      onError,
      5,
    );
    return { task, calls, release: () => release() };
  }

  it('turns a burst of requests into one run', async () => {
    const { task, calls, release } = counting();
    for (let i = 0; i < 10; i++) task.soon();
    await new Promise((r) => setTimeout(r, 20));
    release();
    await task.settled();
    expect(calls.runs).toBe(1);
  });

  it('runs once more after a run when asked during it', async () => {
    const { task, calls, release } = counting();
    task.soon();
    await new Promise((r) => setTimeout(r, 20));
    task.soon();
    task.soon();
    release();
    await new Promise((r) => setTimeout(r, 20));
    release();
    await task.settled();
    expect(calls.runs).toBe(2);
  });

  it('reports a failure and takes later requests as usual', async () => {
    const errors: string[] = [];
    const { task, calls, release } = counting((e) => errors.push(e.message), true);
    task.soon();
    await new Promise((r) => setTimeout(r, 20));
    release();
    await task.settled();
    task.soon();
    await new Promise((r) => setTimeout(r, 20));
    release();
    await task.settled();
    expect({ runs: calls.runs, errors }).toEqual({ runs: 2, errors: ['boom', 'boom'] });
  });

  it('ignores requests once stopped', async () => {
    const { task, calls } = counting();
    await task.stop();
    task.soon();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.runs).toBe(0);
  });
});
