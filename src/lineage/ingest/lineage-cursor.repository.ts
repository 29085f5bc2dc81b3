import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

/** Where each polled lineage source has read up to; written only after what was read is stored. */
@Injectable()
export class LineageCursorRepository {
  constructor(private readonly prisma: PrismaService) {}

  async get(source: string): Promise<string | null> {
    return (await this.prisma.lineageCursor.findUnique({ where: { source } }))?.cursor ?? null;
  }

  async set(source: string, cursor: string): Promise<void> {
    await this.prisma.lineageCursor.upsert({ where: { source }, create: { source, cursor }, update: { cursor, updatedAt: new Date() } });
  }
}
