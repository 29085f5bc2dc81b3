import { ensureSchema, openDatabase, type DatabaseConnection } from '../../src/database/database-connection';
import { freshDatabase, type TestDatabase } from '../support/test-app';

/**
 * The plain-SQL transaction on the suite's database (pipelined on PostgreSQL, in process on the
 * embedded one): statements left unawaited still decide whether it commits.
 */
describe('plain-SQL transactions', () => {
  let db: TestDatabase;
  let connection: DatabaseConnection;
  const rows = async () =>
    (await connection.sql.transaction((tx) => tx.query<{ v: number }>('SELECT v FROM pipelined ORDER BY v'))).map((r) => r.v);

  beforeAll(async () => {
    db = await freshDatabase();
    connection = await openDatabase(db.config);
    await ensureSchema(connection, db.config.kind === 'postgres' ? db.config.schema : undefined);
    await connection.sql.transaction((tx) => tx.query('CREATE TABLE pipelined (v int PRIMARY KEY)'));
  });
  afterAll(async () => {
    await connection.close();
    await db.drop();
  });
  beforeEach(() => connection.sql.transaction((tx) => tx.query('DELETE FROM pipelined')));

  it('runs a statement on its own, outside any transaction, with rows decoded as in one', async () => {
    await connection.sql.query('INSERT INTO pipelined VALUES (7)');
    const [row] = await connection.sql.query<{ v: number; doc: { a: number[] }; at: Date }>(`SELECT v, '{"a":[1]}'::jsonb AS doc, now() AS at FROM pipelined`);
    expect(row.v).toBe(7);
    expect(row.doc).toEqual({ a: [1] });
    expect(row.at).toBeInstanceOf(Date);
  });

  it('commits statements issued without waiting, in the order issued', async () => {
    const answer = await connection.sql.transaction(async (tx) => {
      void tx.query('INSERT INTO pipelined VALUES (1)');
      void tx.query('INSERT INTO pipelined VALUES (2)');
      const [{ n }] = await tx.query<{ n: string }>('SELECT count(*) AS n FROM pipelined');
      void tx.query('INSERT INTO pipelined VALUES (3)');
      return Number(n);
    });
    expect(answer).toBe(2);
    expect(await rows()).toEqual([1, 2, 3]);
  });

  it('rolls back everything, with the failing statement’s error, when an unawaited statement fails', async () => {
    const done = connection.sql.transaction(async (tx) => {
      void tx.query('INSERT INTO pipelined VALUES (1)');
      void tx.query('INSERT INTO pipelined VALUES (1)'); // duplicate key
      void tx.query('INSERT INTO pipelined VALUES (2)');
    });
    await expect(done).rejects.toThrow(/duplicate key/);
    expect(await rows()).toEqual([]);
  });

  it('rolls back when the work throws while its statements are still in flight', async () => {
    const done = connection.sql.transaction(async (tx) => {
      void tx.query('INSERT INTO pipelined VALUES (1)');
      throw new Error('changed my mind');
    });
    await expect(done).rejects.toThrow('changed my mind');
    expect(await rows()).toEqual([]);
    // and the connection is fine afterwards
    await connection.sql.transaction((tx) => tx.query('INSERT INTO pipelined VALUES (4)'));
    expect(await rows()).toEqual([4]);
  });
});
