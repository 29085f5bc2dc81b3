import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getToken } from '../auth/session';
import { fakeFetch, json, problem } from '../test/fakeApi';
import { fakeJwt } from '../test/jwt';
import { renderApp } from '../test/renderApp';

const ISSUER = 'https://idp.example';
const TOKEN_ENDPOINT = `${ISSUER}/token`;

function pending(overrides: Record<string, unknown> = {}) {
  sessionStorage.setItem(
    'gatehouse.oidc.pending',
    JSON.stringify({
      state: 'the-state',
      nonce: 'the-nonce',
      codeVerifier: 'v'.repeat(43),
      next: '/approvals',
      issuer: ISSUER,
      clientId: 'gatehouse-console',
      redirectUri: `${window.location.origin}/auth/callback`,
      tokenEndpoint: TOKEN_ENDPOINT,
      startedAt: Date.now(),
      ...overrides,
    }),
  );
}

const ME = { id: 'ana@example.com', name: 'Ana Lima', kind: 'person', teams: ['sales-data'], roles: ['approver'] };

describe('the OpenID Connect callback', () => {
  it('exchanges the code, uses the ID token as the bearer token and goes to next', async () => {
    const idToken = fakeJwt({ sub: 'ana@example.com', nonce: 'the-nonce', exp: Math.floor(Date.now() / 1000) + 300 });
    fakeFetch((r) => {
      if (r.url === TOKEN_ENDPOINT) return json({ id_token: idToken, access_token: 'at', token_type: 'Bearer' });
      if (r.url.endsWith('/api/v1/me')) return r.headers.get('authorization') === `Bearer ${idToken}` ? json(ME) : problem(401, 'unauthorized', 'Unauthorized');
      return new Response(null, { status: 404 });
    });
    pending();
    const app = renderApp('/auth/callback?code=c-1&state=the-state');
    expect(await screen.findByRole('heading', { level: 1, name: 'Approvals' })).toBeTruthy();
    expect(app.router.state.location.pathname).toBe('/approvals');
    expect(getToken()).toBe(idToken);
    expect(await screen.findByRole('button', { name: /Ana Lima/ })).toBeTruthy();
  });

  it('shows a provider error with a way back', async () => {
    fakeFetch(() => new Response(null, { status: 404 }));
    pending();
    renderApp('/auth/callback?error=access_denied&error_description=Not+in+the+right+group&state=the-state');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The identity provider did not sign you in');
    expect(alert.textContent).toContain('Not in the right group (access_denied)');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign-in failed' })).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: 'Back to sign-in' }));
    expect(await screen.findByLabelText('Paste an API token')).toBeTruthy();
    expect(getToken()).toBeNull();
  });

  it('refuses a state mismatch without calling the token endpoint', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 404 }));
    pending();
    renderApp('/auth/callback?code=c-2&state=forged');
    expect((await screen.findByRole('alert')).textContent).toContain('does not belong to this sign-in');
    expect(fake.requests.some((r) => r.url === TOKEN_ENDPOINT)).toBe(false);
  });

  it('explains when Gatehouse refuses the ID token', async () => {
    fakeFetch((r) => {
      if (r.url === TOKEN_ENDPOINT) return json({ id_token: fakeJwt({ nonce: 'the-nonce' }) });
      if (r.url.endsWith('/api/v1/me')) return problem(401, 'unauthorized', 'Unauthorized');
      return new Response(null, { status: 404 });
    });
    pending();
    renderApp('/auth/callback?code=c-3&state=the-state');
    expect((await screen.findByRole('alert')).textContent).toContain('Gatehouse did not accept the sign-in');
    expect(getToken()).toBeNull();
  });
});
