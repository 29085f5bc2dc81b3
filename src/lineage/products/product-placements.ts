import { Inject, Injectable } from '@nestjs/common';
import type { ProductIdentity } from '../../catalog/data-product.types';
import { DataProductsService } from '../../catalog/data-products.service';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { lineageNamespaceOf } from '../../orchestrators/orchestrators-file';
import { ProductIndex } from './product-nodes';

/** A data product as a lineage node shows it. */
export interface NodeProduct {
  name: string;
  owner: string;
  tier: number;
  /** The environment of the orchestrator instance through which the product holds the node; null for declared outputs. */
  environment: string | null;
}

/** One identity of a node (a dataset can have several, see lineage-alias.repository.ts). */
export interface NodeIdentityRef {
  id: string;
  type: 'JOB' | 'DATASET';
  namespace: string;
  name: string;
}

/** Finds the products holding lineage nodes, from an index of the active products kept until the catalog changes. */
export interface ProductPlacement {
  productsOf(identities: readonly NodeIdentityRef[]): NodeProduct[];
}

/**
 * The products whose declared outputs, bound Dagster assets or bound DAGs are lineage nodes. Reading every active
 * product's manifest for each graph would cost more than the graph walk itself, so the index is kept and rebuilt only
 * when the catalog's version moves (one cheap aggregate per read).
 */
@Injectable()
export class ProductPlacements {
  private cached: { version: string; placement: ProductPlacement } | null = null;
  private readonly instanceByNamespace: Map<string, { name: string; environment: string }>;

  constructor(
    private readonly products: DataProductsService,
    @Inject(CONFIG) private readonly config: GatehouseConfig,
  ) {
    this.instanceByNamespace = new Map(config.orchestrators.map((o) => [lineageNamespaceOf(o), { name: o.name, environment: o.environment }]));
  }

  async current(): Promise<ProductPlacement> {
    const version = await this.products.activeVersion();
    if (this.cached?.version === version) return this.cached.placement;
    const placement = this.build(await this.products.activeIdentities());
    this.cached = { version, placement };
    return placement;
  }

  private build(products: ProductIdentity[]): ProductPlacement {
    const namespaces = new Map(this.config.orchestrators.map((o) => [o.name, lineageNamespaceOf(o)]));
    const index = new ProductIndex(products, (name) => namespaces.get(name));
    const instances = this.instanceByNamespace;
    return {
      productsOf(identities) {
        const found = new Map<string, NodeProduct>();
        for (const identity of identities) {
          const instance = instances.get(identity.namespace);
          for (const p of index.ownersOf(identity.id, identity.type === 'JOB' ? identity : undefined)) {
            // A product holds a node in an instance's namespace through a binding to that instance.
            const bound = instance !== undefined && p.bindings.some((b) => b.orchestrator === instance.name);
            const environment = bound ? instance.environment : null;
            const known = found.get(p.name);
            if (!known || (known.environment === null && environment !== null)) found.set(p.name, { name: p.name, owner: p.owner, tier: p.tier, environment });
          }
        }
        return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
      },
    };
  }
}
