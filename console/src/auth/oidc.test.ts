import { describe, expect, it } from 'vitest';
import { fakeFetch, json } from '../test/fakeApi';
import { completeOidcSignIn, OidcError, readPending, startOidcSignIn } from './oidc';
import { fakeJwt } from '../test/jwt';
import { codeChallengeS256 } from './pkce';

const ISSUER = 'https://idp.example/realms/corp';
const OIDC = { issuer: ISSUER, clientId: 'gatehouse-console', scopes: 'openid profile groups' };
const DISCOVERY = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/protocol/openid-connect/auth`,
  token_endpoint: `${ISSUER}/protocol/openid-connect/token`,
  code_challenge_methods_supported: ['plain', 'S256'],
};

async function start(next = '/catalog?q=orders') {
  let target = '';
  await startOidcSignIn(OIDC, next, (url) => {
    target = url;
  });
  return new URL(target);
}

describe('OpenID Connect sign-in', () => {
  it('leaves for the authorization endpoint with PKCE S256, state and nonce kept in sessionStorage', async () => {
    const fake = fakeFetch(() => json(DISCOVERY));
    const url = await start();
    expect(fake.requests[0]!.url).toBe(`${ISSUER}/.well-known/openid-configuration`);
    const pending = readPending()!;
    expect(url.origin + url.pathname).toBe(DISCOVERY.authorization_endpoint);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({ response_type: 'code', client_id: 'gatehouse-console', scope: 'openid profile groups', code_challenge_method: 'S256' });
    expect(q.redirect_uri).toBe(`${window.location.origin}/auth/callback`);
    expect(q.state).toBe(pending.state);
    expect(q.nonce).toBe(pending.nonce);
    expect(q.code_challenge).toBe(await codeChallengeS256(pending.codeVerifier));
    expect(pending.next).toBe('/catalog?q=orders');
    expect(pending.tokenEndpoint).toBe(DISCOVERY.token_endpoint);
    // the verifier never leaves the browser before the token request
    expect(url.toString()).not.toContain(pending.codeVerifier);
  });

  it('refuses a provider whose discovery names another issuer or lacks S256', async () => {
    fakeFetch(() => json({ ...DISCOVERY, issuer: 'https://evil.example' }));
    await expect(start()).rejects.toBeInstanceOf(OidcError);
    fakeFetch(() => json({ ...DISCOVERY, code_challenge_methods_supported: ['plain'] }));
    await expect(start()).rejects.toThrow(/S256/);
    expect(readPending()).toBeNull();
  });

  it('exchanges the code at the token endpoint and returns the ID token and next', async () => {
    let tokenRequest: { body: string; contentType: string | null } | null = null;
    fakeFetch(async (request) => {
      if (request.url.endsWith('/openid-configuration')) return json(DISCOVERY);
      tokenRequest = { body: await request.text(), contentType: request.headers.get('content-type') };
      return json({ access_token: 'at', id_token: fakeJwt({ sub: 'ana', nonce: readPendingNonce }), token_type: 'Bearer' });
    });
    await start('/promotions');
    const pending = readPending()!;
    const readPendingNonce = pending.nonce;
    const done = await completeOidcSignIn(`?code=the-code&state=${pending.state}`);
    expect(done.next).toBe('/promotions');
    expect(done.idToken.split('.')).toHaveLength(3);
    const form = new URLSearchParams(tokenRequest!.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: `${window.location.origin}/auth/callback`,
      client_id: 'gatehouse-console',
      code_verifier: pending.codeVerifier,
    });
    expect(tokenRequest!.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    // one use
    expect(readPending()).toBeNull();
  });

  it('refuses a state that does not match', async () => {
    fakeFetch(() => json(DISCOVERY));
    await start();
    await expect(completeOidcSignIn('?code=c&state=forged')).rejects.toThrow(/does not belong to this sign-in/);
  });

  it('refuses an ID token with another nonce', async () => {
    fakeFetch((request) => (request.url.endsWith('/openid-configuration') ? json(DISCOVERY) : json({ id_token: fakeJwt({ sub: 'ana', nonce: 'other' }) })));
    await start();
    const { state } = readPending()!;
    await expect(completeOidcSignIn(`?code=c2&state=${state}`)).rejects.toThrow(/nonce/);
  });

  it('shows the provider’s error and error_description', async () => {
    fakeFetch(() => json(DISCOVERY));
    await start();
    const error = (await completeOidcSignIn('?error=access_denied&error_description=The+user+said+no&state=x').catch((e: unknown) => e)) as OidcError;
    expect(error).toBeInstanceOf(OidcError);
    expect(error.title).toBe('The identity provider did not sign you in');
    expect(error.detail).toBe('The user said no (access_denied)');
  });

  it('shows the token endpoint’s refusal', async () => {
    fakeFetch((request) => (request.url.endsWith('/openid-configuration') ? json(DISCOVERY) : json({ error: 'invalid_grant', error_description: 'Code not valid' }, 400)));
    await start();
    const { state } = readPending()!;
    await expect(completeOidcSignIn(`?code=c3&state=${state}`)).rejects.toThrow('Code not valid (invalid_grant)');
  });

  it('says so when no sign-in was started in this tab', async () => {
    await expect(completeOidcSignIn('?code=c4&state=s')).rejects.toThrow(/No sign-in is in progress/);
  });
});
