// Developer commands for the schema: `npm run migration:create -- <name>` and `npm run migration:check`.
// Both run on a scratch in-memory PGlite, so they need no database server and no native engine.
import { openDatabase } from './database-connection';
import { createNextMigration, diffMigrationsToSchema } from './migrator';

async function run(command: string | undefined, name: string | undefined): Promise<number> {
  const scratch = await openDatabase({ kind: 'embedded', dataDir: 'memory://' });
  try {
    if (command === 'create') {
      if (!name || !/^[a-z0-9_]+$/.test(name)) {
        process.stderr.write('usage: migration:create -- <name> (lower-case letters, digits, underscores)\n');
        return 2;
      }
      const created = await createNextMigration(scratch.factory, name);
      process.stdout.write(created ? `created ${created.directory}\n${created.script}\n` : 'schema and migrations agree; nothing to create\n');
      return 0;
    }
    if (command === 'check') {
      const drift = await diffMigrationsToSchema(scratch.factory);
      if (!drift) {
        process.stdout.write('schema and migrations agree\n');
        return 0;
      }
      process.stderr.write(`prisma/schema.prisma and prisma/migrations differ; run npm run migration:create -- <name>\n${drift}\n`);
      return 1;
    }
    process.stderr.write('usage: migrate-cli create <name> | check\n');
    return 2;
  } finally {
    await scratch.close();
  }
}

run(process.argv[2], process.argv[3]).then((code) => process.exit(code));
