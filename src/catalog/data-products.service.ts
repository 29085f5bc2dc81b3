import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { AuditRecord } from '../audit/audit.types';
import type { Principal } from '../auth/principal';
import type { ProductAttributes } from '../policy/product-conditions';
import { SubjectResolvers } from '../policy/subject-resolvers';
import { DataProductAccess, productAttributes } from './data-product.access';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { assertIfMatch, assertIfNoneMatch, etagOf } from './etag';
import { DataProductRepository, ProductRecord } from './data-product.repository';
import type {
  ProductIdentity,
  ApplyOutcome,
  DataProductSummary,
  DataProductView,
  EnvironmentState,
  Page,
  ProductListQuery,
  RevisionSummary,
  RevisionView,
} from './data-product.types';
import { classifyContractChanges, ContractDiff } from './manifest/contract-changes';
import { diffManifests, ManifestChange } from './manifest/diff';
import { manifestDigest } from './manifest/digest';
import type { Manifest } from './manifest/manifest.schema';
import { applyMergePatch } from './manifest/merge-patch';
import { parseManifest, withNameFromPath } from './manifest/parse-manifest';
import { unstorableJsonErrors } from '../common/validation/storable-json';

/** Conditional-request headers a write may carry. */
export interface Preconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

export interface WriteResult {
  outcome: ApplyOutcome;
  product: DataProductView;
}

export interface RevisionDiff {
  product: string;
  from: number;
  to: number;
  changes: ManifestChange[];
  /** The changes to what the product promises its readers, each classified by a rule. */
  contract: ContractDiff;
}

/** Without If-Match, a write that loses a race is recomputed on the fresh state this many times. */
const MAX_ATTEMPTS = 5;

@Injectable()
export class DataProductsService {
  constructor(
    private readonly products: DataProductRepository,
    private readonly access: DataProductAccess,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
    resolvers: SubjectResolvers,
  ) {
    // Lets `policy/evaluate` be asked about a product by name.
    resolvers.register('DataProduct', async (name) => {
      const product = await this.products.findByName(name);
      return product ? productAttributes(product) : null;
    });
  }

  async create(input: unknown, actor: Principal): Promise<DataProductView> {
    const manifest = parseManifest(input);
    await this.insert(manifest, actor);
    return this.get(manifest.metadata.name, actor);
  }

  /** PUT: create or update to exactly this manifest; an identical manifest changes nothing. */
  async apply(name: string, input: unknown, actor: Principal, pre: Preconditions = {}): Promise<WriteResult> {
    const manifest = parseManifest(withNameFromPath(input, name));
    for (let attempt = 1; ; attempt++) {
      const current = await this.products.findByName(name);
      assertIfNoneMatch(pre.ifNoneMatch, current);
      if (current) return this.updateTo(current, () => manifest, actor, pre, attempt);
      assertIfMatch(pre.ifMatch, null);
      try {
        await this.insert(manifest, actor);
        return { outcome: 'created', product: await this.get(name, actor) };
      } catch (error) {
        // Someone created it between our read and write: apply as an update instead.
        if (!(error instanceof DomainError && error.code === ErrorCode.ALREADY_EXISTS) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** PATCH: RFC 7396 merge patch over the current manifest. */
  async patch(name: string, patch: unknown, actor: Principal, pre: Preconditions = {}): Promise<WriteResult> {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw DomainError.validation([{ field: '(root)', message: 'must be a JSON merge patch object' }]);
    }
    // Checked before merging: the merge recurses, and what it merges in is stored.
    const unstorable = unstorableJsonErrors(patch);
    if (unstorable.length) throw DomainError.validation(unstorable, 'The merge patch is invalid.');
    const current = await this.readable(name, actor);
    return this.updateTo(current, (product) => patchedManifest(product, patch), actor, pre, 1);
  }

  async retire(name: string, actor: Principal, pre: Preconditions = {}): Promise<DataProductView> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.readable(name, actor);
      assertIfMatch(pre.ifMatch, current);
      if (current.status === 'retired') return this.toView(current);
      await this.access.requireRetire(actor, current);
      const audit = audited('retire', name, actor.id, { before: { status: current.status }, after: { status: 'retired' } });
      if ((await this.products.retire(current.id, current.revision, actor.id, audit)) === 'ok') return this.get(name, actor);
      this.raceLost(pre, attempt);
    }
  }

  async get(name: string, actor: Principal): Promise<DataProductView> {
    return this.toView(await this.readable(name, actor));
  }

  /** Only the products the principal may read are listed; the filter runs in the database. */
  async list(query: ProductListQuery, actor: Principal): Promise<Page<DataProductSummary>> {
    const page = await this.products.list(query, this.access.readScope(actor));
    return { ...page, items: page.items.map(({ deployments, ...fields }) => ({ ...fields, environments: this.environments({ deployments }) })) };
  }

  async revisions(name: string, limit: number, actor: Principal, after?: number): Promise<Page<RevisionSummary>> {
    const product = await this.readable(name, actor);
    return this.products.listRevisions(product.id, limit, after);
  }

  async revision(name: string, number: number, actor: Principal): Promise<RevisionView> {
    const product = await this.readable(name, actor);
    return this.revisionOf(product, number);
  }

  /** Differences from one revision to another; by default from the previous revision to the latest. */
  async diff(name: string, actor: Principal, from?: number, to?: number): Promise<RevisionDiff> {
    const product = await this.readable(name, actor);
    const target = to ?? product.revision;
    const source = from ?? Math.max(1, target - 1);
    const [a, b] = await Promise.all([this.revisionOf(product, source), this.revisionOf(product, target)]);
    return { product: name, from: source, to: target, changes: diffManifests(a.manifest, b.manifest), contract: classifyContractChanges(a.manifest, b.manifest) };
  }

  private async revisionOf(product: ProductRecord, number: number): Promise<RevisionView> {
    const name = product.name;
    const revision = await this.products.findRevision(product.id, product.name, number);
    if (!revision) throw DomainError.notFound(`Data product ${name} has no revision ${number} (latest is ${product.revision}).`);
    return revision;
  }

  /** Active products bound to an orchestrator instance (for discovery); no per-product read check. */
  /** Every active product's (or just the named one's) outputs, bindings and SLA, for lineage and freshness (not filtered by reader). */
  activeIdentities(name?: string): Promise<ProductIdentity[]> {
    return this.products.activeIdentities(name);
  }

  /** Changes whenever the active products' outputs or bindings may have (see DataProductRepository.activeVersion). */
  activeVersion(): Promise<string> {
    return this.products.activeVersion();
  }

  /** What an environment runs (promotions call this inside their own transaction). */
  setDeployment(productName: string, environment: string, change: { deployed: number } | 'deploying' | 'settled', tx: Prisma.TransactionClient): Promise<void> {
    return this.products.setDeployment(productName, environment, change, tx);
  }

  /** The current content digest of a product (null when there is no such product). */
  async digestOf(name: string): Promise<string | null> {
    return (await this.products.findByName(name))?.digest ?? null;
  }

  /** The names among these that the principal may read (one query, filtered by the policies). */
  /** "My products": those the principal's teams own or the principal stewards (what home pages and `mine=true` filters show). */
  namesOwnedBy(actor: Principal): Promise<string[]> {
    return this.products.namesOwnedBy(actor.teams.map((team) => `team:${team}`), actor.id);
  }

  readableAmong(names: string[], actor: Principal): Promise<Set<string>> {
    return this.products.readableAmong(names, this.access.readScope(actor));
  }

  /** The products among these that the principal may read, by name, with the attributes promotion gates depend on (one query). */
  readableAttributes(names: string[], actor: Principal): Promise<Map<string, ProductAttributes>> {
    return this.products.readableAttributes(names, this.access.readScope(actor));
  }

  boundTo(orchestrator: string) {
    return this.products.boundTo(orchestrator);
  }

  environments(product: Pick<ProductRecord, 'deployments'>): EnvironmentState[] {
    const recorded = new Map(product.deployments.map((d) => [d.environment, d]));
    return this.config.environments.map(
      (environment) =>
        recorded.get(environment) ?? { environment, revision: null, status: 'not_deployed', lastGoodRevision: null, updatedAt: null },
    );
  }

  private async updateTo(
    start: ProductRecord,
    compute: (current: ProductRecord) => Manifest,
    actor: Principal,
    pre: Preconditions,
    firstAttempt: number,
  ): Promise<WriteResult> {
    let current: ProductRecord = start;
    for (let attempt = firstAttempt; ; attempt++) {
      assertIfMatch(pre.ifMatch, current);
      if (current.status === 'retired') {
        throw new DomainError(ErrorCode.PRODUCT_RETIRED, `Data product ${current.name} is retired; its history is kept but it cannot change.`);
      }
      const manifest = compute(current);
      const digest = manifestDigest(manifest);
      if (digest === current.digest) {
        await this.access.requireRead(actor, current);
        return { outcome: 'unchanged', product: this.toView(current) };
      }
      await this.access.requireChange(actor, current, manifest);
      const revision = current.revision + 1;
      const audit = audited('update', current.name, actor.id, { before: current.manifest, after: manifest, details: { revision } });
      if ((await this.products.appendRevision(current.id, current.revision, { manifest, digest, author: actor.id }, audit)) === 'ok') {
        return { outcome: 'updated', product: await this.get(current.name, actor) };
      }
      this.raceLost(pre, attempt);
      current = await this.require(current.name);
    }
  }

  private async insert(manifest: Manifest, actor: Principal): Promise<void> {
    await this.access.requireCreate(actor, manifest);
    const audit = audited('create', manifest.metadata.name, actor.id, { after: manifest, details: { revision: 1 } });
    await this.products.create({ manifest, digest: manifestDigest(manifest), author: actor.id }, audit);
  }

  /** A conditional write that lost a race fails with 412; an unconditional one retries a few times. */
  private raceLost(pre: Preconditions, attempt: number): void {
    if (pre.ifMatch !== undefined) return; // the next assertIfMatch reports the new ETag
    if (attempt >= MAX_ATTEMPTS) {
      throw new DomainError(ErrorCode.CONFLICT, 'The product kept changing while this request was applied; retry it.');
    }
  }

  private async require(name: string): Promise<ProductRecord> {
    const product = await this.products.findByName(name);
    if (!product) throw DomainError.notFound(`Data product ${name} does not exist.`);
    return product;
  }

  /** The product, if it exists and the principal may read it (403 naming the rule otherwise). */
  private async readable(name: string, actor: Principal): Promise<ProductRecord> {
    const product = await this.require(name);
    await this.access.requireRead(actor, product);
    return product;
  }

  private toView(product: ProductRecord): DataProductView {
    const { id: _id, deployments: _deployments, ...summary } = product;
    return { ...summary, etag: etagOf(product), environments: this.environments(product) };
  }
}

/** The audit entry of a catalog change; the repository appends it in the change's transaction. */
function audited(verb: 'create' | 'update' | 'retire', name: string, principalId: string, change: Pick<AuditRecord, 'before' | 'after' | 'details'>): AuditRecord {
  return { action: `data-product.${verb}`, subjectType: 'DataProduct', subjectId: name, outcome: 'succeeded', principalId, ...change };
}

function patchedManifest(current: ProductRecord, patch: object): Manifest {
  const patched = applyMergePatch(current.manifest, patch) as { metadata?: { name?: unknown } };
  if (patched?.metadata?.name !== current.name) {
    throw DomainError.validation([{ field: 'metadata.name', message: 'is immutable' }]);
  }
  return parseManifest(patched);
}
