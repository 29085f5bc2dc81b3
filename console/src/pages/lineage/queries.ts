import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { DEFAULT_MAX_NODES } from './useLineageData';

/** How many nodes the console draws at once, as the server is configured (GATEHOUSE_LINEAGE_VIEW_MAX_NODES). */
export function useMaxNodes(): { maxNodes: number; pending: boolean; error: unknown } {
  const settings = useQuery({ queryKey: ['console-settings'], queryFn: () => data(api.GET('/api/v1/console/settings')), staleTime: 5 * 60_000 });
  return { maxNodes: settings.data?.lineageMaxNodes ?? DEFAULT_MAX_NODES, pending: settings.isPending, error: settings.error };
}

/** The shortest path between two nodes as the server finds it (through nodes not loaded yet, too). */
export function useServerPath(path: readonly [string, string] | null) {
  return useQuery({
    queryKey: ['lineage-path', path?.[0], path?.[1]],
    queryFn: () => data(api.GET('/api/v1/lineage/path', { params: { query: { from: path![0], to: path![1], maxDepth: 20 } } })),
    enabled: path !== null,
    staleTime: 60_000,
  });
}

/** One page of a node's neighbours on one side, filtered by name (a group node's list). */
export function useNeighbours(nodeId: string, direction: 'upstream' | 'downstream', q: string, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: ['lineage-neighbours', nodeId, direction, q, cursor, limit],
    queryFn: () => data(api.GET('/api/v1/lineage/neighbours', { params: { query: { nodeId, direction, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), limit } } })),
    staleTime: 30_000,
  });
}
