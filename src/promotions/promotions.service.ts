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
import type { GateCheck } from '../policy/policy-vocabulary';
import { ApprovalRecord, ineligibility } from './gates/approvals';
import { GateEvaluator, GateOutcome } from './gates/gate-evaluator';
import type { GateOverride } from './gates/gate.types';
import { PromotionPatch, PromotionRepository, PromotionRow } from './promotion.repository';
import { toPromotionView } from './promotion-view';
import { nextState, PromotionWorkflow } from './promotion-workflow';
import { OPEN_STATES, PromotionListQuery, PromotionState, PromotionView } from './promotion.types';

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
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {}

  onApproved(kick: Kick): void {
    this.kick = kick;
  }

  /** POST /promotions. With an idempotency key, the same request again answers the promotion it created. */
  async request(body: PromotionRequest, actor: Principal, idempotencyKey?: string): Promise<{ promotion: PromotionView; created: boolean }> {
    if (idempotencyKey) {
      const existing = await this.repository.findByKey(actor.id, idempotencyKey);
      if (existing) return { promotion: this.sameRequest(existing, body), created: false };
    }
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
    const revision = await this.revisionOf(product, body.revision, actor);
    try {
      const promotion = await this.open({ kind: 'promotion', product, revision, from: body.from, to: body.to, reason: body.reason, actor, idempotencyKey: idempotencyKey ?? null });
      return { promotion, created: true };
    } catch (error) {
      // the same key raced in from two requests: the loser answers what the winner created
      if (idempotencyKey && isUniqueViolation(error)) {
        const existing = await this.repository.findByKey(actor.id, idempotencyKey);
        if (existing) return { promotion: this.sameRequest(existing, body), created: false };
      }
      throw error;
    }
  }

  /** Rolls an environment back to the previous good revision, or a named one, through the same gates. */
  async rollback(name: string, environment: string, body: RollbackRequest, actor: Principal): Promise<PromotionView> {
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

  async approve(id: string, decision: 'approve' | 'reject', comment: string, actor: Principal): Promise<PromotionView> {
    const row = await this.load(id, actor);
    if (!OPEN_STATES.has(row.state as PromotionState)) throw conflict(`Promotion ${id} is ${row.state}; it takes no more decisions.`);
    const rules = this.policies.gatesFor(row.toEnv)?.approvals;
    if (!rules) throw conflict(`Promotions into ${row.toEnv} need no approvals.`);
    if (row.approvals.some((a) => a.principalId === actor.id)) throw conflict(`${actor.id} already decided on promotion ${id}.`);
    const manifest = (await this.revisionOf(await this.products.get(row.productName, actor), row.revision, actor)).manifest;
    const refusal = ineligibility(rules, actor, row.requestedBy, manifest.spec.containsPii);
    if (refusal) await this.refuse(actor, 'approve', refusal, row);
    const now = new Date();
    const approval: ApprovalRecord & { comment: string } = {
      principalId: actor.id,
      principalKind: actor.kind,
      roles: actor.roles,
      teams: actor.teams,
      decision,
      digest: await this.approvalDigest(row),
      createdAt: now,
      expiresAt: new Date(now.getTime() + (parseIsoDuration(rules.expireAfter) ?? 7 * 86_400_000)),
      comment,
    };
    const patch = await this.reevaluation(row, [...row.approvals.map(toApprovalRecord), approval]);
    const updated = await this.repository.transaction(async (tx) => {
      await this.repository.addApproval(tx, id, approval);
      return this.workflow.transition(tx, row, patch, decision, { comment }, actor.id);
    });
    return this.settled(updated);
  }

  /** Evaluates a blocked or waiting promotion's gates again (after a fix, a run, the end of a freeze). */
  async reevaluate(id: string, actor: Principal): Promise<PromotionView> {
    const row = await this.load(id, actor);
    if (!OPEN_STATES.has(row.state as PromotionState)) throw conflict(`Promotion ${id} is ${row.state}; there is nothing to re-evaluate.`);
    const patch = await this.reevaluation(row, row.approvals.map(toApprovalRecord));
    return this.settled(await this.repository.transaction((tx) => this.workflow.transition(tx, row, patch, 'reevaluate', {}, actor.id)));
  }

  /** Break-glass: someone in the environment's breakGlassRoles lets a failed gate (or a freeze) pass, with a written reason. */
  async override(id: string, check: GateCheck, reason: string, actor: Principal): Promise<PromotionView> {
    const row = await this.load(id, actor);
    if (!OPEN_STATES.has(row.state as PromotionState)) throw conflict(`Promotion ${id} is ${row.state}; gates can no longer be overridden.`);
    const gates = this.policies.gatesFor(row.toEnv);
    const roles = gates?.breakGlassRoles ?? ['admin'];
    if (!actor.roles.some((r) => roles.includes(r))) await this.refuse(actor, 'override', `break-glass in ${row.toEnv} is for the roles ${roles.join(', ')}`, row);
    if (check === 'approvals') throw DomainError.validation([{ field: 'check', message: 'approvals cannot be overridden: people approve, break-glass does not replace them' }]);
    const gate = (row.gates as unknown as { check: string; status: string; hard: boolean }[]).find((g) => g.check === check);
    if (!gate || gate.status !== 'failed') throw DomainError.validation([{ field: 'check', message: `${check} is not a failed gate of this promotion` }]);
    const override: GateOverride = { check, by: actor.id, reason, at: new Date().toISOString() };
    const overrides = [...(row.overrides as unknown as GateOverride[]).filter((o) => o.check !== check), override];
    const patch = await this.reevaluation({ ...row, overrides: overrides as unknown as PromotionRow['overrides'] }, row.approvals.map(toApprovalRecord));
    return this.settled(await this.repository.transaction((tx) => this.workflow.transition(tx, row, { ...patch, overrides }, 'override', { breakGlass: true, check, reason }, actor.id)));
  }

  async cancel(id: string, actor: Principal): Promise<PromotionView> {
    const row = await this.load(id, actor);
    if (row.requestedBy !== actor.id && !actor.roles.includes('admin')) await this.refuse(actor, 'cancel', 'only the requester or an admin cancels a promotion', row);
    if (!OPEN_STATES.has(row.state as PromotionState) && row.state !== 'approved') throw conflict(`Promotion ${id} is ${row.state}; it can no longer be cancelled.`);
    return this.view(await this.repository.transaction((tx) => this.workflow.transition(tx, row, { state: 'cancelled', stateReason: `cancelled by ${actor.id}`, completedAt: new Date() }, 'cancel', {}, actor.id)));
  }

  async get(id: string, actor: Principal): Promise<PromotionView> {
    return this.view(await this.load(id, actor));
  }

  async list(query: PromotionListQuery, actor: Principal): Promise<Page<PromotionView>> {
    if (query.after && !UUID.test(query.after)) throw DomainError.validation([{ field: 'query.cursor', message: 'is not a cursor returned by this API' }]);
    const where: Prisma.PromotionWhereInput = {
      ...(query.state ? { state: query.state } : {}),
      ...(query.product ? { productName: query.product } : {}),
      ...(query.awaitingMe ? { state: { in: [...OPEN_STATES] }, requestedBy: { not: actor.id }, approvals: { none: { principalId: actor.id } } } : {}),
    };
    // The inbox needs the per-environment approval rules, which SQL cannot see: read ahead and filter.
    const take = query.awaitingMe ? Math.max(query.limit * 5, 200) : query.limit;
    const rows = await this.repository.list(where, take, query.after);
    const readable = await this.products.readableAmong([...new Set(rows.map((r) => r.productName))], actor);
    const visible = rows.filter((r) => readable.has(r.productName) && (!query.awaitingMe || this.mayApprove(r, actor)));
    const items = visible.slice(0, query.limit);
    const more = visible.length > query.limit || rows.length > take;
    return { items: await Promise.all(items.map((r) => this.view(r))), nextCursor: more && items.length ? items[items.length - 1].id : null };
  }

  // ------------------------------------------------------------------------------------------------------ internals

  /** A workflow rule refused the principal: 403 naming the rule, audited like every denial. */
  private async refuse(actor: Principal, action: string, reason: string, row: PromotionRow): Promise<never> {
    return this.access.deny(
      actor,
      { allowed: false, action, subjectType: 'Promotion', reason, decidingRule: null, matchedRules: [], policyVersion: this.policies.current.version },
      { id: row.id, product: row.productName, to: row.toEnv },
    );
  }

  private mayApprove(row: PromotionRow, actor: Principal): boolean {
    const rules = this.policies.gatesFor(row.toEnv)?.approvals;
    return !!rules && ineligibility(rules, actor, row.requestedBy, false) === null;
  }

  private async open(args: { kind: 'promotion' | 'rollback'; product: DataProductView; revision: RevisionView; from: string; to: string; reason: string; actor: Principal; idempotencyKey: string | null }): Promise<PromotionView> {
    const { product, revision } = args;
    const outcome = await this.evaluate({ kind: args.kind, productName: product.name, revision: revision.number, fromEnv: args.from, toEnv: args.to, overrides: [], approvals: [] }, revision, args.kind === 'rollback' ? revision.digest : product.digest);
    const next = nextState(outcome.results, outcome.tally);
    const row = await this.repository.transaction(async (tx) => {
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
      await this.workflow.created(tx, stamped);
      return stamped;
    });
    return this.settled(row);
  }

  /** After a committed change: an approved promotion is handed to the executor at once. */
  private settled(row: PromotionRow): Promise<PromotionView> {
    if (row.state === 'approved') this.kick(row.id);
    return this.view(row);
  }

  /**
   * Every gate again on current facts, and the state that follows, as a patch to apply. Computed
   * before the transaction that applies it (reads never run inside a write transaction); the
   * optimistic version check makes sure nothing moved in between.
   */
  private async reevaluation(row: PromotionRow, approvals: ApprovalRecord[]): Promise<PromotionPatch> {
    const revision = await this.products.revision(row.productName, row.revision, BOOTSTRAP_ADMIN);
    const outcome = await this.evaluate(row, revision, await this.approvalDigest(row), approvals);
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
    revision: RevisionView,
    approvalDigest: string,
    approvals: ApprovalRecord[] = [],
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
      gates: this.policies.gatesFor(row.toEnv),
      now: new Date(),
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

  private async view(row: PromotionRow): Promise<PromotionView> {
    const gate = (row.gates as unknown as { check: string; evidence?: { lapsed?: { principal: string }[] } }[]).find((g) => g.check === 'approvals');
    return toPromotionView(row, new Set((gate?.evidence?.lapsed ?? []).map((l) => l.principal)));
  }

  private async load(id: string, actor: Principal): Promise<PromotionRow> {
    if (!UUID.test(id)) throw DomainError.notFound(`Promotion ${id} does not exist.`);
    const row = await this.repository.find(id);
    if (!row) throw DomainError.notFound(`Promotion ${id} does not exist.`);
    await this.products.get(row.productName, actor); // 403/404 when the product is not readable
    return row;
  }

  private sameRequest(existing: PromotionRow, body: PromotionRequest): PromotionView {
    const same = existing.productName === body.product && existing.revision === body.revision && existing.fromEnv === body.from && existing.toEnv === body.to && existing.reason === body.reason;
    if (!same) throw conflict('This Idempotency-Key was used for a different promotion request.');
    return toPromotionView(existing);
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

function toApprovalRecord(a: PromotionRow['approvals'][number]): ApprovalRecord {
  return { principalId: a.principalId, principalKind: a.principalKind, roles: a.roles, teams: a.teams, decision: a.decision as ApprovalRecord['decision'], digest: a.digest, createdAt: a.createdAt, expiresAt: a.expiresAt };
}
