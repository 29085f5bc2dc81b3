import { useEffect, useMemo, useState } from 'react';
import { sizeOf, type Display } from './display';
import { cachedLayout, layout, type LayoutResult } from './layoutClient';
import { layoutKey, type LayoutDirection, type LayoutRequest } from './layoutKey';

export interface LayoutState {
  /** The latest positions (possibly of the previous graph while the new one is laid out). */
  result: LayoutResult | null;
  /** True once the positions are those of the graph shown. */
  ready: boolean;
  error: Error | null;
}

/** ELK positions for the drawn graph: from the cache at once when this graph was laid out before, else from the worker. */
export function useLayout(display: Display, direction: LayoutDirection, enabled: boolean): LayoutState {
  const request = useMemo<LayoutRequest>(
    () => ({
      nodes: display.nodes.map((n) => ({ id: n.id, ...sizeOf(n) })),
      edges: display.edges.map((e) => ({ id: e.key, source: e.origin, target: e.destination })),
      direction,
    }),
    [display.nodes, display.edges, direction],
  );
  const key = useMemo(() => layoutKey(request), [request]);
  const hit = useMemo(() => cachedLayout(request), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const [computed, setComputed] = useState<LayoutResult | null>(null);
  const [error, setError] = useState<{ key: string; error: Error } | null>(null);

  useEffect(() => {
    if (!enabled || hit || request.nodes.length === 0) return;
    let live = true;
    layout(request).then(
      (r) => live && setComputed(r),
      (e: unknown) => live && setError({ key, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [key, enabled]); // eslint-disable-line react-hooks/exhaustive-deps

  const result = hit ?? computed;
  return { result, ready: result?.key === key, error: error?.key === key ? error.error : null };
}
