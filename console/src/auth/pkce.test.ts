import { describe, expect, it } from 'vitest';
import {
  authorizationUrl,
  base64url,
  codeChallengeS256,
  decodeJwtPayload,
  discoveryUrl,
  fromBase64url,
  idTokenProblem,
  parseCallback,
  randomToken,
  redirectUriFor,
  tokenRequestBody,
} from './pkce';
import { fakeJwt } from '../test/jwt';

describe('PKCE and OpenID Connect helpers', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('encodes base64url without padding and back', () => {
    const bytes = Uint8Array.from([251, 255, 191, 0, 1]);
    expect(base64url(bytes)).toBe('-_-_AAE');
    expect([...fromBase64url('-_-_AAE')]).toEqual([...bytes]);
    expect(() => fromBase64url('a+b/')).toThrow();
  });

  it('makes random verifiers of 43 base64url characters (32 bytes), different each time', () => {
    const a = randomToken();
    const b = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('builds the authorization URL with every parameter, keeping the endpoint’s own query', () => {
    const url = new URL(
      authorizationUrl({
        authorizationEndpoint: 'https://idp.example/authorize?kc_idp_hint=corp',
        clientId: 'gatehouse-console',
        redirectUri: 'https://gatehouse.example/auth/callback',
        scope: 'openid profile email groups roles',
        state: 'st',
        nonce: 'no',
        codeChallenge: 'ch',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://idp.example/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kc_idp_hint: 'corp',
      response_type: 'code',
      client_id: 'gatehouse-console',
      redirect_uri: 'https://gatehouse.example/auth/callback',
      scope: 'openid profile email groups roles',
      state: 'st',
      nonce: 'no',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('builds the token request body of a public client (no secret)', () => {
    const body = tokenRequestBody({ code: 'c', redirectUri: 'https://g/auth/callback', clientId: 'gc', codeVerifier: 'v' });
    expect(Object.fromEntries(body)).toEqual({ grant_type: 'authorization_code', code: 'c', redirect_uri: 'https://g/auth/callback', client_id: 'gc', code_verifier: 'v' });
    expect(body.has('client_secret')).toBe(false);
  });

  it('derives the redirect URI and the discovery URL', () => {
    expect(redirectUriFor('http://127.0.0.1:7400')).toBe('http://127.0.0.1:7400/auth/callback');
    expect(discoveryUrl('https://idp.example/realms/x/')).toBe('https://idp.example/realms/x/.well-known/openid-configuration');
  });

  it('reads the callback: a code and state, a provider error, or neither', () => {
    expect(parseCallback('?code=abc&state=xyz&iss=https%3A%2F%2Fidp')).toEqual({ kind: 'code', code: 'abc', state: 'xyz' });
    expect(parseCallback('?error=access_denied&error_description=User+cancelled&state=xyz')).toEqual({ kind: 'error', error: 'access_denied', description: 'User cancelled', state: 'xyz' });
    expect(parseCallback('').kind).toBe('invalid');
    expect(parseCallback('?code=abc').kind).toBe('invalid');
  });

  it('decodes a JWT payload (UTF-8) and checks the nonce', () => {
    const jwt = fakeJwt({ sub: 'ana', name: 'Aña', nonce: 'n-1' });
    expect(decodeJwtPayload(jwt)).toEqual({ sub: 'ana', name: 'Aña', nonce: 'n-1' });
    expect(idTokenProblem(jwt, 'n-1')).toBeNull();
    expect(idTokenProblem(jwt, 'n-2')).toMatch(/nonce/);
    expect(idTokenProblem('not-a-jwt', 'n-1')).toMatch(/cannot be read/);
    expect(() => decodeJwtPayload('a.b')).toThrow();
  });
});
