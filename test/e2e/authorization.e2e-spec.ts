import { manifest } from '../support/manifests';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Policies enforced end to end with real principals and tokens: the shipped roles against the
 * catalog, management and audit routes, including field restrictions, list filtering in the
 * database and the audit record of every denial.
 */
describe('authorization with the shipped policies (HTTP)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const PEOPLE: [string, string, string[], string[]][] = [
    // [key, id, teams, roles]
    ['member', 'sam@example.com', ['sales-data'], []],
    ['outsider', 'zoe@example.com', ['design'], []],
    ['steward', 'ana@example.com', [], ['steward']],
    ['listed', 'lee@example.com', [], []],
    ['editor', 'eve@example.com', [], ['editor']],
    ['auditor', 'aud@example.com', [], ['auditor']],
  ];
  const PRODUCTS: [string, string, string, string[]][] = [
    // [name, classification, owner, stewards]
    ['az-public', 'public', 'team:marketing', []],
    ['az-internal', 'internal', 'team:marketing', []],
    ['az-confidential', 'confidential', 'team:sales-data', []],
    ['az-restricted', 'restricted', 'team:finance', ['lee@example.com']],
  ];

  beforeAll(async () => {
    t = await startTestApp();
    for (const [key, id, teams, roles] of PEOPLE) {
      expect((await t.request('POST', '/api/v1/principals', { body: { id, name: key, kind: 'person', teams, roles } })).status).toBe(201);
      tokens[key] = (await t.request('POST', '/api/v1/tokens', { body: { principal: id } })).body.token;
    }
    for (const [name, classification, owner, stewards] of PRODUCTS) {
      const r = await t.request('PUT', `/api/v1/data-products/${name}`, { body: manifest(name, { metadata: { owner, stewards }, spec: { classification } }) });
      expect(r.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  const as = (who: string) => ({ token: tokens[who] });

  it.each<[string, string, number]>([
    ['outsider', 'az-public', 200],
    ['outsider', 'az-internal', 200],
    ['outsider', 'az-confidential', 403],
    ['outsider', 'az-restricted', 403],
    ['member', 'az-confidential', 200],
    ['member', 'az-restricted', 403],
    ['listed', 'az-restricted', 200],
    ['steward', 'az-restricted', 200],
    ['editor', 'az-confidential', 403],
  ])('%s reading %s → %i', async (who, name, status) => {
    expect((await t.request('GET', `/api/v1/data-products/${name}`, as(who))).status).toBe(status);
    expect((await t.request('GET', `/api/v1/data-products/${name}/revisions`, as(who))).status).toBe(status);
  });

  it.each<[string, string[]]>([
    ['outsider', ['az-internal', 'az-public']],
    ['member', ['az-confidential', 'az-internal', 'az-public']],
    ['listed', ['az-internal', 'az-public', 'az-restricted']],
    ['steward', ['az-confidential', 'az-internal', 'az-public', 'az-restricted']],
  ])('lists only what %s may read, filtered in the database', async (who, expected) => {
    const r = await t.request('GET', '/api/v1/data-products?limit=200&q=az-', as(who));
    expect(r.status).toBe(200);
    expect(r.body.items.map((p: { name: string }) => p.name)).toEqual(expected);
  });

  it.each<[string, string, Record<string, unknown>, number]>([
    ['member', 'az-confidential', { spec: { tier: 2 } }, 200],
    ['outsider', 'az-internal', { spec: { tier: 2 } }, 403],
    ['editor', 'az-internal', { spec: { description: 'Edited by an editor' } }, 200],
    ['editor', 'az-internal', { metadata: { owner: 'team:editors' } }, 403],
    ['editor', 'az-internal', { spec: { classification: 'public' } }, 403],
    ['steward', 'az-public', { spec: { classification: 'internal' } }, 200],
    ['steward', 'az-public', { spec: { tier: 4 } }, 403],
    ['member', 'az-confidential', { metadata: { owner: 'team:marketing' } }, 403],
  ])('%s patching %s with %j → %i', async (who, name, body, status) => {
    const r = await t.request('PATCH', `/api/v1/data-products/${name}`, { ...as(who), body });
    expect(r.status).toBe(status);
    if (status === 403) {
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body).toMatchObject({ code: 'forbidden', reason: expect.any(String), policyVersion: expect.stringMatching(/^sha256:/) });
    }
  });

  it('names the field a restricted role may not change', async () => {
    const r = await t.request('PATCH', '/api/v1/data-products/az-internal', { ...as('editor'), body: { metadata: { owner: 'team:x' } } });
    expect(r.body.detail).toContain('field owner');
    // as a member too, so a form can show the refusal at the field
    expect(r.body.field).toBe('owner');
  });

  it('lets members create products only for their own teams', async () => {
    const own = await t.request('PUT', '/api/v1/data-products/az-member-own', { ...as('member'), body: manifest('az-member-own', { metadata: { owner: 'team:sales-data' } }) });
    expect(own.status).toBe(201);
    const other = await t.request('PUT', '/api/v1/data-products/az-member-other', { ...as('member'), body: manifest('az-member-other', { metadata: { owner: 'team:finance' } }) });
    expect(other.status).toBe(403);
    expect((await t.request('GET', '/api/v1/data-products/az-member-other')).status).toBe(404);
  });

  it.each<[string, string, string, number]>([
    ['outsider', 'GET', '/api/v1/principals', 403],
    ['outsider', 'POST', '/api/v1/tokens', 403],
    ['outsider', 'POST', '/api/v1/policies/reload', 403],
    ['outsider', 'GET', '/api/v1/policies', 403],
    ['outsider', 'GET', '/api/v1/audit', 403],
    ['auditor', 'GET', '/api/v1/audit', 200],
    ['auditor', 'GET', '/api/v1/policies', 200],
    ['outsider', 'GET', '/api/v1/me', 200],
    ['outsider', 'POST', '/api/v1/policy/evaluate', 200],
  ])('%s %s %s → %i', async (who, method, path, status) => {
    const body = path.endsWith('/evaluate') ? { principal: 'zoe@example.com', action: 'read', subject: { type: 'DataProduct', id: 'az-restricted' } } : path.endsWith('/tokens') ? { principal: 'zoe@example.com' } : undefined;
    expect((await t.request(method, path, { ...as(who), body })).status).toBe(status);
  });

  it('explains a stored principal and a stored product by name', async () => {
    const r = await t.request('POST', '/api/v1/policy/evaluate', { body: { principal: 'lee@example.com', action: 'read', subject: { type: 'DataProduct', id: 'az-restricted' } } });
    expect(r.body).toMatchObject({ allowed: true, decidingRule: { role: 'authenticated' }, reason: expect.stringContaining('stewards') });
  });

  it('records every denial in the audit trail with the policy version', async () => {
    await t.request('GET', '/api/v1/data-products/az-restricted', { ...as('outsider'), headers: { 'x-request-id': 'denied-read-1' } });
    const audit = await t.request('GET', '/api/v1/audit?principal=zoe@example.com&outcome=denied&limit=200');
    const entry = audit.body.items.find((e: { requestId: string }) => e.requestId === 'denied-read-1');
    expect(entry).toMatchObject({ outcome: 'denied', subject: { type: 'DataProduct', id: 'az-restricted' }, policyVersion: expect.stringMatching(/^sha256:/) });
    const verify = await t.request('GET', '/api/v1/audit/verify');
    expect(verify.body.valid).toBe(true);
  });

  it('stamps allowed changes with the policy version and audits principal and token management', async () => {
    const audit = await t.request('GET', '/api/v1/audit?action=data-product.update&limit=200');
    expect(audit.body.items.length).toBeGreaterThan(0);
    expect(audit.body.items.every((e: { policyVersion: string | null }) => e.policyVersion?.startsWith('sha256:'))).toBe(true);
    const tokensIssued = await t.request('GET', '/api/v1/audit?action=token.issue&limit=200');
    expect(tokensIssued.body.items.length).toBeGreaterThanOrEqual(PEOPLE.length);
    expect(JSON.stringify(tokensIssued.body.items)).not.toContain('ghs_');
    expect((await t.request('GET', '/api/v1/audit?action=principal.create&limit=200')).body.items).toHaveLength(PEOPLE.length);
  });
});
