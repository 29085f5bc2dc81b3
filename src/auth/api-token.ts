export type TokenStatus = 'active' | 'expired' | 'revoked';

/** A token as lists show it: everything but the secret, which is never stored. */
export interface TokenView {
  id: string;
  principal: string;
  description: string | null;
  status: TokenStatus;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  /** Updated at most once a minute per token. */
  lastUsedAt: string | null;
}

/** The answer to issuing a token: the only time the secret is shown. */
export interface IssuedToken extends TokenView {
  token: string;
}

/** What an administrator asks for when issuing a token. */
export interface TokenRequest {
  principal: string;
  expiresAt?: Date;
  description?: string;
}

export interface NewToken {
  id: string;
  principalId: string;
  hash: string;
  description: string | null;
  createdBy: string | null;
  expiresAt: Date | null;
}

export interface TokenListQuery {
  principal?: string;
  limit: number;
  /** The last id of the previous page. */
  after?: string;
}

/** Revocation wins over expiry: it is the more deliberate of the two. */
export function tokenStatus(token: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= now) return 'expired';
  return 'active';
}
