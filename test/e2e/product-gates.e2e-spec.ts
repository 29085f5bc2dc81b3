import { consumer, ContractGateApp, gateOf, producer, reads, SCHEMA, startContractGateApp } from '../support/contract-gate';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';

/**
 * Gates by product attributes end to end (HTTP, fake orchestrators): the same breaking change (a
 * field removed from a declared schema, read downstream) waits in prod for the downstream owner's
 * acknowledgement and two approvals for a tier-1 product, and passes with the lighter rules for a
 * tier-4 product. The policies API shows the entries; the dry run, the inbox and the actions
 * follow the product's gates.
 */
const GATES = `
apiVersion: gatehouse/v1
kind: PromotionGates
environments:
  dev:
    checks: [ownerDeclared]
  staging:
    checks: [ownerDeclared]
  prod:
    checks: [ownerDeclared, approvals]
    approvals: { required: 1, fromRoles: [approver], piiRequiresSteward: false }
    rules:
      - description: tier 1 waits for its readers and two approvers
        when: { tier: 1 }
        checks: { add: [breakingChangesAcknowledged] }
        approvals: { required: 2 }
      - description: tiers 4 and 5 need no approval
        when: { tier: { gte: 4 } }
        checks: { remove: [approvals] }
`;
const PEOPLE = {
  carol: { kind: 'person', teams: ['sales-data'], roles: [] }, // requests
  fiona: { kind: 'person', teams: ['finance'], roles: [] }, // owns revenue, which reads both products
  alice: { kind: 'person', teams: [], roles: ['approver'] },
  bob: { kind: 'person', teams: [], roles: ['approver'] },
} as const;

describe('gates by product attributes (HTTP, fake orchestrators)', () => {
  let app: ContractGateApp<keyof typeof PEOPLE>;
  let documented: ResponseCheck;
  const removed = SCHEMA.filter((p) => p.name !== 'amount');

  beforeAll(async () => {
    app = await startContractGateApp(GATES, PEOPLE);
    documented = await documentedResponses(app.t);
    for (const [name, tier] of [['orders', 1], ['events', 4]] as const) {
      expect((await app.t.request('PUT', `/api/v1/data-products/${name}`, { body: producer(name, SCHEMA, { tier }) })).status).toBe(201);
    }
    expect((await app.t.request('PUT', '/api/v1/data-products/revenue', { body: consumer('revenue', 'team:finance') })).status).toBe(201);
    const lineage = await app.t.request('POST', '/api/v1/lineage', { body: reads('build_revenue', ['orders', 'events'], 'revenue', ['amount']) });
    expect(lineage.status).toBeLessThan(300);

    // revision 1 of both runs everywhere: the baseline the breaking change is measured against
    for (const name of ['orders', 'events']) {
      await app.finish('staging', (await app.promote('carol', name, 1, 'dev', 'staging')).id);
      const prod = await app.promote('carol', name, 1, 'staging', 'prod');
      for (const who of ['alice', 'bob'] as const) if ((await app.get(prod.id)).state === 'awaiting_approval') expect((await app.approve(who, prod.id)).status).toBe(201);
      await app.finish('prod', prod.id);
    }
    // revision 2 of both removes amount, which revenue reads; staging has no breaking-change gate
    for (const name of ['orders', 'events']) {
      expect((await app.t.request('PUT', `/api/v1/data-products/${name}`, { body: producer(name, removed, { tier: name === 'orders' ? 1 : 4 }) })).status).toBe(200);
      await app.finish('staging', (await app.promote('carol', name, 2, 'dev', 'staging')).id);
    }
  });
  afterAll(() => app.close());

  it('lists the conditional entries with the environment’s gates', async () => {
    const policies = await app.t.request('GET', '/api/v1/policies');
    expect(documented('GET', '/api/v1/policies', policies.body)).toEqual([]);
    expect(policies.body.gates.prod.rules).toEqual([
      expect.objectContaining({ description: 'tier 1 waits for its readers and two approvers', when: { tier: 1 }, checks: { add: ['breakingChangesAcknowledged'], remove: [] }, approvals: { required: 2 } }),
      expect.objectContaining({ when: { tier: { gte: 4 } }, checks: { add: [], remove: ['approvals'] } }),
    ]);
    expect(policies.body.gates.staging.rules).toEqual([]);
  });

  it('shows in the dry run which gates each product passes', async () => {
    const dryRun = async (product: string) => (await app.t.request('POST', '/api/v1/promotion-dry-runs', { body: { product, revision: 2, from: 'staging', to: 'prod' }, ...app.as('carol') })).body;
    expect((await dryRun('orders')).gates.map((g: { check: string }) => g.check)).toEqual(['ownerDeclared', 'approvals', 'breakingChangesAcknowledged']);
    const events = await dryRun('events');
    expect([events.state, events.gates.map((g: { check: string }) => g.check)]).toEqual(['approved', ['ownerDeclared']]);
  });

  it('makes the tier-1 product wait for the acknowledgement and two approvals', async () => {
    const prod = await app.promote('carol', 'orders', 2, 'staging', 'prod');
    expect(prod.state).toBe('blocked');
    expect(gateOf(prod, 'breakingChangesAcknowledged')).toMatchObject({ status: 'pending', hard: true, evidence: { baseline: 1, waitingFor: ['revenue'] } });
    expect(gateOf(prod, 'approvals')).toMatchObject({ status: 'pending', evidence: expect.objectContaining({ required: 2 }) });
    const inbox = async (who: 'alice' | 'fiona', query: string) => (await app.t.request('GET', `/api/v1/promotions?${query}=true`, app.as(who))).body.items.map((p: { id: string }) => p.id);
    expect(await inbox('fiona', 'awaitingAcknowledgement')).toEqual([prod.id]);
    expect(await inbox('alice', 'awaitingMe')).toEqual([prod.id]);
    expect((await app.get(prod.id, 'fiona')).actions.acknowledge).toMatchObject({ allowed: true, products: ['revenue'] });

    const acknowledged = await app.acknowledge('fiona', prod.id, 'revenue', 'we read net_amount now');
    expect([acknowledged.status, acknowledged.body.state]).toEqual([201, 'awaiting_approval']);
    const first = await app.approve('alice', prod.id);
    expect([first.status, first.body.state]).toEqual([201, 'awaiting_approval']);
    expect(gateOf(first.body, 'approvals')!.message).toBe('waiting for 1 more approval(s) of 2');
    const second = await app.approve('bob', prod.id);
    expect(second.body.state).toBe('approved');
    expect((await app.finish('prod', prod.id)).state).toBe('succeeded');
  });

  it('passes the same change for the tier-4 product with the lighter rules', async () => {
    expect((await app.t.request('GET', '/api/v1/data-products/events/diff')).body.contract).toMatchObject({ breaking: true, changes: [expect.objectContaining({ rule: 'field-removed', field: 'amount' })] });
    const prod = await app.promote('carol', 'events', 2, 'staging', 'prod');
    expect(documented('POST', '/api/v1/promotions', prod, 201)).toEqual([]);
    expect(prod.state).toBe('approved');
    expect(prod.gates.map((g: { check: string; status: string }) => [g.check, g.status])).toEqual([['ownerDeclared', 'passed']]);
    const detail = await app.get(prod.id, 'fiona');
    expect(detail.actions.acknowledge).toMatchObject({ allowed: false });
    expect((await app.finish('prod', prod.id)).state).toBe('succeeded');
  });
});
