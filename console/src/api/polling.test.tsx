import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getToken, signIn } from '../auth/session';
import { fakeFetch, json, problem } from '../test/fakeApi';
import { api } from './client';
import { fetchWithEtag, knownEtag, usePolledQuery } from './polling';
import { ApiProblem } from './problem';

const PAGE = { items: [], nextCursor: null };
const call = (init: Parameters<Parameters<typeof fetchWithEtag>[2]>[0]) => api.GET('/api/v1/promotions', { params: { query: { awaitingMe: 'true' } }, ...init });

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  // back to happy-dom's own
  delete (document as unknown as Record<string, unknown>).visibilityState;
});

describe('fetchWithEtag', () => {
  it('stores the ETag, sends it as If-None-Match, and keeps the data it has on 304', async () => {
    let version = 1;
    const fake = fakeFetch((r) => {
      const etag = `W/"v${version}"`;
      if (r.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
      return json({ ...PAGE, items: [{ version }] }, 200, { etag });
    });
    signIn('ghs_session');
    const client = new QueryClient();
    const key = ['promotions', 'inbox'];

    const first = await fetchWithEtag(client, key, call);
    expect(first).toEqual({ items: [{ version: 1 }], nextCursor: null });
    expect(fake.requests[0]!.headers.get('if-none-match')).toBeNull();
    expect(fake.requests[0]!.headers.get('authorization')).toBe('Bearer ghs_session');
    expect(fake.requests[0]!.cache).toBe('no-store');
    expect(knownEtag(client, key)).toBe('W/"v1"');

    // unchanged: 304, no body, the same object back
    const second = await fetchWithEtag(client, key, call);
    expect(fake.requests[1]!.headers.get('if-none-match')).toBe('W/"v1"');
    expect(second).toBe(first);

    // changed: a 200 with the new body and ETag
    version = 2;
    const third = await fetchWithEtag(client, key, call);
    expect(third).toEqual({ items: [{ version: 2 }], nextCursor: null });
    expect(knownEtag(client, key)).toBe('W/"v2"');
    // each query has its own ETag
    expect(knownEtag(client, ['promotions', 'other'])).toBeUndefined();
  });

  it('forgets the ETag when the query leaves the cache', async () => {
    fakeFetch(() => json(PAGE, 200, { etag: 'W/"a"' }));
    signIn('ghs_session');
    const client = new QueryClient();
    await client.fetchQuery({ queryKey: ['promotions', 'x'], queryFn: (ctx) => fetchWithEtag(ctx.client, ctx.queryKey, call) });
    expect(knownEtag(client, ['promotions', 'x'])).toBe('W/"a"');
    client.removeQueries({ queryKey: ['promotions', 'x'] });
    expect(knownEtag(client, ['promotions', 'x'])).toBeUndefined();
  });

  it('leaves every other answer to the client: problems are thrown, a 401 still ends the session', async () => {
    let status = 403;
    fakeFetch(() => (status === 403 ? problem(403, 'forbidden', 'Forbidden', { reason: 'not yours' }) : problem(401, 'unauthorized', 'Unauthorized')));
    signIn('ghs_session');
    const client = new QueryClient();
    const forbidden = (await fetchWithEtag(client, ['p'], call).catch((e: unknown) => e)) as ApiProblem;
    expect(forbidden).toBeInstanceOf(ApiProblem);
    expect([forbidden.status, forbidden.reason]).toEqual([403, 'not yours']);
    status = 401;
    await fetchWithEtag(client, ['p'], call).catch(() => undefined);
    expect(getToken()).toBeNull();
  });
});

describe('usePolledQuery', () => {
  function Inbox({ interval }: { interval: number }) {
    const q = usePolledQuery({ queryKey: ['promotions', 'inbox'], call, interval });
    return <p>{q.data ? `items ${q.data.items.length}` : 'loading'}</p>;
  }

  it('polls with the ETag while the tab is visible, pauses while hidden, asks again when shown', async () => {
    let items: unknown[] = [];
    const fake = fakeFetch((r) => {
      const etag = `W/"${items.length}"`;
      return r.headers.get('if-none-match') === etag ? new Response(null, { status: 304, headers: { etag } }) : json({ items, nextCursor: null }, 200, { etag });
    });
    signIn('ghs_session');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Inbox interval={40} />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('items 0')).toBeTruthy();
    await waitFor(() => expect(fake.requests.length).toBeGreaterThanOrEqual(3));
    expect(fake.requests.slice(1).every((r) => r.headers.get('if-none-match') === 'W/"0"')).toBe(true);

    items = [{ id: 'p1' }];
    expect(await screen.findByText('items 1')).toBeTruthy();

    act(() => setVisibility('hidden'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    const whileHidden = fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.requests.length).toBe(whileHidden);

    act(() => setVisibility('visible'));
    await waitFor(() => expect(fake.requests.length).toBeGreaterThan(whileHidden));
  });

  it('stops polling after a 4xx (it will not change by itself)', async () => {
    const fake = fakeFetch(() => problem(404, 'not_found', 'Not found'));
    signIn('ghs_session');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Inbox interval={30} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(fake.requests.length).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.requests.length).toBe(1);
  });
});
