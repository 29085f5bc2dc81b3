import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import type { ProductIdentity } from '../../catalog/data-product.types';
import { DataProductsService } from '../../catalog/data-products.service';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { lineageNamespaceOf } from '../../orchestrators/orchestrators-file';
import { LineageAliasRepository } from '../graph/lineage-alias.repository';
import { LineageGraphRepository } from '../graph/lineage-graph.repository';
import { pathTo, traverse, Traversal } from '../graph/traversal';
import { jobNodeId } from '../node-id';
import { NamespaceOf, ProductIndex, productNodes } from './product-nodes';

/** A product as impact analysis shows it: enough to know whom to warn and how much it matters. */
export interface RelatedProduct {
  name: string;
  title: string;
  owner: string;
  stewards: string[];
  tier: number;
  classification: string;
}

export interface ImpactEntry {
  product: RelatedProduct;
  /** Products between this one and the changed one (0 = fed directly by it). */
  distance: number;
  /** Lineage node ids from one of the changed product's nodes to this product's first node reached. */
  path: string[];
}

export interface ImpactReport {
  product: string;
  downstream: ImpactEntry[];
  /** True when the node limit stopped the walk: the list may be incomplete. */
  truncated: boolean;
}

export interface ProductLineage {
  product: string;
  /** Every product connected to this one, with which side it is on. */
  nodes: (RelatedProduct & { relation: 'self' | 'upstream' | 'downstream' })[];
  /** Product-to-product edges: `from` feeds `to`, through the lineage nodes in `via`. */
  edges: { from: string; to: string; via: string[] }[];
  /** Lineage nodes of this product not yet seen in any event (declared outputs nothing has produced). */
  unseen: string[];
  /** The product's own lineage nodes seen so far (its datasets as the graph names them, its DAGs' jobs): where a graph of it starts. */
  lineageNodes: string[];
  truncated: boolean;
}

interface Walk {
  /** The product's own nodes the walk started from (canonical ids; jobs only as lineage knows them). */
  starts: string[];
  traversal: Traversal;
  /** Reached node id → the products owning it (other than the start product). */
  owners: Map<string, ProductIdentity[]>;
}

/**
 * Lineage in product terms. Walks the job/dataset graph from a product's nodes and reports every
 * other product it meets, with the path that connects them (a dataset known by several identities
 * is one node, whichever identity each product names it by). Related products are listed whatever
 * the reader's classification rights: impact analysis exists to tell you whom to warn, and a
 * product's name, owner and tier are what that takes (never its manifest).
 */
@Injectable()
export class ProductLineageService {
  private readonly namespaceOf: NamespaceOf;

  constructor(
    private readonly products: DataProductsService,
    private readonly graph: LineageGraphRepository,
    private readonly aliases: LineageAliasRepository,
    @Inject(CONFIG) config: GatehouseConfig,
  ) {
    const namespaces = new Map(config.orchestrators.map((o) => [o.name, lineageNamespaceOf(o)]));
    this.namespaceOf = (name) => namespaces.get(name);
  }

  async impact(name: string, actor: Principal, depth: number, limit: number): Promise<ImpactReport> {
    const index = await this.indexFor(name, actor);
    const walk = await this.walk(name, index, 'downstream', depth, limit);
    return { product: name, downstream: relatedAlong(walk, name), truncated: walk.traversal.truncated };
  }

  async lineage(name: string, actor: Principal, depth: number, limit: number): Promise<ProductLineage> {
    const index = await this.indexFor(name, actor);
    const self = index.products.find((p) => p.name === name)!;
    const down = await this.walk(name, index, 'downstream', depth, limit);
    const up = await this.walk(name, index, 'upstream', depth, limit);
    const nodes = new Map<string, ProductLineage['nodes'][number]>([[name, { ...related(self), relation: 'self' }]]);
    const edges = new Map<string, ProductLineage['edges'][number]>();
    for (const [walk, relation] of [[down, 'downstream'], [up, 'upstream']] as const) {
      for (const entry of relatedAlong(walk, name)) {
        if (!nodes.has(entry.product.name)) nodes.set(entry.product.name, { ...entry.product, relation });
        // the edge runs from the nearest product before this one on the path (or the start product)
        const before = nearestOwnerBefore(entry.path, walk.owners, entry.product.name) ?? { product: name, at: 0 };
        const via = entry.path.slice(before.at);
        const [from, to] = relation === 'downstream' ? [before.product, entry.product.name] : [entry.product.name, before.product];
        edges.set(`${from}\u0000${to}`, { from, to, via: relation === 'downstream' ? via : [...via].reverse() });
      }
    }
    const start = productNodes(self, this.namespaceOf).datasets;
    const seen = new Set((await this.graph.identities([...new Set([...start.map(index.canonical), ...down.starts])])).map((n) => n.id));
    return {
      product: name,
      nodes: [...nodes.values()].sort((a, b) => a.name.localeCompare(b.name)),
      edges: [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
      unseen: start.filter((id) => !seen.has(index.canonical(id))),
      lineageNodes: down.starts.filter((id) => seen.has(id)).sort(),
      truncated: down.traversal.truncated || up.traversal.truncated,
    };
  }

  /** Every active product, indexed by lineage node; the product asked about must be readable and active. */
  private async indexFor(name: string, actor: Principal): Promise<ProductIndex> {
    const product = await this.products.get(name, actor);
    if (product.status === 'retired') throw new DomainError(ErrorCode.PRODUCT_RETIRED, `Data product ${name} is retired; it has no lineage to follow any more.`);
    const products = await this.products.activeIdentities();
    const canonical = await this.aliases.canonical(products.flatMap((p) => productNodes(p, this.namespaceOf).datasets));
    return new ProductIndex(products, this.namespaceOf, (id) => canonical.get(id) ?? id);
  }

  /** The product's own nodes (datasets and the jobs of its DAGs), then a walk from them. */
  private async walk(name: string, index: ProductIndex, direction: 'upstream' | 'downstream', depth: number, limit: number): Promise<Walk> {
    const product = index.products.find((p) => p.name === name)!;
    const nodes = productNodes(product, this.namespaceOf);
    const dagJobs = (await Promise.all(nodes.dags.map((d) => (d.task ? [jobNodeId(d.namespace, `${d.dagId}.${d.task}`)] : this.graph.jobsOfDag(d.namespace, d.dagId))))).flat();
    const starts = [...new Set(nodes.datasets.map(index.canonical)), ...dagJobs];
    const traversal = await traverse(starts, { depth, direction, limit }, (ids, d, hops) => this.graph.walk(ids, d, hops));
    const rows = await this.graph.identities(traversal.nodes);
    const owners = new Map<string, ProductIdentity[]>();
    for (const row of rows) {
      const found = index.ownersOf(row.id, row.type === 'JOB' ? row : undefined).filter((p) => p.name !== name);
      if (found.length) owners.set(row.id, found);
    }
    return { starts, traversal, owners };
  }
}

/** Each product met on the walk once, at its shortest path, nearest first. */
function relatedAlong(walk: Walk, self: string): ImpactEntry[] {
  const best = new Map<string, ImpactEntry>();
  for (const id of walk.traversal.nodes) {
    for (const product of walk.owners.get(id) ?? []) {
      if (product.name === self || best.has(product.name)) continue;
      const path = pathTo(id, walk.traversal.via);
      const between = new Set(path.slice(0, -1).flatMap((n) => (walk.owners.get(n) ?? []).map((p) => p.name)));
      between.delete(product.name);
      best.set(product.name, { product: related(product), distance: between.size, path });
    }
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance || a.path.length - b.path.length || a.product.name.localeCompare(b.product.name));
}

function nearestOwnerBefore(path: string[], owners: Map<string, ProductIdentity[]>, target: string): { product: string; at: number } | null {
  for (let i = path.length - 2; i >= 0; i--) {
    const other = (owners.get(path[i]) ?? []).find((p) => p.name !== target);
    if (other) return { product: other.name, at: i };
  }
  return null;
}

function related(p: ProductIdentity): RelatedProduct {
  return { name: p.name, title: p.title, owner: p.owner, stewards: p.stewards, tier: p.tier, classification: p.classification };
}
