import type { JWK, JWTPayload } from 'jose';
import type { OidcConfig } from '../../config/config';
import type { IssuerKeys } from './issuer-keys';
import { JoseModule, loadJose } from './jose';
import { OidcVerifier } from './oidc-verifier';

const config: OidcConfig = {
  issuer: 'https://idp.example.com',
  audience: 'gatehouse',
  consoleScopes: 'openid',
  algorithms: ['ES256'],
  claims: { id: 'sub', name: 'name', teams: 'groups', roles: 'roles' },
};

describe('OidcVerifier', () => {
  let jose: JoseModule;
  let sign: (claims: JWTPayload) => Promise<string>;
  let verifier: OidcVerifier;

  beforeAll(async () => {
    jose = await loadJose();
    const { privateKey, publicKey } = await jose.generateKeyPair('ES256');
    const jwk: JWK = { ...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const keys = { get: async () => jose.createLocalJWKSet({ keys: [jwk] }) } as unknown as IssuerKeys;
    verifier = new OidcVerifier(config, keys);
    sign = (claims) =>
      new jose.SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(config.issuer).setAudience(config.audience).setExpirationTime(claims.exp ?? '1m').sign(privateKey);
  });

  it('returns the claims of a valid token', async () => {
    expect(await verifier.verify(await sign({ sub: 'a' }))).toMatchObject({ outcome: 'verified', claims: { sub: 'a', iss: config.issuer } });
  });

  it('tolerates 30 seconds of clock skew, not more', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await verifier.verify(await sign({ sub: 'a', exp: now - 10 }))).outcome).toBe('verified');
    expect(await verifier.verify(await sign({ sub: 'a', exp: now - 60 }))).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('ERR_JWT_EXPIRED') });
  });

  it('refuses algorithms outside the configured list', async () => {
    const hs = await new jose.SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new Uint8Array(32));
    expect(await verifier.verify(hs)).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('ERR_JOSE_ALG_NOT_ALLOWED') });
  });

  it('tells unavailable keys from bad tokens', async () => {
    const down = new OidcVerifier(config, { get: async () => Promise.reject(new TypeError('fetch failed')) } as unknown as IssuerKeys);
    expect(await down.verify(await sign({ sub: 'a' }))).toEqual({ outcome: 'unavailable', reason: 'fetch failed' });
  });
});
