import { verifyWebhook } from '../../src/webhooks/webhook-signature';
import { OrchestratorError } from '../../adapters/core/orchestrator-error';
import { FakeOrchestrator } from '../support/fake-orchestrator';
import { manifest } from '../support/manifests';
import { policyFolder } from '../support/policy-folder';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually, startWebhookReceiver } from '../support/webhook-receiver';

/**
 * The promotion workflow end to end over HTTP, with fake orchestrators (the real ones:
 * test/orchestrators/promotions.orchestrators.spec.ts) and a policy folder of its own so that
 * approval lifetimes are seconds and prod is always inside a freeze window.
 */
const GATES = `
apiVersion: gatehouse/v1
kind: PromotionGates
environments:
  dev:
    checks: [ownerDeclared]
  staging:
    checks: [ownerDeclared, slaDeclared, sourceRevisionSucceeded, approvals]
    softChecks: [outputsFresh]
    approvals: { required: 2, fromRoles: [approver], piiRequiresSteward: true, stewardRole: steward, expireAfter: PT3S, expireRequestsAfter: P1D }
  prod:
    checks: [ownerDeclared, noFreezeWindow, approvals]
    approvals: { required: 1, fromRoles: [approver], piiRequiresSteward: false, expireAfter: P1D, expireRequestsAfter: PT6S }
    freezeWindows:
      - { cron: "* * * * *", duration: PT2M, timezone: UTC, reason: always frozen in this test }
    breakGlassRoles: [admin]
`;
const SECRET = 'promotion-webhook-secret';
const PEOPLE = {
  carol: { kind: 'person', teams: ['sales-data'], roles: ['approver'] }, // requests (and is an approver)
  alice: { kind: 'person', teams: [], roles: ['approver'] },
  bob: { kind: 'person', teams: [], roles: ['approver'] },
  sam: { kind: 'person', teams: [], roles: ['approver', 'steward'] },
  robot: { kind: 'service', teams: [], roles: ['approver'] },
} as const;
type Who = keyof typeof PEOPLE | 'admin';

describe('promotions: gates, approvals, execution, rollback (HTTP, fake orchestrators)', () => {
  let t: TestApp;
  let policies: ReturnType<typeof policyFolder>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const tokens: Partial<Record<Who, string>> = {};
  const orchestrators = { dev: new FakeOrchestrator('airflow', []), staging: new FakeOrchestrator('airflow', []), prod: new FakeOrchestrator('airflow', []) };

  beforeAll(async () => {
    policies = policyFolder(GATES);
    receiver = await startWebhookReceiver();
    const instance = (env: 'dev' | 'staging' | 'prod') => ({ kind: 'airflow' as const, name: `airflow-${env}`, environment: env, baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2' as const, timeoutMs: 1000, credentials: { username: 'u', password: 'p' } });
    t = await startTestApp(
      { policyDir: policies.dir, orchestrators: [instance('dev'), instance('staging'), instance('prod')], webhooks: { urls: [receiver.url], secret: SECRET, format: 'json', pollMs: 50, retryBaseMs: 50, maxAttempts: 5 } },
      { orchestratorAdapters: (i) => orchestrators[i.environment as 'dev' | 'staging' | 'prod'] },
    );
    for (const [id, p] of Object.entries(PEOPLE)) {
      expect((await t.request('POST', '/api/v1/principals', { body: { id, name: id, ...p } })).status).toBe(201);
      tokens[id as Who] = (await t.request('POST', '/api/v1/tokens', { body: { principal: id } })).body.token;
    }
    const bindings = ['dev', 'staging', 'prod'].map((env) => ({ orchestrator: `airflow-${env}`, dag: 'orders_daily' }));
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body: manifest('orders-daily', { spec: { bindings } }) })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
    policies.remove();
  });

  const as = (who: Who) => (who === 'admin' ? {} : { token: tokens[who]! });
  const request = (who: Who, body: object, headers: Record<string, string> = {}) => t.request('POST', '/api/v1/promotions', { body, headers, ...as(who) });
  const decide = (who: Who, id: string, decision: 'approve' | 'reject', comment = '') => t.request('POST', `/api/v1/promotions/${id}/approvals`, { body: { decision, comment }, ...as(who) });
  const get = async (id: string) => (await t.request('GET', `/api/v1/promotions/${id}`)).body;
  const gate = (p: { gates: { check: string }[] }, check: string) => p.gates.find((g) => g.check === check) as unknown as { status: string; message: string; evidence: any };
  const deployed = async (env: string) => (await t.request('GET', '/api/v1/data-products/orders-daily')).body.environments.find((e: { environment: string }) => e.environment === env);
  const settle = (id: string, states = ['succeeded', 'failed']) => eventually(() => get(id), (p) => states.includes(p.state), 10_000);
  const finishRun = async (env: 'staging' | 'prod', id: string, outcome: 'succeeded' | 'failed') => {
    const executing = await eventually(() => get(id), (p) => p.state === 'executing' && !!p.runId && orchestrators[env].triggered.some((r) => r.runId === p.runId), 10_000);
    orchestrators[env].finish(executing.runId, outcome);
    return settle(id);
  };
  /** A successful run of a revision in dev, which staging's sourceRevisionSucceeded gate looks for. */
  const ranInDev = async () => {
    const run = (await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'dev' } })).body;
    orchestrators.dev.finish(run.id, 'succeeded');
    expect((await t.request('GET', `/api/v1/runs/${run.id}`)).body.status).toBe('succeeded');
  };
  let firstToStaging: string;

  it('validates the request and names the field', async () => {
    const skip = await request('carol', { product: 'orders-daily', revision: 1, from: 'dev', to: 'prod', reason: 'x' });
    expect(skip.status).toBe(400);
    expect(skip.body.errors).toEqual([expect.objectContaining({ field: 'to', message: expect.stringContaining('staging') })]);
    const revision = await request('carol', { product: 'orders-daily', revision: 9, from: 'dev', to: 'staging', reason: 'x' });
    expect(revision.body.errors).toEqual([expect.objectContaining({ field: 'revision' })]);
    expect((await request('carol', { product: 'nope', revision: 1, from: 'dev', to: 'staging', reason: 'x' })).status).toBe(404);
    expect((await request('carol', { product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', reason: '', extra: 1 })).body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'reason']);
  });

  it('blocks a revision that has not run in the source environment, with the evidence, until re-evaluated', async () => {
    const r = await request('carol', { product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', reason: 'first release' }, { 'idempotency-key': 'release-1' });
    expect(r.status).toBe(201);
    firstToStaging = r.body.id;
    expect(r.body).toMatchObject({ state: 'blocked', kind: 'promotion', product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', requestedBy: 'carol' });
    expect(gate(r.body, 'sourceRevisionSucceeded')).toMatchObject({ status: 'failed', message: 'revision 1 has not run in dev' });
    expect(gate(r.body, 'ownerDeclared')).toMatchObject({ status: 'passed', evidence: { owner: 'team:sales-data' } });
    expect(gate(r.body, 'approvals').status).toBe('pending');
    // the same Idempotency-Key answers the same promotion; reusing it for another request is a conflict
    const again = await request('carol', { product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', reason: 'first release' }, { 'idempotency-key': 'release-1' });
    expect([again.status, again.body.id]).toEqual([200, firstToStaging]);
    expect((await request('carol', { product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', reason: 'other' }, { 'idempotency-key': 'release-1' })).status).toBe(409);

    await ranInDev();
    const re = await t.request('POST', `/api/v1/promotions/${firstToStaging}/evaluate`, as('carol'));
    expect(re.body).toMatchObject({ state: 'awaiting_approval' });
    expect(gate(re.body, 'sourceRevisionSucceeded').status).toBe('passed');
  });

  it('refuses self-approval and service accounts, and lets an approval expire', async () => {
    const self = await decide('carol', firstToStaging, 'approve');
    expect(self.status).toBe(403);
    expect(self.body.detail).toContain('the requester may not approve their own promotion');
    const robot = await decide('robot', firstToStaging, 'approve');
    expect(robot.status).toBe(403);
    expect(robot.body.detail).toContain('service accounts may not approve');

    expect((await decide('alice', firstToStaging, 'approve')).body).toMatchObject({ state: 'awaiting_approval' });
    expect((await decide('alice', firstToStaging, 'approve')).status).toBe(409); // one decision each
    await new Promise((resolve) => setTimeout(resolve, 3200)); // staging approvals live 3 s
    const afterBob = (await decide('bob', firstToStaging, 'approve')).body;
    expect(afterBob.state).toBe('awaiting_approval');
    expect(gate(afterBob, 'approvals').evidence.lapsed).toEqual([expect.objectContaining({ principal: 'alice', why: expect.stringContaining('expired') })]);
    expect(afterBob.approvals.map((a: { principal: string; valid: boolean }) => [a.principal, a.valid])).toEqual([
      ['alice', false],
      ['bob', true],
    ]);
  });

  it('shows waiting promotions in the inbox of those who may approve them', async () => {
    const inbox = (who: Who) => t.request('GET', '/api/v1/promotions?awaitingMe=true', as(who)).then((r) => r.body.items.map((p: { id: string }) => p.id));
    expect(await inbox('sam')).toContain(firstToStaging);
    expect(await inbox('bob')).not.toContain(firstToStaging); // decided already
    expect(await inbox('carol')).not.toContain(firstToStaging); // the requester
  });

  it('approves with a quorum including a steward (PII), runs it on the orchestrator and advances the environment', async () => {
    const approved = (await decide('sam', firstToStaging, 'approve', 'looks good')).body;
    expect(approved.state).toMatch(/approved|executing/);
    const done = await finishRun('staging', firstToStaging, 'succeeded');
    expect(done).toMatchObject({ state: 'succeeded', orchestrator: 'airflow-staging', completedAt: expect.any(String) });
    expect(orchestrators.staging.triggered.filter((r) => r.runId === done.runId)).toHaveLength(1);
    expect(await deployed('staging')).toMatchObject({ revision: 1, status: 'deployed', lastGoodRevision: 1 });
    const run = (await t.request('GET', `/api/v1/runs/${done.runId}`)).body;
    expect(run).toMatchObject({ status: 'succeeded', environment: 'staging', revision: 1, product: 'orders-daily' });
  });

  it('lets a product change after an approval make that approval lapse', async () => {
    const v2 = manifest('orders-daily', { metadata: { title: 'Daily orders v2' }, spec: { bindings: ['dev', 'staging', 'prod'].map((env) => ({ orchestrator: `airflow-${env}`, dag: 'orders_daily' })) } });
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body: v2 })).status).toBe(200);
    await ranInDev();
    // the dev run above ran revision 2
    const p = (await request('carol', { product: 'orders-daily', revision: 2, from: 'dev', to: 'staging', reason: 'v2' })).body;
    expect(p.state).toBe('awaiting_approval');
    await decide('bob', p.id, 'approve');
    const v3 = manifest('orders-daily', { metadata: { title: 'Daily orders v3' }, spec: { bindings: v2.spec.bindings } });
    await t.request('PUT', '/api/v1/data-products/orders-daily', { body: v3 });
    const after = (await t.request('POST', `/api/v1/promotions/${p.id}/evaluate`, as('carol'))).body;
    expect(gate(after, 'approvals').evidence.lapsed).toEqual([{ principal: 'bob', why: 'the product changed after this approval' }]);
    // any rejection rejects
    const rejected = (await decide('alice', p.id, 'reject', 'not now')).body;
    expect(rejected).toMatchObject({ state: 'rejected', stateReason: 'rejected by alice' });
    expect((await decide('sam', p.id, 'approve')).status).toBe(409);
  });

  it('leaves the environment on its last good revision when the run fails', async () => {
    await ranInDev(); // revision 3
    const p = (await request('carol', { product: 'orders-daily', revision: 3, from: 'dev', to: 'staging', reason: 'v3' })).body;
    await decide('bob', p.id, 'approve');
    await decide('sam', p.id, 'approve');
    const failed = await finishRun('staging', p.id, 'failed');
    expect(failed).toMatchObject({ state: 'failed' });
    expect(await deployed('staging')).toMatchObject({ revision: 1, status: 'deployed', lastGoodRevision: 1 });
  });

  it('blocks prod during a freeze; break-glass lets it through, marked and audited', async () => {
    // staging has revision 1 succeeded (the promotion above ran it there)
    const p = (await request('carol', { product: 'orders-daily', revision: 1, from: 'staging', to: 'prod', reason: 'go live' })).body;
    expect(p.state).toBe('blocked');
    expect(gate(p, 'noFreezeWindow')).toMatchObject({ status: 'failed', message: expect.stringContaining('always frozen in this test') });
    const notAllowed = await t.request('POST', `/api/v1/promotions/${p.id}/overrides`, { body: { check: 'noFreezeWindow', reason: 'customer outage needs this fix' }, ...as('alice') });
    expect(notAllowed.status).toBe(403);
    const noReason = await t.request('POST', `/api/v1/promotions/${p.id}/overrides`, { body: { check: 'noFreezeWindow', reason: 'because' } });
    expect(noReason.body.errors[0].field).toBe('reason');
    const broken = (await t.request('POST', `/api/v1/promotions/${p.id}/overrides`, { body: { check: 'noFreezeWindow', reason: 'customer outage needs this fix' } })).body;
    expect(broken).toMatchObject({ state: 'awaiting_approval', breakGlass: true, overrides: [expect.objectContaining({ check: 'noFreezeWindow', by: 'admin' })] });
    expect(gate(broken, 'noFreezeWindow')).toMatchObject({ status: 'overridden', message: expect.stringContaining('break-glass by admin') });
    await decide('alice', p.id, 'approve');
    expect(await finishRun('prod', p.id, 'succeeded')).toMatchObject({ state: 'succeeded', breakGlass: true });
    expect(await deployed('prod')).toMatchObject({ revision: 1, status: 'deployed' });
    const audit = (await t.request('GET', `/api/v1/audit?subjectId=${p.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['promotion.request', 'promotion.override', 'promotion.approve', 'promotion.execute', 'promotion.succeed']));
  });

  it('rolls an environment back to its previous good revision through the same workflow', async () => {
    // staging: promote revision 3 successfully this time, then roll back to 1
    const p = (await request('carol', { product: 'orders-daily', revision: 3, from: 'dev', to: 'staging', reason: 'v3 again' })).body;
    await decide('bob', p.id, 'approve');
    await decide('sam', p.id, 'approve');
    expect((await finishRun('staging', p.id, 'succeeded')).state).toBe('succeeded');
    expect((await deployed('staging')).revision).toBe(3);

    const rb = await t.request('POST', '/api/v1/data-products/orders-daily/environments/staging/rollback', { body: { reason: 'v3 breaks the dashboard' }, ...as('carol') });
    expect(rb.status).toBe(201);
    expect(rb.body).toMatchObject({ kind: 'rollback', revision: 1, from: 'staging', to: 'staging', state: 'awaiting_approval' });
    await decide('bob', rb.body.id, 'approve');
    await decide('sam', rb.body.id, 'approve');
    expect((await finishRun('staging', rb.body.id, 'succeeded')).state).toBe('succeeded');
    expect(await deployed('staging')).toMatchObject({ revision: 1, status: 'deployed' });
    expect((await get(p.id)).state).toBe('rolled_back');
    const bad = await t.request('POST', '/api/v1/data-products/orders-daily/environments/staging/rollback', { body: { revision: 2, reason: 'never deployed' } });
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'revision' })]);
  });

  it('waits with retries and a visible reason while the orchestrator is down, then completes once', async () => {
    orchestrators.staging.failWith = new OrchestratorError('unreachable', 'connect ECONNREFUSED 127.0.0.1:9');
    const p = (await request('carol', { product: 'orders-daily', revision: 3, from: 'dev', to: 'staging', reason: 'while down' })).body;
    await decide('bob', p.id, 'approve');
    await decide('sam', p.id, 'approve');
    const waiting = await eventually(() => get(p.id), (x) => x.state === 'executing' && x.attempts >= 1, 10_000);
    expect(waiting.stateReason).toMatch(/airflow-staging is not available \(unreachable: .*ECONNREFUSED.*\); attempt 2 at /);
    expect(waiting.nextAttemptAt).toEqual(expect.any(String));
    orchestrators.staging.failWith = null;
    const done = await finishRun('staging', p.id, 'succeeded');
    expect(done.state).toBe('succeeded');
    expect(orchestrators.staging.triggered.filter((r) => r.runId === done.runId)).toHaveLength(1);
  });

  it('expires a request nobody approved in time, and lets the requester cancel one', async () => {
    const p = (await request('carol', { product: 'orders-daily', revision: 1, from: 'staging', to: 'prod', reason: 'again' })).body;
    expect(p.state).toBe('blocked');
    expect((await eventually(() => get(p.id), (x) => x.state === 'expired', 15_000)).stateReason).toContain('PT6S');
    const q = (await request('carol', { product: 'orders-daily', revision: 1, from: 'staging', to: 'prod', reason: 'once more' })).body;
    expect((await t.request('POST', `/api/v1/promotions/${q.id}/cancel`, as('alice'))).status).toBe(403);
    expect((await t.request('POST', `/api/v1/promotions/${q.id}/cancel`, as('carol'))).body).toMatchObject({ state: 'cancelled' });
  });

  it('announced requests, approvals, rejections, successes and failures on the webhook, signed', async () => {
    const events = await eventually(
      () => receiver.received.map((d) => d.headers['x-gatehouse-event']),
      (list) => ['promotion.requested', 'promotion.approved', 'promotion.rejected', 'promotion.succeeded', 'promotion.failed'].every((e) => list.includes(e)),
    );
    expect(events.length).toBeGreaterThan(5);
    const one = receiver.received[0];
    expect(verifyWebhook(SECRET, Number(one.headers['x-gatehouse-timestamp']), one.body, String(one.headers['x-gatehouse-signature']))).toBe(true);
    expect((await t.request('GET', `/api/v1/promotions?product=orders-daily&state=succeeded`)).body.items.length).toBeGreaterThanOrEqual(3);
  });
});
