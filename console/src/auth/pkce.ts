/**
 * The pure parts of the OpenID Connect sign-in (authorization code flow with PKCE, RFC 7636):
 * random values, the S256 challenge, the URLs and bodies, the callback's parameters and the ID
 * token's claims. No storage, no network, no navigation: see oidc.ts for the flow itself.
 */

/** base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (padding optional) to bytes; throws on characters outside the alphabet. */
export function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * A random base64url string from `byteCount` random bytes (WebCrypto). 32 bytes give the 43
 * characters RFC 7636 recommends for a code_verifier; state and nonce use the same.
 */
export function randomToken(byteCount = 32, crypto: Crypto = globalThis.crypto): string {
  const bytes = new Uint8Array(byteCount);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** code_challenge = BASE64URL(SHA-256(ASCII(code_verifier))) — the S256 method. */
export async function codeChallengeS256(codeVerifier: string, crypto: Crypto = globalThis.crypto): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
  return base64url(new Uint8Array(digest));
}

/** Where the identity provider sends the browser back: `<origin>/auth/callback`. */
export function redirectUriFor(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/auth/callback`;
}

/** `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery §4). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

export interface AuthorizationRequest {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

/** The URL to send the browser to; keeps any query the endpoint already has. */
export function authorizationUrl(req: AuthorizationRequest): string {
  const url = new URL(req.authorizationEndpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: req.clientId,
    redirect_uri: req.redirectUri,
    scope: req.scope,
    state: req.state,
    nonce: req.nonce,
    code_challenge: req.codeChallenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export interface TokenRequest {
  code: string;
  redirectUri: string;
  clientId: string;
  codeVerifier: string;
}

/** The token endpoint's form body: a public client, so no secret, the verifier instead. */
export function tokenRequestBody(req: TokenRequest): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code: req.code,
    redirect_uri: req.redirectUri,
    client_id: req.clientId,
    code_verifier: req.codeVerifier,
  });
}

export type CallbackParams =
  | { kind: 'code'; code: string; state: string }
  | { kind: 'error'; error: string; description: string | null; state: string | null }
  | { kind: 'invalid'; message: string };

/** What the identity provider put in the callback URL's query. */
export function parseCallback(search: string): CallbackParams {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const error = q.get('error');
  if (error) return { kind: 'error', error, description: q.get('error_description'), state: q.get('state') };
  const code = q.get('code');
  const state = q.get('state');
  if (!code || !state) return { kind: 'invalid', message: 'The sign-in answer has no authorization code or no state.' };
  return { kind: 'code', code, state };
}

/** The claims of a JWT, not verified: the server verifies signatures; the console reads nonce and exp. */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts[1]) throw new Error('not a JWT');
  const json = new TextDecoder().decode(fromBase64url(parts[1]));
  const payload: unknown = JSON.parse(json);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new Error('the JWT payload is not an object');
  return payload as Record<string, unknown>;
}

/** null when the ID token carries the nonce the console sent; otherwise why not. */
export function idTokenProblem(idToken: string, expectedNonce: string): string | null {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwtPayload(idToken);
  } catch {
    return 'The identity provider returned an ID token that cannot be read.';
  }
  if (claims.nonce !== expectedNonce) return 'The ID token does not carry the nonce of this sign-in (it may have been replayed).';
  return null;
}
