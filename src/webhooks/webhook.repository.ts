import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';

export interface DueDelivery {
  id: string;
  event: string;
  url: string;
  body: string;
  attempts: number;
}

/** Owns the webhook outbox. */
@Injectable()
export class WebhookRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** With `tx`, the deliveries commit (or not) with the change that caused them. */
  async enqueue(rows: { event: string; url: string; body: (id: string) => string }[], tx?: Prisma.TransactionClient): Promise<void> {
    if (!rows.length) return;
    const data = rows.map((r) => {
      const id = randomUUID();
      return { id, event: r.event, url: r.url, body: r.body(id) };
    });
    await (tx ?? this.prisma).webhookDelivery.createMany({ data });
  }

  /**
   * Takes up to `limit` due deliveries and leases them for `leaseMs` (their next attempt moves
   * past the lease), so that two Gatehouse instances never send the same delivery at once.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    return this.prisma.$queryRawUnsafe<DueDelivery[]>(
      `UPDATE webhook_delivery SET next_attempt_at = now() + ($2::int * interval '1 millisecond')
        WHERE id IN (SELECT id FROM webhook_delivery
                      WHERE delivered_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id::text, event, url, body, attempts`,
      limit,
      leaseMs,
    );
  }

  async delivered(id: string): Promise<void> {
    await this.prisma.webhookDelivery.update({ where: { id }, data: { deliveredAt: new Date(), attempts: { increment: 1 }, lastError: null } });
  }

  async failed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.prisma.webhookDelivery.update({
      where: { id },
      data: { attempts: { increment: 1 }, lastError: error.slice(0, 1000), ...(retryAt ? { nextAttemptAt: retryAt } : { abandonedAt: new Date() }) },
    });
  }

  recent(limit: number) {
    return this.prisma.webhookDelivery.findMany({ orderBy: { createdAt: 'desc' }, take: limit, omit: { body: true } });
  }
}
