/**
 * Plain SQL beside Prisma, in a transaction or one statement at a time, for the few hot paths that
 * move large JSON (lineage ingestion, and the lineage graph's reads). Prisma's raw queries
 * serialise every parameter and every result value once more as JSON on their way through its
 * query engine: for a batch of several-KB OpenLineage events that was a third of the ingestion's
 * CPU. Same database, same schema, same migrations; only the client differs. Repositories use it
 * behind their own methods, like Prisma.
 */
export interface SqlTransaction {
  /**
   * Rows as the driver decodes them: jsonb as values, timestamptz as Date, uuid and text as strings.
   *
   * Statements issued without waiting for the previous one's answer are pipelined on PostgreSQL:
   * sent at once and run in the order issued, so independent statements cost one round trip
   * together. A statement's promise need not be awaited: the transaction commits only if every
   * statement issued in it succeeded, and fails with the first error otherwise.
   */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface SqlSession {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /** One statement on its own, outside any transaction (for reads); rows decoded as in a transaction. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/**
 * Keeps every statement a transaction issued, so that one nobody awaited still decides whether
 * the transaction commits (and its rejection is never left unhandled).
 */
export class IssuedStatements {
  private readonly issued: Promise<unknown>[] = [];
  private failure: { error: unknown } | undefined;

  constructor(private readonly run: (sql: string, params?: unknown[]) => Promise<unknown[]>) {}

  readonly tx: SqlTransaction = {
    query: <R>(sql: string, params?: unknown[]) => this.track(this.run(sql, params)) as Promise<R[]>,
  };

  /** Counts `statement` (its promise is returned unchanged) among those the transaction waits for. */
  track<T>(statement: Promise<T>): Promise<T> {
    this.issued.push(
      statement.catch((error: unknown) => {
        this.failure ??= { error };
      }),
    );
    return statement;
  }

  /** Waits for every statement issued so far (and any issued meanwhile); throws the first failure. */
  async settled(): Promise<void> {
    for (let seen = 0; seen < this.issued.length; ) {
      const waiting = this.issued.slice(seen);
      seen += waiting.length;
      await Promise.all(waiting);
    }
    if (this.failure) throw this.failure.error;
  }

  /**
   * Runs `work` and then waits for every statement it issued: its result once all succeeded, the
   * first failure otherwise — only after nothing it issued is still running, so that a rollback
   * that follows cannot overtake one of them.
   */
  async complete<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    try {
      const result = await work(this.tx);
      await this.settled();
      return result;
    } catch (error) {
      await this.settled().catch(() => undefined);
      throw error;
    }
  }
}
