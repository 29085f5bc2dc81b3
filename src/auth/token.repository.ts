import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface StoredToken {
  id: string;
  principalId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

@Injectable()
export class TokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findByHash(hash: string): Promise<StoredToken | null> {
    return this.prisma.apiToken.findUnique({
      where: { hash },
      select: { id: true, principalId: true, expiresAt: true, revokedAt: true },
    });
  }

  async exists(id: string): Promise<boolean> {
    return (await this.prisma.apiToken.count({ where: { id } })) > 0;
  }

  /** Inserts a token; false when one with this id exists already (another instance won the race). */
  async insertIfAbsent(token: { id: string; principalId: string; hash: string; description: string }): Promise<boolean> {
    const inserted = await this.prisma.apiToken.createMany({ data: [token], skipDuplicates: true });
    return inserted.count === 1;
  }
}
