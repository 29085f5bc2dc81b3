import { FakeOrchestrator } from '../support/fake-orchestrator';
import { manifest } from '../support/manifests';
import { documentedResponses } from '../support/openapi-responses';
import { policyFolder } from '../support/policy-folder';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * What the console's decision screen reads: the dry run of a request, what approving does, what
 * the caller may do and why not, the audit receipt of each action, and ETags for polling.
 */
const GATES = `
apiVersion: gatehouse/v1
kind: PromotionGates
environments:
  dev:
    checks: [ownerDeclared]
  staging:
    checks: [ownerDeclared, approvals]
    approvals: { required: 2, fromRoles: [approver], piiRequiresSteward: false, expireAfter: P1D, expireRequestsAfter: P2D }
    breakGlassRoles: [admin]
  prod:
    checks: [ownerDeclared, stewardDeclared, approvals]
    approvals: { required: 1, fromRoles: [approver], piiRequiresSteward: false, expireAfter: P1D }
`;
const PEOPLE = {
  olga: { kind: 'person', teams: ['sales-data'], roles: [] }, // owner, requests
  alice: { kind: 'person', teams: [], roles: ['approver'] },
  bob: { kind: 'person', teams: [], roles: ['approver'] },
  vic: { kind: 'person', teams: [], roles: ['viewer'] },
} as const;
type Who = keyof typeof PEOPLE | 'admin';

describe('promotions as the console reads them: dry run, plan, eligibility, receipts, ETags', () => {
  let t: TestApp;
  let policies: ReturnType<typeof policyFolder>;
  let check: Awaited<ReturnType<typeof documentedResponses>>;
  const tokens: Partial<Record<Who, string>> = {};
  const airflow = new FakeOrchestrator('airflow', []);

  beforeAll(async () => {
    policies = policyFolder(GATES);
    const instance = (env: string) => ({ kind: 'airflow' as const, name: `airflow-${env}`, environment: env, baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2' as const, timeoutMs: 1000, credentials: { username: 'u', password: 'p' } });
    t = await startTestApp({ policyDir: policies.dir, orchestrators: [instance('dev'), instance('staging')] }, { orchestratorAdapters: () => airflow });
    check = await documentedResponses(t);
    for (const [id, p] of Object.entries(PEOPLE)) {
      expect((await t.request('POST', '/api/v1/principals', { body: { id, name: id, ...p } })).status).toBe(201);
      tokens[id as Who] = (await t.request('POST', '/api/v1/tokens', { body: { principal: id } })).body.token;
    }
    const bindings = [{ orchestrator: 'airflow-dev', dag: 'orders_daily' }, { orchestrator: 'airflow-staging', dag: 'orders_daily' }];
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body: manifest('orders-daily', { spec: { bindings, classification: 'internal' } }) })).status).toBe(201);
    expect((await t.request('PUT', '/api/v1/data-products/billing', { body: manifest('billing', { metadata: { owner: 'team:finance' }, spec: { bindings, classification: 'internal' } }) })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    policies.remove();
  });

  const as = (who: Who) => (who === 'admin' ? {} : { token: tokens[who]! });
  const request = { product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', reason: 'first release' };
  const auditCount = async () => (await t.request('GET', '/api/v1/audit?limit=200')).body.items.length;
  let id: string;

  it('answers a dry run with the gates and the plan, and writes nothing, not even an audit entry', async () => {
    const before = await auditCount();
    const dry = await t.request('POST', '/api/v1/promotion-dry-runs', { body: request, ...as('olga') });
    expect(dry.status).toBe(200);
    expect(check('POST', '/api/v1/promotion-dry-runs', dry.body)).toEqual([]);
    expect(dry.body).toMatchObject({ product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', state: 'awaiting_approval' });
    expect(dry.body.gates.map((g: { check: string }) => g.check)).toEqual(['ownerDeclared', 'approvals']);
    expect(dry.body.plan).toEqual({
      summary: 'Promote orders-daily r1 from dev to staging, the first revision to run in staging; triggers Airflow DAG orders_daily on airflow-staging',
      replaces: null,
      target: { orchestrator: 'airflow-staging', kind: 'airflow', dag: 'orders_daily', asset: null },
      targetProblem: null,
    });
    expect((await t.request('GET', '/api/v1/promotions')).body.items).toEqual([]);
    expect(await auditCount()).toBe(before);
    // the same validation as a real request, naming the field
    const bad = await t.request('POST', '/api/v1/promotion-dry-runs', { body: { ...request, to: 'prod' }, ...as('olga') });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
  });

  it('says when nothing would run: no orchestrator of the target environment is bound (and needs no reason)', async () => {
    const { reason: _reason, ...unexplained } = request;
    const dry = await t.request('POST', '/api/v1/promotion-dry-runs', { body: { ...unexplained, from: 'staging', to: 'prod' } });
    expect(dry.status).toBe(200);
    expect(dry.body.plan).toMatchObject({ target: null, targetProblem: expect.stringContaining('no binding to an orchestrator configured for prod') });
    expect(dry.body.plan.summary).toMatch(/runs nothing: /);
  });

  it('answers the request with its audit entry, and its page with what each person may do and why not', async () => {
    const created = await t.request('POST', '/api/v1/promotions', { body: request, ...as('olga') });
    expect(created.status).toBe(201);
    expect(check('POST', '/api/v1/promotions', created.body)).toEqual([]);
    id = created.body.id;
    expect(created.body.audit).toMatchObject({ action: 'promotion.request', principal: 'olga', subject: { type: 'Promotion', id }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt)).toBe(2 * 86_400_000);

    const mine = (await t.request('GET', `/api/v1/promotions/${id}`, as('olga'))).body;
    expect(check('GET', '/api/v1/promotions/{id}', mine)).toEqual([]);
    expect(mine.plan.summary).toContain('Promote orders-daily r1 from dev to staging');
    expect(mine.actions.approve).toEqual({ allowed: false, reason: expect.stringContaining('no rule'), rule: null });
    expect(mine.actions.cancel).toEqual({ allowed: true, reason: null, rule: null });
    expect(mine.actions.override).toMatchObject({ allowed: false, checks: [] });

    const alice = (await t.request('GET', `/api/v1/promotions/${id}`, as('alice'))).body;
    expect(alice.actions.approve).toEqual({ allowed: true, reason: null, rule: null });
    expect(alice.actions.reject).toEqual({ allowed: true, reason: null, rule: null });
    expect(alice.actions.cancel).toEqual({ allowed: false, reason: 'only the requester or an admin cancels a promotion', rule: null });

    // an admin may approve by policy, but the environment's approvals come from approvers
    const admin = (await t.request('GET', `/api/v1/promotions/${id}`)).body;
    expect(admin.actions.approve).toEqual({ allowed: false, reason: 'approvals for this environment come from role approver', rule: null });
    expect(admin.actions.override).toEqual({ allowed: false, reason: 'No gate of this promotion has failed; there is nothing to override.', rule: null, checks: [] });
  });

  it('requires a reason to reject, naming the field, and refuses the requester with the same reason the page gave', async () => {
    const bare = await t.request('POST', `/api/v1/promotions/${id}/approvals`, { body: { decision: 'reject' }, ...as('bob') });
    expect(bare.status).toBe(400);
    expect(bare.body.errors).toEqual([{ field: 'comment', message: 'a rejection must say why' }]);
    const self = await t.request('POST', `/api/v1/promotions/${id}/approvals`, { body: { decision: 'approve' }, ...as('olga') });
    expect(self.status).toBe(403);
  });

  it('answers each decision with its audit entry, and says afterwards that the person has decided', async () => {
    const approved = await t.request('POST', `/api/v1/promotions/${id}/approvals`, { body: { decision: 'approve', comment: 'looks right' }, ...as('alice') });
    expect(approved.status).toBe(201);
    expect(check('POST', '/api/v1/promotions/{id}/approvals', approved.body)).toEqual([]);
    expect(approved.body.audit).toMatchObject({ action: 'promotion.approve', principal: 'alice' });
    const trail = (await t.request('GET', `/api/v1/audit?subjectType=Promotion&subjectId=${id}`)).body.items;
    expect(trail[0]).toEqual(approved.body.audit);
    const alice = (await t.request('GET', `/api/v1/promotions/${id}`, as('alice'))).body;
    expect(alice.actions.approve).toEqual({ allowed: false, reason: `alice already decided on promotion ${id}.`, rule: null });
  });

  it('answers 304 to a poll with the current ETag, and a new ETag once the promotion moved', async () => {
    const first = await t.request('GET', `/api/v1/promotions/${id}`, as('bob'));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const again = await t.request('GET', `/api/v1/promotions/${id}`, { ...as('bob'), headers: { 'if-none-match': etag } });
    expect([again.status, again.text]).toEqual([304, '']);
    const list = await t.request('GET', '/api/v1/promotions?awaitingMe=true', as('bob'));
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    const listAgain = await t.request('GET', '/api/v1/promotions?awaitingMe=true', { ...as('bob'), headers: { 'if-none-match': list.headers.get('etag')! } });
    expect(listAgain.status).toBe(304);

    expect((await t.request('POST', `/api/v1/promotions/${id}/approvals`, { body: { decision: 'approve' }, ...as('bob') })).status).toBe(201);
    const moved = await t.request('GET', `/api/v1/promotions/${id}`, { ...as('bob'), headers: { 'if-none-match': etag } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    expect(['approved', 'executing']).toContain(moved.body.state);
    const inbox = await t.request('GET', '/api/v1/promotions?awaitingMe=true', { ...as('bob'), headers: { 'if-none-match': list.headers.get('etag')! } });
    expect([inbox.status, inbox.body.items]).toEqual([200, []]);
  });

  it('lists only the promotions of my teams’ products with mine=true', async () => {
    expect((await t.request('POST', '/api/v1/promotions', { body: { ...request, product: 'billing' } })).status).toBe(201);
    const olga = (await t.request('GET', '/api/v1/promotions?mine=true', as('olga'))).body.items.map((p: { product: string }) => p.product);
    expect(olga).toEqual(['orders-daily']);
    expect((await t.request('GET', '/api/v1/promotions?mine=true', as('alice'))).body.items).toEqual([]);
  });

  it('filters runs and SLA states to my teams’ products with mine=true (the home page)', async () => {
    const run = await t.request('POST', '/api/v1/data-products/billing/runs', { body: { environment: 'dev' } });
    expect(run.status).toBe(201);
    const runs = async (who: Who) => (await t.request('GET', '/api/v1/runs?mine=true', as(who))).body.items.map((r: { product: string }) => r.product);
    expect(await runs('olga')).not.toContain('billing');
    expect(await runs('admin')).toEqual([]);
    expect((await t.request('GET', '/api/v1/runs')).body.items.map((r: { product: string }) => r.product)).toContain('billing');
    const sla = async (who: Who) => [...new Set((await t.request('GET', '/api/v1/sla?mine=true', as(who))).body.items.map((s: { product: string }) => s.product))];
    expect(await sla('olga')).toEqual(['orders-daily']);
    expect(await sla('alice')).toEqual([]);
  });

  it('answers a cancel with its receipt', async () => {
    const open = (await t.request('GET', '/api/v1/promotions?product=billing')).body.items[0];
    const cancelled = await t.request('POST', `/api/v1/promotions/${open.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', audit: { action: 'promotion.cancel', principal: 'admin' } });
    expect(check('POST', '/api/v1/promotions/{id}/cancel', cancelled.body)).toEqual([]);
  });
});
