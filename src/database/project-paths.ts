import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout or installed package root: the folder that holds prisma/schema.prisma. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'prisma', 'schema.prisma'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find prisma/schema.prisma above ${from}`);
    dir = parent;
  }
}

export const schemaPath = () => join(projectRoot(), 'prisma', 'schema.prisma');
export const migrationsDir = () => join(projectRoot(), 'prisma', 'migrations');
/** The built web console (`npm run build` writes it). */
export const consoleDistDir = () => join(projectRoot(), 'console', 'dist');
