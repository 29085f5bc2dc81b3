import { claimAt, ClaimMapping, isServiceAccount, principalFromClaims, stringList } from './claim-mapping';

const defaults: ClaimMapping = { claims: { id: 'sub', name: 'name', teams: 'groups', roles: 'roles' } };

describe('OIDC claim mapping', () => {
  it('maps the default claims', () => {
    expect(principalFromClaims({ sub: 'ana@example.com', name: 'Ana', groups: ['sales-data'], roles: ['steward'] }, defaults)).toEqual({
      principal: { id: 'ana@example.com', kind: 'person', name: 'Ana', teams: ['sales-data'], roles: ['steward'] },
    });
  });

  it('falls back to the id for the name and to no teams or roles', () => {
    expect(principalFromClaims({ sub: 'u-1' }, defaults)).toEqual({ principal: { id: 'u-1', kind: 'person', name: 'u-1', teams: [], roles: [] } });
  });

  it('reads configured claims, nested paths and namespaced names', () => {
    const mapping: ClaimMapping = { claims: { id: 'email', name: 'preferred_username', teams: 'https://gatehouse.example/teams', roles: 'realm_access.roles' } };
    const claims = {
      sub: 'f81d4fae',
      email: 'bo@example.com',
      preferred_username: 'bo',
      'https://gatehouse.example/teams': 'finance ops',
      realm_access: { roles: ['viewer', 'offline_access'] },
    };
    expect(principalFromClaims(claims, mapping)).toEqual({
      principal: { id: 'bo@example.com', kind: 'person', name: 'bo', teams: ['finance', 'ops'], roles: ['viewer', 'offline_access'] },
    });
  });

  it('drops a team: prefix, blanks, duplicates and non-strings', () => {
    const mapped = principalFromClaims({ sub: 'a', groups: ['team:sales-data', 'sales-data', ' ', 42, 'ops'] }, defaults);
    expect(mapped).toMatchObject({ principal: { teams: ['sales-data', 'ops'] } });
  });

  it.each([
    [{}, 'sub'],
    [{ sub: '' }, 'sub'],
    [{ sub: 42 }, 'sub'],
    [{ sub: 'x'.repeat(201) }, 'sub'],
    [{ sub: 'admin' }, 'reserved'],
  ])('refuses claims %p', (claims, problem) => {
    const mapped = principalFromClaims(claims, defaults);
    expect('problem' in mapped && mapped.problem).toContain(problem);
  });

  describe('service accounts', () => {
    it.each([
      [true, true],
      ['yes', true],
      [1, true],
      [false, false],
      ['false', false],
      ['', false],
      [0, false],
      [null, false],
      [undefined, false],
    ])('a bare claim with value %p counts as %p', (value, expected) => {
      expect(isServiceAccount({ gatehouse_service: value }, { claim: 'gatehouse_service' })).toBe(expected);
    });

    it('compares claim=value, and looks into lists', () => {
      const marker = { claim: 'idtyp', value: 'app' };
      expect(isServiceAccount({ idtyp: 'app' }, marker)).toBe(true);
      expect(isServiceAccount({ idtyp: 'user' }, marker)).toBe(false);
      expect(isServiceAccount({}, marker)).toBe(false);
      expect(isServiceAccount({ idtyp: ['user', 'app'] }, marker)).toBe(true);
      expect(isServiceAccount({ idtyp: { app: true } }, marker)).toBe(false);
    });

    it('is off without a configured claim', () => {
      expect(isServiceAccount({ gatehouse_service: true }, undefined)).toBe(false);
      expect(principalFromClaims({ sub: 'svc', svc: true }, { ...defaults, serviceClaim: { claim: 'svc' } })).toMatchObject({ principal: { kind: 'service' } });
    });
  });

  it('reads claims without walking into prototypes or arrays', () => {
    expect(claimAt({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(claimAt({ 'a.b': 2, a: { b: 1 } }, 'a.b')).toBe(2);
    expect(claimAt({ a: [{ b: 1 }] }, 'a.0.b')).toBeUndefined();
    expect(claimAt({}, 'constructor.name')).toBeUndefined();
    expect(stringList({ not: 'a list' })).toEqual([]);
  });
});
