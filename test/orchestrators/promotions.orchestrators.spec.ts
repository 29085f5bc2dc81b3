/**
 * Promotions end to end against a REAL Dagster (dev) and a REAL Airflow 3 (staging): request →
 * gates → approvals (a refused self-approval, an approval that expires) → the run on the
 * orchestrator → succeeded and the deployed revision advanced; a failing run leaves staging on its
 * last good revision; a rollback goes through the same workflow. Airflow's OpenLineage provider
 * posts to Gatehouse, so run ends arrive by push.
 *
 *   npm run test:orchestrators -- promotions
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { manifest } from '../support/manifests';
import { policyFolder } from '../support/policy-folder';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { eventually } from '../support/webhook-receiver';

interface Started {
  airflow: { baseUrl: string; username: string; password: string };
  dagster: { baseUrl: string; locationName: string };
  stop(): Promise<void>;
}

const START = path.resolve(__dirname, '..', '..', 'scripts', 'orchestrators', 'start.mjs');
const GATES = `
apiVersion: gatehouse/v1
kind: PromotionGates
environments:
  dev:
    checks: [ownerDeclared]
  staging:
    checks: [ownerDeclared, classificationDeclared, sourceRevisionSucceeded, approvals]
    approvals: { required: 2, fromRoles: [approver], piiRequiresSteward: false, expireAfter: PT4S }
`;
const MINUTES = 60_000;

describe('promotions on real Dagster (dev) and Airflow (staging)', () => {
  let orchestrators: Started;
  let t: TestApp;
  let policies: ReturnType<typeof policyFolder>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    policies = policyFolder(GATES);
    const { startOrchestrators, freePorts } = (await import(pathToFileURL(START).href)) as {
      startOrchestrators: (o: object) => Promise<Started>;
      freePorts: (n: number) => Promise<number[]>;
    };
    const [port] = await freePorts(1);
    orchestrators = await startOrchestrators({ airflow: true, dagster: true, openlineageUrl: `http://127.0.0.1:${port}`, openlineageApiKey: ADMIN_TOKEN, openlineageNamespace: 'airflow-staging', log: () => {} });
    t = await startTestApp({
      port,
      policyDir: policies.dir,
      promotionPollMs: 2000,
      orchestrators: [
        { kind: 'dagster', name: 'dagster-dev', environment: 'dev', baseUrl: orchestrators.dagster.baseUrl, repositoryLocation: orchestrators.dagster.locationName, repositoryName: '__repository__', assetJob: '__ASSET_JOB', timeoutMs: 15_000, headers: {} },
        { kind: 'airflow', name: 'airflow-staging', environment: 'staging', baseUrl: orchestrators.airflow.baseUrl, apiVersion: 'v2', timeoutMs: 15_000, credentials: { username: orchestrators.airflow.username, password: orchestrators.airflow.password } },
      ],
    });
    for (const [id, roles] of [['carol', ['approver']], ['alice', ['approver']], ['bob', ['approver']], ['sam', ['approver']]] as const) {
      expect((await t.request('POST', '/api/v1/principals', { body: { id, name: id, kind: 'person', teams: ['sales-data'], roles } })).status).toBe(201);
      tokens[id] = (await t.request('POST', '/api/v1/tokens', { body: { principal: id } })).body.token;
    }
    for (const dag of ['orders_daily', 'always_fails']) {
      expect((await t.request('POST', `/api/v1/orchestrators/airflow-staging/dags/${dag}/unpause`)).status).toBe(200);
    }
  }, 15 * MINUTES);

  afterAll(async () => {
    await t?.close();
    await orchestrators?.stop();
    policies?.remove();
  }, 2 * MINUTES);

  const version = (dag: string, title: string) =>
    manifest('orders-daily', { metadata: { title }, spec: { bindings: [{ orchestrator: 'dagster-dev', asset: ['sales', 'raw_orders'] }, { orchestrator: 'airflow-staging', dag }] } });
  const get = async (id: string) => (await t.request('GET', `/api/v1/promotions/${id}`)).body;
  const staging = async () => (await t.request('GET', '/api/v1/data-products/orders-daily')).body.environments.find((e: { environment: string }) => e.environment === 'staging');
  const decide = (who: string, id: string, decision = 'approve') => t.request('POST', `/api/v1/promotions/${id}/approvals`, { body: { decision }, token: tokens[who] });

  /** Runs the current revision in dev (Dagster) through Gatehouse and waits for it to succeed. */
  async function ranInDev(): Promise<void> {
    const run = (await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'dev' } })).body;
    const done = await eventually(async () => (await t.request('GET', `/api/v1/runs/${run.id}`)).body, (r) => ['succeeded', 'failed'].includes(r.status), 5 * MINUTES);
    expect(done.status).toBe('succeeded');
  }

  /** Requests revision → staging and gets two valid approvals; returns the promotion id. */
  async function approvedPromotion(revision: number): Promise<string> {
    const p = (await t.request('POST', '/api/v1/promotions', { body: { product: 'orders-daily', revision, from: 'dev', to: 'staging', reason: `release ${revision}` }, token: tokens.carol })).body;
    expect(p.state).toBe('awaiting_approval');
    await decide('alice', p.id);
    await decide('bob', p.id);
    return p.id;
  }

  const settled = (id: string) => eventually(() => get(id), (p) => ['succeeded', 'failed'].includes(p.state), 8 * MINUTES);

  it('request → gates → approvals (self-approval refused, one expired) → Airflow run → succeeded, revision deployed', async () => {
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body: version('orders_daily', 'v1') })).status).toBe(201);
    const blocked = (await t.request('POST', '/api/v1/promotions', { body: { product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', reason: 'first' }, token: tokens.carol })).body;
    expect(blocked).toMatchObject({ state: 'blocked', stateReason: expect.stringContaining('sourceRevisionSucceeded') });
    await ranInDev();
    const p = (await t.request('POST', `/api/v1/promotions/${blocked.id}/evaluate`, { token: tokens.carol })).body;
    expect(p.state).toBe('awaiting_approval');

    const self = await decide('carol', p.id);
    expect(self.status).toBe(403);
    expect(self.body.detail).toContain('requester may not approve');
    await decide('alice', p.id);
    await new Promise((resolve) => setTimeout(resolve, 4500)); // alice's approval expires
    const afterBob = (await decide('bob', p.id)).body;
    expect(afterBob.state).toBe('awaiting_approval');
    expect(afterBob.approvals.find((a: { principal: string }) => a.principal === 'alice').valid).toBe(false);
    expect((await decide('sam', p.id)).body.state).toMatch(/approved|executing/);

    const done = await settled(p.id);
    expect(done).toMatchObject({ state: 'succeeded', orchestrator: 'airflow-staging' });
    const run = (await t.request('GET', `/api/v1/runs/${done.runId}`)).body;
    expect(run).toMatchObject({ status: 'succeeded', environment: 'staging', target: { kind: 'dag', dagId: 'orders_daily' } });
    expect(await staging()).toMatchObject({ revision: 1, status: 'deployed' });
  });

  it('a run that fails on Airflow leaves staging on its last good revision', async () => {
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body: version('always_fails', 'v2') })).status).toBe(200);
    await ranInDev();
    const id = await approvedPromotion(2);
    const done = await settled(id);
    expect(done.state).toBe('failed');
    expect(await staging()).toMatchObject({ revision: 1, status: 'deployed', lastGoodRevision: 1 });
  });

  it('rollback: after revision 3 is deployed, staging goes back to 1 through gates, approvals and a run', async () => {
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body: version('orders_daily', 'v3') })).status).toBe(200);
    await ranInDev();
    const v3 = await approvedPromotion(3);
    expect((await settled(v3)).state).toBe('succeeded');
    expect((await staging()).revision).toBe(3);

    const rb = (await t.request('POST', '/api/v1/data-products/orders-daily/environments/staging/rollback', { body: { reason: 'v3 regressed' }, token: tokens.carol })).body;
    expect(rb).toMatchObject({ kind: 'rollback', revision: 1, state: 'awaiting_approval' });
    await decide('alice', rb.id);
    await decide('bob', rb.id);
    expect((await settled(rb.id)).state).toBe('succeeded');
    expect(await staging()).toMatchObject({ revision: 1, status: 'deployed' });
    expect((await get(v3)).state).toBe('rolled_back');
  });
});
