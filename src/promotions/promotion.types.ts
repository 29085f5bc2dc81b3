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
  /** When an open request lapses unless approved (the environment's approvals.expireRequestsAfter). */
  expiresAt: string | null;
}

/** Whether the caller may take an action now, and if not, why (and the policy rule that decided). */
export interface ActionCheck {
  allowed: boolean;
  reason: string | null;
  rule: { role: string; file: string; path: string } | null;
}

export interface PromotionActions {
  approve: ActionCheck;
  reject: ActionCheck;
  /** `checks`: the failed gates an override could let pass. */
  override: ActionCheck & { checks: string[] };
  cancel: ActionCheck;
  evaluate: ActionCheck;
  /** `products`: the downstream products the caller may acknowledge breaking changes for now. */
  acknowledge: ActionCheck & { products: string[] };
}

/** What approving does: the revision it replaces in the target environment and what it runs there. */
export interface PromotionPlan {
  /** One sentence: "Promote orders-daily r42 from staging to prod, replacing r37; triggers Airflow DAG orders_daily on airflow-prod". */
  summary: string;
  /** The revision the target environment runs now (null: nothing yet). */
  replaces: number | null;
  target: { orchestrator: string; kind: string; dag: string | null; asset: string[] | null } | null;
  /** Why nothing would run (no binding to an orchestrator of the environment), or null. */
  targetProblem: string | null;
}

/** One promotion as its page shows it: the view, what approving does, and what the caller may do. */
export interface PromotionDetail extends PromotionView {
  plan: PromotionPlan;
  actions: PromotionActions;
}

/** What the gates would say of a request now; nothing is written. */
export interface PromotionPreview {
  product: string;
  revision: number;
  from: string;
  to: string;
  state: PromotionState;
  stateReason: string | null;
  gates: GateResult[];
  policyVersion: string;
  plan: PromotionPlan;
}

export interface PromotionListQuery {
  state?: PromotionState;
  product?: string;
  /** Only open promotions the principal could approve and has not decided on. */
  awaitingMe?: boolean;
  /** Only promotions of products the principal's teams own or the principal stewards. */
  mine?: boolean;
  /** Only open promotions whose breaking changes wait for the principal's acknowledgement (for a downstream product). */
  awaitingAcknowledgement?: boolean;
  limit: number;
  after?: string;
}
