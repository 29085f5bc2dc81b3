import { hash, timingSafeEqual } from 'node:crypto';

/**
 * Tokens are 256 random bits, so a plain SHA-256 is enough to store them safely. One-shot `hash`:
 * every request hashes its token, and a Hash object costs several times the digest itself.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
