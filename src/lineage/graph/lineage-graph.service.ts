import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { encodeCursor, pageOf } from '../../common/pagination';
import type { GatehouseConfig } from '../../config/config';
import { CONFIG } from '../../config/config.module';
import { lineageNamespaceOf } from '../../orchestrators/orchestrators-file';
import { isJobNodeId } from '../node-id';
import type { Facets } from '../openlineage/openlineage.types';
import { NodeProduct, ProductPlacements } from '../products/product-placements';
import { DatasetField, datasetFields } from './dataset-fields';
import { Direction, GraphEdge, LineageGraphRepository } from './lineage-graph.repository';
import { mergeIdentities } from './identity-merge';
import { LineageAliasRepository } from './lineage-alias.repository';
import { pathTo, traverse } from './traversal';

/** Marquez's node shape (`GET /api/v1/lineage`), so tools written for Marquez read Gatehouse. */
export interface GraphNode {
  id: string;
  type: 'JOB' | 'DATASET';
  data: {
    type: 'JOB' | 'DATASET';
    id: { namespace: string; name: string };
    namespace: string;
    name: string;
    facets: Facets;
    updatedAt: string;
    latestRun?: { runId: string; status: string; startedAt: string | null; endedAt: string | null } | null;
    /** Gatehouse's additions. The data products holding the node (declared outputs, bound assets, DAGs, tasks). */
    products: NodeProduct[];
    /** Datasets only: the latest completed write by any run. */
    lastProducedAt?: string | null;
    /** Datasets only: the `schema` facet's fields, nested ones flattened with dotted names. */
    fields?: DatasetField[];
    /** Jobs only: the configured orchestrator instance whose lineage namespace the job reports under. */
    orchestrator?: { name: string; kind: 'airflow' | 'dagster' } | null;
  };
  inEdges: GraphEdge[];
  outEdges: GraphEdge[];
}

export interface LineageGraph {
  graph: GraphNode[];
  /** Gatehouse's additions: what was asked, and whether the node limit cut the walk short. */
  depth: number;
  direction: Direction;
  truncated: boolean;
}

/** One hop from a node in one direction, a page at a time (fan-outs too large to draw at once). */
export interface Neighbours {
  /** The node asked about, as the graph names it (a symlink identity answers its dataset). */
  nodeId: string;
  direction: 'upstream' | 'downstream';
  /** Neighbours matching the filter, on every page. */
  total: number;
  /** Each with only its edge to the node asked about. */
  items: GraphNode[];
  nextCursor: string | null;
}

export interface NeighboursRequest {
  nodeId: string;
  direction: 'upstream' | 'downstream';
  q?: string;
  limit: number;
  /** A decoded cursor: the last id of the page before. */
  cursor?: string;
}

/** A shortest directed path between two nodes. */
export interface LineagePath {
  from: string;
  to: string;
  found: boolean;
  /** Which way the path runs from `from`: downstream is tried first. Null when none was found. */
  direction: 'downstream' | 'upstream' | null;
  /** Node ids from `from` to `to` (empty when none was found). */
  nodes: string[];
  /** The path's edges, each as stored (origin feeds destination). */
  edges: GraphEdge[];
  /** True when none was found but the search stopped at its node limit: a longer way round may exist. */
  truncated: boolean;
}

/** How many nodes a path search may reach in one direction before it gives up (it stops as soon as it reaches `to`). */
const PATH_SEARCH_LIMIT = 20_000;

export interface GraphQuery {
  nodeId: string;
  depth: number;
  direction: Direction;
  limit: number;
}

@Injectable()
export class LineageGraphService {
  private readonly orchestratorOf: Map<string, { name: string; kind: 'airflow' | 'dagster' }>;

  constructor(
    private readonly repository: LineageGraphRepository,
    private readonly aliases: LineageAliasRepository,
    private readonly placements: ProductPlacements,
    @Inject(CONFIG) config: GatehouseConfig,
  ) {
    this.orchestratorOf = new Map(config.orchestrators.map((o) => [lineageNamespaceOf(o), { name: o.name, kind: o.kind }]));
  }

  /**
   * The graph around a node. A dataset known by several identities (symlinks) is one node, named by the dataset that
   * claimed the others: asking for any of them answers that node.
   */
  async lineage(query: GraphQuery): Promise<LineageGraph> {
    // Only datasets have aliases: a job id needs no lookup.
    const start = isJobNodeId(query.nodeId) ? query.nodeId : ((await this.aliases.canonical([query.nodeId])).get(query.nodeId) ?? query.nodeId);
    // An unknown node has no edges, so the walk costs one query; it is told apart by having no row.
    const walk = await traverse([start], query, (ids, direction, hops) => this.repository.walk(ids, direction, hops));
    const graph = await this.describe(walk.nodes, walk.edges);
    if (!graph.some((n) => n.id === start)) {
      throw DomainError.notFound(`No lineage node ${query.nodeId} (ids look like dataset:<namespace>:<name> or job:<namespace>:<name>).`);
    }
    return { graph, depth: query.depth, direction: query.direction, truncated: walk.truncated };
  }

  /** The direct neighbours of a node in one direction, filtered and paged, with the same details as the graph's nodes. */
  async neighbours(request: NeighboursRequest): Promise<Neighbours> {
    const nodeId = await this.existing(request.nodeId, 'nodeId');
    const found = await this.repository.neighbours(nodeId, request.direction, { q: request.q ?? null, after: request.cursor ?? null, limit: request.limit + 1 });
    const page = pageOf(found.ids, request.limit, (id) => id);
    const edges = page.items.map((id) => (request.direction === 'downstream' ? { origin: nodeId, destination: id } : { origin: id, destination: nodeId }));
    const described = new Map((await this.describe(page.items, edges)).map((n) => [n.id, n]));
    // keep the page's order (the cursor's), not describe()'s
    const items = page.items.flatMap((id) => described.get(id) ?? []);
    return { nodeId, direction: request.direction, total: found.total, items, nextCursor: encodeCursor(page.nextCursor) };
  }

  /**
   * A shortest directed path from `from` to `to`, at most `maxDepth` edges: downstream from `from` first, else
   * upstream. Symlink identities are read as their datasets, as the graph reads them.
   */
  async path(fromId: string, toId: string, maxDepth: number): Promise<LineagePath> {
    const [from, to] = await Promise.all([this.existing(fromId, 'from'), this.existing(toId, 'to')]);
    if (from === to) return { from, to, found: true, direction: 'downstream', nodes: [from], edges: [], truncated: false };
    let truncated = false;
    for (const direction of ['downstream', 'upstream'] as const) {
      const walk = await traverse([from], { depth: maxDepth, direction, limit: PATH_SEARCH_LIMIT }, (ids, d, hops) => this.repository.walk(ids, d, hops, [to]));
      truncated ||= walk.truncated;
      if (!walk.via.has(to)) continue;
      const nodes = pathTo(to, walk.via);
      const edges = nodes.slice(1).map((id, i) => (direction === 'downstream' ? { origin: nodes[i], destination: id } : { origin: id, destination: nodes[i] }));
      return { from, to, found: true, direction, nodes, edges, truncated: false };
    }
    return { from, to, found: false, direction: null, nodes: [], edges: [], truncated };
  }

  /** The canonical id of a node that exists, else a 404 naming the query field it came from. */
  private async existing(nodeId: string, field: string): Promise<string> {
    const canonical = isJobNodeId(nodeId) ? nodeId : ((await this.aliases.canonical([nodeId])).get(nodeId) ?? nodeId);
    if (!(await this.repository.identities([canonical])).length) {
      const message = `No lineage node ${nodeId} (ids look like dataset:<namespace>:<name> or job:<namespace>:<name>).`;
      throw new DomainError(ErrorCode.NOT_FOUND, message, [{ field: `query.${field}`, message: 'is no lineage node' }]);
    }
    return canonical;
  }

  /**
   * Nodes (canonical ids) with their facets, merged with their aliases' (see mergeIdentities), and, for jobs, the
   * latest run; edges attached to both ends; sorted by id as Marquez does. What Gatehouse adds (products, last
   * production, fields, orchestrator) costs one read per kind for the whole set, never one per node.
   */
  async describe(ids: string[], edges: GraphEdge[]): Promise<GraphNode[]> {
    // A job's id says it is one, so its latest run is read beside the nodes.
    const [all, runs, productions, placement] = await Promise.all([
      this.repository.nodesWithAliases(ids),
      this.repository.latestRuns(ids.filter(isJobNodeId)),
      this.repository.lastProductions(ids.filter((id) => !isJobNodeId(id))),
      this.placements.current(),
    ]);
    const identities = groupBy(all, (r) => r.of);
    const rows = [...identities].flatMap(([id, group]) => mergeIdentities(id, group) ?? []);
    const into = groupBy(edges, (e) => e.destination);
    const from = groupBy(edges, (e) => e.origin);
    const latest = new Map(runs.map((r) => [r.jobId, r]));
    return rows
      .map((row): GraphNode => {
        const run = latest.get(row.id);
        return {
          id: row.id,
          type: row.type,
          data: {
            type: row.type,
            id: { namespace: row.namespace, name: row.name },
            namespace: row.namespace,
            name: row.name,
            facets: row.facets,
            updatedAt: row.updatedAt.toISOString(),
            products: placement.productsOf(identities.get(row.id) ?? [row]),
            ...(row.type === 'JOB'
              ? {
                  latestRun: run ? { runId: run.runId, status: run.status, startedAt: run.startedAt?.toISOString() ?? null, endedAt: run.endedAt?.toISOString() ?? null } : null,
                  orchestrator: this.orchestratorOf.get(row.namespace) ?? null,
                }
              : { lastProducedAt: productions.get(row.id)?.toISOString() ?? null, fields: datasetFields(row.facets) }),
          },
          inEdges: into.get(row.id) ?? [],
          outEdges: from.get(row.id) ?? [],
        };
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
