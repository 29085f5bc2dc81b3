import { ConfigError, loadConfig } from './config';

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
  ])('names %s when it is invalid', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });
});
