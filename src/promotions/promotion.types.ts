import type { GateOverride, GateResult } from './gates/gate.types';

export const PROMOTION_STATES = [
  'requested',
  'blocked',
  'awaiting_approval',
  'approved',
  'executing',
  'succeeded',
  'failed',
  'rejected',
  'expired',
  'cancelled',
  'rolled_back',
] as const;
export type PromotionState = (typeof PROMOTION_STATES)[number];

/** States from which nothing moves any more (rolled_back: a later rollback replaced what it deployed). */
export const FINAL_STATES: ReadonlySet<PromotionState> = new Set(['succeeded', 'failed', 'rejected', 'expired', 'cancelled', 'rolled_back']);
/** States in which people can still act on the request (approve, re-evaluate, override, cancel). */
export const OPEN_STATES: ReadonlySet<PromotionState> = new Set(['requested', 'blocked', 'awaiting_approval']);

export type PromotionKind = 'promotion' | 'rollback';

export interface ApprovalView {
  principal: string;
  decision: 'approve' | 'reject';
  comment: string;
  at: string;
  expiresAt: string;
  /** Whether it counts now (not expired, the product unchanged since). */
  valid: boolean;
}

export interface PromotionView {
  id: string;
  kind: PromotionKind;
  product: string;
  revision: number;
  digest: string;
  from: string;
  to: string;
  reason: string;
  state: PromotionState;
  stateReason: string | null;
  requestedBy: string;
  gates: GateResult[];
  overrides: GateOverride[];
  /** True when a break-glass override let it past a failed gate or a freeze. */
  breakGlass: boolean;
  approvals: ApprovalView[];
  policyVersion: string;
  runId: string | null;
  orchestrator: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  completedAt: string | null;
}

export interface PromotionListQuery {
  state?: PromotionState;
  product?: string;
  /** Only open promotions the principal could approve and has not decided on. */
  awaitingMe?: boolean;
  limit: number;
  after?: string;
}
