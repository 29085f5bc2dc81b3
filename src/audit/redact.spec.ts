import { isSecretKey, REDACTED, redact } from './redact';

describe('redact', () => {
  it.each(['token', 'Token', 'accessToken', 'refresh_token', 'secret', 'clientSecret', 'password', 'PASSWORD', 'Authorization', 'apiKey', 'x-api-key', 'credentials', 'privateKey'])(
    'treats %p as a secret',
    (key) => expect(isSecretKey(key)).toBe(true),
  );

  it.each(['tokenId', 'tokenHash', 'name', 'owner', 'tokens', 'secretary'])('keeps %p', (key) => expect(isSecretKey(key)).toBe(false));

  it('replaces secrets at any depth, in objects and arrays, without touching the input', () => {
    const input = { token: 'abc', spec: { bindings: [{ dag: 'd', apiKey: 'k' }], nested: { Password: { deep: 1 } } }, name: 'x' };
    expect(redact(input)).toEqual({ token: REDACTED, spec: { bindings: [{ dag: 'd', apiKey: REDACTED }], nested: { Password: REDACTED } }, name: 'x' });
    expect(input.token).toBe('abc');
  });

  it('returns plain JSON: dates as ISO strings, bigints as strings, undefined members dropped', () => {
    expect(redact({ at: new Date('2026-01-02T03:04:05.006Z'), seq: 12n, gone: undefined, list: [undefined] })).toEqual({
      at: '2026-01-02T03:04:05.006Z',
      seq: '12',
      list: [null],
    });
    expect(redact(undefined)).toBeUndefined();
    expect(redact(null)).toBeNull();
    expect(redact('active')).toBe('active');
  });
});
