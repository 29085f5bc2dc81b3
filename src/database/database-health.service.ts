import { readdirSync, existsSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { migrationsDir } from './project-paths';

export interface DatabaseReadiness {
  reachable: boolean;
  backend: 'embedded' | 'postgres';
  migrations: { expected: number; applied: number; pending: string[] };
  error?: string;
}

/** Readiness: the database answers and every migration shipped with this build is applied. */
@Injectable()
export class DatabaseHealthService {
  private readonly shipped: string[];

  constructor(private readonly prisma: PrismaService) {
    const dir = migrationsDir();
    this.shipped = existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
      : [];
  }

  async check(): Promise<DatabaseReadiness> {
    const backend = this.prisma.connection.kind;
    try {
      const rows = await this.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const applied = new Set(rows.map((r) => r.migration_name));
      const pending = this.shipped.filter((name) => !applied.has(name));
      return { reachable: true, backend, migrations: { expected: this.shipped.length, applied: applied.size, pending } };
    } catch (error) {
      return {
        reachable: false,
        backend,
        migrations: { expected: this.shipped.length, applied: 0, pending: this.shipped },
        error: (error as Error).message,
      };
    }
  }
}
