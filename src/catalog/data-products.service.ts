import { Inject, Injectable } from '@nestjs/common';
import type { AuditRecord } from '../audit/audit.types';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { assertIfMatch, assertIfNoneMatch, etagOf } from './etag';
import { DataProductRepository, ProductRecord } from './data-product.repository';
import type {
  ApplyOutcome,
  DataProductSummary,
  DataProductView,
  EnvironmentState,
  Page,
  ProductListQuery,
  RevisionSummary,
  RevisionView,
} from './data-product.types';
import { diffManifests, ManifestChange } from './manifest/diff';
import { manifestDigest } from './manifest/digest';
import type { Manifest } from './manifest/manifest.schema';
import { applyMergePatch } from './manifest/merge-patch';
import { parseManifest, withNameFromPath } from './manifest/parse-manifest';

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
}

/** Without If-Match, a write that loses a race is recomputed on the fresh state this many times. */
const MAX_ATTEMPTS = 5;

@Injectable()
export class DataProductsService {
  constructor(
    private readonly products: DataProductRepository,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {}

  async create(input: unknown, author: string): Promise<DataProductView> {
    const manifest = parseManifest(input);
    await this.insert(manifest, author);
    return this.get(manifest.metadata.name);
  }

  /** PUT: create or update to exactly this manifest; an identical manifest changes nothing. */
  async apply(name: string, input: unknown, author: string, pre: Preconditions = {}): Promise<WriteResult> {
    const manifest = parseManifest(withNameFromPath(input, name));
    for (let attempt = 1; ; attempt++) {
      const current = await this.products.findByName(name);
      assertIfNoneMatch(pre.ifNoneMatch, current);
      if (current) return this.updateTo(current, () => manifest, author, pre, attempt);
      assertIfMatch(pre.ifMatch, null);
      try {
        await this.insert(manifest, author);
        return { outcome: 'created', product: await this.get(name) };
      } catch (error) {
        // Someone created it between our read and write: apply as an update instead.
        if (!(error instanceof DomainError && error.code === ErrorCode.ALREADY_EXISTS) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** PATCH: RFC 7396 merge patch over the current manifest. */
  async patch(name: string, patch: unknown, author: string, pre: Preconditions = {}): Promise<WriteResult> {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw DomainError.validation([{ field: '(root)', message: 'must be a JSON merge patch object' }]);
    }
    const current = await this.require(name);
    return this.updateTo(current, (product) => patchedManifest(product, patch), author, pre, 1);
  }

  async retire(name: string, author: string, pre: Preconditions = {}): Promise<DataProductView> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.require(name);
      assertIfMatch(pre.ifMatch, current);
      if (current.status === 'retired') return this.toView(current);
      const audit = audited('retire', name, author, { before: { status: current.status }, after: { status: 'retired' } });
      if ((await this.products.retire(current.id, current.revision, author, audit)) === 'ok') return this.get(name);
      this.raceLost(pre, attempt);
    }
  }

  async get(name: string): Promise<DataProductView> {
    return this.toView(await this.require(name));
  }

  list(query: ProductListQuery): Promise<Page<DataProductSummary>> {
    return this.products.list(query);
  }

  async revisions(name: string, limit: number, after?: number): Promise<Page<RevisionSummary>> {
    const product = await this.require(name);
    return this.products.listRevisions(product.id, limit, after);
  }

  async revision(name: string, number: number): Promise<RevisionView> {
    const product = await this.require(name);
    const revision = await this.products.findRevision(product.id, product.name, number);
    if (!revision) throw DomainError.notFound(`Data product ${name} has no revision ${number} (latest is ${product.revision}).`);
    return revision;
  }

  /** Differences from one revision to another; by default from the previous revision to the latest. */
  async diff(name: string, from?: number, to?: number): Promise<RevisionDiff> {
    const product = await this.require(name);
    const target = to ?? product.revision;
    const source = from ?? Math.max(1, target - 1);
    const [a, b] = await Promise.all([this.revision(name, source), this.revision(name, target)]);
    return { product: name, from: source, to: target, changes: diffManifests(a.manifest, b.manifest) };
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
    author: string,
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
      if (digest === current.digest) return { outcome: 'unchanged', product: this.toView(current) };
      const revision = current.revision + 1;
      const audit = audited('update', current.name, author, { before: current.manifest, after: manifest, details: { revision } });
      if ((await this.products.appendRevision(current.id, current.revision, { manifest, digest, author }, audit)) === 'ok') {
        return { outcome: 'updated', product: await this.get(current.name) };
      }
      this.raceLost(pre, attempt);
      current = await this.require(current.name);
    }
  }

  private insert(manifest: Manifest, author: string): Promise<void> {
    const audit = audited('create', manifest.metadata.name, author, { after: manifest, details: { revision: 1 } });
    return this.products.create({ manifest, digest: manifestDigest(manifest), author }, audit);
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
