import { Inject, Injectable } from '@nestjs/common';
import type { ProductIdentity } from '../../catalog/data-product.types';
import { DataProductsService } from '../../catalog/data-products.service';
import type { ContractChange } from '../../catalog/manifest/contract-changes';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { LineageAliasRepository } from '../../lineage/graph/lineage-alias.repository';
import { LineageGraphRepository } from '../../lineage/graph/lineage-graph.repository';
import { pathTo, traverse } from '../../lineage/graph/traversal';
import { datasetNodeId } from '../../lineage/node-id';
import { ProductIndex, productNodes } from '../../lineage/products/product-nodes';
import { lineageNamespaceOf } from '../../orchestrators/orchestrators-file';

/** How far downstream the gate looks, in lineage edges, and how many nodes it reads at most. */
const DEPTH = 20;
const LIMIT = 5000;

/** A downstream product a breaking change reaches, and why it is affected. */
export interface AffectedReader {
  product: string;
  title: string;
  owner: string;
  stewards: string[];
  tier: number;
  /**
   * Per changed output it reads, the columns its column lineage says it reads; an output is absent
   * when no column lineage of the product names it (then every change of it counts).
   */
  columns: Record<string, string[]>;
  /** Indexes (into the breaking changes) of the changes that reach it. */
  changes: number[];
}

export interface ReaderWalk {
  readers: AffectedReader[];
  /** The walk stopped at its node limit: the list may be incomplete. */
  truncated: boolean;
}

interface ColumnLineageFacet {
  fields?: Record<string, { inputFields?: { namespace?: unknown; name?: unknown; field?: unknown }[] }>;
  dataset?: { namespace?: unknown; name?: unknown; field?: unknown }[];
}

/**
 * Finds the downstream products that breaking changes reach: a lineage walk from the changed
 * outputs (all of them for a product-level change), then, for each product met, the column lineage
 * of the datasets it writes (the OpenLineage `columnLineage` facet, any version; direct and
 * indirect uses both count). A product whose column lineage names a changed output is affected
 * only by changes to the columns it reads (or to the whole output); one without column lineage for
 * that output is affected by every change to it.
 */
@Injectable()
export class DownstreamReaders {
  private readonly namespaceOf: (orchestrator: string) => string | undefined;

  constructor(
    private readonly products: DataProductsService,
    private readonly graph: LineageGraphRepository,
    private readonly aliases: LineageAliasRepository,
    @Inject(CONFIG) config: GatehouseConfig,
  ) {
    const namespaces = new Map(config.orchestrators.map((o) => [o.name, lineageNamespaceOf(o)]));
    this.namespaceOf = (name) => namespaces.get(name);
  }

  async affectedBy(productName: string, outputs: { namespace: string; name: string }[], changes: ContractChange[]): Promise<ReaderWalk> {
    if (!changes.length) return { readers: [], truncated: false };
    const all = await this.products.activeIdentities();
    const outputIds = outputs.map((o) => datasetNodeId(o.namespace, o.name));
    const canonicalMap = await this.aliases.canonical([...all.flatMap((p) => productNodes(p, this.namespaceOf).datasets), ...outputIds]);
    const canonical = (id: string) => canonicalMap.get(id) ?? id;
    const index = new ProductIndex(all, this.namespaceOf, canonical);
    // a product-level change (personal data, classification) changes every output
    const changed = new Set(changes.some((c) => c.output === null) ? outputIds : changes.flatMap((c) => (c.output ? [c.output] : [])));
    const outputOfStart = new Map([...changed].map((id) => [canonical(id), id]));
    const traversal = await traverse([...outputOfStart.keys()], { depth: DEPTH, direction: 'downstream', limit: LIMIT }, (ids, d, hops) => this.graph.walk(ids, d, hops));
    const rows = await this.graph.identities(traversal.nodes);

    // each product met: the nodes it owns and the changed outputs they are reached from
    const met = new Map<string, { product: ProductIdentity; nodes: Set<string>; from: Set<string> }>();
    for (const row of rows) {
      for (const product of index.ownersOf(row.id, row.type === 'JOB' ? row : undefined)) {
        if (product.name === productName) continue;
        const entry = met.get(product.name) ?? { product, nodes: new Set<string>(), from: new Set<string>() };
        entry.nodes.add(row.id);
        const start = pathTo(row.id, traversal.via)[0];
        if (start !== undefined && outputOfStart.has(start)) entry.from.add(outputOfStart.get(start)!);
        met.set(product.name, entry);
      }
    }
    // the datasets each product writes: its own, and those its jobs were walked to
    const writes = new Map<string, string[]>();
    for (const id of traversal.nodes) {
      if (id.startsWith('job:')) continue;
      for (const [name, entry] of met) {
        const parent = traversal.via.get(id);
        if (entry.nodes.has(id) || (parent !== undefined && entry.nodes.has(parent))) writes.set(name, [...(writes.get(name) ?? []), id]);
      }
    }
    const facets = new Map((await this.graph.nodesWithAliases([...new Set([...writes.values()].flat())])).map((n) => [n.id, n.facets as Record<string, unknown>]));
    const inputIds = new Set<string>();
    for (const f of facets.values()) for (const input of columnInputs(f.columnLineage as ColumnLineageFacet | undefined)) inputIds.add(input.dataset);
    const inputCanonical = await this.aliases.canonical([...inputIds]);
    const changedByCanonical = new Map([...changed].map((id) => [canonical(id), id]));

    const readers: AffectedReader[] = [];
    for (const [name, entry] of met) {
      const columns: Record<string, string[]> = {};
      for (const id of writes.get(name) ?? []) {
        for (const input of columnInputs(facets.get(id)?.columnLineage as ColumnLineageFacet | undefined)) {
          const output = changedByCanonical.get(inputCanonical.get(input.dataset) ?? input.dataset);
          if (!output) continue;
          columns[output] = [...new Set([...(columns[output] ?? []), input.field])].sort();
        }
      }
      const reached = changes.flatMap((c, i) => (reaches(c, entry.from, columns) ? [i] : []));
      if (!reached.length) continue;
      const p = entry.product;
      readers.push({ product: p.name, title: p.title, owner: p.owner, stewards: p.stewards, tier: p.tier, columns, changes: reached });
    }
    return { readers: readers.sort((a, b) => a.product.localeCompare(b.product)), truncated: traversal.truncated };
  }
}

/** Whether a change reaches a product fed by `from` that reads `columns` (`*`: the whole output). */
function reaches(change: ContractChange, from: Set<string>, columns: Record<string, string[]>): boolean {
  if (change.output === null) return from.size > 0;
  if (!from.has(change.output)) return false;
  const read = columns[change.output];
  if (!read || read.includes('*') || change.field === null) return true;
  const top = change.field;
  return read.some((column) => column === top || top.startsWith(`${column}.`) || column.startsWith(`${top}.`));
}

/** The input columns a `columnLineage` facet names, as `{dataset node id, field}` (`*` when it names no field). */
function columnInputs(facet: ColumnLineageFacet | undefined): { dataset: string; field: string }[] {
  if (!facet || typeof facet !== 'object') return [];
  const out: { dataset: string; field: string }[] = [];
  const add = (ref: { namespace?: unknown; name?: unknown; field?: unknown }) => {
    if (typeof ref?.namespace !== 'string' || typeof ref.name !== 'string') return;
    out.push({ dataset: datasetNodeId(ref.namespace, ref.name), field: typeof ref.field === 'string' ? ref.field : '*' });
  };
  for (const field of Object.values(facet.fields ?? {})) for (const ref of Array.isArray(field?.inputFields) ? field.inputFields : []) add(ref);
  // 1-2-0: columns that affect the whole output (filters, joins), each counted as read
  for (const ref of Array.isArray(facet.dataset) ? facet.dataset : []) add(ref);
  return out;
}
