import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, data } from '../../api/client';
import { edgeKey, mergeAnswers, type ApiLineageNode, type Graph, type GraphEdge, type ProductRef } from './model';
import type { Expansion, LineageDirection } from './urlState';

/** Nodes drawn at most, unless the server says otherwise (GATEHOUSE_LINEAGE_VIEW_MAX_NODES). */
export const DEFAULT_MAX_NODES = 1000;

export interface LineageData {
  graph: Graph;
  /** The nodes the view starts from (the product's own datasets and jobs, or the node asked for as the graph names it). */
  focus: string[];
  /** The product asked for, when the view is a product's. */
  product: ProductRef | null;
  /** A walk stopped at the node limit: the graph is larger than what was loaded. */
  truncated: boolean;
  pending: boolean;
  error: unknown;
  /** The product's datasets no lineage event has named yet. */
  unseen: string[];
  retry(): void;
}

interface Walk {
  nodeId: string;
  depth: number;
  direction: LineageDirection;
}

const walkQuery = (walk: Walk, limit: number, enabled: boolean) => ({
  enabled,
  queryKey: ['lineage', walk.nodeId, walk.direction, walk.depth, limit],
  queryFn: () => data(api.GET('/api/v1/lineage', { params: { query: { nodeId: walk.nodeId, depth: walk.depth, direction: walk.direction, limit } } })),
  staleTime: 60_000,
});

/**
 * Loads what the explorer shows: the walk from the focus (depth and direction as asked) and one
 * walk per expansion (one hop from that node, or the node alone), merged into one graph. Each
 * walk asks for one node more than can be drawn, so "too many" is known without loading it all.
 */
export function useLineageData(options: {
  product?: string;
  node?: string;
  depth: number;
  direction: LineageDirection;
  expansions: readonly Expansion[];
  /** The path asked for, as the server found it: its nodes are loaded and its edges added. */
  path?: { nodes: readonly string[]; edges: readonly GraphEdge[] } | undefined;
  maxNodes: number;
  /** False until the server's node limit is known (walks ask for one node more than it). */
  limitKnown: boolean;
}): LineageData {
  const limit = options.maxNodes + 1;
  const product = useQuery({
    queryKey: ['data-products', options.product],
    queryFn: () => data(api.GET('/api/v1/data-products/{name}', { params: { path: { name: options.product! } } })),
    enabled: Boolean(options.product),
  });
  // where a product's graph starts: its own nodes as lineage names them (datasets, and the jobs of
  // its DAGs), and its declared outputs nothing has produced yet (one hop is enough to know them)
  const productNodes = useQuery({
    queryKey: ['data-products', options.product, 'lineage-nodes'],
    queryFn: () => data(api.GET('/api/v1/data-products/{name}/lineage', { params: { path: { name: options.product! }, query: { depth: 1, limit: 1 } } })),
    enabled: Boolean(options.product),
    staleTime: 60_000,
  });
  const starts = useMemo(() => {
    if (options.product) return productNodes.data?.lineageNodes ?? [];
    return options.node ? [options.node] : [];
  }, [options.product, options.node, productNodes.data]);

  const walks: Walk[] = useMemo(
    () => [
      ...starts.map((nodeId) => ({ nodeId, depth: options.depth, direction: options.direction })),
      ...options.expansions.map((e) => ({ nodeId: e.node, depth: e.kind === 'n' ? 0 : (e.hops ?? 1), direction: (e.kind === 'u' ? 'upstream' : e.kind === 'd' ? 'downstream' : 'both') as LineageDirection })),
      ...(options.path?.nodes ?? []).map((nodeId) => ({ nodeId, depth: 0, direction: 'both' as LineageDirection })),
    ],
    [starts, options.depth, options.direction, options.expansions, options.path],
  );
  const results = useQueries({ queries: walks.map((w) => walkQuery(w, limit, options.limitKnown)) });

  // the merged graph changes only when an answer does (each walk's data is stable until refetched)
  const stamp = results.map((r, i) => `${walks[i]?.nodeId}|${walks[i]?.direction}|${walks[i]?.depth}|${r.dataUpdatedAt}`).join('\n');
  const graph = useMemo(() => {
    const merged = mergeAnswers(results.flatMap((r) => (r.data ? [r.data.graph as ApiLineageNode[]] : [])));
    for (const e of options.path?.edges ?? []) {
      if (merged.nodes.has(e.origin) && merged.nodes.has(e.destination)) merged.edges.set(edgeKey(e.origin, e.destination), { origin: e.origin, destination: e.destination });
    }
    return merged;
  }, [stamp, options.path]); // eslint-disable-line react-hooks/exhaustive-deps

  const focus = useMemo(() => {
    // a start the graph names by another identity (a symlink) is found by its name
    return starts.flatMap((id, i) => {
      const answer = results[i]?.data;
      if (!answer) return [];
      if (graph.nodes.has(id)) return [id];
      const name = id.slice(id.lastIndexOf(':') + 1);
      const found = answer.graph.find((n) => n.type === 'DATASET' && n.data.name === name) ?? (answer.graph.length === 1 ? answer.graph[0] : undefined);
      return found ? [found.id] : [];
    });
  }, [starts, graph, stamp]); // eslint-disable-line react-hooks/exhaustive-deps

  const productRef: ProductRef | null = product.data ? { name: product.data.name, owner: product.data.owner } : null;
  const productError = options.product ? (product.error ?? productNodes.error) : null;
  // a product's declared output that no event has named yet is not an error: it is not drawn
  const unseen = options.product ? (productNodes.data?.unseen ?? []) : [];
  const walkError = results.find((r) => r.error)?.error;
  return {
    graph,
    focus,
    product: productRef,
    truncated: results.some((r) => r.data?.truncated),
    pending: !options.limitKnown || (Boolean(options.product) && (product.isPending || productNodes.isPending)) || results.some((r) => r.isPending),
    error: productError ?? walkError ?? null,
    unseen,
    retry: () => {
      if (product.error) void product.refetch();
      if (productNodes.error) void productNodes.refetch();
      for (const r of results) if (r.error) void r.refetch();
    },
  };
}
