import { randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'ghs_';
const SECRET = /^ghs_[A-Za-z0-9_-]{43}$/;
/** Three base64url parts: header, payload and signature (empty for the unsigned `alg: none`). */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** A new secret: recognisable prefix (for secret scanners) plus 43 url-safe characters. */
export function newTokenSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * A token's public id: `tok_`, the creation time in base 36 (so ids sort by age and lists page
 * in issue order) and 64 random bits.
 */
export function newTokenId(now = new Date()): string {
  return `tok_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(8).toString('hex')}`;
}

export const TOKEN_ID = /^(?:tok_[a-z0-9]{25}|bootstrap-admin)$/;

/** What a bearer value can be; anything else is refused without a database lookup. */
export type BearerKind = 'api-token' | 'jwt' | 'unknown';

export function bearerKind(value: string): BearerKind {
  if (SECRET.test(value)) return 'api-token';
  if (JWT.test(value)) return 'jwt';
  return 'unknown';
}
