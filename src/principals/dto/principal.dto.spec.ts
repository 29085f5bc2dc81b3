import { createPrincipalBody, isPrincipalId, listPrincipalsQuery, updatePrincipalBody } from './principal.dto';

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('principal DTOs', () => {
  it.each(['svc-airflow', 'ana@example.com', 'ana.lopez+ci@data.example.co.uk', 'a', 'team_bot.1', 'x'.repeat(200)])('accepts the id %s', (id) => {
    expect(isPrincipalId(id)).toBe(true);
  });

  it.each(['', 'Ana@example.com', 'svc airflow', '-svc', 'svc-', 'ana@', '@example.com', 'ana@example', 'team:sales', 'x'.repeat(201)])('refuses the id %p', (id) => {
    expect(isPrincipalId(id)).toBe(false);
  });

  it('defaults teams and roles to empty lists and removes duplicates', () => {
    const body = createPrincipalBody.parse({ id: 'svc-a', name: ' Svc A ', kind: 'service', roles: ['operator', 'operator'] });
    expect(body).toEqual({ id: 'svc-a', name: 'Svc A', kind: 'service', teams: [], roles: ['operator'] });
  });

  it('reserves the id admin for the bootstrap administrator', () => {
    expect(issues(createPrincipalBody.safeParse({ id: 'admin', name: 'x', kind: 'person' }))).toEqual([expect.stringMatching(/^id: .*reserved/)]);
  });

  it('wants plain team slugs, explaining the team: prefix products use', () => {
    const result = createPrincipalBody.safeParse({ id: 'a', name: 'a', kind: 'person', teams: ['team:sales-data', 'Sales'] });
    expect(issues(result)).toEqual([
      expect.stringMatching(/^teams\.0: give the plain team slug \(sales-data\)/),
      expect.stringMatching(/^teams\.1: must be a team slug/),
    ]);
  });

  it('takes role names as the policy files write them', () => {
    expect(createPrincipalBody.safeParse({ id: 'a', name: 'a', kind: 'person', roles: ['lineage-producer'] }).success).toBe(true);
    expect(issues(createPrincipalBody.safeParse({ id: 'a', name: 'a', kind: 'person', roles: ['1st', 'Admin'] }))).toHaveLength(2);
  });

  it('lets a PATCH change name, teams, roles and e-mail only, at least one of them', () => {
    expect(updatePrincipalBody.parse({ email: null })).toEqual({ email: null });
    expect(updatePrincipalBody.safeParse({}).success).toBe(false);
    expect(updatePrincipalBody.safeParse({ kind: 'service' }).success).toBe(false);
    expect(updatePrincipalBody.safeParse({ id: 'other' }).success).toBe(false);
  });

  it('parses list filters, the disabled flag and the cursor', () => {
    const cursor = Buffer.from('list-b').toString('base64url');
    expect(listPrincipalsQuery.parse({ kind: 'service', disabled: 'false', cursor, limit: '10' })).toEqual({
      kind: 'service',
      disabled: false,
      cursor: 'list-b',
      limit: 10,
    });
    expect(listPrincipalsQuery.parse({})).toEqual({ limit: 50 });
    expect(listPrincipalsQuery.safeParse({ disabled: 'yes' }).success).toBe(false);
    expect(listPrincipalsQuery.safeParse({ cursor: '%%' }).success).toBe(false);
  });
});
