import { Inject, Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { AccessControl } from '../policy/access-control';
import { BOOTSTRAP_ADMIN, type Principal } from '../auth/principal';
import type { DataProductView, RevisionView } from '../catalog/data-product.types';
import { DataProductsService } from '../catalog/data-products.service';
import { parseIsoDuration } from '../catalog/manifest/iso-duration';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Page } from '../common/pagination';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { PolicyService } from '../policy/policy.service';
import type { EnvironmentGates } from '../policy/policy-files.schema';
import type { GateCheck } from '../policy/policy-vocabulary';
import type { ProductAttributes } from '../policy/product-conditions';
import { toAuditEntryView, type AuditEntryView } from '../audit/dto/audit-entry.view';
import { ApprovalRecord, ineligibility } from './gates/approvals';
import { GateEvaluator, GateOutcome } from './gates/gate-evaluator';
import type { GateOverride } from './gates/gate.types';
import { PromotionPatch, PromotionRepository, PromotionRow } from './promotion.repository';
import { toPromotionView } from './promotion-view';
import { nextState, PromotionWorkflow, Recorded } from './promotion-workflow';
import { acknowledgeAction, actionsFor, ActionFacts, approvalRefusal, cancelRefusal, evaluateRefusal, overrideRefusal, Refusal } from './promotion-actions';
import { acknowledgeable, acknowledgementRefusal, type AcknowledgementFacts, BreakingChangeGate, type PendingAcknowledgement } from '../contracts/gate/breaking-change-gate';
import { PromotionPlanner } from './promotion-plan';
import { OPEN_STATES, PromotionDetail, PromotionListQuery, PromotionPreview, PromotionState, PromotionView } from './promotion.types';

export interface PromotionRequest {
  product: string;
  revision: number;
  from: string;
  to: string;
  reason: string;
}

export interface RollbackRequest {
  revision?: number;
  reason: string;
}

/** What an action answers: the promotion after it, and the audit entry that records it (null when nothing was written). */
export type PromotionReceipt = PromotionView & { audit: AuditEntryView | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
const conflict = (message: string) => new DomainError(ErrorCode.CONFLICT, message);

/** Tells the executor a promotion may move now (approved); set by the executor. */
export type Kick = (promotionId: string) => void;

/**
 * Promotion requests and the decisions people make on them: gates evaluated from the policy
 * files, approvals with quorum and their rules, break-glass overrides, cancellation, rollbacks.
 * Execution on the orchestrator is the executor's (promotion-executor.ts).
 */
@Injectable()
export class PromotionsService {
  private kick: Kick = () => {};

  constructor(
    private readonly repository: PromotionRepository,
    private readonly workflow: PromotionWorkflow,
    private readonly evaluator: GateEvaluator,
    private readonly products: DataProductsService,
    private readonly policies: PolicyService,
    private readonly access: AccessControl,
    private readonly planner: PromotionPlanner,
    private readonly breakingChanges: BreakingChangeGate,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {}

  onApproved(kick: Kick): void {
    this.kick = kick;
  }

  /** POST /promotions. With an idempotency key, the same request again answers the promotion it created. */
  async request(body: PromotionRequest, actor: Principal, idempotencyKey?: string): Promise<{ promotion: PromotionReceipt; created: boolean }> {
    if (idempotencyKey) {
      const existing = await this.repository.findByKey(actor.id, idempotencyKey);
      if (existing) return { promotion: { ...(await this.sameRequest(existing, body)), audit: null }, created: false };
    }
    const { product, revision } = await this.checkedRequest(body, actor);
    try {
      const promotion = await this.open({ kind: 'promotion', product, revision, from: body.from, to: body.to, reason: body.reason, actor, idempotencyKey: idempotencyKey ?? null });
      return { promotion, created: true };
    } catch (error) {
      // the same key raced in from two requests: the loser answers what the winner created
      if (idempotencyKey && isUniqueViolation(error)) {
        const existing = await this.repository.findByKey(actor.id, idempotencyKey);
        if (existing) return { promotion: { ...(await this.sameRequest(existing, body)), audit: null }, created: false };
      }
      throw error;
    }
  }

  /** What the gates would say of this request now, and what approving it would do. Writes nothing. */
  async preview(body: Omit<PromotionRequest, 'reason'>, actor: Principal): Promise<PromotionPreview> {
    const { product, revision } = await this.checkedRequest(body, actor);
    const outcome = await this.evaluate({ kind: 'promotion', productName: product.name, revision: revision.number, fromEnv: body.from, toEnv: body.to, overrides: [], approvals: [] }, product, revision, product.digest);
    const next = nextState(outcome.results, outcome.tally);
    const plan = this.planner.plan({ kind: 'promotion', product, revision: revision.number, bindings: revision.manifest.spec.bindings, from: body.from, to: body.to });
    return { product: product.name, revision: revision.number, from: body.from, to: body.to, state: next.state, stateReason: next.reason, gates: outcome.results, policyVersion: this.policies.current.version, plan };
  }

  /** Rolls an environment back to the previous good revision, or a named one, through the same gates. */
  async rollback(name: string, environment: string, body: RollbackRequest, actor: Principal): Promise<PromotionReceipt> {
    if (!this.config.environments.includes(environment)) throw DomainError.validation([{ field: 'env', message: `must be one of ${this.config.environments.join(', ')}` }]);
    const product = await this.activeProduct(name, actor);
    const deployed = product.environments.find((e) => e.environment === environment)?.revision ?? null;
    if (deployed === null) throw conflict(`Nothing is deployed in ${environment} to roll back from.`);
    const history = await this.repository.succeededInto(name, environment);
    const target = body.revision ?? history.find((p) => p.revision !== deployed)?.revision;
    if (target === undefined) throw conflict(`${name} has no earlier good revision in ${environment} than ${deployed}.`);
    if (target === deployed) throw DomainError.validation([{ field: 'revision', message: `revision ${target} is what ${environment} runs already` }]);
    if (!history.some((p) => p.revision === target)) {
      throw DomainError.validation([{ field: 'revision', message: `revision ${target} was never deployed successfully in ${environment}; roll back only to a known-good revision` }]);
    }
    const revision = await this.revisionOf(product, target, actor);
    return this.open({ kind: 'rollback', product, revision, from: environment, to: environment, reason: body.reason, actor, idempotencyKey: null });
  }

  async approve(id: string, decision: 'approve' | 'reject', comment: string, actor: Principal): Promise<PromotionReceipt> {
    const { row, product } = await this.load(id, actor);
    const rules = this.gatesFor(row, product)?.approvals;
    const manifest = (await this.revisionOf(product, row.revision, actor)).manifest;
    await this.enforce(approvalRefusal(this.facts(row, product, manifest.spec.containsPii), actor, rules, new Date()), actor, 'approve', row);
    const now = new Date();
    const approval: ApprovalRecord & { comment: string } = {
      principalId: actor.id,
      principalKind: actor.kind,
      roles: actor.roles,
      teams: actor.teams,
      decision,
      digest: await this.approvalDigest(row),
      createdAt: now,
      expiresAt: new Date(now.getTime() + (parseIsoDuration(rules!.expireAfter) ?? 7 * 86_400_000)),
      comment,
    };
    const patch = await this.reevaluation(row, product, [...row.approvals.map(toApprovalRecord), approval]);
    const recorded = await this.repository.transaction(async (tx) => {
      await this.repository.addApproval(tx, id, approval);
      return this.workflow.transition(tx, row, patch, decision, { comment }, actor.id);
    });
    return this.settled(recorded, product);
  }

  /**
   * A downstream owner acknowledges the breaking changes for one downstream product. The gate is
   * assessed now (the changes against what the target environment runs), the acknowledgement is
   * bound to the revision, the environment and those changes, and the promotion is re-evaluated
   * with it, in one transaction with its audit entry.
   */
  async acknowledge(id: string, downstream: string, comment: string, actor: Principal): Promise<PromotionReceipt> {
    const { row, product } = await this.load(id, actor);
    if (!OPEN_STATES.has(row.state as PromotionState)) throw conflict(`Promotion ${row.id} is ${row.state}; it takes no more acknowledgements.`);
    if (!hasBreakingChangeGate(this.gatesFor(row, product))) throw conflict(`Promotions into ${row.toEnv} have no breaking-change gate.`);
    const manifest = (await this.products.revision(row.productName, row.revision, BOOTSTRAP_ADMIN)).manifest;
    const assessment = await this.breakingChanges.assess(row.productName, row.revision, manifest, row.toEnv);
    const refusal = acknowledgementRefusal(assessment, downstream, actor, row.requestedBy);
    if (refusal?.kind === 'invalid') throw DomainError.validation([{ field: 'downstream', message: refusal.reason }]);
    await this.enforce(refusal ? { kind: refusal.kind === 'conflict' ? 'conflict' : 'forbidden', reason: refusal.reason } : null, actor, 'acknowledge', row);
    const pending: PendingAcknowledgement = { downstream, principalId: actor.id, comment };
    const patch = await this.reevaluation(row, product, row.approvals.map(toApprovalRecord), [pending]);
    const recorded = await this.repository.transaction(async (tx) => {
      await this.breakingChanges.record(tx, assessment, downstream, actor.id, comment);
      return this.workflow.transition(tx, row, patch, 'acknowledge', { downstream, changeSet: assessment.changeSet, baseline: assessment.baseline, comment }, actor.id);
    });
    return this.settled(recorded, product);
  }

  /** Evaluates a blocked or waiting promotion's gates again (after a fix, a run, the end of a freeze). */
  async reevaluate(id: string, actor: Principal): Promise<PromotionReceipt> {
    const { row, product } = await this.load(id, actor);
    await this.enforce(evaluateRefusal(this.facts(row, product, false)), actor, 'evaluate', row);
    const patch = await this.reevaluation(row, product, row.approvals.map(toApprovalRecord));
    return this.settled(await this.repository.transaction((tx) => this.workflow.transition(tx, row, patch, 'reevaluate', {}, actor.id)), product);
  }

  /** Break-glass: someone in the environment's breakGlassRoles lets a failed gate (or a freeze) pass, with a written reason. */
  async override(id: string, check: GateCheck, reason: string, actor: Principal): Promise<PromotionReceipt> {
    const { row, product } = await this.load(id, actor);
    await this.enforce(overrideRefusal(this.facts(row, product, false), actor, this.gatesFor(row, product)), actor, 'override', row);
    if (check === 'approvals') throw DomainError.validation([{ field: 'check', message: 'approvals cannot be overridden: people approve, break-glass does not replace them' }]);
    const gate = (row.gates as unknown as { check: string; status: string; hard: boolean }[]).find((g) => g.check === check);
    if (!gate || gate.status !== 'failed') throw DomainError.validation([{ field: 'check', message: `${check} is not a failed gate of this promotion` }]);
    const override: GateOverride = { check, by: actor.id, reason, at: new Date().toISOString() };
    const overrides = [...(row.overrides as unknown as GateOverride[]).filter((o) => o.check !== check), override];
    const patch = await this.reevaluation({ ...row, overrides: overrides as unknown as PromotionRow['overrides'] }, product, row.approvals.map(toApprovalRecord));
    return this.settled(await this.repository.transaction((tx) => this.workflow.transition(tx, row, { ...patch, overrides }, 'override', { breakGlass: true, check, reason }, actor.id)), product);
  }

  async cancel(id: string, actor: Principal): Promise<PromotionReceipt> {
    const { row, product } = await this.load(id, actor);
    await this.enforce(cancelRefusal(this.facts(row, product, false), actor), actor, 'cancel', row);
    const recorded = await this.repository.transaction((tx) => this.workflow.transition(tx, row, { state: 'cancelled', stateReason: `cancelled by ${actor.id}`, completedAt: new Date() }, 'cancel', {}, actor.id));
    return { ...this.view(recorded.row, product), audit: toAuditEntryView(recorded.entry) };
  }

  /** One promotion with what approving it does and what the caller may do on it now. */
  async get(id: string, actor: Principal): Promise<PromotionDetail> {
    const { row, product } = await this.load(id, actor);
    const manifest = (await this.products.revision(row.productName, row.revision, BOOTSTRAP_ADMIN)).manifest;
    const plan = this.planner.plan({ kind: row.kind as 'promotion' | 'rollback', product, revision: row.revision, bindings: manifest.spec.bindings, from: row.fromEnv, to: row.toEnv });
    const policy = {
      approve: this.policies.decide(actor, 'approve', 'Promotion'),
      override: this.policies.decide(actor, 'override', 'Promotion'),
      request: this.policies.decide(actor, 'request', 'Promotion'),
    };
    const gates = this.gatesFor(row, product);
    const facts = this.facts(row, product, manifest.spec.containsPii);
    const evidence = breakingChangeEvidence(row);
    const mayAcknowledge = evidence && evidence.breaking.length && evidence.downstream.length ? acknowledgeable(evidence, actor, row.requestedBy) : null;
    const why = evidence?.downstream.filter((d) => !d.acknowledgedBy.length).map((d) => acknowledgementRefusal(evidence, d.product, actor, row.requestedBy)?.reason).find(Boolean) ?? null;
    const acknowledge = acknowledgeAction(facts, this.policies.decide(actor, 'acknowledge', 'Promotion'), hasBreakingChangeGate(gates), mayAcknowledge, why);
    const actions = { ...actionsFor(facts, actor, policy, gates, new Date()), acknowledge };
    return { ...this.view(row, product), plan, actions };
  }

  async list(query: PromotionListQuery, actor: Principal): Promise<Page<PromotionView>> {
    if (query.after && !UUID.test(query.after)) throw DomainError.validation([{ field: 'query.cursor', message: 'is not a cursor returned by this API' }]);
    const mine = query.mine ? await this.products.namesOwnedBy(actor) : undefined;
    const where: Prisma.PromotionWhereInput = {
      ...(query.state ? { state: query.state } : {}),
      ...(mine ? { productName: query.product ? { in: mine.filter((n) => n === query.product) } : { in: mine } } : query.product ? { productName: query.product } : {}),
      ...(query.awaitingMe ? { state: { in: [...OPEN_STATES] }, requestedBy: { not: actor.id }, approvals: { none: { principalId: actor.id } } } : {}),
      ...(query.awaitingAcknowledgement ? { state: { in: [...OPEN_STATES] }, requestedBy: { not: actor.id } } : {}),
    };
    // The inbox needs the per-environment approval rules, which SQL cannot see: read ahead and filter.
    const take = query.awaitingMe || query.awaitingAcknowledgement ? Math.max(query.limit * 5, 200) : query.limit;
    const rows = await this.repository.list(where, take, query.after);
    const readable = await this.products.readableAttributes([...new Set(rows.map((r) => r.productName))], actor);
    const visible = rows.filter((r) => {
      const product = readable.get(r.productName);
      return !!product && (!query.awaitingMe || this.mayApprove(r, product, actor)) && (!query.awaitingAcknowledgement || this.waitsForAcknowledgementOf(r, actor));
    });
    const items = visible.slice(0, query.limit);
    const more = visible.length > query.limit || rows.length > take;
    return { items: items.map((r) => this.view(r, readable.get(r.productName)!)), nextCursor: more && items.length ? items[items.length - 1].id : null };
  }

  // ------------------------------------------------------------------------------------------------------ internals

  /** A refusal of the workflow's rules: 409 when the promotion's state forbids it, 403 (audited like every denial) when the principal may not. */
  private async enforce(refusal: Refusal | null, actor: Principal, action: string, row: PromotionRow): Promise<void> {
    if (!refusal) return;
    if (refusal.kind === 'conflict') throw conflict(refusal.reason);
    await this.access.deny(
      actor,
      { allowed: false, action, subjectType: 'Promotion', reason: refusal.reason, decidingRule: null, matchedRules: [], policyVersion: this.policies.current.version },
      { id: row.id, product: row.productName, to: row.toEnv },
    );
  }

  /** What the action rules look at. */
  private facts(row: PromotionRow, product: ProductAttributes, containsPii: boolean): ActionFacts {
    return {
      id: row.id,
      state: row.state as PromotionState,
      toEnv: row.toEnv,
      requestedBy: row.requestedBy,
      gates: row.gates as unknown as ActionFacts['gates'],
      containsPii,
      decidedBy: row.approvals.map((a) => a.principalId),
      expiresAt: this.expiryOf(row, product),
    };
  }

  /** An open request lapses `approvals.expireRequestsAfter` after it was made (the executor expires it). */
  private expiryOf(row: PromotionRow, product: ProductAttributes): Date | null {
    if (!OPEN_STATES.has(row.state as PromotionState)) return null;
    const lifetime = parseIsoDuration(this.gatesFor(row, product)?.approvals?.expireRequestsAfter ?? '');
    return lifetime ? new Date(row.createdAt.getTime() + lifetime) : null;
  }

  /** Whether the promotion's breaking changes wait for an acknowledgement the principal may give (from the gate's stored evidence). */
  private waitsForAcknowledgementOf(row: PromotionRow, actor: Principal): boolean {
    const evidence = breakingChangeEvidence(row);
    const gate = (row.gates as unknown as { check: string; status: string }[]).find((g) => g.check === 'breakingChangesAcknowledged');
    return !!evidence && gate?.status === 'pending' && acknowledgeable(evidence, actor, row.requestedBy).length > 0;
  }

  /** The gates of the promotion's target environment for its product (the policies' one resolution). */
  private gatesFor(row: Pick<PromotionRow, 'toEnv'>, product: ProductAttributes): EnvironmentGates | undefined {
    return this.policies.gatesFor(row.toEnv, product);
  }

  private mayApprove(row: PromotionRow, product: ProductAttributes, actor: Principal): boolean {
    const rules = this.gatesFor(row, product)?.approvals;
    return !!rules && ineligibility(rules, actor, row.requestedBy, false) === null;
  }

  private async open(args: { kind: 'promotion' | 'rollback'; product: DataProductView; revision: RevisionView; from: string; to: string; reason: string; actor: Principal; idempotencyKey: string | null }): Promise<PromotionReceipt> {
    const { product, revision } = args;
    const outcome = await this.evaluate({ kind: args.kind, productName: product.name, revision: revision.number, fromEnv: args.from, toEnv: args.to, overrides: [], approvals: [] }, product, revision, args.kind === 'rollback' ? revision.digest : product.digest);
    const next = nextState(outcome.results, outcome.tally);
    const recorded = await this.repository.transaction(async (tx) => {
      const created = await this.repository.create(tx, {
        kind: args.kind,
        productName: product.name,
        revision: revision.number,
        digest: revision.digest,
        fromEnv: args.from,
        toEnv: args.to,
        reason: args.reason,
        state: next.state,
        stateReason: next.reason,
        requestedBy: args.actor.id,
        idempotencyKey: args.idempotencyKey,
        gates: outcome.results,
        overrides: [],
        policyVersion: this.policies.current.version,
      });
      const stamped = next.state === 'approved' ? (await this.repository.update(tx, created.id, created.version, { approvedAt: new Date() }))! : created;
      return this.workflow.created(tx, stamped);
    });
    return this.settled(recorded, product);
  }

  /** After a committed change: an approved promotion is handed to the executor at once. */
  private settled({ row, entry }: Recorded, product: ProductAttributes): PromotionReceipt {
    if (row.state === 'approved') this.kick(row.id);
    return { ...this.view(row, product), audit: toAuditEntryView(entry) };
  }

  /**
   * Every gate again on current facts, and the state that follows, as a patch to apply. Computed
   * before the transaction that applies it (reads never run inside a write transaction); the
   * optimistic version check makes sure nothing moved in between.
   */
  private async reevaluation(row: PromotionRow, product: ProductAttributes, approvals: ApprovalRecord[], acknowledgements: PendingAcknowledgement[] = []): Promise<PromotionPatch> {
    const revision = await this.products.revision(row.productName, row.revision, BOOTSTRAP_ADMIN);
    const outcome = await this.evaluate(row, product, revision, await this.approvalDigest(row), approvals, acknowledgements);
    const next = nextState(outcome.results, outcome.tally);
    return {
      state: next.state,
      stateReason: next.reason,
      gates: outcome.results,
      policyVersion: this.policies.current.version,
      ...(next.state === 'approved' ? { approvedAt: new Date() } : {}),
      ...(next.state === 'rejected' ? { completedAt: new Date() } : {}),
    };
  }

  private evaluate(
    row: Pick<PromotionRow, 'kind' | 'productName' | 'revision' | 'fromEnv' | 'toEnv'> & { overrides: unknown; approvals: unknown[] },
    product: ProductAttributes,
    revision: RevisionView,
    approvalDigest: string,
    approvals: ApprovalRecord[] = [],
    pendingAcknowledgements: PendingAcknowledgement[] = [],
  ): Promise<GateOutcome> {
    return this.evaluator.evaluate({
      kind: row.kind as 'promotion' | 'rollback',
      product: row.productName,
      revision: row.revision,
      manifest: revision.manifest,
      from: row.fromEnv,
      to: row.toEnv,
      approvalDigest,
      approvals,
      overrides: row.overrides as GateOverride[],
      gates: this.gatesFor(row, product),
      now: new Date(),
      pendingAcknowledgements,
    });
  }

  /**
   * What an approval is bound to: for a promotion, the product's current digest (a change to the
   * product after an approval makes the approval lapse); for a rollback, the revision rolled back to.
   */
  private async approvalDigest(row: Pick<PromotionRow, 'kind' | 'digest' | 'productName'>): Promise<string> {
    if (row.kind === 'rollback') return row.digest;
    return (await this.products.digestOf(row.productName)) ?? row.digest;
  }

  private view(row: PromotionRow, product: ProductAttributes): PromotionView {
    const gate = (row.gates as unknown as { check: string; evidence?: { lapsed?: { principal: string }[] } }[]).find((g) => g.check === 'approvals');
    return toPromotionView(row, new Set((gate?.evidence?.lapsed ?? []).map((l) => l.principal)), this.expiryOf(row, product));
  }

  /** The promotion and its product (403/404 when the product is not readable). */
  private async load(id: string, actor: Principal): Promise<{ row: PromotionRow; product: DataProductView }> {
    if (!UUID.test(id)) throw DomainError.notFound(`Promotion ${id} does not exist.`);
    const row = await this.repository.find(id);
    if (!row) throw DomainError.notFound(`Promotion ${id} does not exist.`);
    return { row, product: await this.products.get(row.productName, actor) };
  }

  /** A request's environments and revision checked: the next environment, an active product, a revision it has. */
  private async checkedRequest(body: Omit<PromotionRequest, 'reason'>, actor: Principal): Promise<{ product: DataProductView; revision: RevisionView }> {
    const fromIndex = this.config.environments.indexOf(body.from);
    const errors = [
      ...(fromIndex < 0 ? [{ field: 'from', message: `must be one of ${this.config.environments.join(', ')}` }] : []),
      ...(!this.config.environments.includes(body.to) ? [{ field: 'to', message: `must be one of ${this.config.environments.join(', ')}` }] : []),
    ];
    if (!errors.length && this.config.environments[fromIndex + 1] !== body.to) {
      errors.push({ field: 'to', message: `a promotion moves to the next environment: from ${body.from} that is ${this.config.environments[fromIndex + 1] ?? 'none (it is the last)'}` });
    }
    if (errors.length) throw DomainError.validation(errors, 'The promotion request is invalid.');
    const product = await this.activeProduct(body.product, actor);
    return { product, revision: await this.revisionOf(product, body.revision, actor) };
  }

  private async sameRequest(existing: PromotionRow, body: PromotionRequest): Promise<PromotionView> {
    const same = existing.productName === body.product && existing.revision === body.revision && existing.fromEnv === body.from && existing.toEnv === body.to && existing.reason === body.reason;
    if (!same) throw conflict('This Idempotency-Key was used for a different promotion request.');
    return this.view(existing, await this.products.get(existing.productName, BOOTSTRAP_ADMIN));
  }

  private async activeProduct(name: string, actor: Principal): Promise<DataProductView> {
    const product = await this.products.get(name, actor);
    if (product.status === 'retired') throw new DomainError(ErrorCode.PRODUCT_RETIRED, `Data product ${name} is retired; it cannot be promoted.`);
    return product;
  }

  private async revisionOf(product: DataProductView, number: number, actor: Principal): Promise<RevisionView> {
    if (number > product.revision || number < 1) throw DomainError.validation([{ field: 'revision', message: `${product.name} has revisions 1 to ${product.revision}` }]);
    return this.products.revision(product.name, number, actor);
  }
}

function hasBreakingChangeGate(gates: EnvironmentGates | undefined): boolean {
  return !!gates && (gates.checks.includes('breakingChangesAcknowledged') || gates.softChecks.includes('breakingChangesAcknowledged'));
}

/** The breaking-change gate's evidence as the promotion stored it, or null when it has none. */
function breakingChangeEvidence(row: PromotionRow): AcknowledgementFacts | null {
  const gate = (row.gates as unknown as { check: string; evidence?: Partial<AcknowledgementFacts> }[]).find((g) => g.check === 'breakingChangesAcknowledged');
  const e = gate?.evidence;
  return e && typeof e.owner === 'string' && Array.isArray(e.downstream) && Array.isArray(e.breaking) ? (e as AcknowledgementFacts) : null;
}

function toApprovalRecord(a: PromotionRow['approvals'][number]): ApprovalRecord {
  return { principalId: a.principalId, principalKind: a.principalKind, roles: a.roles, teams: a.teams, decision: a.decision as ApprovalRecord['decision'], digest: a.digest, createdAt: a.createdAt, expiresAt: a.expiresAt };
}
