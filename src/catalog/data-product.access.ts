import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { WhereInput } from '../policy/casl';
import { AccessControl } from '../policy/access-control';
import { PolicyService } from '../policy/policy.service';
import { diffManifests } from './manifest/diff';
import type { Manifest } from './manifest/manifest.schema';
import { productColumns } from './manifest/product-columns';

const SUBJECT = 'DataProduct';

/** The Prisma filter of the products a principal may read (from the policies' read rules). */
export type ProductReadScope = WhereInput<'DataProduct'>;

/** A stored product as far as access decisions are concerned. */
export interface ProductState {
  name: string;
  status: string;
  manifest: Manifest;
}

/** A product as policies see it: the record's columns, whether it is stored or only proposed. */
export function productAttributes(product: ProductState | Manifest): Record<string, unknown> {
  const m: Manifest = 'apiVersion' in product ? product : product.manifest;
  return { ...productColumns(m), status: 'status' in product ? product.status : 'active' };
}

/** The policy fields a change touches: `spec.sla.freshness` → `sla`, `metadata.owner` → `owner`. */
export function changedFields(before: Manifest, after: Manifest): string[] {
  const fields = diffManifests(before, after).map((c) => c.path.split(/[.[]/)[1] ?? c.path);
  return [...new Set(fields)].sort();
}

/** Catalog-specific enforcement on top of the policy engine. */
@Injectable()
export class DataProductAccess {
  constructor(
    private readonly access: AccessControl,
    private readonly policies: PolicyService,
  ) {}

  readScope(actor: Principal): ProductReadScope {
    return this.policies.accessibleWhere(actor, 'read', 'DataProduct');
  }

  async requireRead(actor: Principal, product: ProductState): Promise<void> {
    await this.access.require(actor, 'read', SUBJECT, productAttributes(product));
  }

  async requireCreate(actor: Principal, manifest: Manifest): Promise<void> {
    await this.access.require(actor, 'create', SUBJECT, productAttributes(manifest));
  }

  /**
   * A change needs `update` on the product as it is, on every field it touches, and on the
   * product as it will be: moving a product to a team one is not in is refused.
   */
  async requireChange(actor: Principal, current: ProductState, next: Manifest): Promise<void> {
    const before = productAttributes(current);
    await this.access.require(actor, 'update', SUBJECT, before);
    await this.access.requireFields(actor, 'update', SUBJECT, before, changedFields(current.manifest, next));
    await this.access.require(actor, 'update', SUBJECT, productAttributes(next));
  }

  async requireRetire(actor: Principal, product: ProductState): Promise<void> {
    await this.access.require(actor, 'retire', SUBJECT, productAttributes(product));
  }
}
