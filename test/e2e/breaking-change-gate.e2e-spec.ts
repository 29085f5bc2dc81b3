import { consumer, ContractGateApp, dataset, datasetId, gateOf, producer, reads, SCHEMA, startContractGateApp } from '../support/contract-gate';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { runEvent } from '../support/openlineage';

/**
 * The breaking-change gate end to end (HTTP, fake orchestrators): a declared schema promoted to
 * staging and prod, drift observed from lineage, a field removed in revision 2, the gate into prod
 * waiting for the downstream owners lineage finds (a product whose column lineage reads other
 * columns is not asked), their acknowledgements, approvals, success.
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
    checks: [ownerDeclared, breakingChangesAcknowledged, approvals]
    approvals: { required: 1, fromRoles: [approver], piiRequiresSteward: false }
`;
const PEOPLE = {
  carol: { kind: 'person', teams: ['sales-data'], roles: [] }, // requests
  sally: { kind: 'person', teams: ['sales-data', 'finance'], roles: [] }, // producing team, also in finance
  fiona: { kind: 'person', teams: ['finance'], roles: [] },
  'dora@example.com': { kind: 'person', teams: [], roles: [] }, // steward of churn
  alice: { kind: 'person', teams: [], roles: ['approver'] },
} as const;
type Who = keyof typeof PEOPLE | 'admin';
const ORDERS_ID = datasetId('orders');

describe('breaking-change gate (HTTP, fake orchestrators)', () => {
  let app: ContractGateApp<keyof typeof PEOPLE>;
  let documented: ResponseCheck;

  beforeAll(async () => {
    app = await startContractGateApp(GATES, PEOPLE);
    documented = await documentedResponses(app.t);
    expect((await app.t.request('PUT', '/api/v1/data-products/orders', { body: producer('orders', SCHEMA) })).status).toBe(201);
    for (const [name, owner, stewards] of [['revenue', 'team:finance', []], ['churn', 'team:data-science', ['dora@example.com']], ['clicks', 'team:marketing', []]] as const) {
      expect((await app.t.request('PUT', `/api/v1/data-products/${name}`, { body: consumer(name, owner, [...stewards]) })).status).toBe(201);
    }
    // lineage in prod: revenue reads orders.amount (column lineage), churn reads orders (no column lineage), clicks reads only order_id
    const lineage = await app.t.request('POST', '/api/v1/lineage', { body: [reads('build_revenue', ['orders'], 'revenue', ['amount']), reads('build_churn', ['orders'], 'churn'), reads('build_clicks', ['orders'], 'clicks', ['order_id'])] });
    expect(lineage.status).toBeLessThan(300);
  });
  afterAll(() => app.close());

  const as = (who: Who) => app.as(who);
  const get = (id: string, who: Who = 'admin') => app.get(id, who);
  const gate = (p: { gates: { check: string }[] }) => gateOf(p, 'breakingChangesAcknowledged')!;
  const acknowledge = (who: Who, id: string, downstream: string, comment = '') => app.acknowledge(who, id, downstream, comment);
  const promote = (revision: number, from: 'dev' | 'staging', to: 'staging' | 'prod') => app.promote('carol', 'orders', revision, from, to);
  const finish = (env: 'staging' | 'prod', id: string) => app.finish(env, id);
  let promotion: string;

  it('promotes the declared schema to staging and prod: nothing runs there yet, so nothing breaks', async () => {
    const staging = await promote(1, 'dev', 'staging');
    expect(staging.state).toBe('approved');
    await finish('staging', staging.id);
    const prod = await promote(1, 'staging', 'prod');
    expect(gate(prod)).toMatchObject({ status: 'passed', message: 'nothing runs in prod yet: no contract to break' });
    expect((await app.t.request('POST', `/api/v1/promotions/${prod.id}/approvals`, { body: { decision: 'approve' }, ...as('alice') })).status).toBe(201);
    await finish('prod', prod.id);
  });

  it('observes a drifting schema in staging from lineage', async () => {
    const schema = { _producer: 'https://example.com/p', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: [{ name: 'order_id', type: 'bigint' }, { name: 'amount', type: 'varchar' }] };
    await app.t.request('POST', '/api/v1/lineage', { body: runEvent({ job: 'orders_daily', namespace: 'spark-staging', outputs: [{ ...dataset('orders'), facets: { schema } }] }) });
    await app.t.request('POST', '/api/v1/contracts/drift/evaluate');
    const contract = (await app.t.request('GET', '/api/v1/data-products/orders/contract')).body;
    expect(contract.openDrift).toEqual([expect.objectContaining({ environment: 'staging', findings: [expect.objectContaining({ kind: 'type', field: 'amount' }), expect.objectContaining({ kind: 'missing', field: 'coupon' })] })]);
  });

  it('classifies removing a field in revision 2 as breaking', async () => {
    const r2 = producer('orders', SCHEMA.filter((p) => p.name !== 'amount'));
    expect((await app.t.request('PUT', '/api/v1/data-products/orders', { body: r2 })).status).toBe(200);
    const diff = (await app.t.request('GET', '/api/v1/data-products/orders/diff')).body;
    expect(diff.contract).toEqual({ breaking: true, changes: [expect.objectContaining({ rule: 'field-removed', level: 'breaking', output: ORDERS_ID, field: 'amount' })] });
    const staging = await promote(2, 'dev', 'staging');
    await finish('staging', staging.id);
  });

  it('makes the promotion into prod wait for the downstream products that read the removed column', async () => {
    const prod = await promote(2, 'staging', 'prod');
    promotion = prod.id;
    expect(prod.state).toBe('blocked');
    const g = gate(prod);
    expect(g.status).toBe('pending');
    expect(g.message).toBe('1 breaking change(s) against r1 wait for the acknowledgement of churn, revenue');
    expect(g.evidence).toMatchObject({ environment: 'prod', baseline: 1, owner: 'team:sales-data', changeSet: expect.stringMatching(/^sha256:/), waitingFor: ['churn', 'revenue'], acknowledged: [] });
    // clicks reads only order_id (its column lineage says so): it is not asked
    expect(g.evidence.downstream.map((d: { product: string; columns: object }) => [d.product, d.columns])).toEqual([['churn', {}], ['revenue', { [ORDERS_ID]: ['amount'] }]]);
  });

  it('shows each downstream owner what waits for them, and who may acknowledge', async () => {
    const inbox = async (who: Who) => (await app.t.request('GET', '/api/v1/promotions?awaitingAcknowledgement=true', as(who))).body;
    const fiona = await inbox('fiona');
    expect(documented('GET', '/api/v1/promotions', fiona)).toEqual([]);
    expect(fiona.items.map((p: { id: string }) => p.id)).toEqual([promotion]);
    expect((await inbox('dora@example.com')).items).toHaveLength(1);
    for (const who of ['carol', 'sally', 'alice'] as const) expect((await inbox(who)).items).toEqual([]);
    const detail = await get(promotion, 'fiona');
    expect(documented('GET', '/api/v1/promotions/{id}', detail)).toEqual([]);
    expect(detail.actions.acknowledge).toEqual({ allowed: true, reason: null, rule: null, products: ['revenue'] });
    expect((await get(promotion, 'sally')).actions.acknowledge).toMatchObject({ allowed: false, reason: expect.stringContaining('members of team:sales-data, the producing team, do not acknowledge for'), products: [] });
  });

  it('refuses acknowledgements from the requester, the producing team and outsiders, naming why', async () => {
    const requester = await acknowledge('carol', promotion, 'revenue');
    expect([requester.status, requester.body.reason ?? requester.body.detail]).toEqual([403, expect.stringContaining('requester')]);
    expect((await acknowledge('sally', promotion, 'revenue')).status).toBe(403);
    expect((await acknowledge('alice', promotion, 'churn')).body.detail).toContain('come from team:data-science or its stewards (dora@example.com)');
    const notDownstream = await acknowledge('fiona', promotion, 'clicks');
    expect([notDownstream.status, notDownstream.body.errors]).toEqual([400, [expect.objectContaining({ field: 'downstream' })]]);
  });

  it('passes once every downstream product acknowledged, then approvals decide, and it succeeds', async () => {
    const first = await acknowledge('fiona', promotion, 'revenue', 'we switch to net_amount');
    expect(first.status).toBe(201);
    expect(documented('POST', '/api/v1/promotions/{id}/acknowledgements', first.body, 201)).toEqual([]);
    expect(first.body.audit).toMatchObject({ action: 'promotion.acknowledge', principal: 'fiona', details: expect.objectContaining({ downstream: 'revenue', baseline: 1 }) });
    expect(gate(first.body)).toMatchObject({ status: 'pending', evidence: { acknowledged: ['revenue'], waitingFor: ['churn'] } });
    expect((await acknowledge('fiona', promotion, 'revenue')).status).toBe(409);

    const second = await acknowledge('dora@example.com', promotion, 'churn');
    expect(second.body.state).toBe('awaiting_approval');
    expect(gate(second.body)).toMatchObject({ status: 'passed', message: expect.stringContaining('acknowledged by every downstream product: churn, revenue') });
    expect(gate(second.body).evidence.downstream.find((d: { product: string }) => d.product === 'revenue').acknowledgedBy).toEqual([{ principal: 'fiona', comment: 'we switch to net_amount', at: expect.any(String) }]);
    expect((await app.t.request('POST', `/api/v1/promotions/${promotion}/approvals`, { body: { decision: 'approve' }, ...as('alice') })).body.state).toBe('approved');
    await finish('prod', promotion);
    const audit = await app.t.request('GET', `/api/v1/audit?subjectType=Promotion&subjectId=${promotion}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['promotion.acknowledge']));
  });

  it('needs new acknowledgements for a new revision', async () => {
    const r3 = producer('orders', SCHEMA.filter((p) => p.name === 'order_id'));
    expect((await app.t.request('PUT', '/api/v1/data-products/orders', { body: r3 })).status).toBe(200);
    const staging = await promote(3, 'dev', 'staging');
    await finish('staging', staging.id);
    const prod = await promote(3, 'staging', 'prod');
    // against r2 in prod only coupon is removed now; churn reads everything, revenue only amount
    expect(gate(prod)).toMatchObject({ status: 'pending', evidence: { baseline: 2, acknowledged: [], waitingFor: ['churn'] } });
  });
});
