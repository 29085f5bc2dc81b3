import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { Page, pageOf } from '../common/pagination';
import { PrismaService } from '../database/prisma.service';
import { supersededTry } from '../lineage/graph/task-tries';

export interface BreachView {
  id: string;
  product: string;
  environment: string;
  output: string;
  openedAt: string;
  resolvedAt: string | null;
  lastProducedAt: string | null;
}

export interface BreachQuery {
  product?: string;
  environment?: string;
  open?: boolean;
  limit: number;
  after?: string;
}

export type Tx = Prisma.TransactionClient;

/** Owns sla_breach and reads dataset productions. */
@Injectable()
export class SlaRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Newest successful production of each dataset, per producing job namespace. A production by a
   * try that a later try of the same task replaced does not count (a task's last try decides).
   */
  async lastProductions(datasets: string[]): Promise<{ dataset: string; namespace: string; at: Date }[]> {
    if (!datasets.length) return [];
    return this.prisma.$queryRawUnsafe(
      `SELECT d.id AS dataset, ns.namespace, newest.at
         FROM unnest($1::text[]) AS d(id)
         CROSS JOIN LATERAL (SELECT DISTINCT namespace FROM dataset_production WHERE dataset_id = d.id) ns
         CROSS JOIN LATERAL (
           SELECT p.produced_at AS at FROM dataset_production p
            WHERE p.dataset_id = d.id AND p.namespace = ns.namespace AND NOT ${supersededTry('p.run_id')}
            ORDER BY p.produced_at DESC LIMIT 1) newest`,
      datasets,
    );
  }

  /**
   * Successful productions of the datasets by jobs of the namespaces from `from` to `to`, oldest first, at most `limit`;
   * as for freshness, a production by a try a later try of its task replaced does not count.
   */
  async productionsBetween(datasets: string[], namespaces: string[], from: Date, to: Date, limit: number): Promise<{ dataset: string; runId: string; at: Date }[]> {
    if (!datasets.length || !namespaces.length) return [];
    const rows = await this.prisma.$queryRawUnsafe<{ dataset: string; runId: string; at: Date }[]>(
      `SELECT p.dataset_id AS dataset, p.run_id::text AS "runId", p.produced_at AS at FROM dataset_production p
        WHERE p.dataset_id = ANY($1::text[]) AND p.namespace = ANY($2::text[]) AND p.produced_at >= $3 AND p.produced_at <= $4
          AND NOT ${supersededTry('p.run_id')}
        ORDER BY p.produced_at, p.dataset_id LIMIT $5`,
      datasets,
      namespaces,
      from,
      to,
      limit,
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at) }));
  }

  /** The product's breaches in an environment that were open at some time between `from` and `to`, oldest first. */
  async breachesBetween(product: string, environment: string, from: Date, to: Date): Promise<BreachView[]> {
    const rows = await this.prisma.slaBreach.findMany({
      where: { productName: product, environment, openedAt: { lte: to }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: from } }] },
      orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toView);
  }

  /** Runs `work` with the breach table to itself: two instances never open the same breach twice. */
  exclusively<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(7402)`);
        return work(tx);
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  }

  async openBreaches(tx: Tx) {
    return tx.slaBreach.findMany({ where: { resolvedAt: null } });
  }

  async open(tx: Tx, breach: { productName: string; environment: string; output: string; openedAt: Date; lastProducedAt: Date | null }): Promise<BreachView> {
    return toView(await tx.slaBreach.create({ data: breach }));
  }

  async resolve(tx: Tx, id: string, resolvedAt: Date, lastProducedAt: Date | null): Promise<BreachView> {
    return toView(await tx.slaBreach.update({ where: { id }, data: { resolvedAt, lastProducedAt } }));
  }

  /** Newest first, keyset-paged on (openedAt, id). */
  async list(query: BreachQuery): Promise<Page<BreachView>> {
    const rows = await this.prisma.slaBreach.findMany({
      where: {
        ...(query.product ? { productName: query.product } : {}),
        ...(query.environment ? { environment: query.environment } : {}),
        ...(query.open === undefined ? {} : query.open ? { resolvedAt: null } : { resolvedAt: { not: null } }),
      },
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      ...(query.after ? { cursor: { id: query.after }, skip: 1 } : {}),
    });
    return pageOf(rows.map(toView), query.limit, (b) => b.id);
  }
}

function toView(row: { id: string; productName: string; environment: string; output: string; openedAt: Date; resolvedAt: Date | null; lastProducedAt: Date | null }): BreachView {
  return {
    id: row.id,
    product: row.productName,
    environment: row.environment,
    output: row.output,
    openedAt: row.openedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    lastProducedAt: row.lastProducedAt?.toISOString() ?? null,
  };
}
