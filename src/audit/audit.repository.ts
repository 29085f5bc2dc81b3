import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import type { AuditEntry as AuditRow } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { GENESIS, sealAfter } from './audit-hash';
import { AUDITED_TRANSACTION } from './audit.types';
import type { AuditDraft, AuditOutcome, AuditPage, AuditQuery, AuditTransaction, SealedEntry } from './audit.types';

/**
 * Key of the transaction-scoped advisory lock that serialises appends across every connection
 * and every Gatehouse instance on the database (any constant no other feature uses).
 */
const CHAIN_LOCK_KEY = 7_400_000_001n;

/** Owns every query on the audit trail; the table is only ever inserted into and read. */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Appends in the caller's transaction, or in one of its own when there is none. */
  append(draft: AuditDraft, tx?: AuditTransaction): Promise<SealedEntry> {
    return tx ? appendIn(tx, draft) : this.prisma.$transaction((own) => appendIn(own, draft), AUDITED_TRANSACTION);
  }

  /** Newest first, keyset-paginated on seq. */
  async list(query: AuditQuery): Promise<AuditPage> {
    const rows = await this.prisma.auditEntry.findMany({
      where: {
        principalId: query.principal,
        subjectType: query.subjectType,
        subjectId: query.subjectId,
        action: query.action,
        outcome: query.outcome,
        ...(query.from || query.to ? { at: { gte: query.from, lt: query.to } } : {}),
        ...(query.before !== undefined ? { seq: { lt: query.before } } : {}),
      },
      orderBy: { seq: 'desc' },
      take: query.limit + 1,
    });
    const items = rows.slice(0, query.limit).map(toEntry);
    return { items, next: rows.length > query.limit ? items[items.length - 1].seq : null };
  }

  /** Every entry in ascending seq order, read `batchSize` at a time. */
  async *inOrder(batchSize: number): AsyncGenerator<SealedEntry> {
    let after: bigint | undefined;
    for (;;) {
      const rows = await this.prisma.auditEntry.findMany({
        where: after === undefined ? {} : { seq: { gt: after } },
        orderBy: { seq: 'asc' },
        take: batchSize,
      });
      for (const row of rows) yield toEntry(row);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].seq;
    }
  }
}

/**
 * Under the lock no other append can run until this transaction ends, so the last entry read is
 * the one to chain onto and seq = last + 1 is free. (seq is assigned here rather than by the
 * column's sequence because sequences skip values on rollback, and a gap must mean a removal.)
 * Call it last in a transaction: the lock is held until commit.
 */
async function appendIn(tx: AuditTransaction, draft: AuditDraft): Promise<SealedEntry> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const entry = sealAfter(last ?? GENESIS, draft, new Date());
  await tx.auditEntry.create({
    data: { ...entry, before: jsonColumn(entry.before), after: jsonColumn(entry.after), details: jsonColumn(entry.details) },
  });
  return entry;
}

/** SQL NULL for an absent value; a JSON null reads back the same and hashes the same. */
function jsonColumn(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined || value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

function toEntry(row: AuditRow): SealedEntry {
  return { ...row, outcome: row.outcome as AuditOutcome };
}
