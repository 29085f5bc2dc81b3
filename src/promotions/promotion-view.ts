import type { GateOverride, GateResult } from './gates/gate.types';
import type { PromotionRow } from './promotion.repository';
import type { ApprovalView, PromotionKind, PromotionState, PromotionView } from './promotion.types';

/** The API's view of a stored promotion; `lapsed` names approvals that no longer count. */
export function toPromotionView(row: PromotionRow, lapsed: Set<string> = new Set(), expiresAt: Date | null = null): PromotionView {
  const overrides = row.overrides as unknown as GateOverride[];
  return {
    id: row.id,
    kind: row.kind as PromotionKind,
    product: row.productName,
    revision: row.revision,
    digest: row.digest,
    from: row.fromEnv,
    to: row.toEnv,
    reason: row.reason,
    state: row.state as PromotionState,
    stateReason: row.stateReason,
    requestedBy: row.requestedBy,
    gates: row.gates as unknown as GateResult[],
    overrides,
    breakGlass: overrides.length > 0,
    approvals: row.approvals.map(
      (a): ApprovalView => ({
        principal: a.principalId,
        decision: a.decision as ApprovalView['decision'],
        comment: a.comment,
        at: a.createdAt.toISOString(),
        expiresAt: a.expiresAt.toISOString(),
        valid: a.decision === 'approve' && !lapsed.has(a.principalId) && a.expiresAt > new Date(),
      }),
    ),
    policyVersion: row.policyVersion,
    runId: row.runId,
    orchestrator: row.orchestrator,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}
