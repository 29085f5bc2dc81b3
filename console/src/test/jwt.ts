import { base64url } from '../auth/pkce';

/** An unsigned JWT with these claims (the console never verifies signatures; the server does). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => base64url(new TextEncoder().encode(JSON.stringify(o)));
  return `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}.c2lnbmF0dXJl`;
}
