import { Global, Logger, Module } from '@nestjs/common';
import { CONFIG } from '../config/config.module';
import type { GatehouseConfig } from '../config/config';
import { ensureSchema, openDatabase } from './database-connection';
import { DatabaseHealthService } from './database-health.service';
import { applyMigrations } from './migrator';
import { PrismaService } from './prisma.service';

@Global()
@Module({
  providers: [
    {
      provide: PrismaService,
      inject: [CONFIG],
      // Migrations run before anything can query, so no request ever sees an old schema.
      useFactory: async (config: GatehouseConfig) => {
        const logger = new Logger('Database');
        const connection = await openDatabase(config.database);
        try {
          if (config.database.kind === 'postgres') await ensureSchema(connection, config.database.schema);
          const applied = await applyMigrations(connection.factory);
          logger.log({ backend: connection.kind, applied }, applied.length ? 'migrations applied' : 'schema up to date');
          const prisma = new PrismaService(connection);
          await prisma.$connect();
          return prisma;
        } catch (error) {
          await connection.close();
          throw error;
        }
      },
    },
    DatabaseHealthService,
  ],
  exports: [PrismaService, DatabaseHealthService],
})
export class DatabaseModule {}
