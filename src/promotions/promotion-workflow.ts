import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { SealedEntry } from '../audit/audit.types';
import type { ApprovalTally } from './gates/approvals';
import type { GateResult } from './gates/gate.types';
import { PromotionPatch, PromotionRepository, PromotionRow, Tx } from './promotion.repository';
import { toPromotionView } from './promotion-view';
import type { PromotionState } from './promotion.types';
import { WebhooksService } from '../webhooks/webhooks.service';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

/** Transitions that are announced on the webhooks. */
const ANNOUNCED: ReadonlySet<PromotionState> = new Set(['requested', 'approved', 'rejected', 'succeeded', 'failed']);

/**
 * Where a promotion goes after its gates were evaluated: a failed or pending hard gate (other
 * than approvals) blocks it; a rejection rejects it; missing approvals keep it waiting; otherwise
 * it is approved. Soft gates never decide.
 */
export function nextState(results: GateResult[], tally: ApprovalTally | null): { state: PromotionState; reason: string | null } {
  if (tally?.status === 'rejected') return { state: 'rejected', reason: tally.message };
  const blocking = results.filter((g) => g.hard && g.check !== 'approvals' && (g.status === 'failed' || g.status === 'pending'));
  if (blocking.length) return { state: 'blocked', reason: blocking.map((g) => `${g.check}: ${g.message}`).join('; ') };
  const approvals = results.find((g) => g.check === 'approvals' && g.hard);
  if (approvals && approvals.status !== 'passed') return { state: 'awaiting_approval', reason: approvals.message };
  return { state: 'approved', reason: null };
}

/** A promotion after a change, and the audit entry that records the change. */
export interface Recorded {
  row: PromotionRow;
  entry: SealedEntry;
}

/**
 * Applies a transition with optimistic concurrency and records it: the audit entry and the
 * webhook deliveries commit in the same transaction as the state change, so none exists without
 * the others. Throws 409 when the promotion was moved by someone else in between.
 */
@Injectable()
export class PromotionWorkflow {
  constructor(
    private readonly repository: PromotionRepository,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
  ) {}

  async transition(tx: Tx, row: PromotionRow, patch: PromotionPatch, action: string, details: Record<string, unknown> = {}, principalId?: string): Promise<Recorded> {
    const updated = await this.repository.update(tx, row.id, row.version, patch);
    if (!updated) throw new DomainError(ErrorCode.CONFLICT, `Promotion ${row.id} was changed by someone else; read it again.`);
    if (patch.state && patch.state !== row.state && ANNOUNCED.has(patch.state)) await this.announce(tx, updated, patch.state);
    const entry = await this.audit.record(
      {
        action: `promotion.${action}`,
        subjectType: 'Promotion',
        subjectId: row.id,
        outcome: 'succeeded',
        before: { state: row.state, version: row.version },
        after: { state: updated.state, stateReason: updated.stateReason, version: updated.version },
        details: { product: row.productName, revision: row.revision, from: row.fromEnv, to: row.toEnv, kind: row.kind, ...details },
        ...(principalId ? { principalId } : {}),
      },
      tx,
    );
    return { row: updated, entry };
  }

  /** The `requested` announcement and audit entry of a new promotion (and of its first state). */
  async created(tx: Tx, row: PromotionRow): Promise<Recorded> {
    await this.announce(tx, row, 'requested');
    if (row.state !== 'requested' && ANNOUNCED.has(row.state as PromotionState)) await this.announce(tx, row, row.state as PromotionState);
    const entry = await this.audit.record(
      {
        action: 'promotion.request',
        subjectType: 'Promotion',
        subjectId: row.id,
        outcome: 'succeeded',
        after: toPromotionView(row),
        details: { breakGlass: false },
      },
      tx,
    );
    return { row, entry };
  }

  private async announce(tx: Tx, row: PromotionRow, state: PromotionState): Promise<void> {
    const what = row.kind === 'rollback' ? `Rollback of ${row.productName} in ${row.toEnv} to revision ${row.revision}` : `Promotion of ${row.productName} revision ${row.revision} from ${row.fromEnv} to ${row.toEnv}`;
    await this.webhooks.publish(
      {
        type: `promotion.${state}`,
        occurredAt: new Date().toISOString(),
        summary: `${what}: ${state.replace('_', ' ')}${row.stateReason ? ` (${row.stateReason})` : ''}`,
        data: { id: row.id, kind: row.kind, product: row.productName, revision: row.revision, from: row.fromEnv, to: row.toEnv, state, requestedBy: row.requestedBy, reason: row.stateReason, runId: row.runId },
      },
      tx,
    );
  }
}
