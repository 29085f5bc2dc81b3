import { Inject, Injectable } from '@nestjs/common';
import type { Manifest } from '../../catalog/manifest/manifest.schema';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { namespacesOf } from '../../lineage/environments';
import { LineageGraphRepository } from '../../lineage/graph/lineage-graph.repository';
import { RunsService } from '../../orchestrators/runs.service';
import type { EnvironmentGates } from '../../policy/policy-files.schema';
import type { GateCheck } from '../../policy/policy-vocabulary';
import { SlaService } from '../../sla/sla.service';
import { BreakingChangeGate, PendingAcknowledgement } from '../../contracts/gate/breaking-change-gate';
import { ApprovalRecord, ApprovalTally, tallyApprovals } from './approvals';
import { openFreezeWindow } from './freeze-window';
import type { GateOverride, GateResult } from './gate.types';

export interface GateInput {
  kind: 'promotion' | 'rollback';
  product: string;
  revision: number;
  /** The manifest of the revision being promoted. */
  manifest: Manifest;
  from: string;
  to: string;
  /** The digest approvals must match: the product's current one for a promotion, the revision's for a rollback. */
  approvalDigest: string;
  approvals: ApprovalRecord[];
  overrides: GateOverride[];
  gates: EnvironmentGates | undefined;
  now: Date;
  /** An acknowledgement being recorded with this evaluation (counted as given). */
  pendingAcknowledgements?: PendingAcknowledgement[];
}

export interface GateOutcome {
  results: GateResult[];
  tally: ApprovalTally | null;
}

type Evaluated = Omit<GateResult, 'check' | 'hard'>;

/**
 * Evaluates the target environment's gates for a promotion, each with the evidence it looked at.
 * Every gate is recomputed from current facts on each evaluation (re-evaluation after a fix, an
 * approval, or before execution), so nothing stale is ever trusted.
 */
@Injectable()
export class GateEvaluator {
  constructor(
    private readonly runs: RunsService,
    private readonly sla: SlaService,
    private readonly lineage: LineageGraphRepository,
    private readonly breakingChanges: BreakingChangeGate,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {}

  async evaluate(input: GateInput): Promise<GateOutcome> {
    const gates = input.gates ?? { checks: [], softChecks: [], freezeWindows: [], breakGlassRoles: ['admin'] };
    const wanted: { check: GateCheck; hard: boolean }[] = [
      ...gates.checks.map((check) => ({ check, hard: true })),
      ...gates.softChecks.filter((c) => !gates.checks.includes(c)).map((check) => ({ check, hard: false })),
    ];
    let tally: ApprovalTally | null = null;
    const results: GateResult[] = [];
    for (const { check, hard } of wanted) {
      let result: Evaluated;
      if (check === 'approvals') {
        tally = gates.approvals ? tallyApprovals(gates.approvals, input.approvals, input.approvalDigest, input.manifest.spec.containsPii, input.now) : null;
        result = tally
          ? { status: tally.status === 'passed' ? 'passed' : tally.status === 'rejected' ? 'failed' : 'pending', message: tally.message, evidence: approvalEvidence(gates.approvals!, tally, input.manifest.spec.containsPii) }
          : { status: 'passed', message: 'no approvals are required', evidence: {} };
      } else {
        result = await this.check(check, input, gates);
      }
      const override = input.overrides.find((o) => o.check === check);
      if (override && result.status === 'failed' && check !== 'approvals') {
        result = { status: 'overridden', message: `break-glass by ${override.by}: ${override.reason} (was: ${result.message})`, evidence: { ...result.evidence, override } };
      }
      results.push({ check, hard, ...result });
    }
    return { results, tally };
  }

  private async check(check: Exclude<GateCheck, 'approvals'>, input: GateInput, gates: EnvironmentGates): Promise<Evaluated> {
    const { metadata, spec } = input.manifest;
    switch (check) {
      case 'ownerDeclared':
        return metadata.owner ? { status: 'passed', message: `owner ${metadata.owner}`, evidence: { owner: metadata.owner } } : { status: 'failed', message: 'no owner declared', evidence: {} };
      case 'slaDeclared':
        return spec.sla?.freshness
          ? { status: 'passed', message: `freshness ${spec.sla.freshness}`, evidence: { sla: spec.sla } }
          : { status: 'failed', message: 'no SLA (spec.sla.freshness) declared', evidence: {} };
      case 'classificationDeclared':
        return spec.classification
          ? { status: 'passed', message: `classified ${spec.classification}`, evidence: { classification: spec.classification } }
          : { status: 'failed', message: 'no classification declared', evidence: {} };
      case 'stewardDeclared':
        return metadata.stewards?.length
          ? { status: 'passed', message: `stewards ${metadata.stewards.join(', ')}`, evidence: { stewards: metadata.stewards } }
          : { status: 'failed', message: 'no steward declared (metadata.stewards)', evidence: {} };
      case 'sourceRevisionSucceeded':
        return this.sourceRevision(input);
      case 'outputsFresh':
        return this.outputsFresh(input);
      case 'checksPassing':
        return this.checksPassing(input);
      case 'breakingChangesAcknowledged':
        return this.breakingChanges.verdict(await this.breakingChanges.assess(input.product, input.revision, input.manifest, input.to, input.pendingAcknowledgements));
      case 'noFreezeWindow': {
        const open = openFreezeWindow(gates.freezeWindows, input.now);
        return open
          ? { status: 'failed', message: `change freeze until ${open.closesAt}: ${open.window.reason}`, evidence: { ...open } }
          : { status: 'passed', message: 'no change freeze is open', evidence: { windows: gates.freezeWindows.length } };
      }
    }
  }

  /** The revision ran successfully in the source environment (for a rollback: in the target, before). */
  private async sourceRevision(input: GateInput): Promise<Evaluated> {
    const env = input.kind === 'rollback' ? input.to : input.from;
    const run = await this.runs.latestOfRevision(input.product, env, input.revision);
    const evidence = { environment: env, revision: input.revision, run: run ? { id: run.id, status: run.status, endedAt: run.endedAt } : null };
    if (run?.status === 'succeeded') return { status: 'passed', message: `revision ${input.revision} succeeded in ${env} (run ${run.id})`, evidence };
    if (run && (run.status === 'queued' || run.status === 'running')) return { status: 'pending', message: `revision ${input.revision} is running in ${env} (run ${run.id})`, evidence };
    return { status: 'failed', message: run ? `the last run of revision ${input.revision} in ${env} ${run.status}` : `revision ${input.revision} has not run in ${env}`, evidence };
  }

  private async outputsFresh(input: GateInput): Promise<Evaluated> {
    const env = input.kind === 'rollback' ? input.to : input.from;
    const states = (await this.sla.states(input.now, input.product)).filter((s) => s.environment === env);
    if (!states.length) return { status: 'passed', message: `no freshness SLA to keep in ${env}`, evidence: { environment: env } };
    const [state] = states;
    return state.status === 'fresh'
      ? { status: 'passed', message: `outputs fresh in ${env} until ${state.breachesAt}`, evidence: { ...state } }
      : { status: 'failed', message: `outputs out of their ${state.freshness} SLA in ${env}`, evidence: { ...state } };
  }

  private async checksPassing(input: GateInput): Promise<Evaluated> {
    const env = input.kind === 'rollback' ? input.to : input.from;
    const results = await this.lineage.latestChecks(input.manifest.spec.outputs, namespacesOf(this.config, env));
    const failing = results.flatMap((r) => r.checks.filter((c) => !c.passed).map((c) => `${r.dataset}: ${c.name}`));
    if (failing.length) return { status: 'failed', message: `failing checks: ${failing.join('; ')}`, evidence: { environment: env, results } };
    return results.length
      ? { status: 'passed', message: `${results.reduce((n, r) => n + r.checks.length, 0)} check(s) passing in ${env}`, evidence: { environment: env, results } }
      : { status: 'passed', message: `no data-quality results reported in ${env}`, evidence: { environment: env, results } };
  }
}

/** What the approvals gate looked at: the quorum, who counts, who lapsed and why, and whether a steward's approval is needed and given. */
function approvalEvidence(rules: NonNullable<EnvironmentGates['approvals']>, tally: ApprovalTally, containsPii: boolean) {
  const stewardRequired = containsPii && rules.piiRequiresSteward;
  return { required: rules.required, approvedBy: tally.counted, lapsed: tally.lapsed, rejectedBy: tally.rejectedBy, stewardRequired, stewardApproved: tally.stewardApproved, ...(stewardRequired ? { stewardRole: rules.stewardRole } : {}) };
}
