/**
 * JSON Schemas of the lineage endpoints' answers, for the OpenAPI document: the graph in Marquez's
 * shape is the contract tools written for Marquez rely on, so it is spelled out (and the API
 * conformance suite and the e2e specs check real answers against it). Kept beside the types they
 * describe (lineage-graph.service.ts, product-lineage.service.ts, lineage-ingest.service.ts), and
 * named so generated clients get one type per shape.
 */
import { CLASSIFICATIONS } from '../../catalog/manifest/manifest.schema';
import { namedSchema } from '../../common/validation/openapi';

const nullableString = { type: ['string', 'null'] };
const count = { type: 'integer', minimum: 0 };
const nodeType = { type: 'string', enum: ['JOB', 'DATASET'] };
export const LINEAGE_EDGE = namedSchema('LineageEdge', { type: 'object', properties: { origin: { type: 'string' }, destination: { type: 'string' } }, required: ['origin', 'destination'] });

export const INGEST_REPORT = namedSchema('LineageIngestReport', {
  type: 'object',
  properties: { status: { const: 'success' }, received: count, stored: count, duplicates: count },
  required: ['status', 'received', 'stored', 'duplicates'],
});

const NODE_PRODUCT = namedSchema('LineageNodeProduct', {
  type: 'object',
  description: 'A data product holding a lineage node',
  properties: {
    name: { type: 'string' },
    owner: { type: 'string' },
    tier: { type: 'integer' },
    environment: { ...nullableString, description: 'The environment of the orchestrator instance the product holds the node through; null for a declared output' },
  },
  required: ['name', 'owner', 'tier', 'environment'],
});

const DATASET_FIELD = namedSchema('LineageDatasetField', {
  type: 'object',
  properties: { name: { type: 'string' }, type: nullableString, description: nullableString },
  required: ['name', 'type', 'description'],
});

export const GRAPH_NODE = namedSchema('LineageGraphNode', {
  type: 'object',
  properties: {
    id: { type: 'string', description: '`job:<namespace>:<name>` or `dataset:<namespace>:<name>`' },
    type: nodeType,
    data: {
      type: 'object',
      properties: {
        type: nodeType,
        id: { type: 'object', properties: { namespace: { type: 'string' }, name: { type: 'string' } }, required: ['namespace', 'name'] },
        namespace: { type: 'string' },
        name: { type: 'string' },
        facets: { type: 'object', description: 'As last reported, per facet name' },
        updatedAt: { type: 'string', format: 'date-time' },
        latestRun: {
          description: 'Jobs only: the most recent run lineage reported',
          oneOf: [
            { type: 'null' },
            { type: 'object', properties: { runId: { type: 'string' }, status: { type: 'string' }, startedAt: nullableString, endedAt: nullableString }, required: ['runId', 'status', 'startedAt', 'endedAt'] },
          ],
        },
        products: { type: 'array', items: NODE_PRODUCT, description: 'Gatehouse: the data products whose declared outputs or bound assets are this dataset, or whose bound DAG or task is this job' },
        lastProducedAt: { ...nullableString, format: 'date-time', description: 'Datasets only: the latest completed write by any run' },
        fields: { type: 'array', items: DATASET_FIELD, description: 'Datasets only: the schema facet’s fields, nested fields named by their dotted path' },
        orchestrator: {
          description: 'Jobs only: the configured orchestrator instance whose lineage namespace the job reports under',
          oneOf: [{ type: 'null' }, { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string', enum: ['airflow', 'dagster'] } }, required: ['name', 'kind'] }],
        },
      },
      required: ['type', 'id', 'namespace', 'name', 'facets', 'updatedAt', 'products'],
    },
    inEdges: { type: 'array', items: LINEAGE_EDGE },
    outEdges: { type: 'array', items: LINEAGE_EDGE },
  },
  required: ['id', 'type', 'data', 'inEdges', 'outEdges'],
});

export const LINEAGE_GRAPH = namedSchema('LineageGraph', {
  type: 'object',
  description: "Marquez's `{graph: [{id, type, data, inEdges, outEdges}]}`, plus what was asked and whether the node limit cut the walk short",
  properties: {
    graph: { type: 'array', items: GRAPH_NODE },
    depth: count,
    direction: { type: 'string', enum: ['upstream', 'downstream', 'both'] },
    truncated: { type: 'boolean' },
  },
  required: ['graph', 'depth', 'direction', 'truncated'],
});

export const LINEAGE_NEIGHBOURS = namedSchema('LineageNeighbours', {
  type: 'object',
  description: 'One page of the direct neighbours of a node in one direction',
  properties: {
    nodeId: { type: 'string', description: 'The node asked about, as the graph names it (a symlink identity answers its dataset)' },
    direction: { type: 'string', enum: ['upstream', 'downstream'] },
    total: { ...count, description: 'Neighbours matching the filter, on all pages' },
    items: { type: 'array', items: GRAPH_NODE, description: 'Sorted by id; each with only its edge to the node asked about' },
    nextCursor: { ...nullableString, description: 'Pass as `cursor` for the next page; null on the last' },
  },
  required: ['nodeId', 'direction', 'total', 'items', 'nextCursor'],
});

export const LINEAGE_PATH = namedSchema('LineagePath', {
  type: 'object',
  description: 'A shortest directed path between two nodes',
  properties: {
    from: { type: 'string' },
    to: { type: 'string' },
    found: { type: 'boolean' },
    direction: { description: 'Which way the path runs from `from` (downstream is tried first); null when none was found', oneOf: [{ type: 'null' }, { type: 'string', enum: ['downstream', 'upstream'] }] },
    nodes: { type: 'array', items: { type: 'string' }, description: 'Node ids from `from` to `to`; empty when none was found' },
    edges: { type: 'array', items: LINEAGE_EDGE, description: 'The path’s edges as stored (origin feeds destination)' },
    truncated: { type: 'boolean', description: 'True when none was found but the search reached its limit of 20,000 nodes: a path may still exist' },
  },
  required: ['from', 'to', 'found', 'direction', 'nodes', 'edges', 'truncated'],
});

const RELATED_PRODUCT = {
  name: { type: 'string' },
  title: { type: 'string' },
  owner: { type: 'string' },
  stewards: { type: 'array', items: { type: 'string' } },
  tier: { type: 'integer' },
  classification: { type: 'string', enum: CLASSIFICATIONS },
};
const RELATED_REQUIRED = Object.keys(RELATED_PRODUCT);
const RELATED = namedSchema('RelatedProduct', { type: 'object', description: 'A data product as lineage and impact analysis name it', properties: RELATED_PRODUCT, required: RELATED_REQUIRED });

export const IMPACT_REPORT = namedSchema('ImpactReport', {
  type: 'object',
  properties: {
    product: { type: 'string' },
    downstream: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          product: RELATED,
          distance: { ...count, description: 'Products between this one and the changed one (0 = fed directly by it)' },
          path: { type: 'array', items: { type: 'string' }, description: 'Lineage node ids from the changed product to this one' },
        },
        required: ['product', 'distance', 'path'],
      },
    },
    truncated: { type: 'boolean' },
  },
  required: ['product', 'downstream', 'truncated'],
});

export const PRODUCT_LINEAGE = namedSchema('ProductLineage', {
  type: 'object',
  properties: {
    product: { type: 'string' },
    nodes: {
      type: 'array',
      items: { type: 'object', properties: { ...RELATED_PRODUCT, relation: { type: 'string', enum: ['self', 'upstream', 'downstream'] } }, required: [...RELATED_REQUIRED, 'relation'] },
    },
    edges: {
      type: 'array',
      items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, via: { type: 'array', items: { type: 'string' } } }, required: ['from', 'to', 'via'] },
    },
    unseen: { type: 'array', items: { type: 'string' }, description: "Lineage nodes of this product no event has named yet (declared outputs nothing has produced)" },
    lineageNodes: { type: 'array', items: { type: 'string' }, description: 'The product’s own lineage nodes seen so far (its datasets as the graph names them, the jobs of its DAGs and tasks), sorted: where a graph of the product starts' },
    truncated: { type: 'boolean' },
  },
  required: ['product', 'nodes', 'edges', 'unseen', 'lineageNodes', 'truncated'],
});
