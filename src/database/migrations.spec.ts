import { openDatabase } from './database-connection';
import { diffMigrationsToSchema } from './migrator';

describe('prisma/migrations', () => {
  it('agrees with prisma/schema.prisma (run `npm run migration:create -- <name>` when this fails)', async () => {
    const scratch = await openDatabase({ kind: 'embedded', dataDir: 'memory://' });
    try {
      expect(await diffMigrationsToSchema(scratch.factory)).toBe('');
    } finally {
      await scratch.close();
    }
  }, 60_000);
});
