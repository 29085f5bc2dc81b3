import type { components } from '../../api/schema';

/**
 * The lineage graph as the explorer holds it: every node and edge loaded so far (the focus's walk
 * and each expansion merged), read from the API's Marquez-shaped answer. Reading is defensive:
 * facets are whatever producers reported, so a field of the wrong shape is skipped, never thrown.
 */

export type ApiLineageNode = components['schemas']['LineageGraphNode'];
export type NodeKind = 'DATASET' | 'JOB';
export type Direction = 'upstream' | 'downstream';

export interface ProductRef {
  name: string;
  owner: string;
  tier?: number;
  environment?: string;
}

export interface SchemaField {
  name: string;
  type?: string;
  description?: string;
}

/** One output column and the input columns it is computed from (OpenLineage columnLineage facet). */
export interface ColumnDerivation {
  field: string;
  inputs: { node: string; field: string }[];
}

export interface LatestRun {
  status: string;
  startedAt: string | null;
  endedAt: string | null;
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  namespace: string;
  name: string;
  products: ProductRef[];
  /** Datasets: the schema (fields facet, else the schema facet). */
  fields: SchemaField[];
  /** Datasets: when a run last wrote it. */
  lastProducedAt: string | null;
  /** Datasets: column lineage of its outputs. */
  columnLineage: ColumnDerivation[];
  /** Jobs. */
  latestRun: LatestRun | null;
  orchestrator: { name: string; kind: string } | null;
  updatedAt: string | null;
}

export interface GraphEdge {
  origin: string;
  destination: string;
}

export interface Graph {
  nodes: Map<string, GraphNode>;
  /** By edgeKey(origin, destination). */
  edges: Map<string, GraphEdge>;
}

export const edgeKey = (origin: string, destination: string) => `${origin}\u0000${destination}`;

export function emptyGraph(): Graph {
  return { nodes: new Map(), edges: new Map() };
}

export function datasetId(namespace: string, name: string): string {
  return `dataset:${namespace}:${name}`;
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function readProducts(v: unknown): ProductRef[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).flatMap((p) => {
    const name = str(p.name);
    if (!name) return [];
    return [{ name, owner: str(p.owner) ?? '', ...(typeof p.tier === 'number' ? { tier: p.tier } : {}), ...(str(p.environment) ? { environment: str(p.environment) } : {}) }];
  });
}

function readFields(v: unknown): SchemaField[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).flatMap((f) => {
    const name = str(f.name);
    return name ? [{ name, ...(str(f.type) ? { type: str(f.type) } : {}), ...(str(f.description) ? { description: str(f.description) } : {}) }] : [];
  });
}

/** The columnLineage facet: `fields: { <output>: { inputFields: [{namespace, name, field}] } }`. */
export function readColumnLineage(facet: unknown): ColumnDerivation[] {
  if (!isObject(facet) || !isObject(facet.fields)) return [];
  return Object.entries(facet.fields).flatMap(([field, spec]) => {
    if (!isObject(spec) || !Array.isArray(spec.inputFields)) return [];
    const inputs = spec.inputFields.filter(isObject).flatMap((i) => {
      const [ns, name, f] = [str(i.namespace), str(i.name), str(i.field)];
      return ns !== undefined && name !== undefined && f !== undefined ? [{ node: datasetId(ns, name), field: f }] : [];
    });
    return [{ field, inputs }];
  });
}

/** One node of the API's answer, in the explorer's terms. */
export function readNode(api: ApiLineageNode): GraphNode {
  const data = api.data as unknown as Loose;
  const facets = isObject(data.facets) ? data.facets : {};
  const schema = isObject(facets.schema) ? facets.schema.fields : undefined;
  const run = isObject(data.latestRun) ? data.latestRun : null;
  const orchestrator = isObject(data.orchestrator) && str(data.orchestrator.name) ? { name: str(data.orchestrator.name)!, kind: str(data.orchestrator.kind) ?? '' } : null;
  return {
    id: api.id,
    kind: api.type,
    namespace: str(data.namespace) ?? '',
    name: str(data.name) ?? api.id,
    products: readProducts(data.products),
    fields: Array.isArray(data.fields) ? readFields(data.fields) : readFields(schema),
    lastProducedAt: str(data.lastProducedAt) ?? null,
    columnLineage: readColumnLineage(facets.columnLineage),
    latestRun: run && str(run.status) ? { status: str(run.status)!, startedAt: str(run.startedAt) ?? null, endedAt: str(run.endedAt) ?? null } : null,
    orchestrator,
    updatedAt: str(data.updatedAt) ?? null,
  };
}

/** Adds an answer's nodes and edges to a graph (a new graph; the inputs are not changed). */
export function mergeInto(graph: Graph, answer: readonly ApiLineageNode[]): Graph {
  const nodes = new Map(graph.nodes);
  const edges = new Map(graph.edges);
  for (const api of answer) {
    nodes.set(api.id, readNode(api));
    for (const e of [...api.inEdges, ...api.outEdges]) edges.set(edgeKey(e.origin, e.destination), { origin: e.origin, destination: e.destination });
  }
  return { nodes, edges };
}

/** The union of several answers (the focus walk and every expansion), edges kept only between loaded nodes. */
export function mergeAnswers(answers: readonly (readonly ApiLineageNode[])[]): Graph {
  let graph = emptyGraph();
  for (const answer of answers) graph = mergeInto(graph, answer);
  for (const [key, e] of graph.edges) if (!graph.nodes.has(e.origin) || !graph.nodes.has(e.destination)) graph.edges.delete(key);
  return graph;
}

/** Neighbours of each node in each direction, from a list of edges. */
export function adjacency(edges: Iterable<GraphEdge>): { up: Map<string, string[]>; down: Map<string, string[]> } {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const e of edges) {
    (down.get(e.origin) ?? down.set(e.origin, []).get(e.origin)!).push(e.destination);
    (up.get(e.destination) ?? up.set(e.destination, []).get(e.destination)!).push(e.origin);
  }
  return { up, down };
}
