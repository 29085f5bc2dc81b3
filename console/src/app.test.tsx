import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { api } from './api/client';
import { getToken, signIn } from './auth/session';
import { ADMIN_ME, fakeFetch, json, problem } from './test/fakeApi';
import { renderApp } from './test/renderApp';

const path = (r: Request) => new URL(r.url).pathname;
/** The validated (typed) search of the page shown; location.search is the raw one. */
const pageSearch = (app: ReturnType<typeof renderApp>) => app.router.state.matches.at(-1)!.search as Record<string, unknown>;

describe('the route guard and the shell', () => {
  it('sends a visitor without a session to sign in, with next', async () => {
    fakeFetch(() => new Response(null, { status: 404 }));
    const app = renderApp('/catalog?q=orders');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(app.router.state.location.pathname).toBe('/sign-in');
    expect(pageSearch(app)).toEqual({ next: '/catalog?q=orders' });
    expect(document.title).toBe('Sign in · Gatehouse');
  });

  it('shows the shell to a signed-in user: skip link, navigation, main, the page heading and who they are', async () => {
    fakeFetch((r) => (path(r) === '/api/v1/me' ? json({ ...ADMIN_ME, teams: ['platform'] }) : new Response(null, { status: 404 })));
    signIn('admin-token-0123456789abc');
    renderApp('/catalog');
    expect(await screen.findByRole('heading', { level: 1, name: 'Catalog' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe('#main');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Home', 'Catalog', 'Lineage', 'Approvals', 'Promotions', 'Runs', 'SLA', 'Orchestrators', 'Policies', 'Audit']);
    expect(within(nav).getByRole('link', { name: 'Catalog' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('main').id).toBe('main');
    expect(await screen.findByRole('search', { name: 'Search the catalog' })).toBeTruthy();
    expect(document.title).toBe('Catalog · Gatehouse');

    const menu = await screen.findByRole('button', { name: /Bootstrap administrator/ });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(menu.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain('admin');
    expect(panel.textContent).toContain('platform');
    expect(panel.textContent).toContain('bootstrap');
    await userEvent.keyboard('{Escape}');
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(menu);
  });

  it('signs out: forgets the token and the cached answers, back to sign-in', async () => {
    fakeFetch((r) => (path(r) === '/api/v1/me' ? json(ADMIN_ME) : new Response(null, { status: 404 })));
    signIn('admin-token-0123456789abc');
    const app = renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: /Bootstrap administrator/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(getToken()).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(app.queryClient.getQueryData(['me'])).toBeUndefined();
  });

  it('a 401 anywhere ends the session and goes to sign-in with next and a notice', async () => {
    let expired = false;
    fakeFetch((r) => {
      if (path(r) === '/api/v1/auth/options') return new Response(null, { status: 404 });
      return expired ? problem(401, 'unauthorized', 'Unauthorized') : json(ADMIN_ME);
    });
    signIn('ghs_short_lived');
    const app = renderApp('/promotions?state=blocked');
    expect(await screen.findByRole('heading', { level: 1, name: 'Promotions' })).toBeTruthy();
    expired = true;
    await api.GET('/api/v1/policies').catch(() => undefined);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(pageSearch(app)).toEqual({ next: '/promotions?state=blocked' });
    expect(screen.getByRole('status').textContent).toBe('Your session ended; sign in again.');
    expect(getToken()).toBeNull();
  });

  it('shows a not-found page for unknown paths, inside the shell', async () => {
    fakeFetch((r) => (path(r) === '/api/v1/me' ? json(ADMIN_ME) : new Response(null, { status: 404 })));
    signIn('t0123456789abcdef');
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('types and validates search params; invalid values are dropped', async () => {
    fakeFetch((r) => (path(r) === '/api/v1/me' ? json(ADMIN_ME) : new Response(null, { status: 404 })));
    signIn('t0123456789abcdef');
    const app = renderApp('/catalog?q=orders&tier=2&classification=secret&status=all&bogus=1');
    await screen.findByRole('heading', { level: 1, name: 'Catalog' });
    expect(pageSearch(app)).toMatchObject({ q: 'orders', tier: 2, classification: undefined, status: 'all' });
    expect(pageSearch(app).classification).toBeUndefined();
  });

  it('keeps the product tab in the URL', async () => {
    fakeFetch((r) => (path(r) === '/api/v1/me' ? json(ADMIN_ME) : new Response(null, { status: 404 })));
    signIn('t0123456789abcdef');
    const app = renderApp('/products/orders-daily?tab=revisions&from=3&to=5');
    expect(await screen.findByRole('heading', { level: 1, name: 'orders-daily' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Revisions' }).getAttribute('aria-selected')).toBe('true');
    await userEvent.click(screen.getByRole('tab', { name: 'SLA' }));
    await waitFor(() => expect(pageSearch(app)).toEqual({ tab: 'sla', from: 3, to: 5 }));
    expect(app.router.state.location.href).toBe('/products/orders-daily?tab=sla&from=3&to=5');
  });
});
