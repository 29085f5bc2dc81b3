import { mkdir } from 'node:fs/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { GatehouseConfig } from '../config/config';

/** A driver adapter factory for Prisma and the schema engine, plus how to release the database. */
export interface DatabaseConnection {
  kind: 'embedded' | 'postgres';
  factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export async function openDatabase(database: GatehouseConfig['database']): Promise<DatabaseConnection> {
  if (database.kind === 'postgres') {
    const pool = {
      connectionString: database.url,
      max: 10,
      // Unqualified names in migrations and in Prisma's queries resolve to the configured schema.
      ...(database.schema ? { options: `-c search_path="${database.schema}"` } : {}),
    };
    const factory = new PrismaPg(pool, database.schema ? { schema: database.schema } : undefined);
    return { kind: 'postgres', factory, close: async () => {} };
  }
  const dataDir = database.dataDir;
  if (dataDir !== 'memory://') await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  return { kind: 'embedded', factory: new PrismaPGlite(db), close: () => db.close() };
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
