import type { Decision } from '../policy/decision';
import type { EnvironmentGates } from '../policy/policy-files.schema';
import { ApprovalRules, ineligibility } from './gates/approvals';
import type { GateResult } from './gates/gate.types';
import { OPEN_STATES, PromotionActions, ActionCheck, PromotionState } from './promotion.types';

/**
 * Whether a principal may take each action on a promotion, and if not why: the same rules the
 * actions enforce (the service refuses with exactly these reasons), so the console can show a
 * button disabled with its reason before anyone presses it.
 *
 * A refusal is a `conflict` when the promotion's state or history forbids it for everyone, and
 * `forbidden` when it is this principal who may not.
 */
export interface Refusal {
  kind: 'conflict' | 'forbidden';
  reason: string;
  decision?: Decision;
}

export interface ActionFacts {
  id: string;
  state: PromotionState;
  toEnv: string;
  requestedBy: string;
  gates: GateResult[];
  containsPii: boolean;
  /** Who has decided already. */
  decidedBy: string[];
  /** When the request lapses unless approved (approvals.expireRequestsAfter), or null. */
  expiresAt: Date | null;
}

export interface Actor {
  id: string;
  kind: string;
  roles: string[];
  teams: string[];
}

/** The route-level policy decision for each action (what the route's @Authorize asks). */
export type PolicyDecisions = Record<'approve' | 'override' | 'request', Decision>;

export function approvalRefusal(facts: ActionFacts, actor: Actor, rules: ApprovalRules | undefined, now: Date): Refusal | null {
  if (!OPEN_STATES.has(facts.state)) return { kind: 'conflict', reason: `Promotion ${facts.id} is ${facts.state}; it takes no more decisions.` };
  if (facts.expiresAt && facts.expiresAt <= now) return { kind: 'conflict', reason: `Promotion ${facts.id} expired at ${facts.expiresAt.toISOString()} without the approvals it needed.` };
  if (!rules) return { kind: 'conflict', reason: `Promotions into ${facts.toEnv} need no approvals.` };
  if (facts.decidedBy.includes(actor.id)) return { kind: 'conflict', reason: `${actor.id} already decided on promotion ${facts.id}.` };
  const refusal = ineligibility(rules, actor, facts.requestedBy, facts.containsPii);
  return refusal ? { kind: 'forbidden', reason: refusal } : null;
}

/** Gates a break-glass override could let pass now: failed ones other than approvals. */
export function overridableChecks(gates: GateResult[]): string[] {
  return gates.filter((g) => g.status === 'failed' && g.check !== 'approvals').map((g) => g.check);
}

export function overrideRefusal(facts: ActionFacts, actor: Actor, gates: EnvironmentGates | undefined): Refusal | null {
  if (!OPEN_STATES.has(facts.state)) return { kind: 'conflict', reason: `Promotion ${facts.id} is ${facts.state}; gates can no longer be overridden.` };
  const roles = gates?.breakGlassRoles ?? ['admin'];
  if (!actor.roles.some((r) => roles.includes(r))) return { kind: 'forbidden', reason: `break-glass in ${facts.toEnv} is for the roles ${roles.join(', ')}` };
  return null;
}

export function cancelRefusal(facts: ActionFacts, actor: Actor): Refusal | null {
  if (facts.requestedBy !== actor.id && !actor.roles.includes('admin')) return { kind: 'forbidden', reason: 'only the requester or an admin cancels a promotion' };
  if (!OPEN_STATES.has(facts.state) && facts.state !== 'approved') return { kind: 'conflict', reason: `Promotion ${facts.id} is ${facts.state}; it can no longer be cancelled.` };
  return null;
}

export function evaluateRefusal(facts: ActionFacts): Refusal | null {
  return OPEN_STATES.has(facts.state) ? null : { kind: 'conflict', reason: `Promotion ${facts.id} is ${facts.state}; there is nothing to re-evaluate.` };
}

/** Every action's answer for one principal: the route's policy first, then the workflow's rules. */
export function actionsFor(facts: ActionFacts, actor: Actor, policy: PolicyDecisions, gates: EnvironmentGates | undefined, now: Date): Omit<PromotionActions, 'acknowledge'> {
  const approval = answer(policy.approve, approvalRefusal(facts, actor, gates?.approvals, now));
  const checks = overridableChecks(facts.gates);
  const override = answer(policy.override, overrideRefusal(facts, actor, gates) ?? (checks.length ? null : { kind: 'conflict', reason: 'No gate of this promotion has failed; there is nothing to override.' }));
  return {
    approve: approval,
    reject: approval,
    override: { ...override, checks: override.allowed ? checks : [] },
    cancel: answer(policy.request, cancelRefusal(facts, actor)),
    evaluate: answer(policy.request, evaluateRefusal(facts)),
  };
}

/**
 * Whether the principal may acknowledge the promotion's breaking changes for a downstream product
 * now, from the breaking-change gate's evidence (`acknowledgeable`: the products it may acknowledge for).
 */
export function acknowledgeAction(facts: ActionFacts, decision: Decision, gateConfigured: boolean, acknowledgeable: string[] | null, why: string | null): PromotionActions['acknowledge'] {
  const refusal: Refusal | null = !OPEN_STATES.has(facts.state)
    ? { kind: 'conflict', reason: `Promotion ${facts.id} is ${facts.state}; it takes no more acknowledgements.` }
    : !gateConfigured
      ? { kind: 'conflict', reason: `Promotions into ${facts.toEnv} have no breaking-change gate.` }
      : acknowledgeable === null
        ? { kind: 'conflict', reason: 'This promotion changes no contract in a breaking way that a downstream product must acknowledge.' }
        : acknowledgeable.length
          ? null
          : { kind: 'forbidden', reason: why ?? 'No downstream product waits for your acknowledgement.' };
  return { ...answer(decision, refusal), products: refusal || !decision.allowed ? [] : acknowledgeable! };
}

function answer(decision: Decision, refusal: Refusal | null): ActionCheck {
  if (!decision.allowed) return { allowed: false, reason: decision.reason, rule: ruleOf(decision) };
  return refusal ? { allowed: false, reason: refusal.reason, rule: null } : { allowed: true, reason: null, rule: null };
}

function ruleOf(decision: Decision): ActionCheck['rule'] {
  const rule = decision.decidingRule;
  return rule ? { role: rule.role, file: rule.file, path: rule.path } : null;
}
