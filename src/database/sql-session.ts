/**
 * Plain SQL in one transaction, beside Prisma, for the few hot paths that move large JSON (lineage
 * ingestion). Prisma's raw queries serialise every parameter and every result value once more as
 * JSON on their way through its query engine: for a batch of several-KB OpenLineage events that
 * was a third of the ingestion's CPU. Same database, same schema, same migrations; only the client
 * differs. Repositories use it behind their own methods, like Prisma.
 */
export interface SqlTransaction {
  /** Rows as the driver decodes them: jsonb as values, timestamptz as Date, uuid and text as strings. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface SqlSession {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}
