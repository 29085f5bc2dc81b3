import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../database/prisma.service';

/** What an acknowledgement is bound to: the producing product's revision, the target environment and the changes. */
export interface AcknowledgementKey {
  product: string;
  revision: number;
  environment: string;
  changeSet: string;
}

export interface AcknowledgementRecord extends AcknowledgementKey {
  downstream: string;
  principalId: string;
  comment: string;
  createdAt: string;
}

/** Owns contract_acknowledgement. */
@Injectable()
export class AcknowledgementRepository {
  constructor(private readonly prisma: PrismaService) {}

  async forKey(key: AcknowledgementKey): Promise<AcknowledgementRecord[]> {
    const rows = await this.prisma.contractAcknowledgement.findMany({
      where: { productName: key.product, revision: key.revision, environment: key.environment, changeSet: key.changeSet },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({ product: r.productName, revision: r.revision, environment: r.environment, changeSet: r.changeSet, downstream: r.downstream, principalId: r.principalId, comment: r.comment, createdAt: r.createdAt.toISOString() }));
  }

  /** Records an acknowledgement in the caller's transaction; the same one again changes nothing (false). */
  async add(tx: Prisma.TransactionClient, ack: Omit<AcknowledgementRecord, 'createdAt'>): Promise<boolean> {
    const { count } = await tx.contractAcknowledgement.createMany({
      data: [{ productName: ack.product, revision: ack.revision, environment: ack.environment, changeSet: ack.changeSet, downstream: ack.downstream, principalId: ack.principalId, comment: ack.comment }],
      skipDuplicates: true,
    });
    return count > 0;
  }
}
