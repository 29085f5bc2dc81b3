import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OrchestratorError } from '../../adapters/core/orchestrator-error';
import { BOOTSTRAP_ADMIN } from '../auth/principal';
import { DataProductsService } from '../catalog/data-products.service';
import { parseIsoDuration } from '../catalog/manifest/iso-duration';
import { PolicyService } from '../policy/policy.service';
import { DomainError } from '../common/errors/domain-error';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { GatehouseRunEvents } from '../orchestrators/gatehouse-run-events';
import { FINAL_STATUSES } from '../orchestrators/run.types';
import { RunsService } from '../orchestrators/runs.service';
import { PromotionPatch, PromotionRepository, PromotionRow } from './promotion.repository';
import { PromotionWorkflow } from './promotion-workflow';
import { PromotionsService } from './promotions.service';

/** How long a claim lasts; renewed at every step, so it only runs out when its owner died. */
const LEASE_MS = 30_000;
const BATCH = 10;
const MAX_BACKOFF_MS = 300_000;
/** Adapter errors worth retrying: the orchestrator may come back. Others fail the promotion. */
const RETRYABLE = new Set(['unreachable', 'timeout', 'orchestrator_error', 'unauthorized']);

/**
 * Runs approved promotions on the orchestrator and follows them to the end.
 *
 * approved → executing: the run id is chosen and stored first (in the same transaction as the
 * state), so every later attempt — after a crash, a restart, the orchestrator being down — asks
 * for the same run, which the adapters make idempotent. The run's end arrives by push (lineage,
 * or a read of the run, ends it: GatehouseRunEvents) or by polling as a fallback.
 *
 * Work is leased in the database (`lease_owner`, `lease_until`, SKIP LOCKED), so two Gatehouse
 * instances on one PostgreSQL never drive the same promotion at the same time, and a crashed
 * instance's lease simply runs out.
 */
@Injectable()
export class PromotionExecutor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Promotions');
  private readonly owner = `gatehouse-${randomUUID()}`;
  private timer?: NodeJS.Timeout;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  /** Promotions this instance is advancing now; a push for one of them makes it go round once more. */
  private readonly active = new Map<string, { again: boolean }>();
  private stopped = false;

  constructor(
    private readonly repository: PromotionRepository,
    private readonly workflow: PromotionWorkflow,
    private readonly runs: RunsService,
    private readonly products: DataProductsService,
    private readonly policies: PolicyService,
    promotions: PromotionsService,
    runEvents: GatehouseRunEvents,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {
    promotions.onApproved((id) => this.kick(id));
    runEvents.onEnded(async (run) => {
      const promotion = await this.repository.byRunId(run.id);
      if (promotion) this.kick(promotion.id);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // The embedded database belongs to one process: any lease found at start-up is a crashed
    // predecessor's, and waiting for it to run out would only delay the promotions it held.
    if (this.config.database.kind === 'embedded') await this.repository.releaseAllLeases();
    this.timer = setInterval(() => this.tick(), this.config.promotionPollMs);
    this.timer.unref();
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /** One pass: stale requests expire, then everything due is claimed and moved as far as it can go now. */
  async runDue(): Promise<void> {
    await this.expireStale();
    for (;;) {
      const ids = await this.repository.claimDue(this.owner, BATCH, LEASE_MS);
      if (!ids.length || this.stopped) return;
      // one promotion failing must not strand the others this pass claimed
      for (const id of ids) await this.advance(id).catch((error: Error) => this.logger.warn(`Promotion ${id}: ${error.message}`));
    }
  }

  /**
   * A request that waited longer than its environment's `approvals.expireRequestsAfter`
   * without being approved expires: whoever still wants it asks again, and the gates are fresh.
   */
  private async expireStale(): Promise<void> {
    const now = Date.now();
    for (const environment of this.config.environments) {
      // the shortest lifetime any product has here finds the candidates; each product's own decides
      const shortest = this.shortestRequestLifetime(environment);
      if (shortest === null) continue;
      for (const row of await this.repository.openOlderThan(environment, new Date(now - shortest))) {
        const product = await this.products.get(row.productName, BOOTSTRAP_ADMIN).catch(() => null);
        const rules = product && this.policies.gatesFor(environment, product)?.approvals;
        const lifetime = parseIsoDuration(rules?.expireRequestsAfter ?? '');
        if (!rules || !lifetime || row.createdAt.getTime() + lifetime > now) continue;
        await this.repository
          .transaction((tx) => this.workflow.transition(tx, row, { state: 'expired', stateReason: `not approved within ${rules.expireRequestsAfter}`, completedAt: new Date() }, 'expire', {}, 'gatehouse'))
          .catch((error: Error) => this.logger.debug(`Promotion ${row.id} not expired: ${error.message}`));
      }
    }
  }

  /** The shortest `approvals.expireRequestsAfter` of an environment's gates and their product rules (null: requests there never expire). */
  private shortestRequestLifetime(environment: string): number | null {
    const policy = this.policies.current.gates.get(environment);
    if (!policy) return null;
    const lifetimes = [policy.approvals?.expireRequestsAfter, ...policy.rules.map((r) => r.approvals?.expireRequestsAfter ?? (r.approvals ? 'P30D' : undefined))]
      .map((d) => (d ? parseIsoDuration(d) : null))
      .filter((d): d is number => !!d);
    return lifetimes.length ? Math.min(...lifetimes) : null;
  }

  /** Push: something says this promotion can move now (approved, its run ended). */
  kick(id: string): void {
    if (this.stopped) return;
    const work = (async () => {
      if (await this.repository.claim(this.owner, id, LEASE_MS)) await this.advance(id);
    })()
      .catch((error: Error) => this.logger.warn(`Promotion ${id}: ${error.message}`))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private tick(): void {
    this.loop ??= this.runDue()
      .catch((error: Error) => this.logger.warn(`Promotion executor pass failed: ${error.message}`))
      .finally(() => (this.loop = undefined));
  }

  /** Moves one leased promotion through as many steps as are possible now, then releases it. */
  private async advance(id: string): Promise<void> {
    const running = this.active.get(id);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: true };
    this.active.set(id, state);
    try {
      // (re)take the lease: it may have been released by a kick that ran meanwhile, and this renews it
      if (!(await this.repository.claim(this.owner, id, LEASE_MS))) return;
      while (state.again && !this.stopped) {
        state.again = false;
        for (let step = 0; step < 4 && !this.stopped; step++) {
          if (step > 0 && !(await this.repository.claim(this.owner, id, LEASE_MS))) return;
          const row = await this.repository.find(id);
          if (!row) return;
          const moved = row.state === 'approved' ? await this.start(row) : row.state === 'executing' ? await this.follow(row) : false;
          if (!moved) break;
        }
      }
    } finally {
      this.active.delete(id);
      await this.repository.release(this.owner, id);
    }
  }

  /** approved → executing, with the run id fixed and the environment marked as deploying. */
  private async start(row: PromotionRow): Promise<boolean> {
    const other = await this.repository.inFlight(row.productName, row.toEnv, row.id);
    if (other && other.state === 'executing') {
      await this.patch(row, { nextAttemptAt: this.later(5_000), stateReason: `waiting for promotion ${other.id} into ${row.toEnv} to finish` });
      return false;
    }
    const manifest = (await this.products.revision(row.productName, row.revision, BOOTSTRAP_ADMIN)).manifest;
    let orchestrator: string;
    try {
      orchestrator = this.runs.bindingFor(row.productName, manifest.spec.bindings, row.toEnv).orchestrator;
    } catch (error) {
      await this.finish(row, 'failed', (error as DomainError).errors?.[0]?.message ?? (error as Error).message);
      return false;
    }
    await this.repository.transaction(async (tx) => {
      await this.products.setDeployment(row.productName, row.toEnv, 'deploying', tx);
      await this.workflow.transition(tx, row, { state: 'executing', stateReason: `starting on ${orchestrator}`, runId: randomUUID(), orchestrator, attempts: 0, nextAttemptAt: null }, 'execute', {}, 'gatehouse');
    });
    return true;
  }

  /** executing: trigger (again, idempotently) until the orchestrator took it, then follow the run. */
  private async follow(row: PromotionRow): Promise<boolean> {
    if (!row.triggeredAt) return this.trigger(row);
    const run = await this.runs.get(row.runId!);
    if (FINAL_STATUSES.has(run.status)) {
      await this.finish(row, run.status === 'succeeded' ? 'succeeded' : 'failed', run.status === 'succeeded' ? null : (run.error ?? `the run ${run.status} on ${row.orchestrator}`));
      return false;
    }
    const reason = run.live ? `run ${run.id} ${run.status} on ${row.orchestrator}` : `run ${run.id} ${run.status}; ${row.orchestrator} did not answer, retrying`;
    await this.patch(row, { stateReason: reason, nextAttemptAt: this.later(this.config.promotionPollMs || 5_000) });
    return false;
  }

  private async trigger(row: PromotionRow): Promise<boolean> {
    const manifest = (await this.products.revision(row.productName, row.revision, BOOTSTRAP_ADMIN)).manifest;
    try {
      const binding = this.runs.bindingFor(row.productName, manifest.spec.bindings, row.toEnv);
      const run = await this.runs.launch({
        runId: row.runId!,
        product: row.productName,
        revision: row.revision,
        environment: row.toEnv,
        binding,
        requestedBy: row.requestedBy,
        tags: { 'gatehouse/promotion': row.id },
      });
      await this.patch(row, { triggeredAt: new Date(), stateReason: `run ${run.id} ${run.status} on ${binding.orchestrator}`, nextAttemptAt: this.later(this.config.promotionPollMs || 5_000) });
      return FINAL_STATUSES.has(run.status);
    } catch (error) {
      if (error instanceof OrchestratorError && RETRYABLE.has(error.code)) {
        const attempts = row.attempts + 1;
        const delay = Math.min(1000 * 2 ** Math.min(attempts, 10), MAX_BACKOFF_MS) * (0.75 + Math.random() * 0.5);
        const at = this.later(delay);
        await this.patch(row, { attempts, nextAttemptAt: at, stateReason: `${row.orchestrator} is not available (${error.code}: ${error.message}); attempt ${attempts + 1} at ${at.toISOString()}` });
        return false;
      }
      await this.finish(row, 'failed', `${row.orchestrator} refused the run: ${(error as Error).message}`);
      return false;
    }
  }

  /** The end: on success the environment runs the revision; on failure it stays on its last good one. */
  private async finish(row: PromotionRow, outcome: 'succeeded' | 'failed', reason: string | null): Promise<void> {
    // reads first: a write transaction never waits on a read outside it (the embedded database has one connection)
    const replaced = outcome === 'succeeded' && row.kind === 'rollback' ? await this.replacedBy(row) : null;
    await this.repository.transaction(async (tx) => {
      if (outcome === 'succeeded') {
        await this.products.setDeployment(row.productName, row.toEnv, { deployed: row.revision }, tx);
        if (replaced) {
          await this.workflow.transition(tx, replaced, { state: 'rolled_back', stateReason: `rolled back to revision ${row.revision} by promotion ${row.id}` }, 'rolled-back', { rollback: row.id }, 'gatehouse');
        }
      } else {
        await this.products.setDeployment(row.productName, row.toEnv, 'settled', tx);
      }
      await this.workflow.transition(tx, row, { state: outcome, stateReason: reason, completedAt: new Date(), nextAttemptAt: null }, outcome === 'succeeded' ? 'succeed' : 'fail', {}, 'gatehouse');
    });
  }

  /** The last successful promotion into the environment, whose revision a rollback replaces. */
  private async replacedBy(rollback: PromotionRow): Promise<PromotionRow | null> {
    const [latest] = (await this.repository.succeededInto(rollback.productName, rollback.toEnv)).filter((p) => p.state === 'succeeded' && p.id !== rollback.id);
    return latest && latest.revision !== rollback.revision ? latest : null;
  }

  private async patch(row: PromotionRow, patch: PromotionPatch): Promise<void> {
    await this.repository.transaction(async (tx) => {
      if (!(await this.repository.update(tx, row.id, row.version, patch))) this.logger.debug(`Promotion ${row.id} moved meanwhile`);
    });
  }

  private later(ms: number): Date {
    return new Date(Date.now() + ms);
  }
}
