import { hashKey, useQuery, type QueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { Middleware } from 'openapi-fetch';
import { useSyncExternalStore } from 'react';
import { ApiProblem, isApiProblem } from './problem';

/*
 * Polling with ETags, for pages that must notice a change made by someone else (a promotion's
 * decision screen, the approver's inbox).
 *
 * Why polling and not server-sent events or a WebSocket:
 *   - Several Gatehouse instances share one PostgreSQL database, and a change (an approval, a run
 *     that ended, the executor moving a promotion on) can be made through any of them. A push
 *     channel would need a cross-instance event bus (LISTEN/NOTIFY fan-out, a broker) that
 *     Gatehouse does not have; a poll reads the shared database, whichever instance answers it.
 *   - The browser's EventSource cannot send an `Authorization: Bearer` header, which is how the
 *     console authenticates every call (tokens are never put in URLs or cookies).
 *   - The server answers a poll whose `If-None-Match` still matches with 304 and no body, so an
 *     unchanged resource costs a request line and a few headers, not a re-serialised promotion.
 *
 * How the 304 gets through the API client: the shared openapi-fetch middleware (client.ts) turns
 * every non-2xx answer into a thrown ApiProblem, and a 304 is not 2xx. A polled call therefore adds
 * a per-request middleware (`notModifiedMiddleware`). openapi-fetch runs per-request middleware's
 * `onResponse` before the client's global ones, so it sees the 304 first, notes it, and hands the
 * rest of the chain an empty 204 — which the session middleware lets pass. Every other answer
 * (2xx, 401 ending the session, 403 problems…) goes through the shared handling unchanged. The
 * call also uses `cache: 'no-store'`, so the browser's own HTTP cache never answers or
 * revalidates for us: the 304 reaches this code, and the ETag we send is the one we hold.
 *
 * The ETag is kept per query (per QueryClient and query hash) together with the body it names,
 * and on a 304 that body is returned: TanStack Query sees the same object and re-renders nothing.
 * Entries are dropped when the query leaves the cache.
 *
 * Polling pauses while the tab is hidden (`document.visibilityState === 'hidden'`): the interval
 * is switched off, and the query refetches once the tab is shown again.
 */

/** What a polled call passes to openapi-fetch: spread it into the call's options. */
export interface PollInit {
  headers: Record<string, string>;
  middleware: Middleware[];
  cache: RequestCache;
  signal: AbortSignal | undefined;
}

/** A typed API call, e.g. `(init) => api.GET('/api/v1/promotions/{id}', { params: { path: { id } }, ...init })`. */
export type PolledCall<T> = (init: PollInit) => Promise<{ data?: T; response: Response }>;

interface Entry {
  etag: string;
  data: unknown;
}

const stores = new WeakMap<QueryClient, Map<string, Entry>>();

function storeOf(client: QueryClient): Map<string, Entry> {
  let store = stores.get(client);
  if (!store) {
    const created = new Map<string, Entry>();
    stores.set(client, created);
    // forget the ETag (and the body it names) with the query
    client.getQueryCache().subscribe((event) => {
      if (event.type === 'removed') created.delete(event.query.queryHash);
    });
    store = created;
  }
  return store;
}

/** The ETag held for a query (what its next poll sends as If-None-Match), if any. */
export function knownEtag(client: QueryClient, queryKey: QueryKey): string | undefined {
  return stores.get(client)?.get(hashKey(queryKey))?.etag;
}

/** Marks a 304 and turns it into an empty 204 so the client's error middleware lets it pass (see above). */
function notModifiedMiddleware(onNotModified: () => void): Middleware {
  return {
    onResponse({ response }) {
      if (response.status !== 304) return undefined;
      onNotModified();
      return new Response(null, { status: 204, headers: response.headers });
    },
  };
}

/**
 * Runs a polled call with the ETag held for `queryKey`: a 200 stores its ETag and body, a 304
 * returns the stored body. Errors are thrown as the client throws them (ApiProblem).
 */
export async function fetchWithEtag<T>(client: QueryClient, queryKey: QueryKey, call: PolledCall<T>, signal?: AbortSignal): Promise<T> {
  const store = storeOf(client);
  const hash = hashKey(queryKey);
  const known = store.get(hash);
  let notModified = false;
  const { data, response } = await call({
    headers: known ? { 'If-None-Match': known.etag } : {},
    middleware: [notModifiedMiddleware(() => (notModified = true))],
    cache: 'no-store',
    signal,
  });
  if (notModified) {
    if (known) return known.data as T;
    // a 304 we did not ask for: nothing to keep
    throw new ApiProblem({ status: 304, title: 'Not modified', detail: 'The server answered 304 to a request without an ETag.', code: 'unexpected_response' });
  }
  const etag = response.headers.get('ETag');
  if (etag) store.set(hash, { etag, data });
  else store.delete(hash);
  return data as T;
}

/** A queryFn for `useQuery` that polls with ETags: `queryFn: etagQueryFn((init) => api.GET(…, { …, ...init }))`. */
export function etagQueryFn<T>(call: PolledCall<T>) {
  return ({ client, queryKey, signal }: { client: QueryClient; queryKey: QueryKey; signal: AbortSignal }) => fetchWithEtag(client, queryKey, call, signal);
}

// The page's visibility, as a React external store.
function subscribeVisibility(listener: () => void): () => void {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}
const isVisible = () => document.visibilityState !== 'hidden';
const alwaysVisible = () => true;

/** Whether the tab is shown (`document.visibilityState` is not `hidden`); re-renders when it changes. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, isVisible, alwaysVisible);
}

export interface PolledQueryOptions<T> {
  queryKey: QueryKey;
  call: PolledCall<T>;
  /** Milliseconds between polls, or a function of the data held (e.g. faster while a promotion is open). */
  interval: number | ((data: T | undefined) => number);
  enabled?: boolean;
}

/** Polling intervals of the console's polled pages. */
export const POLL = {
  /** A promotion that can still change state by itself (open, approved, executing). */
  promotionActive: 2_000,
  /** A promotion in a final state (it can still be rolled back later). */
  promotionFinal: 15_000,
  /** The approver's inbox. */
  inbox: 5_000,
  /** Lists (promotions). */
  list: 15_000,
} as const;

/**
 * `useQuery` that polls with ETags every `interval` while the tab is visible, and refetches
 * at once when it is shown again (a 304 when nothing changed).
 */
export function usePolledQuery<T>({ queryKey, call, interval, enabled = true }: PolledQueryOptions<T>): UseQueryResult<T, ApiProblem> {
  const visible = usePageVisible();
  return useQuery<T, ApiProblem>({
    queryKey,
    queryFn: etagQueryFn(call),
    enabled,
    // every read is a cheap conditional request, so showing the page again always asks
    staleTime: 0,
    refetchOnWindowFocus: 'always',
    refetchInterval: visible
      ? (query) => {
          // a 4xx (gone, not allowed, invalid) will not change by itself: stop asking until shown again
          const error = query.state.status === 'error' ? query.state.error : null;
          if (isApiProblem(error) && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) return false;
          return typeof interval === 'function' ? interval(query.state.data) : interval;
        }
      : false,
    refetchIntervalInBackground: false,
  });
}
