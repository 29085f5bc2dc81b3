import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { Page, pageOf } from '../../common/pagination';
import { PrismaService } from '../../database/prisma.service';
import type { DriftFinding } from './schema-drift';

export interface DriftView {
  id: string;
  product: string;
  /** The output's lineage node id. */
  output: string;
  environment: string;
  revision: number;
  findings: DriftFinding[];
  observedAt: string;
  openedAt: string;
  resolvedAt: string | null;
}

export interface DriftQuery {
  product?: string;
  environment?: string;
  open?: boolean;
  limit: number;
  after?: string;
}

export type Tx = Prisma.TransactionClient;

type Row = { id: string; productName: string; output: string; environment: string; revision: number; findings: unknown; observedAt: Date; openedAt: Date; resolvedAt: Date | null };

/** Owns contract_drift. */
@Injectable()
export class ContractDriftRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Runs `work` with the drift table to itself: two instances never open the same drift twice. */
  exclusively<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(7403)`);
        return work(tx);
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  }

  async openDrifts(tx: Tx): Promise<DriftView[]> {
    return (await tx.contractDrift.findMany({ where: { resolvedAt: null } })).map(toView);
  }

  async open(tx: Tx, drift: { productName: string; output: string; environment: string; revision: number; findings: DriftFinding[]; observedAt: Date; openedAt: Date }): Promise<DriftView> {
    return toView(await tx.contractDrift.create({ data: { ...drift, findings: drift.findings as unknown as Prisma.InputJsonValue } }));
  }

  /** An open drift whose findings changed (still drifting, differently). */
  async update(tx: Tx, id: string, change: { revision: number; findings: DriftFinding[]; observedAt: Date }): Promise<DriftView> {
    return toView(await tx.contractDrift.update({ where: { id }, data: { ...change, findings: change.findings as unknown as Prisma.InputJsonValue } }));
  }

  async resolve(tx: Tx, id: string, resolvedAt: Date): Promise<DriftView> {
    return toView(await tx.contractDrift.update({ where: { id }, data: { resolvedAt } }));
  }

  /** Newest first, keyset-paged on (openedAt, id). */
  async list(query: DriftQuery): Promise<Page<DriftView>> {
    const rows = await this.prisma.contractDrift.findMany({
      where: {
        ...(query.product ? { productName: query.product } : {}),
        ...(query.environment ? { environment: query.environment } : {}),
        ...(query.open === undefined ? {} : query.open ? { resolvedAt: null } : { resolvedAt: { not: null } }),
      },
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      ...(query.after ? { cursor: { id: query.after }, skip: 1 } : {}),
    });
    return pageOf(rows.map(toView), query.limit, (d) => d.id);
  }
}

function toView(row: Row): DriftView {
  return {
    id: row.id,
    product: row.productName,
    output: row.output,
    environment: row.environment,
    revision: row.revision,
    findings: row.findings as DriftFinding[],
    observedAt: row.observedAt.toISOString(),
    openedAt: row.openedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
