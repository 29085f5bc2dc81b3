import { issueTokenBody, tokenIdParam } from './dto/token.dto';
import { bearerKind, newTokenId, newTokenSecret, TOKEN_ID } from './token-format';

describe('token format', () => {
  it('makes secrets with a scanner-friendly prefix and 256 random bits', () => {
    const secret = newTokenSecret();
    expect(secret).toMatch(/^ghs_[A-Za-z0-9_-]{43}$/);
    expect(newTokenSecret()).not.toBe(secret);
    expect(bearerKind(secret)).toBe('api-token');
  });

  it('makes ids that sort by issue time', () => {
    const earlier = newTokenId(new Date('2026-01-01T00:00:00Z'));
    const later = newTokenId(new Date('2026-01-01T00:00:00.001Z'));
    expect(earlier).toMatch(TOKEN_ID);
    expect(earlier < later).toBe(true);
    expect(newTokenId(new Date('2100-01-01T00:00:00Z'))).toMatch(TOKEN_ID);
  });

  it.each([
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'jwt'],
    ['eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'jwt'],
    ['ghs_short', 'unknown'],
    [`ghs_${'a'.repeat(44)}`, 'unknown'],
    ['a.b', 'unknown'],
    ['a.b.c.d', 'unknown'],
    ['a b.c.d', 'unknown'],
    ['', 'unknown'],
  ])('tells %p is a(n) %s', (value, kind) => {
    expect(bearerKind(value)).toBe(kind);
  });

  it('validates token ids and issue requests', () => {
    expect(tokenIdParam.safeParse('bootstrap-admin').success).toBe(true);
    expect(tokenIdParam.safeParse('tok_../../etc').success).toBe(false);
    expect(issueTokenBody.parse({ principal: 'svc-a', expiresAt: '2030-01-01T01:00:00+01:00' })).toEqual({
      principal: 'svc-a',
      expiresAt: new Date('2030-01-01T00:00:00Z'),
    });
    expect(issueTokenBody.safeParse({ principal: 'svc-a', expiresAt: 'tomorrow' }).success).toBe(false);
    expect(issueTokenBody.safeParse({ principal: 'svc-a', token: 'mine' }).success).toBe(false);
  });
});
