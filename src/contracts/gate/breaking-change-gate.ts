import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BOOTSTRAP_ADMIN } from '../../auth/principal';
import { DataProductsService } from '../../catalog/data-products.service';
import { classifyContractChanges, type ContractChange } from '../../catalog/manifest/contract-changes';
import type { Manifest } from '../../catalog/manifest/manifest.schema';
import { canonicalJson } from '../../common/canonical-json';
import { AcknowledgementRecord, AcknowledgementRepository } from './acknowledgement.repository';
import { AffectedReader, DownstreamReaders } from './downstream-readers';

/** Someone who may acknowledge: the product's owning team's members and its stewards. */
export interface Acknowledger {
  id: string;
  teams: string[];
}

/** An acknowledgement not yet written. */
export interface PendingAcknowledgement {
  downstream: string;
  principalId: string;
  comment: string;
}

/** One downstream product whose acknowledgement the change needs, with who gave it. */
export interface DownstreamAcknowledgement extends AffectedReader {
  acknowledgedBy: { principal: string; comment: string; at: string }[];
}

/** What the breaking-change gate found for a revision going into an environment. */
export interface BreakingChangeAssessment {
  product: string;
  /** The producing product's owning team (its members do not acknowledge for other teams). */
  owner: string;
  revision: number;
  environment: string;
  /** The revision the environment runs (the baseline compared with); null when nothing runs there yet. */
  baseline: number | null;
  /** The breaking changes against the baseline. */
  breaking: ContractChange[];
  /** `sha256:<hex>` of the breaking changes: what acknowledgements are bound to (null without breaking changes). */
  changeSet: string | null;
  downstream: DownstreamAcknowledgement[];
  truncated: boolean;
}

export interface GateVerdict {
  status: 'passed' | 'pending';
  message: string;
  evidence: Record<string, unknown>;
}

/** The digest of a set of changes: the same changes (in any order) give the same digest. */
export function changeSetDigest(changes: ContractChange[]): string {
  const entries = changes.map((c) => canonicalJson({ rule: c.rule, output: c.output, field: c.field, before: c.before ?? null, after: c.after ?? null })).sort();
  return `sha256:${createHash('sha256').update(entries.join('\n')).digest('hex')}`;
}

/**
 * The breaking-change gate: a revision whose contract changes in a breaking way against the
 * revision the target environment runs needs an acknowledgement from each downstream product those
 * changes reach (its owning team's members or its stewards). Acknowledgements are bound to the
 * revision, the environment and the changes, so a new revision, or a different baseline, needs new
 * ones. With nothing downstream the gate passes.
 */
@Injectable()
export class BreakingChangeGate {
  constructor(
    private readonly products: DataProductsService,
    private readonly readers: DownstreamReaders,
    private readonly acknowledgements: AcknowledgementRepository,
  ) {}

  /** `pending`: acknowledgements about to be recorded, counted as given (so the state that follows can be written with them). */
  async assess(product: string, revision: number, manifest: Manifest, environment: string, pending: PendingAcknowledgement[] = []): Promise<BreakingChangeAssessment> {
    const current = await this.products.get(product, BOOTSTRAP_ADMIN);
    const baseline = current.environments.find((e) => e.environment === environment)?.revision ?? null;
    const none = { product, owner: current.owner, revision, environment, baseline, breaking: [], changeSet: null, downstream: [], truncated: false };
    if (baseline === null || baseline === revision) return none;
    const running = (await this.products.revision(product, baseline, BOOTSTRAP_ADMIN)).manifest;
    const breaking = classifyContractChanges(running, manifest).changes.filter((c) => c.level === 'breaking');
    if (!breaking.length) return none;
    const changeSet = changeSetDigest(breaking);
    const [walk, given] = await Promise.all([
      this.readers.affectedBy(product, running.spec.outputs, breaking),
      this.acknowledgements.forKey({ product, revision, environment, changeSet }),
    ]);
    const now = new Date().toISOString();
    const all = [...given, ...pending.map((p) => ({ product, revision, environment, changeSet, downstream: p.downstream, principalId: p.principalId, comment: p.comment, createdAt: now }))];
    const downstream = walk.readers.map((r) => ({ ...r, acknowledgedBy: acknowledgedFor(r.product, all) }));
    return { product, owner: current.owner, revision, environment, baseline, breaking, changeSet, downstream, truncated: walk.truncated };
  }

  /** The gate's result for an assessment. */
  verdict(a: BreakingChangeAssessment): GateVerdict {
    const evidence = {
      environment: a.environment,
      owner: a.owner,
      baseline: a.baseline,
      changeSet: a.changeSet,
      breaking: a.breaking,
      downstream: a.downstream,
      acknowledged: a.downstream.filter((d) => d.acknowledgedBy.length).map((d) => d.product),
      waitingFor: a.downstream.filter((d) => !d.acknowledgedBy.length).map((d) => d.product),
      truncated: a.truncated,
    };
    if (a.baseline === null) return { status: 'passed', message: `nothing runs in ${a.environment} yet: no contract to break`, evidence };
    if (!a.breaking.length) return { status: 'passed', message: `no breaking contract change against r${a.baseline} in ${a.environment}`, evidence };
    if (!a.downstream.length) return { status: 'passed', message: `${a.breaking.length} breaking change(s) against r${a.baseline}, but no product downstream reads what changed`, evidence };
    const waiting = evidence.waitingFor;
    if (!waiting.length) return { status: 'passed', message: `${a.breaking.length} breaking change(s) acknowledged by every downstream product: ${evidence.acknowledged.join(', ')}`, evidence };
    return { status: 'pending', message: `${a.breaking.length} breaking change(s) against r${a.baseline} wait for the acknowledgement of ${waiting.join(', ')}`, evidence };
  }

  record(tx: Parameters<AcknowledgementRepository['add']>[0], a: BreakingChangeAssessment, downstream: string, principalId: string, comment: string): Promise<boolean> {
    return this.acknowledgements.add(tx, { product: a.product, revision: a.revision, environment: a.environment, changeSet: a.changeSet!, downstream, principalId, comment });
  }
}

/** What the acknowledgement rules look at: an assessment, or the evidence a promotion stored of one. */
export type AcknowledgementFacts = Pick<BreakingChangeAssessment, 'owner' | 'downstream'> & { breaking: unknown[] };

export interface AcknowledgementRefusal {
  /** `invalid`: not a product to acknowledge for; `conflict`: already done; `forbidden`: not this principal. */
  kind: 'invalid' | 'conflict' | 'forbidden';
  reason: string;
}

/**
 * Why `who` may not acknowledge for the downstream product, or null when it may: its owning
 * team's members or its stewards, never the requester, and never the producing team for another
 * team's product.
 */
export function acknowledgementRefusal(a: AcknowledgementFacts, downstream: string, who: Acknowledger, requester: string): AcknowledgementRefusal | null {
  const reader = a.downstream.find((d) => d.product === downstream);
  if (!reader) return { kind: 'invalid', reason: a.breaking.length ? `${downstream} is not a downstream product these breaking changes reach` : 'this promotion has no breaking change to acknowledge' };
  if (who.id === requester) return { kind: 'forbidden', reason: 'the requester does not acknowledge their own breaking change' };
  const member = (owner: string) => who.teams.includes(owner.replace(/^team:/, ''));
  if (member(a.owner) && reader.owner !== a.owner) return { kind: 'forbidden', reason: `members of ${a.owner}, the producing team, do not acknowledge for ${reader.owner}` };
  if (!member(reader.owner) && !reader.stewards.includes(who.id)) return { kind: 'forbidden', reason: `acknowledgements for ${downstream} come from ${reader.owner} or its stewards (${reader.stewards.join(', ') || 'none'})` };
  if (reader.acknowledgedBy.some((x) => x.principal === who.id)) return { kind: 'conflict', reason: `${who.id} already acknowledged for ${downstream}` };
  return null;
}

/** The downstream products still waiting that `who` may acknowledge for. */
export function acknowledgeable(a: AcknowledgementFacts, who: Acknowledger, requester: string): string[] {
  return a.downstream.filter((d) => !d.acknowledgedBy.length && acknowledgementRefusal(a, d.product, who, requester) === null).map((d) => d.product);
}

function acknowledgedFor(product: string, given: AcknowledgementRecord[]) {
  return given.filter((g) => g.downstream === product).map((g) => ({ principal: g.principalId, comment: g.comment, at: g.createdAt }));
}
