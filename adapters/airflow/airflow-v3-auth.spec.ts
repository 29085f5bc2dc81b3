import { jwtExpiry } from './airflow-v3-auth';
import { fakeJwt } from './testing/fake-airflow3';

describe('jwtExpiry', () => {
  it('reads exp (seconds) as ms', () => {
    expect(jwtExpiry(fakeJwt('admin', 1_800_000_000, 1))).toBe(1_800_000_000_000);
  });

  it.each(['', 'opaque-token', 'a.b.c', `x.${Buffer.from('{"exp":"soon"}').toString('base64url')}.y`, `x.${Buffer.from('{}').toString('base64url')}.y`])(
    'null for a token without a readable exp (%s): only a 401 renews it',
    (token) => {
      expect(jwtExpiry(token)).toBeNull();
    },
  );
});
