import type { Binding, Classification, DeclaredOutput, Manifest } from './manifest/manifest.schema';

export type ProductStatus = 'active' | 'retired';

/** A product's own columns, as stored. */
export interface ProductFields {
  name: string;
  title: string;
  domain: string;
  owner: string;
  stewards: string[];
  tags: string[];
  description: string;
  tier: number;
  classification: Classification;
  containsPii: boolean;
  status: ProductStatus;
  revision: number;
  digest: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  retiredAt: string | null;
}

export interface EnvironmentState {
  environment: string;
  /** Deployed revision, or null while nothing has been deployed there. */
  revision: number | null;
  status: 'not_deployed' | 'deploying' | 'deployed' | 'failed';
  lastGoodRevision: number | null;
  updatedAt: string | null;
}

/** What the catalog lists for a product: its fields and the revision each environment runs. */
export interface DataProductSummary extends ProductFields {
  environments: EnvironmentState[];
}

/** One product with its current manifest. */
export interface DataProductView extends DataProductSummary {
  etag: string;
  manifest: Manifest;
}

export interface RevisionSummary {
  number: number;
  digest: string;
  author: string;
  createdAt: string;
}

export interface RevisionView extends RevisionSummary {
  product: string;
  manifest: Manifest;
}

export type ApplyOutcome = 'created' | 'updated' | 'unchanged';

export interface ProductListQuery {
  owner?: string;
  domain?: string;
  tag?: string;
  classification?: Classification;
  tier?: number;
  q?: string;
  status: ProductStatus | 'all';
  limit: number;
  after?: string;
}

export type { Page } from '../common/pagination';

/** What lineage, impact analysis and SLA checks need to know of an active product. */
export interface ProductIdentity {
  name: string;
  title: string;
  owner: string;
  stewards: string[];
  tier: number;
  classification: Classification;
  revision: number;
  createdAt: Date;
  /** Declared outputs, each with its declared schema if any. */
  outputs: DeclaredOutput[];
  bindings: Binding[];
  sla: Manifest['spec']['sla'] | null;
}
