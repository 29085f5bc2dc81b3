import type { ElkNode } from 'elkjs/lib/elk-api';
import { elkGraph, positionsOf } from './elkGraph';
import { LayoutCache, layoutKey, type LayoutRequest, type Positions } from './layoutKey';

export interface LayoutResult {
  key: string;
  positions: Positions;
  /** Time the worker took; 0 for a cache hit. */
  ms: number;
  cached: boolean;
}

/** ELK's worker protocol (layout.worker.ts). */
interface Answer {
  id: number;
  data?: ElkNode;
  error?: unknown;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
const cache = new LayoutCache();

function layoutWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'lineage-layout' });
  worker.onmessage = (event: MessageEvent<Answer>) => {
    if (event.data.id === 0) return; // the answer to 'register'
    const call = pending.get(event.data.id);
    pending.delete(event.data.id);
    call?.resolve(event.data);
  };
  worker.onerror = (event) => {
    for (const call of pending.values()) call.reject(new Error(`The layout worker failed: ${event.message || 'it could not start'}`));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  // ELK's worker knows no algorithm until told which to load (as elk-api does on start)
  worker.postMessage({ id: 0, cmd: 'register', algorithms: ['layered'] });
  return worker;
}

/** Starts the worker (loading ELK, about 1.4 MB) while the graph is still being fetched. */
export function warmUpLayout(): void {
  if (typeof Worker !== 'undefined') layoutWorker();
}

/** Positions for a graph: from the cache when this graph was laid out before, else from the worker. */
export async function layout(request: LayoutRequest): Promise<LayoutResult> {
  const key = layoutKey(request);
  const hit = cache.get(key);
  if (hit) return { key, positions: hit, ms: 0, cached: true };
  const id = nextId++;
  const started = performance.now();
  const answer = await new Promise<Answer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, cmd: 'layout', graph: elkGraph(request), layoutOptions: {}, options: {} });
  });
  if (answer.error || !answer.data) throw new Error(`The graph could not be laid out: ${errorText(answer.error)}`);
  const positions = positionsOf(answer.data);
  cache.set(key, positions);
  return { key, positions, ms: Math.round(performance.now() - started), cached: false };
}

/** A cached layout without asking the worker (for an instant first paint). */
export function cachedLayout(request: LayoutRequest): LayoutResult | null {
  const key = layoutKey(request);
  const hit = cache.get(key);
  return hit ? { key, positions: hit, ms: 0, cached: true } : null;
}

function errorText(error: unknown): string {
  if (!error) return 'no positions came back';
  if (typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
