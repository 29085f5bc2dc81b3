import { ConfigError, loadConfig } from './config';

const oidc = { GATEHOUSE_OIDC_ISSUER: 'https://idp.example.com/realms/data', GATEHOUSE_OIDC_AUDIENCE: 'gatehouse' };

describe('loadConfig', () => {
  it('defaults to the embedded database on 127.0.0.1:7400', () => {
    const c = loadConfig({}, '/srv');
    expect(c).toMatchObject({ host: '127.0.0.1', port: 7400, database: { kind: 'embedded', dataDir: '/srv/.gatehouse' } });
    expect(c.environments).toEqual(['dev', 'staging', 'prod']);
  });

  it('uses PostgreSQL when DATABASE_URL is set, honouring ?schema=', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/gh?schema=gatehouse&sslmode=disable' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgresql://u@db:5432/gh?sslmode=disable', schema: 'gatehouse' });
  });

  it('reads lineage, SLA and webhook settings', () => {
    const config = loadConfig({
      GATEHOUSE_LINEAGE_ENVIRONMENTS: 'spark-prod=prod, s3://lake=staging',
      GATEHOUSE_SLA_INTERVAL_MS: '30000',
      GATEHOUSE_LINEAGE_POLL_MS: '0',
      GATEHOUSE_WEBHOOKS: 'https://hooks.example.com/a, http://127.0.0.1:9000/b',
      GATEHOUSE_WEBHOOK_SECRET: 'webhook-secret-0123',
      GATEHOUSE_WEBHOOK_FORMAT: 'slack',
    });
    expect(config.lineageEnvironments).toEqual({ 'spark-prod': 'prod', 's3://lake': 'staging' });
    expect(config).toMatchObject({ slaIntervalMs: 30000, lineagePollMs: 0 });
    expect(config.webhooks).toMatchObject({ urls: ['https://hooks.example.com/a', 'http://127.0.0.1:9000/b'], secret: 'webhook-secret-0123', format: 'slack' });
  });

  it('reads how many lineage nodes the console draws at once (1000 by default)', () => {
    expect(loadConfig({}).lineageViewMaxNodes).toBe(1000);
    expect(loadConfig({ GATEHOUSE_LINEAGE_VIEW_MAX_NODES: '2500' }).lineageViewMaxNodes).toBe(2500);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).database.kind).toBe('embedded');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgresql://x/db?schema=a;drop' }],
    ['GATEHOUSE_ADMIN_TOKEN', { GATEHOUSE_ADMIN_TOKEN: 'short' }],
    ['GATEHOUSE_BODY_LIMIT', { GATEHOUSE_BODY_LIMIT: '10' }],
    ['GATEHOUSE_ENVIRONMENTS', { GATEHOUSE_ENVIRONMENTS: 'dev,Prod' }],
    ['GATEHOUSE_ENVIRONMENTS', { GATEHOUSE_ENVIRONMENTS: 'dev,dev' }],
    ['GATEHOUSE_LOG_LEVEL', { GATEHOUSE_LOG_LEVEL: 'loud' }],
    ['GATEHOUSE_OIDC_ISSUER', { GATEHOUSE_OIDC_ISSUER: 'idp.example.com', GATEHOUSE_OIDC_AUDIENCE: 'gatehouse' }],
    ['GATEHOUSE_OIDC_ISSUER', { GATEHOUSE_OIDC_AUDIENCE: 'gatehouse' }],
    ['GATEHOUSE_OIDC_AUDIENCE', { GATEHOUSE_OIDC_ISSUER: 'https://idp.example.com' }],
    ['GATEHOUSE_OIDC_ISSUER', { GATEHOUSE_OIDC_JWKS_URL: 'https://idp.example.com/jwks' }],
    ['GATEHOUSE_OIDC_JWKS_URL', { ...oidc, GATEHOUSE_OIDC_JWKS_URL: 'ftp://idp.example.com/jwks' }],
    ['GATEHOUSE_OIDC_ALGORITHMS', { ...oidc, GATEHOUSE_OIDC_ALGORITHMS: 'RS256,HS256' }],
    ['GATEHOUSE_OIDC_ALGORITHMS', { ...oidc, GATEHOUSE_OIDC_ALGORITHMS: 'none' }],
    ['GATEHOUSE_OIDC_SERVICE_CLAIM', { ...oidc, GATEHOUSE_OIDC_SERVICE_CLAIM: '=app' }],
    ['GATEHOUSE_OIDC_ISSUER', { GATEHOUSE_OIDC_CLIENT_ID: 'gatehouse-console' }],
    ['GATEHOUSE_OIDC_CLIENT_ID', { ...oidc, GATEHOUSE_OIDC_CLIENT_ID: 'has space' }],
    ['GATEHOUSE_OIDC_SCOPES', { ...oidc, GATEHOUSE_OIDC_SCOPES: 'profile email' }],
    ['GATEHOUSE_OIDC_SCOPES', { ...oidc, GATEHOUSE_OIDC_SCOPES: 'openid  profile' }],
    ['GATEHOUSE_LINEAGE_ENVIRONMENTS', { GATEHOUSE_LINEAGE_ENVIRONMENTS: 'spark' }],
    ['GATEHOUSE_LINEAGE_ENVIRONMENTS', { GATEHOUSE_LINEAGE_ENVIRONMENTS: 'spark=qa' }],
    ['GATEHOUSE_SLA_INTERVAL_MS', { GATEHOUSE_SLA_INTERVAL_MS: '-1' }],
    ['GATEHOUSE_LINEAGE_POLL_MS', { GATEHOUSE_LINEAGE_POLL_MS: 'often' }],
    ['GATEHOUSE_WEBHOOKS', { GATEHOUSE_WEBHOOKS: 'https://ok.example.com/h,not-a-url', GATEHOUSE_WEBHOOK_SECRET: 'webhook-secret-0123' }],
    ['GATEHOUSE_WEBHOOK_SECRET', { GATEHOUSE_WEBHOOKS: 'https://hooks.example.com/h' }],
    ['GATEHOUSE_WEBHOOK_SECRET', { GATEHOUSE_WEBHOOK_SECRET: 'short' }],
    ['GATEHOUSE_WEBHOOK_FORMAT', { GATEHOUSE_WEBHOOK_FORMAT: 'xml' }],
    ['GATEHOUSE_LINEAGE_VIEW_MAX_NODES', { GATEHOUSE_LINEAGE_VIEW_MAX_NODES: '49' }],
    ['GATEHOUSE_LINEAGE_VIEW_MAX_NODES', { GATEHOUSE_LINEAGE_VIEW_MAX_NODES: '20001' }],
    ['GATEHOUSE_LINEAGE_VIEW_MAX_NODES', { GATEHOUSE_LINEAGE_VIEW_MAX_NODES: '1.5' }],
    ['GATEHOUSE_LINEAGE_VIEW_MAX_NODES', { GATEHOUSE_LINEAGE_VIEW_MAX_NODES: 'many' }],
  ])('names %s when it is invalid', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  describe('OpenID Connect', () => {
    it('is off unless issuer and audience are set', () => {
      expect(loadConfig({}).oidc).toBeUndefined();
    });

    it('defaults the algorithms and claim names, and discovers the JWKS URL', () => {
      expect(loadConfig(oidc).oidc).toEqual({
        issuer: 'https://idp.example.com/realms/data',
        audience: 'gatehouse',
        jwksUrl: undefined,
        consoleClientId: undefined,
        consoleScopes: 'openid profile email',
        algorithms: ['RS256', 'ES256'],
        claims: { id: 'sub', name: 'name', teams: 'groups', roles: 'roles' },
        serviceClaim: undefined,
      });
    });

    it('takes every variable', () => {
      const c = loadConfig({
        ...oidc,
        GATEHOUSE_OIDC_JWKS_URL: 'https://idp.example.com/certs',
        GATEHOUSE_OIDC_ALGORITHMS: 'ES384, EdDSA',
        GATEHOUSE_OIDC_CLAIM_ID: 'email',
        GATEHOUSE_OIDC_CLAIM_NAME: 'preferred_username',
        GATEHOUSE_OIDC_CLAIM_TEAMS: 'gatehouse.teams',
        GATEHOUSE_OIDC_CLAIM_ROLES: 'realm_access.roles',
        GATEHOUSE_OIDC_SERVICE_CLAIM: 'idtyp=app',
        GATEHOUSE_OIDC_CLIENT_ID: 'gatehouse-console',
        GATEHOUSE_OIDC_SCOPES: 'openid profile groups',
      });
      expect(c.oidc).toMatchObject({
        consoleClientId: 'gatehouse-console',
        consoleScopes: 'openid profile groups',
        jwksUrl: 'https://idp.example.com/certs',
        algorithms: ['ES384', 'EdDSA'],
        claims: { id: 'email', name: 'preferred_username', teams: 'gatehouse.teams', roles: 'realm_access.roles' },
        serviceClaim: { claim: 'idtyp', value: 'app' },
      });
      expect(loadConfig({ ...oidc, GATEHOUSE_OIDC_SERVICE_CLAIM: 'gatehouse_service' }).oidc?.serviceClaim).toEqual({ claim: 'gatehouse_service' });
      expect(loadConfig(oidc).oidc).toMatchObject({ consoleClientId: undefined, consoleScopes: 'openid profile email' });
    });
  });
});
