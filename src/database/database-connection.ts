import { mkdir } from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { GatehouseConfig } from '../config/config';
import { coalescedWrites } from './coalesced-writes';
import { IssuedStatements, type SqlSession, type SqlTransaction } from './sql-session';

/** A driver adapter factory for Prisma and the schema engine, plus how to release the database. */
export interface DatabaseConnection {
  kind: 'embedded' | 'postgres';
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The same database without Prisma in between (see sql-session.ts). */
  sql: SqlSession;
  close(): Promise<void>;
}

/**
 * Plain-SQL connections on PostgreSQL: lineage ingestion writes with up to four at once; the rest
 * serve lineage graph reads, so that a query does not wait behind a busy ingestion.
 */
const SQL_SESSION_CONNECTIONS = 7;

export async function openDatabase(database: GatehouseConfig['database']): Promise<DatabaseConnection> {
  if (database.kind === 'postgres') {
    // Unqualified names in migrations, in Prisma's queries and in plain SQL resolve to the configured schema.
    const options = database.schema ? { options: `-c search_path="${database.schema}"` } : {};
    // Prisma gets a pool of its own: the schema engine holds a session-level lock on a connection
    // while migrating, released when its adapter's pool is ended.
    const factory = new PrismaPg({ connectionString: database.url, max: 10, ...options }, database.schema ? { schema: database.schema } : undefined);
    // The plain-SQL pool's statements are prepared (see statementName) and planned once per
    // connection (planning was another tenth of the server's CPU). They are all lookups by key,
    // so sequential scans are off for these sessions: a plan made while the tables are small (a
    // new deployment) would otherwise scan them whole for as long as the connection lives.
    const sqlOptions = [options.options, '-c plan_cache_mode=force_generic_plan -c enable_seqscan=off'].filter(Boolean).join(' ');
    const pool = new Pool({ connectionString: database.url, max: SQL_SESSION_CONNECTIONS, pipeline: true, options: sqlOptions });
    // An idle connection that dies (server restart, network) is dropped by the pool and replaced on
    // the next use; without a listener its 'error' event would end the process.
    pool.on('error', (error) => new Logger('Database').warn(`An idle PostgreSQL connection failed and was dropped: ${error.message}`));
    // OpenLineage payloads (several KB of JSON each) are compressed when stored; lz4 does it several
    // times faster than the default pglz, which took about a tenth of the server's CPU during
    // ingestion. Only where the server was built with lz4; queued ahead of the connection's first use.
    pool.on('connect', (client) => {
      client
        .query(`SELECT set_config('default_toast_compression', 'lz4', false) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`)
        .catch((error: Error) => new Logger('Database').warn(`Could not choose lz4 compression: ${error.message}`));
    });
    return {
      kind: 'postgres',
      factory,
      sql: {
        transaction: (work) => poolTransaction(pool, work),
        query: async (text, params) => (await pool.query({ name: statementName(text), text, values: params })).rows,
      },
      close: () => pool.end(),
    };
  }
  const dataDir = database.dataDir;
  if (dataDir !== 'memory://') await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  // PGlite runs one transaction at a time, Prisma's included (its adapter uses the same transaction()).
  const sql: SqlSession = {
    transaction: (work) => db.transaction((tx) => new IssuedStatements(async (text, params) => (await tx.query(text, params)).rows).complete(work)),
    query: async <R>(text: string, params?: unknown[]) => (await db.query<R>(text, params)).rows,
  };
  return { kind: 'embedded', factory: new PrismaPGlite(db), sql, close: () => db.close() };
}

async function poolTransaction<T>(pool: Pool, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // The statements of one step (BEGIN and the first ones; the last ones and COMMIT) in one write.
  const send = coalescedWrites(client.connection.stream);
  const statements = new IssuedStatements(async (text, params) => (await send(() => client.query({ name: statementName(text), text, values: params }))).rows);
  let broken: Error | undefined;
  try {
    // BEGIN goes out with the work's first statements, and COMMIT right behind its last ones: the
    // connection pipelines (see SqlTransaction.query), so neither costs a round trip of its own.
    // (BEGIN cannot fail on a working connection; on a broken one nothing after it runs either.)
    void statements.track(send(() => client.query('BEGIN')));
    const result = await work(statements.tx);
    const commit = statements.track(send(() => client.query('COMMIT')));
    await statements.settled();
    // A failed statement aborts the transaction, and PostgreSQL answers its COMMIT with ROLLBACK;
    // settled() has thrown that failure already, so this is a second guard.
    if ((await commit).command !== 'COMMIT') throw new Error('PostgreSQL rolled the transaction back');
    return result;
  } catch (error) {
    // Behind any statement still in flight: the connection answers in order.
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError; // the connection is unusable: do not give it back to the pool
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Plain-SQL statements are few and fixed, so each is prepared once per connection under a name:
 * PostgreSQL then skips parsing and analysing it again (a tenth of the server's CPU for lineage
 * ingestion when they were sent as text each time). Only for this session's statements: their
 * texts are fixed, values always go in parameters.
 */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `gatehouse_${statementNames.size + 1}`));
  return name;
}

/** Creates the configured schema on PostgreSQL when missing (the migrations assume it exists). */
export async function ensureSchema(connection: DatabaseConnection, schema: string | undefined): Promise<void> {
  if (!schema) return;
  const adapter = await connection.factory.connect();
  try {
    await adapter.executeRaw({ sql: `CREATE SCHEMA IF NOT EXISTS "${schema}"`, args: [], argTypes: [] });
  } finally {
    await adapter.dispose();
  }
}
