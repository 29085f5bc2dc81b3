import type { Browser, BrowserContext, Page } from 'playwright-core';
import { manifest } from '../support/manifests';
import { runEvent } from '../support/openlineage';
import { launchChromium, newContext, screenshot, seriousViolations, signInWithToken, watchPageErrors } from './support/browser';
import { ConsoleApp, ENVIRONMENTS, startConsoleApp } from './support/console-app';

/**
 * The breaking-change gate in the console: a field removed from a declared schema makes the
 * promotion into prod wait for the downstream product lineage finds; its owner finds it on the
 * home page, sees on the promotion who has and has not acknowledged, and acknowledges; the
 * requester is told why they may not.
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
    checks: [ownerDeclared, breakingChangesAcknowledged]
`;
const WH = 'postgres://warehouse:5432';
const LEDGER = { namespace: WH, name: 'analytics.public.ledger' };
const SCHEMA = [
  { name: 'entry_id', logicalType: 'integer', required: true, primaryKey: true },
  { name: 'amount', logicalType: 'number' },
];

describe('breaking-change gate', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let fionaToken: string;
  let promotionId: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];

  async function waitForPromotion(id: string, done: (p: any) => boolean, what: string): Promise<any> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const p = (await app.as('admin', 'GET', `/api/v1/promotions/${id}`)).body;
      if (done(p)) return p;
      if (Date.now() > deadline) throw new Error(`promotion ${id} never got ${what}: ${JSON.stringify({ state: p.state, stateReason: p.stateReason })}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  async function promote(revision: number, from: string, to: 'staging' | 'prod', finish = true): Promise<any> {
    const r = await app.as('olga', 'POST', '/api/v1/promotions', { product: 'ledger', revision, from, to, reason: `ledger r${revision} to ${to}` });
    expect(r.status).toBe(201);
    if (!finish) return r.body;
    const executing = await waitForPromotion(r.body.id, (p) => p.state === 'executing' && p.runId, 'executing with a run');
    app.orchestrators[to].finish(executing.runId, 'succeeded');
    return waitForPromotion(r.body.id, (p) => p.state === 'succeeded', 'succeeded');
  }

  beforeAll(async () => {
    app = await startConsoleApp({ gates: GATES });
    browser = await launchChromium();
    expect((await app.as('admin', 'POST', '/api/v1/principals', { id: 'fiona', name: 'Fiona Finance', kind: 'person', teams: ['finance'], roles: [] })).status).toBe(201);
    fionaToken = (await app.as('admin', 'POST', '/api/v1/tokens', { principal: 'fiona' })).body.token;
    const bindings = ENVIRONMENTS.map((env) => ({ orchestrator: `airflow-${env}`, dag: 'ledger_daily' }));
    const ledger = (schema: typeof SCHEMA) => manifest('ledger', { spec: { classification: 'internal', containsPii: false, outputs: [{ ...LEDGER, schema }], bindings } });
    expect((await app.as('olga', 'PUT', '/api/v1/data-products/ledger', ledger(SCHEMA))).status).toBe(201);
    await promote(1, 'dev', 'staging');
    await promote(1, 'staging', 'prod');
    // billing-ledger (team:finance) reads the ledger
    const billing = manifest('billing-ledger').spec.outputs[0];
    const event = runEvent({ job: 'build_billing_ledger', namespace: 'airflow-prod', inputs: [LEDGER], outputs: [billing] });
    expect((await app.as('admin', 'POST', '/api/v1/lineage', event)).status).toBeLessThan(300);
    expect((await app.as('olga', 'PUT', '/api/v1/data-products/ledger', ledger(SCHEMA.filter((p) => p.name !== 'amount')))).status).toBe(200);
    await promote(2, 'dev', 'staging');
    const prod = await promote(2, 'staging', 'prod', false);
    expect(prod.state).toBe('blocked');
    promotionId = prod.id;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    for (const errors of pageErrors.splice(0)) expect(errors).toEqual([]);
  });

  async function open(token: string, path: string): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(watchPageErrors(page));
    await signInWithToken(page, app.baseUrl, token, path);
    return page;
  }

  const downstream = (page: Page, product: string) => page.locator(`[data-downstream="${product}"]`);

  it('the requester is told why they may not acknowledge', async () => {
    const olga = await open(app.tokens.olga, `/promotions/${promotionId}`);
    const button = olga.getByRole('button', { name: 'Acknowledge breaking changes' });
    await button.waitFor();
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await olga.locator('[data-action="acknowledge"]').textContent()).toContain('You may not acknowledge the breaking changes: the requester does not acknowledge their own breaking change');
  });

  it('the downstream owner finds the promotion on the home page and acknowledges it on the promotion page', async () => {
    const fiona = await open(fionaToken, '/');
    const section = fiona.getByRole('region', { name: /Breaking changes waiting for my acknowledgement/ });
    await section.getByRole('link', { name: 'ledger r2' }).click();
    await fiona.getByRole('heading', { level: 1, name: 'Promote ledger r2 to prod' }).waitFor();
    const gate = fiona.locator('[data-check="breakingChangesAcknowledged"]');
    await gate.waitFor();
    expect(await gate.textContent()).toContain('field-removed');
    expect(await downstream(fiona, 'billing-ledger').getAttribute('data-acknowledged')).toBe('false');
    expect(await fiona.locator('[data-action="acknowledge"]').textContent()).toContain('You may acknowledge the breaking changes for billing-ledger.');
    expect(await seriousViolations(fiona)).toEqual([]);

    await fiona.getByLabel('Acknowledgement comment').fill('billing reads net_amount from now on');
    await fiona.getByRole('button', { name: 'Acknowledge breaking changes' }).click();
    const receipts = fiona.getByRole('status', { name: 'Receipts' });
    await receipts.getByText(/Acknowledged for billing-ledger/).waitFor();
    await fiona.locator('[data-downstream="billing-ledger"][data-acknowledged="true"]').waitFor();
    expect(await downstream(fiona, 'billing-ledger').textContent()).toContain('billing reads net_amount from now on');
    await screenshot(fiona, 'breaking-change-acknowledged');
    expect(await seriousViolations(fiona)).toEqual([]);
    // nothing else waits: the gate passed, and with no approvals gate the promotion runs
    await waitForPromotion(promotionId, (p) => p.gates.some((g: any) => g.check === 'breakingChangesAcknowledged' && g.status === 'passed'), 'the gate passed');
  });
});
