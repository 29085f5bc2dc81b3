import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import type { DataProduct, DataProductRevision, EnvironmentDeployment } from '../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { ProductAttributes } from '../policy/product-conditions';
import { AUDITED_TRANSACTION, type AuditRecord } from '../audit/audit.types';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { PrismaService } from '../database/prisma.service';
import type { Classification, Manifest } from './manifest/manifest.schema';
import { productColumns } from './manifest/product-columns';
import type { EnvironmentState, Page, ProductFields, ProductIdentity, ProductListQuery, ProductStatus, RevisionSummary, RevisionView } from './data-product.types';

/** A product as the service works with it: summary, current manifest and deployments. */
export interface ProductRecord extends ProductFields {
  id: string;
  manifest: Manifest;
  deployments: EnvironmentState[];
}

/** A product as lists show it: its fields and the environments it was deployed to. */
export type ProductListRecord = ProductFields & Pick<ProductRecord, 'deployments'>;

export interface NewRevision {
  manifest: Manifest;
  digest: string;
  author: string;
}

/** Result of a write guarded by the revision the caller last saw. */
export type GuardedWrite = 'ok' | 'stale';

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Owns every query on data products, their revisions and deployments. Each write appends its
 * audit entry last in the same transaction, so the change and its record commit together.
 */
@Injectable()
export class DataProductRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async findByName(name: string): Promise<ProductRecord | null> {
    const row = await this.prisma.dataProduct.findUnique({ where: { name }, include: { deployments: true } });
    return row ? toRecord(row, row.deployments) : null;
  }

  /** Inserts revision 1 and the product in one transaction. */
  async create(revision: NewRevision, audit: AuditRecord): Promise<void> {
    const { manifest, digest, author } = revision;
    try {
      await this.prisma.$transaction(async (tx) => {
        const product = await tx.dataProduct.create({ data: { ...columnsOf(manifest), revision: 1, digest, manifest, createdBy: author } });
        await tx.dataProductRevision.create({ data: { productId: product.id, number: 1, digest, manifest, author } });
        await this.audit.record(audit, tx);
      }, AUDITED_TRANSACTION);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.ALREADY_EXISTS, `Data product ${manifest.metadata.name} already exists.`);
      throw error;
    }
  }

  /**
   * Appends revision expected+1 and moves the product to it, only if the product is still at
   * `expected` and active. Concurrent writers collide on the revision's primary key or on the
   * guarded update; the loser gets 'stale' and nothing it wrote remains.
   */
  async appendRevision(productId: string, expected: number, revision: NewRevision, audit: AuditRecord): Promise<GuardedWrite> {
    const { manifest, digest, author } = revision;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const moved = await tx.dataProduct.updateMany({
          where: { id: productId, revision: expected, status: 'active' },
          data: { ...columnsOf(manifest), revision: expected + 1, digest, manifest, updatedAt: new Date() },
        });
        if (moved.count !== 1) return 'stale';
        await tx.dataProductRevision.create({ data: { productId, number: expected + 1, digest, manifest, author } });
        await this.audit.record(audit, tx);
        return 'ok';
      }, AUDITED_TRANSACTION);
    } catch (error) {
      if (isUniqueViolation(error)) return 'stale';
      throw error;
    }
  }

  async retire(productId: string, expected: number, author: string, audit: AuditRecord): Promise<GuardedWrite> {
    const now = new Date();
    return this.prisma.$transaction(async (tx) => {
      const moved = await tx.dataProduct.updateMany({
        where: { id: productId, revision: expected, status: 'active' },
        data: { status: 'retired', retiredAt: now, retiredBy: author, updatedAt: now },
      });
      if (moved.count !== 1) return 'stale';
      await this.audit.record(audit, tx);
      return 'ok';
    }, AUDITED_TRANSACTION);
  }

  /** Keyset pagination on the unique name: stable under concurrent inserts. */
  /** `scope` is the policy's filter of readable products; it is ANDed with the query's filters. */
  async list(query: ProductListQuery, scope: Prisma.DataProductWhereInput): Promise<Page<ProductListRecord>> {
    const filters: Prisma.DataProductWhereInput = {
      ...(query.status !== 'all' ? { status: query.status } : {}),
      ...(query.owner ? { owner: query.owner } : {}),
      ...(query.domain ? { domain: query.domain } : {}),
      ...(query.tag ? { tags: { has: query.tag } } : {}),
      ...(query.classification ? { classification: query.classification } : {}),
      ...(query.tier ? { tier: query.tier } : {}),
      ...(query.q ? { searchText: { contains: query.q.toLowerCase() } } : {}),
      ...(query.after ? { name: { gt: query.after } } : {}),
    };
    const where: Prisma.DataProductWhereInput = { AND: [filters, scope] };
    const rows = await this.prisma.dataProduct.findMany({
      where,
      orderBy: { name: 'asc' },
      take: query.limit + 1,
      omit: { manifest: true, searchText: true },
      include: { deployments: true },
    });
    const items = rows.slice(0, query.limit).map((row) => ({ ...toFields(row), deployments: row.deployments.map(toEnvironmentState) }));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].name : null };
  }

  /**
   * A value that changes whenever a product is created, changed (its revision grows) or retired: lets readers keep
   * what they derived from activeIdentities() until the catalog moves.
   */
  async activeVersion(): Promise<string> {
    // Through Prisma, not the plain-SQL session: that session disables sequential scans, and a whole-table aggregate
    // planned around the disabled scan costs enough to be JIT-compiled (about 50 ms of compiling for a tiny table).
    const [row] = await this.prisma.$queryRawUnsafe<{ active: number; revisions: string | null }[]>(
      `SELECT count(*) FILTER (WHERE status = 'active')::int AS active, sum(revision)::text AS revisions FROM data_product`,
    );
    return `${row.active}:${row.revisions ?? 0}`;
  }

  /** Every active product with what ties it to lineage: outputs and bindings (from the manifest). */
  async activeIdentities(name?: string): Promise<ProductIdentity[]> {
    const rows = await this.prisma.dataProduct.findMany({
      where: { status: 'active', ...(name ? { name } : {}) },
      select: { name: true, title: true, owner: true, stewards: true, tier: true, classification: true, revision: true, createdAt: true, manifest: true },
      orderBy: { name: 'asc' },
    });
    return rows.map(({ manifest, ...row }) => {
      const spec = (manifest as unknown as Manifest).spec;
      return { ...row, classification: row.classification as ProductIdentity['classification'], outputs: spec.outputs, bindings: spec.bindings, sla: spec.sla ?? null };
    });
  }

  /**
   * Records what an environment runs, in the caller's transaction: `deployed` moves it to the
   * revision (now its last good one); `deploying` and `settled` only change the status, so a
   * failed deployment leaves the environment on its last good revision.
   */
  async setDeployment(productName: string, environment: string, change: { deployed: number } | 'deploying' | 'settled', tx: Prisma.TransactionClient): Promise<void> {
    const product = await tx.dataProduct.findUnique({ where: { name: productName }, select: { id: true } });
    if (!product) throw DomainError.notFound(`Data product ${productName} does not exist.`);
    const key = { productId_environment: { productId: product.id, environment } };
    const current = await tx.environmentDeployment.findUnique({ where: key });
    const revision = typeof change === 'object' ? change.deployed : (current?.revision ?? null);
    const status = typeof change === 'object' ? 'deployed' : change === 'deploying' ? 'deploying' : revision === null ? 'not_deployed' : 'deployed';
    const lastGoodRevision = typeof change === 'object' ? change.deployed : (current?.lastGoodRevision ?? null);
    await tx.environmentDeployment.upsert({
      where: key,
      create: { productId: product.id, environment, revision, status, lastGoodRevision, updatedAt: new Date() },
      update: { revision, status, lastGoodRevision, updatedAt: new Date() },
    });
  }

  /** Which of these products the scope lets a principal read. */
  async readableAmong(names: string[], scope: Prisma.DataProductWhereInput): Promise<Set<string>> {
    if (!names.length) return new Set();
    const rows = await this.prisma.dataProduct.findMany({ where: { AND: [{ name: { in: names } }, scope] }, select: { name: true } });
    return new Set(rows.map((r) => r.name));
  }

  async readableAttributes(names: string[], scope: Prisma.DataProductWhereInput): Promise<Map<string, ProductAttributes>> {
    if (!names.length) return new Map();
    const rows = await this.prisma.dataProduct.findMany({
      where: { AND: [{ name: { in: names } }, scope] },
      select: { name: true, domain: true, owner: true, tags: true, tier: true, classification: true, containsPii: true },
    });
    return new Map(rows.map((r) => [r.name, { ...r, classification: r.classification as ProductAttributes['classification'] }]));
  }

  /** Names of the products owned by one of these teams (`team:<slug>`) or stewarded by this person. */
  async namesOwnedBy(teamRefs: string[], steward: string): Promise<string[]> {
    const rows = await this.prisma.dataProduct.findMany({ where: { OR: [{ owner: { in: teamRefs } }, { stewards: { has: steward } }] }, select: { name: true }, orderBy: { name: 'asc' } });
    return rows.map((r) => r.name);
  }

  /** Active products with at least one binding to this orchestrator (jsonb containment). */
  async boundTo(orchestrator: string): Promise<{ name: string; revision: number; manifest: Manifest }[]> {
    const rows = await this.prisma.dataProduct.findMany({
      where: { status: 'active', manifest: { path: ['spec', 'bindings'], array_contains: [{ orchestrator }] } },
      select: { name: true, revision: true, manifest: true },
      orderBy: { name: 'asc' },
    });
    return rows.map((r) => ({ name: r.name, revision: r.revision, manifest: r.manifest as unknown as Manifest }));
  }

  async listRevisions(productId: string, limit: number, after?: number): Promise<Page<RevisionSummary>> {
    const rows = await this.prisma.dataProductRevision.findMany({
      where: { productId, ...(after ? { number: { gt: after } } : {}) },
      orderBy: { number: 'asc' },
      take: limit + 1,
      omit: { manifest: true },
    });
    const items = rows.slice(0, limit).map((r) => ({ number: r.number, digest: r.digest, author: r.author, createdAt: r.createdAt.toISOString() }));
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].number) : null };
  }

  async findRevision(productId: string, productName: string, number: number): Promise<RevisionView | null> {
    const row = await this.prisma.dataProductRevision.findUnique({ where: { productId_number: { productId, number } } });
    return row ? toRevisionView(row, productName) : null;
  }
}

/** The columns derived from a manifest, plus the lower-cased text free-text search scans. */
function columnsOf(m: Manifest) {
  return { ...productColumns(m), searchText: [m.metadata.name, m.metadata.title, m.spec.description].join('\n').toLowerCase() };
}

type SummaryRow = Omit<DataProduct, 'manifest' | 'searchText'>;

function toFields(row: SummaryRow): ProductFields {
  return {
    name: row.name,
    title: row.title,
    domain: row.domain,
    owner: row.owner,
    stewards: row.stewards,
    tags: row.tags,
    description: row.description,
    tier: row.tier,
    classification: row.classification as Classification,
    containsPii: row.containsPii,
    status: row.status as ProductStatus,
    revision: row.revision,
    digest: row.digest,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}

function toRecord(row: DataProduct, deployments: EnvironmentDeployment[]): ProductRecord {
  return {
    ...toFields(row),
    id: row.id,
    manifest: row.manifest as unknown as Manifest,
    deployments: deployments.map(toEnvironmentState),
  };
}

function toEnvironmentState(d: EnvironmentDeployment): EnvironmentState {
  return {
    environment: d.environment,
    revision: d.revision,
    status: d.status as EnvironmentState['status'],
    lastGoodRevision: d.lastGoodRevision,
    updatedAt: d.updatedAt.toISOString(),
  };
}

function toRevisionView(row: DataProductRevision, product: string): RevisionView {
  return {
    product,
    number: row.number,
    digest: row.digest,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    manifest: row.manifest as unknown as Manifest,
  };
}
