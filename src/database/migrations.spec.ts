import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSchema, openDatabase } from './database-connection';
import { applyMigrations, diffMigrationsToSchema } from './migrator';
import { migrationsDir, schemaPath } from './project-paths';

describe('prisma/migrations', () => {
  it('agrees with prisma/schema.prisma (run `npm run migration:create -- <name>` when this fails)', async () => {
    const scratch = await openDatabase({ kind: 'embedded', dataDir: 'memory://' });
    try {
      expect(await diffMigrationsToSchema(scratch.factory)).toBe('');
    } finally {
      await scratch.close();
    }
  }, 60_000);

  // on the backend the suite runs on: the PostgreSQL adapter runs a migration's statements one by one
  it('lineage_alias: the symlinks facets stored before are recorded as aliases (first claim wins, no alias of an alias, no ring)', async () => {
    const url = process.env.DATABASE_URL;
    const schema = `gh_test_${randomBytes(6).toString('hex')}`;
    const db = await openDatabase(url ? { kind: 'postgres', url, schema } : { kind: 'embedded', dataDir: 'memory://' });
    if (url) await ensureSchema(db, schema);
    const before = await mkdtemp(join(tmpdir(), 'gh-migrations-'));
    try {
      await cp(migrationsDir(), before, { recursive: true, filter: (path) => !path.includes('_lineage_alias') });
      await applyMigrations(db.factory, { schemaPath: schemaPath(), migrationsDir: before });
      const symlinks = (...ids: [string, string][]) => JSON.stringify({ symlinks: { _producer: 'https://p', _schemaURL: 'https://s', identifiers: ids.map(([namespace, name]) => ({ namespace, name, type: 'TABLE' })) } });
      const node = (namespace: string, name: string, facets = '{}') =>
        db.sql.query(`INSERT INTO lineage_node (id, type, namespace, name, facets) VALUES ($1, 'DATASET', $2, $3, $4::jsonb)`, [`dataset:${namespace}:${name}`, namespace, name, facets]);
      await node('dagster-prod', 'marts/orders');
      await node('postgres://wh:5432', 'wh.public.orders', symlinks(['dagster-prod', 'marts/orders']));
      // a second claim of the same identity loses; a symlink to itself is no alias
      await node('s3://lake', 'orders', symlinks(['dagster-prod', 'marts/orders'], ['s3://lake', 'orders']));
      // the Glue table names the location, which names the asset: both lead to the Glue table
      await node('arn:aws:glue:eu-west-1:1', 'table/db/orders', symlinks(['postgres://wh:5432', 'wh.public.orders']));
      // two identities naming each other stay apart
      await node('file', '/a', symlinks(['file', '/b']));
      await node('file', '/b', symlinks(['file', '/a']));
      await applyMigrations(db.factory);
      const rows = await db.sql.query<{ alias: string; node_id: string }>(`SELECT alias, node_id FROM lineage_alias ORDER BY alias`);
      expect(rows).toEqual([
        { alias: 'dataset:dagster-prod:marts/orders', node_id: 'dataset:arn:aws:glue:eu-west-1:1:table/db/orders' },
        { alias: 'dataset:postgres://wh:5432:wh.public.orders', node_id: 'dataset:arn:aws:glue:eu-west-1:1:table/db/orders' },
      ]);
    } finally {
      if (url) await db.sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
      await rm(before, { recursive: true, force: true });
    }
  }, 60_000);
});
