import { vi } from 'vitest';

/** A stand-in for the server: answers each fetch with what `handler` returns for the request. */
export type Handler = (request: Request) => Response | Promise<Response>;

export interface FakeApi {
  /** Every request seen, in order. */
  requests: Request[];
}

export function fakeFetch(handler: Handler): FakeApi {
  const api: FakeApi = { requests: [] };
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && !init ? input : new Request(typeof input === 'string' && input.startsWith('/') ? new URL(input, window.location.origin) : input, init);
    api.requests.push(request);
    return handler(request);
  });
  return api;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });

export const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) =>
  json({ type: `urn:gatehouse:problem:${code}`, title, status, detail: `${title}.`, code, requestId: 'req-1', ...extra }, status);

export const ADMIN_ME = { id: 'admin', name: 'Bootstrap administrator', kind: 'bootstrap', teams: [], roles: ['admin'] };
