import { Injectable } from '@nestjs/common';
import type { ApiToken } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { Page, pageOf } from '../common/pagination';
import { NewToken, TokenListQuery, tokenStatus, TokenView } from './api-token';

/** What authentication needs to know about a presented token. */
export interface StoredToken {
  id: string;
  principalId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** lastUsedAt is a hint for administrators, not an audit record: one write a minute is plenty. */
const LAST_USED_GRANULARITY_MS = 60_000;

@Injectable()
export class TokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findByHash(hash: string): Promise<StoredToken | null> {
    return this.prisma.apiToken.findUnique({
      where: { hash },
      select: { id: true, principalId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    });
  }

  async exists(id: string): Promise<boolean> {
    return (await this.prisma.apiToken.count({ where: { id } })) > 0;
  }

  /** Inserts a token; false when one with this id exists already (another instance won the race). */
  async insertIfAbsent(token: NewToken): Promise<boolean> {
    const inserted = await this.prisma.apiToken.createMany({ data: [token], skipDuplicates: true });
    return inserted.count === 1;
  }

  async insert(token: NewToken): Promise<void> {
    await this.prisma.apiToken.create({ data: token });
  }

  async findById(id: string, now: Date): Promise<TokenView | null> {
    const row = await this.prisma.apiToken.findUnique({ where: { id }, omit: { hash: true } });
    return row ? toView(row, now) : null;
  }

  /** Oldest first: ids start with their creation time. */
  async list(query: TokenListQuery, now: Date): Promise<Page<TokenView>> {
    const rows = await this.prisma.apiToken.findMany({
      where: {
        ...(query.principal ? { principalId: query.principal } : {}),
        ...(query.after ? { id: { gt: query.after } } : {}),
      },
      orderBy: { id: 'asc' },
      take: query.limit + 1,
      omit: { hash: true },
    });
    return pageOf(rows.map((row) => toView(row, now)), query.limit, (t) => t.id);
  }

  /** Idempotent: a second revocation keeps the first time and author. */
  async revoke(id: string, by: string, now: Date): Promise<TokenView | null> {
    await this.prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedBy: by } });
    return this.findById(id, now);
  }

  /** Records a use unless one was recorded within the last minute (the condition makes racing writers harmless). */
  async touch(token: StoredToken, now: Date): Promise<void> {
    const stale = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
    if (token.lastUsedAt && token.lastUsedAt > stale) return;
    await this.prisma.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
}

function toView(row: Omit<ApiToken, 'hash'>, now: Date): TokenView {
  return {
    id: row.id,
    principal: row.principalId,
    description: row.description,
    status: tokenStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
