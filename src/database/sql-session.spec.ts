import { IssuedStatements } from './sql-session';

/** A statement that answers when told to. */
function deferred() {
  let settle!: (error?: Error) => void;
  const promise = new Promise<unknown[]>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve([]));
  });
  return { promise, settle };
}

describe('IssuedStatements', () => {
  it('waits for statements issued while it waits, and throws the first failure', async () => {
    const answers = [deferred(), deferred(), deferred()];
    let n = 0;
    const statements = new IssuedStatements(() => answers[n++].promise);
    void statements.tx.query('a');
    let done = false;
    const settled = statements.settled().then(
      () => (done = true),
      (error: Error) => error.message,
    );
    void statements.tx.query('b'); // issued after settled() started
    answers[0].settle();
    await Promise.resolve();
    answers[1].settle(new Error('b failed'));
    void statements.tx.query('c');
    answers[2].settle(new Error('c failed after b'));
    expect(await settled).toBe('b failed');
    expect(done).toBe(false);
  });

  it('does not answer before a statement issued while it waited has answered', async () => {
    const answers = [deferred(), deferred()];
    let n = 0;
    const statements = new IssuedStatements(() => answers[n++].promise);
    void statements.tx.query('a');
    let done = false;
    const settled = statements.settled().then(() => (done = true));
    await Promise.resolve();
    void statements.tx.query('b'); // issued once settled() is already waiting for 'a'
    answers[0].settle();
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    answers[1].settle();
    await settled;
    expect(done).toBe(true);
  });

  it('complete() answers the work once all its statements succeeded', async () => {
    const answer = deferred();
    const statements = new IssuedStatements(() => answer.promise);
    let finished = false;
    const result = statements
      .complete(async (tx) => {
        void tx.query('unawaited');
        return 'done';
      })
      .then((r) => ((finished = true), r));
    await new Promise((r) => setImmediate(r));
    expect(finished).toBe(false);
    answer.settle();
    expect(await result).toBe('done');
  });
});
