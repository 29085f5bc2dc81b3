import { Injectable } from '@nestjs/common';
import type { Prisma, Promotion, PromotionApproval } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import type { ApprovalRecord } from './gates/approvals';
import type { GateOverride, GateResult } from './gates/gate.types';
import type { PromotionKind, PromotionState } from './promotion.types';

export type Tx = Prisma.TransactionClient;
export type PromotionRow = Promotion & { approvals: PromotionApproval[] };

export interface NewPromotion {
  kind: PromotionKind;
  productName: string;
  revision: number;
  digest: string;
  fromEnv: string;
  toEnv: string;
  reason: string;
  state: PromotionState;
  stateReason: string | null;
  requestedBy: string;
  idempotencyKey: string | null;
  gates: GateResult[];
  overrides: GateOverride[];
  policyVersion: string;
}

/** What a transition may change besides the state. */
export interface PromotionPatch {
  state?: PromotionState;
  stateReason?: string | null;
  gates?: GateResult[];
  overrides?: GateOverride[];
  policyVersion?: string;
  runId?: string;
  orchestrator?: string;
  triggeredAt?: Date;
  attempts?: number;
  nextAttemptAt?: Date | null;
  approvedAt?: Date;
  completedAt?: Date;
}

/** Owns the promotion and promotion_approval tables. */
@Injectable()
export class PromotionRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 60_000, maxWait: 30_000 });
  }

  async create(tx: Tx, data: NewPromotion): Promise<PromotionRow> {
    return tx.promotion.create({ data: { ...data, gates: data.gates as object[], overrides: data.overrides as object[] }, include: { approvals: true } });
  }

  async find(id: string, tx?: Tx): Promise<PromotionRow | null> {
    return (tx ?? this.prisma).promotion.findUnique({ where: { id }, include: { approvals: { orderBy: { createdAt: 'asc' } } } });
  }

  async findByKey(requestedBy: string, idempotencyKey: string): Promise<PromotionRow | null> {
    return this.prisma.promotion.findUnique({ where: { requestedBy_idempotencyKey: { requestedBy, idempotencyKey } }, include: { approvals: true } });
  }

  /**
   * Optimistic concurrency: applies the patch only if the row is still at `version`, and bumps it.
   * Returns the new row, or null when someone else moved it first.
   */
  async update(tx: Tx, id: string, version: number, patch: PromotionPatch): Promise<PromotionRow | null> {
    const data = {
      ...patch,
      ...(patch.gates ? { gates: patch.gates as object[] } : {}),
      ...(patch.overrides ? { overrides: patch.overrides as object[] } : {}),
      version: { increment: 1 },
      updatedAt: new Date(),
    };
    const { count } = await tx.promotion.updateMany({ where: { id, version }, data });
    return count ? this.find(id, tx) : null;
  }

  async addApproval(tx: Tx, promotionId: string, approval: ApprovalRecord & { comment: string }): Promise<void> {
    await tx.promotionApproval.create({ data: { promotionId, ...approval } });
  }

  async list(where: Prisma.PromotionWhereInput, limit: number, after?: string): Promise<PromotionRow[]> {
    return this.prisma.promotion.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      include: { approvals: { orderBy: { createdAt: 'asc' } } },
    });
  }

  /** Promotions of a product into an environment that succeeded, newest first (rollback targets). */
  async succeededInto(productName: string, environment: string): Promise<PromotionRow[]> {
    return this.prisma.promotion.findMany({
      where: { productName, toEnv: environment, state: { in: ['succeeded', 'rolled_back'] } },
      orderBy: { completedAt: 'desc' },
      include: { approvals: true },
    });
  }

  /** Another promotion into the same environment still under way (only one at a time per product and environment). */
  async inFlight(productName: string, environment: string, except?: string): Promise<PromotionRow | null> {
    return this.prisma.promotion.findFirst({
      where: { productName, toEnv: environment, state: { in: ['approved', 'executing'] }, ...(except ? { id: { not: except } } : {}) },
      include: { approvals: true },
    });
  }

  /**
   * Leases up to `limit` promotions that need the executor (approved, or executing and due) for
   * `leaseMs`: two Gatehouse instances never work on the same promotion at the same time.
   */
  async claimDue(owner: string, limit: number, leaseMs: number): Promise<string[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE promotion SET lease_owner = $1, lease_until = now() + ($3::int * interval '1 millisecond')
        WHERE id IN (SELECT id FROM promotion
                      WHERE state IN ('approved', 'executing')
                        AND (lease_until IS NULL OR lease_until < now())
                        AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                      ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id::text`,
      owner,
      limit,
      leaseMs,
    );
    return rows.map((r) => r.id);
  }

  /** Leases one promotion now (when an event says it can move), unless another worker holds it. */
  async claim(owner: string, id: string, leaseMs: number): Promise<boolean> {
    const n = await this.prisma.$executeRawUnsafe(
      `UPDATE promotion SET lease_owner = $1, lease_until = now() + ($3::int * interval '1 millisecond')
        WHERE id = $2::uuid AND state IN ('approved', 'executing') AND (lease_until IS NULL OR lease_until < now() OR lease_owner = $1)`,
      owner,
      id,
      leaseMs,
    );
    return n > 0;
  }

  /** Forgets every lease (at start-up of the only process that uses the database). */
  async releaseAllLeases(): Promise<void> {
    await this.prisma.promotion.updateMany({ where: { leaseOwner: { not: null } }, data: { leaseOwner: null, leaseUntil: null } });
  }

  async release(owner: string, id: string): Promise<void> {
    await this.prisma.promotion.updateMany({ where: { id, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } });
  }

  async byRunId(runId: string): Promise<PromotionRow | null> {
    return this.prisma.promotion.findUnique({ where: { runId }, include: { approvals: true } });
  }

  /** Open requests older than `before` (they expire). */
  async openOlderThan(environment: string, before: Date): Promise<PromotionRow[]> {
    return this.prisma.promotion.findMany({ where: { toEnv: environment, state: { in: ['blocked', 'awaiting_approval'] }, createdAt: { lt: before } }, include: { approvals: true } });
  }
}
