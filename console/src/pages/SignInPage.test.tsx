import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getToken } from '../auth/session';
import { ADMIN_ME, fakeFetch, json, problem } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

const path = (r: Request) => new URL(r.url).pathname;
const GOOD = 'admin-token-0123456789abc';

function server(options: Response | (() => Response) = () => new Response(null, { status: 404 })) {
  return fakeFetch((r) => {
    if (path(r) === '/api/v1/auth/options') return typeof options === 'function' ? options() : options;
    if (path(r) === '/api/v1/me') return r.headers.get('authorization') === `Bearer ${GOOD}` ? json(ADMIN_ME) : problem(401, 'unauthorized', 'Unauthorized');
    return new Response(null, { status: 404 });
  });
}

describe('the sign-in page', () => {
  it('has a labelled password field for the token and a submit button; only that when the server has no OIDC (404)', async () => {
    server();
    renderApp('/sign-in');
    const input = await screen.findByLabelText('Paste an API token');
    expect(input.getAttribute('type')).toBe('password');
    expect(screen.getByRole('button', { name: 'Sign in with token' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Sign in with (?!token)/ })).toBeNull());
  });

  it('shows a wrong token’s error at the field, keeps no session', async () => {
    server();
    renderApp('/sign-in');
    const input = await screen.findByLabelText('Paste an API token');
    await userEvent.type(input, 'ghs_wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with token' }));
    const error = await screen.findByText(/Gatehouse did not accept this token/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(error.parentElement!.id);
    expect(document.activeElement).toBe(input);
    expect(getToken()).toBeNull();
  });

  it('asks for a token when the field is empty, without calling the server', async () => {
    const fake = server();
    renderApp('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with token' }));
    expect(await screen.findByText('Paste an API token.')).toBeTruthy();
    expect(fake.requests.filter((r) => path(r) === '/api/v1/me')).toHaveLength(0);
  });

  it('checks the token with /api/v1/me, keeps it in sessionStorage (not localStorage) and goes to next', async () => {
    const fake = server();
    const app = renderApp('/sign-in?next=%2Faudit%3Foutcome%3Ddenied');
    await userEvent.type(await screen.findByLabelText('Paste an API token'), GOOD);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with token' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit' })).toBeTruthy();
    expect(app.router.state.location.href).toBe('/audit?outcome=denied');
    expect(getToken()).toBe(GOOD);
    expect(Object.values(sessionStorage)).toContain(GOOD);
    expect(localStorage.length).toBe(0);
    expect(fake.requests.some((r) => path(r) === '/api/v1/me' && r.headers.get('authorization') === `Bearer ${GOOD}`)).toBe(true);
    expect(await screen.findByRole('button', { name: /Bootstrap administrator/ })).toBeTruthy();
  });

  it('ignores a next that leaves the console', async () => {
    server();
    const app = renderApp('/sign-in?next=%2F%2Fevil.example%2F');
    await userEvent.type(await screen.findByLabelText('Paste an API token'), GOOD);
    expect(app.router.state.matches.at(-1)!.search).toEqual({ next: undefined });
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with token' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
  });

  it('offers the identity provider when the server has OIDC for the console', async () => {
    server(() => json({ token: true, oidc: { issuer: 'https://idp.example/realms/corp', clientId: 'gatehouse-console', scopes: 'openid profile email groups roles' } }));
    renderApp('/sign-in');
    expect(await screen.findByRole('button', { name: 'Sign in with idp.example' })).toBeTruthy();
    expect(screen.getByLabelText('Paste an API token')).toBeTruthy();
  });

  it('shows a server error that is not about the token as a problem', async () => {
    fakeFetch((r) => (path(r) === '/api/v1/me' ? problem(503, 'service_unavailable', 'Service unavailable') : new Response(null, { status: 404 })));
    renderApp('/sign-in');
    await userEvent.type(await screen.findByLabelText('Paste an API token'), GOOD);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with token' }));
    expect(await screen.findByRole('alert', { name: 'Service unavailable' })).toBeTruthy();
  });
});
