import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { signIn } from '../auth/session';
import { ADMIN_ME, fakeFetch, json, problem } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { exportFilename, fetchAllProducts, filterOf, listQueryOf, productCsvRows, type ProductSummary } from './catalog/catalogQuery';

const path = (r: Request) => new URL(r.url).pathname;
const query = (r: Request) => Object.fromEntries(new URL(r.url).searchParams);
const pageSearch = (app: ReturnType<typeof renderApp>) => app.router.state.matches.at(-1)!.search as Record<string, unknown>;

const ENVS = ['dev', 'staging', 'prod'];
function product(name: string, over: Partial<ProductSummary> = {}): ProductSummary {
  return {
    name,
    title: `Title of ${name}`,
    domain: 'sales',
    owner: 'team:sales-data',
    stewards: ['ana@example.com'],
    tags: ['daily'],
    description: '',
    tier: 2,
    classification: 'internal',
    containsPii: false,
    status: 'active',
    revision: 3,
    digest: 'sha256:0',
    createdAt: '2026-01-01T00:00:00Z',
    createdBy: 'olga',
    updatedAt: '2026-01-02T00:00:00Z',
    retiredAt: null,
    environments: ENVS.map((environment) => ({ environment, revision: null, status: 'not_deployed', lastGoodRevision: null, updatedAt: null })),
    ...over,
  };
}

/** A server with `total` products, paged by the requested limit (cursor = the next index). */
function catalogServer(total: number, extra: (r: Request) => Response | null = () => null) {
  const all = Array.from({ length: total }, (_, i) => product(`p-${String(i).padStart(5, '0')}`));
  return fakeFetch((r) => {
    const p = path(r);
    if (p === '/api/v1/me') return json(ADMIN_ME);
    const other = extra(r);
    if (other) return other;
    if (p === '/api/v1/data-products') {
      const q = query(r);
      const start = q.cursor ? Number(q.cursor) : 0;
      const limit = Number(q.limit ?? 50);
      const items = all.slice(start, start + limit);
      return json({ items, nextCursor: start + limit < total ? String(start + limit) : null });
    }
    return new Response(null, { status: 404 });
  });
}

const listCalls = (fake: { requests: Request[] }) => fake.requests.filter((r) => path(r) === '/api/v1/data-products').map(query);

describe('catalog search params', () => {
  it('pass the URL filter on to the API as it is, one page at a time', () => {
    const search = { q: 'orders', owner: 'team:sales-data', tier: 2, classification: 'internal' as const, status: 'all' as const, cursor: 'abc', tag: undefined, domain: undefined };
    expect(filterOf(search)).toEqual({ q: 'orders', owner: 'team:sales-data', tier: 2, classification: 'internal', status: 'all' });
    expect(listQueryOf(search)).toEqual({ q: 'orders', owner: 'team:sales-data', tier: 2, classification: 'internal', status: 'all', limit: 50, cursor: 'abc' });
    expect(listQueryOf({})).toEqual({ limit: 50 });
  });

  it('a filter typed in the page goes to the URL (the cursor reset) and to the API; the URL reopens it', async () => {
    const fake = catalogServer(120);
    signIn('t0123456789abcdef');
    const app = renderApp('/catalog?cursor=50');
    await screen.findByRole('table', { name: 'Data products' });
    expect(listCalls(fake).at(-1)).toEqual({ limit: '50', cursor: '50' });

    await userEvent.type(screen.getByLabelText('Owner'), 'team:sales-data');
    await waitFor(() => expect(pageSearch(app)).toMatchObject({ owner: 'team:sales-data', cursor: undefined }));
    await userEvent.selectOptions(screen.getByLabelText('Classification'), 'internal');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'orders{Enter}');
    await waitFor(() => expect(pageSearch(app)).toMatchObject({ owner: 'team:sales-data', classification: 'internal', q: 'orders' }));
    expect(app.router.state.location.search).toEqual({ owner: 'team:sales-data', classification: 'internal', q: 'orders' });
    await waitFor(() => expect(listCalls(fake).at(-1)).toEqual({ owner: 'team:sales-data', classification: 'internal', q: 'orders', limit: '50' }));
    // no call was made per keystroke: typing pauses before it applies
    expect(listCalls(fake).filter((q) => q.owner && q.owner !== 'team:sales-data')).toEqual([]);
    app.unmount();

    // the same URL (a reload, a shared link) shows the same filter
    renderApp('/catalog?owner=team%3Asales-data&classification=internal&q=orders');
    await screen.findByRole('table', { name: 'Data products' });
    expect((screen.getByLabelText('Owner') as HTMLInputElement).value).toBe('team:sales-data');
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('orders');
    expect((screen.getByLabelText('Classification') as HTMLSelectElement).value).toBe('internal');
    expect(listCalls(fake).at(-1)).toEqual({ owner: 'team:sales-data', classification: 'internal', q: 'orders', limit: '50' });
  });

  it('pages with the cursor, clears filters, and shows an empty state', async () => {
    const fake = catalogServer(60, (r) => (query(r).tag === 'none' ? json({ items: [], nextCursor: null }) : null));
    signIn('t0123456789abcdef');
    const app = renderApp('/catalog?tier=2');
    const table = await screen.findByRole('table', { name: 'Data products' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pageSearch(app)).toMatchObject({ tier: 2, cursor: '50' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Data products' })).getAllByRole('row')).toHaveLength(11));
    expect(screen.getByRole('link', { name: 'p-00050' }).getAttribute('href')).toBe('/products/p-00050');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(app.router.state.location.search).toEqual({}));
    await userEvent.type(screen.getByLabelText('Tag'), 'none{Enter}');
    expect(await screen.findByText('No data product matches these filters.')).toBeTruthy();
    expect(listCalls(fake).at(-1)).toEqual({ tag: 'none', limit: '50' });
  });

  it('shows what each environment runs, the status in words, and the PII marker', async () => {
    fakeFetch((r) => {
      if (path(r) === '/api/v1/me') return json(ADMIN_ME);
      return json({
        items: [
          product('orders-daily', {
            containsPii: true,
            classification: 'confidential',
            environments: [
              { environment: 'dev', revision: 3, status: 'deployed', lastGoodRevision: 3, updatedAt: null },
              { environment: 'staging', revision: 2, status: 'failed', lastGoodRevision: 1, updatedAt: null },
              { environment: 'prod', revision: null, status: 'not_deployed', lastGoodRevision: null, updatedAt: null },
            ],
          }),
        ],
        nextCursor: null,
      });
    });
    signIn('t0123456789abcdef');
    renderApp('/catalog');
    const table = await screen.findByRole('table', { name: 'Data products' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Title', 'Owner', 'Tier', 'Classification', 'dev', 'staging', 'prod']);
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['Title of orders-daily', 'team:sales-data', '2', 'confidential PII, contains personal data', 'r3 deployed', 'r2 failed (last good r1)', '— not deployed']);
  });

  it('shows a failed list as a problem', async () => {
    fakeFetch((r) => (path(r) === '/api/v1/me' ? json(ADMIN_ME) : problem(400, 'validation_failed', 'Validation failed', { errors: [{ field: 'query.cursor', message: 'is not a cursor returned by this API' }] })));
    signIn('t0123456789abcdef');
    renderApp('/catalog?cursor=bogus');
    expect(await screen.findByRole('alert', { name: 'Validation failed' })).toBeTruthy();
  });
});

describe('catalog CSV export', () => {
  it('reads every page of the filter with limit 200, in order, reporting progress', async () => {
    const fake = catalogServer(450);
    const progress: number[] = [];
    const items = await fetchAllProducts({ owner: 'team:sales-data' }, { onProgress: (p) => progress.push(p.products) });
    expect(items).toHaveLength(450);
    expect(items[449]!.name).toBe('p-00449');
    expect(listCalls(fake)).toEqual([
      { owner: 'team:sales-data', limit: '200' },
      { owner: 'team:sales-data', limit: '200', cursor: '200' },
      { owner: 'team:sales-data', limit: '200', cursor: '400' },
    ]);
    expect(progress).toEqual([200, 400, 450]);
  });

  it('stops when aborted', async () => {
    catalogServer(1000);
    const controller = new AbortController();
    const run = fetchAllProducts({}, { signal: controller.signal, onProgress: (p) => p.pages === 2 && controller.abort() });
    await expect(run).rejects.toThrow();
  });

  it('writes one row per product with what each environment runs', () => {
    const rows = productCsvRows([
      product('orders-daily', {
        tags: ['a', 'b'],
        containsPii: true,
        environments: [
          { environment: 'dev', revision: 3, status: 'deployed', lastGoodRevision: 3, updatedAt: null },
          { environment: 'prod', revision: null, status: 'not_deployed', lastGoodRevision: null, updatedAt: null },
        ],
      }),
    ]);
    expect(rows[0]).toEqual(['name', 'title', 'owner', 'domain', 'tier', 'classification', 'containsPii', 'status', 'revision', 'stewards', 'tags', 'dev revision', 'dev status', 'prod revision', 'prod status', 'updatedAt']);
    expect(rows[1]).toEqual(['orders-daily', 'Title of orders-daily', 'team:sales-data', 'sales', 2, 'internal', true, 'active', 3, 'ana@example.com', 'a; b', 3, 'deployed', null, 'not_deployed', '2026-01-02T00:00:00Z']);
    expect(exportFilename({ owner: 'team:sales-data', tier: 1 }, new Date('2026-03-01T12:00:00Z'))).toBe('catalog-owner-team-sales-data-tier-1-2026-03-01.csv');
    expect(exportFilename({}, new Date('2026-03-01T12:00:00Z'))).toBe('catalog-2026-03-01.csv');
  });

  it('"Export CSV" downloads all pages of the current filter (not only the one shown), with progress', async () => {
    const fake = catalogServer(230);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    signIn('t0123456789abcdef');
    renderApp('/catalog?tier=2&cursor=50');
    await screen.findByRole('table', { name: 'Data products' });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const status = await screen.findByText(/Exported 230 products to catalog-tier-2-/);
    expect(status.closest('[role="status"]')).toBeTruthy();
    expect(listCalls(fake).filter((q) => q.limit === '200')).toEqual([
      { tier: '2', limit: '200' },
      { tier: '2', limit: '200', cursor: '200' },
    ]);
    expect(names).toHaveLength(1);
    const text = new TextDecoder().decode(new Uint8Array(await blobs[0]!.arrayBuffer()).slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(231);
    expect(lines[1]).toMatch(/^p-00000,Title of p-00000,team:sales-data,/);
  });
});
