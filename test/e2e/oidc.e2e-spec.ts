import type { CryptoKey, JWK, JWTPayload } from 'jose';
import pino from 'pino';
import type { JoseModule } from '../../src/auth/oidc/jose';
import { DataProductsService } from '../../src/catalog/data-products.service';
import { requestContext } from '../../src/common/logging/logger';
import type { OidcConfig } from '../../src/config/config';
import { deadLoopbackUrl, JwksServer, startJwksServer } from '../support/jwks-server';
import { startTestApp, TestApp } from '../support/test-app';

const AUDIENCE = 'gatehouse-test';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
  publicPem: string;
}

describe('OpenID Connect: JWTs from a configured issuer', () => {
  let jose: JoseModule;
  let rsa: SigningKey;
  let ec: SigningKey;
  let rogue: SigningKey;
  let idp: JwksServer;
  let t: TestApp;

  async function signingKey(alg: SigningKey['alg'], kid: string): Promise<SigningKey> {
    const { privateKey, publicKey } = await jose.generateKeyPair(alg, { extractable: true });
    return { kid, alg, privateKey, publicJwk: { ...(await jose.exportJWK(publicKey)), kid, alg, use: 'sig' }, publicPem: await jose.exportSPKI(publicKey) };
  }

  /** A JWT the test identity provider would issue; `claims` add or replace claims, `options` change the header and key. */
  function jwt(claims: JWTPayload = {}, options: { key?: SigningKey; kid?: string; issuer?: string; audience?: string } = {}): Promise<string> {
    const key = options.key ?? rsa;
    return new jose.SignJWT({ sub: 'ana@example.com', name: 'Ana Lopez', groups: ['sales-data'], roles: ['admin'], ...claims })
      .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? idp.issuer)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(key.privateKey);
  }

  function oidcConfig(overrides: Partial<OidcConfig> = {}): OidcConfig {
    return {
      issuer: idp.issuer,
      audience: AUDIENCE,
      jwksUrl: idp.jwksUrl,
      consoleScopes: 'openid profile',
      algorithms: ['RS256', 'ES256'],
      claims: { id: 'sub', name: 'name', teams: 'groups', roles: 'roles' },
      serviceClaim: { claim: 'gatehouse_service' },
      ...overrides,
    };
  }

  const me = (token: string) => t.request('GET', '/api/v1/me', { token });

  beforeAll(async () => {
    jose = await import('jose');
    [rsa, ec, rogue] = await Promise.all([signingKey('RS256', 'rsa-1'), signingKey('ES256', 'ec-1'), signingKey('RS256', 'rsa-1')]);
    idp = await startJwksServer([rsa.publicJwk, ec.publicJwk]);
    t = await startTestApp({ oidc: oidcConfig() });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  it('accepts an RS256 JWT and maps its claims to the principal', async () => {
    const r = await me(await jwt());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: 'ana@example.com', kind: 'person', name: 'Ana Lopez', teams: ['sales-data'], roles: ['admin'] });
  });

  it('accepts an ES256 JWT', async () => {
    const r = await me(await jwt({ sub: 'ben@example.com', name: undefined }, { key: ec }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'ben@example.com', name: 'ben@example.com' });
  });

  it('fetches the issuer keys once and keeps them', async () => {
    const before = idp.jwksRequests();
    for (let i = 0; i < 3; i++) expect((await me(await jwt({ sub: `user-${i}` }))).status).toBe(200);
    expect(before).toBe(1);
    expect(idp.jwksRequests()).toBe(before);
  });

  it('marks service accounts by the configured claim', async () => {
    const r = await me(await jwt({ sub: 'svc-airflow', gatehouse_service: true }));
    expect(r.body).toMatchObject({ id: 'svc-airflow', kind: 'service' });
  });

  it('hands teams and roles from the claims to the request context, without any stored principal', async () => {
    const service = t.app.get(DataProductsService);
    const original = service.list.bind(service);
    let seen: unknown;
    const spy = jest.spyOn(service, 'list').mockImplementation(async (query, actor) => {
      seen = requestContext.getStore()?.principal;
      return original(query, actor);
    });
    const r = await t.request('GET', '/api/v1/data-products', { token: await jwt({ sub: 'cleo@example.com', groups: ['team:finance', 'ops'], roles: ['viewer'] }) });
    spy.mockRestore();
    expect(r.status).toBe(200);
    expect(seen).toEqual({ id: 'cleo@example.com', kind: 'person', name: 'Ana Lopez', teams: ['finance', 'ops'], roles: ['viewer'] });
  });

  it('keeps API tokens and the admin token working next to OIDC', async () => {
    expect((await me(t.config.adminToken!)).body.kind).toBe('bootstrap');
    await t.request('POST', '/api/v1/principals', { body: { id: 'svc-ci', name: 'CI', kind: 'service', roles: ['admin'] } });
    const issued = await t.request('POST', '/api/v1/tokens', { body: { principal: 'svc-ci' } });
    expect((await me(issued.body.token)).body).toMatchObject({ id: 'svc-ci', kind: 'service' });
  });

  it('refuses the JWT of a disabled principal, but takes teams and roles from the claims otherwise', async () => {
    await t.request('POST', '/api/v1/principals', { body: { id: 'dan@example.com', name: 'Dan', kind: 'person', roles: ['viewer'] } });
    const token = await jwt({ sub: 'dan@example.com' });
    expect((await me(token)).body.roles).toEqual(['admin']);
    await t.request('POST', '/api/v1/principals/dan@example.com/disable');
    expect((await me(token)).status).toBe(401);
  });

  describe('refuses with one 401 answer', () => {
    let missing: { detail: string };
    beforeAll(async () => {
      missing = (await t.request('GET', '/api/v1/me', { token: null })).body;
    });

    const unsigned = (claims: JWTPayload) => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'eve', iss: idp.issuer, aud: AUDIENCE, iat: now, exp: now + 300, roles: ['admin'], ...claims })}.`;
    };

    const cases: Array<[string, () => Promise<string>]> = [
      ['a wrong issuer', () => jwt({}, { issuer: 'https://evil.example.com' })],
      ['a wrong audience', () => jwt({}, { audience: 'someone-else' })],
      ['an expired token (beyond the 30 s clock tolerance)', () => jwt({ exp: Math.floor(Date.now() / 1000) - 120 })],
      ['a token not yet valid', () => jwt({ nbf: Math.floor(Date.now() / 1000) + 120 })],
      ['alg none', async () => unsigned({})],
      [
        'HS256 signed with the public key text (algorithm confusion)',
        () =>
          new jose.SignJWT({ sub: 'eve', roles: ['admin'] })
            .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
            .setIssuer(idp.issuer)
            .setAudience(AUDIENCE)
            .setExpirationTime('5m')
            .sign(new TextEncoder().encode(rsa.publicPem)),
      ],
      ['a key not in the JWKS (unknown kid)', () => jwt({}, { key: rogue, kid: 'rogue-1' })],
      ['a forged signature under a published kid', () => jwt({}, { key: rogue })],
      [
        'a tampered payload',
        async () => {
          const [header, payload, signature] = (await jwt({ roles: ['viewer'] })).split('.');
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
          return [header, Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url'), signature].join('.');
        },
      ],
      ['a token without the id claim', () => jwt({ sub: undefined })],
      ['a token naming the reserved admin principal', () => jwt({ sub: 'admin' })],
      ['a token that is not a JWT at all but has three parts', async () => 'abc.def.ghi'],
    ];

    it.each(cases)('%s', async (_what, make) => {
      const r = await me(await make());
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.detail).toBe(missing.detail);
    });
  });

  it("accepts the console's ID tokens (audience: its client id) only when that client is configured", async () => {
    const idToken = await jwt({}, { audience: 'gatehouse-console' });
    expect((await me(idToken)).status).toBe(401);
    const withConsole = await startTestApp({ oidc: oidcConfig({ consoleClientId: 'gatehouse-console' }) });
    try {
      const r = await withConsole.request('GET', '/api/v1/me', { token: idToken });
      expect([r.status, r.body.id]).toEqual([200, 'ana@example.com']);
      expect((await withConsole.request('GET', '/api/v1/me', { token: await jwt({}, { audience: 'someone-else' }) })).status).toBe(401);
      expect((await withConsole.request('GET', '/api/v1/auth/options', { token: null })).body.oidc).toEqual({ issuer: idp.issuer, clientId: 'gatehouse-console', scopes: 'openid profile' });
    } finally {
      await withConsole.close();
    }
  });

  it('finds the JWKS through the issuer discovery document when no JWKS URL is configured', async () => {
    const discovering = await startTestApp({ oidc: oidcConfig({ jwksUrl: undefined }) });
    try {
      const r = await discovering.request('GET', '/api/v1/me', { token: await jwt({}, { key: ec }) });
      expect(r.status).toBe(200);
      expect(r.body.id).toBe('ana@example.com');
    } finally {
      await discovering.close();
    }
  });

  it('answers 401, not 500, while the JWKS cannot be fetched, and logs a warning', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const down = await startTestApp({ oidc: oidcConfig({ jwksUrl: await deadLoopbackUrl() }) }, { logger });
    try {
      const token = await jwt();
      const r = await down.request('GET', '/api/v1/me', { token });
      expect(r.status).toBe(401);
      const warnings = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 40 && /issuer keys are unavailable/.test(entry.msg));
      expect(warnings).toHaveLength(1);
      expect(lines.join('\n')).not.toContain(token);
      // The admin token does not depend on the identity provider.
      expect((await down.request('GET', '/api/v1/me')).status).toBe(200);
    } finally {
      await down.close();
    }
  });
});
