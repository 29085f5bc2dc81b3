import type { OidcOptions } from '../api/models';
import {
  authorizationUrl,
  codeChallengeS256,
  discoveryUrl,
  idTokenProblem,
  parseCallback,
  randomToken,
  redirectUriFor,
  tokenRequestBody,
} from './pkce';

/**
 * OpenID Connect sign-in in the browser: authorization code flow with PKCE (S256), a public
 * client (no secret). The ID token becomes the API's bearer token; the server verifies it
 * against the issuer's keys with audience = the console's client id. The pure parts are in
 * pkce.ts.
 */

/** What the callback needs, kept in sessionStorage between leaving for the provider and coming back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go after signing in (a path of the console). */
  next: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  tokenEndpoint: string;
  startedAt: number;
}

const PENDING_KEY = 'gatehouse.oidc.pending';

/** A sign-in failure to show as it is: a title and what happened. */
export class OidcError extends Error {
  override readonly name = 'OidcError';
  constructor(
    readonly title: string,
    readonly detail: string,
  ) {
    super(`${title}: ${detail}`);
  }
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  code_challenge_methods_supported?: string[];
}

const trim = (url: string) => url.replace(/\/+$/, '');

async function discover(issuer: string): Promise<Discovery> {
  let response: Response;
  try {
    response = await globalThis.fetch(discoveryUrl(issuer), { headers: { Accept: 'application/json' } });
  } catch {
    throw new OidcError('The identity provider could not be reached', `Fetching ${discoveryUrl(issuer)} failed.`);
  }
  if (!response.ok) throw new OidcError('The identity provider could not be used', `${discoveryUrl(issuer)} answered ${response.status}.`);
  const doc = (await response.json().catch(() => null)) as Partial<Discovery> | null;
  if (!doc || typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') {
    throw new OidcError('The identity provider could not be used', 'Its discovery document names no authorization or token endpoint.');
  }
  if (typeof doc.issuer === 'string' && trim(doc.issuer) !== trim(issuer)) {
    throw new OidcError('The identity provider could not be used', `Its discovery document is for issuer ${doc.issuer}, not ${issuer}.`);
  }
  if (Array.isArray(doc.code_challenge_methods_supported) && !doc.code_challenge_methods_supported.includes('S256')) {
    throw new OidcError('The identity provider could not be used', 'It does not support PKCE with S256.');
  }
  return doc as Discovery;
}

export function readPending(): PendingSignIn | null {
  try {
    const raw = sessionStorage.getItem(PENDING_KEY);
    return raw ? (JSON.parse(raw) as PendingSignIn) : null;
  } catch {
    return null;
  }
}

function clearPending(): void {
  try {
    sessionStorage.removeItem(PENDING_KEY);
  } catch {
    // nothing kept
  }
}

/**
 * Leaves for the identity provider. Resolves only if navigation did not happen; throws OidcError
 * when the provider cannot be used.
 */
export async function startOidcSignIn(oidc: OidcOptions, next: string, navigate: (url: string) => void = (url) => window.location.assign(url)): Promise<void> {
  const discovery = await discover(oidc.issuer);
  const codeVerifier = randomToken(32);
  const pending: PendingSignIn = {
    state: randomToken(32),
    nonce: randomToken(32),
    codeVerifier,
    next,
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    redirectUri: redirectUriFor(window.location.origin),
    tokenEndpoint: discovery.token_endpoint,
    startedAt: Date.now(),
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  navigate(
    authorizationUrl({
      authorizationEndpoint: discovery.authorization_endpoint,
      clientId: oidc.clientId,
      redirectUri: pending.redirectUri,
      scope: oidc.scopes,
      state: pending.state,
      nonce: pending.nonce,
      codeChallenge: await codeChallengeS256(codeVerifier),
    }),
  );
}

export interface CompletedSignIn {
  idToken: string;
  next: string;
}

async function exchange(search: string): Promise<CompletedSignIn> {
  const params = parseCallback(search);
  const pending = readPending();
  if (params.kind === 'error') {
    clearPending();
    throw new OidcError('The identity provider did not sign you in', params.description ? `${params.description} (${params.error})` : params.error);
  }
  if (params.kind === 'invalid') throw new OidcError('This is not a sign-in answer', params.message);
  if (!pending) throw new OidcError('No sign-in is in progress', 'This page was opened without starting a sign-in here, or the sign-in was already completed. Start again.');
  if (params.state !== pending.state) {
    clearPending();
    throw new OidcError('The sign-in answer does not belong to this sign-in', 'Its state does not match the one this browser sent. Start again.');
  }
  const iss = new URLSearchParams(search).get('iss');
  if (iss !== null && trim(iss) !== trim(pending.issuer)) {
    clearPending();
    throw new OidcError('The sign-in answer came from another identity provider', `Expected ${pending.issuer}, got ${iss}.`);
  }
  // One use: a reload of the callback page must not exchange the code twice.
  clearPending();

  let response: Response;
  try {
    response = await globalThis.fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: tokenRequestBody({ code: params.code, redirectUri: pending.redirectUri, clientId: pending.clientId, codeVerifier: pending.codeVerifier }),
    });
  } catch {
    throw new OidcError('The identity provider could not be reached', `The token request to ${pending.tokenEndpoint} failed.`);
  }
  const body = (await response.json().catch(() => null)) as { id_token?: unknown; error?: unknown; error_description?: unknown } | null;
  if (!response.ok) {
    const error = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`;
    const description = typeof body?.error_description === 'string' ? `${body.error_description} (${error})` : error;
    throw new OidcError('The identity provider refused the sign-in code', description);
  }
  if (typeof body?.id_token !== 'string') throw new OidcError('The identity provider returned no ID token', 'Check that the scopes include "openid".');
  const problem = idTokenProblem(body.id_token, pending.nonce);
  if (problem) throw new OidcError('The ID token was not accepted', problem);
  return { idToken: body.id_token, next: pending.next };
}

let inflight: { search: string; promise: Promise<CompletedSignIn> } | null = null;

/**
 * Finishes the sign-in on /auth/callback: checks state, exchanges the code (once, even if
 * React runs the effect twice), checks the ID token's nonce. Throws OidcError.
 */
export function completeOidcSignIn(search: string): Promise<CompletedSignIn> {
  if (inflight?.search !== search) inflight = { search, promise: exchange(search) };
  return inflight.promise;
}
