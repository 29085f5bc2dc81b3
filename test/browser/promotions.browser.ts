import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot, seriousViolations, signInWithToken, watchPageErrors } from './support/browser';
import { ConsoleApp, Person, startConsoleApp } from './support/console-app';

// page.evaluate callbacks run in the browser; the server's tsconfig has no DOM library
declare const document: any;
declare const window: any;

/**
 * Promotions in the console: the approver's inbox, the decision screen (plan, changes, gates with
 * evidence, downstream products, eligibility, actions with audit receipts), a page that follows
 * the promotion by itself (ETag polling), break-glass, a rejection that must say why, the whole
 * approve flow by keyboard, and the promotions list. One browser context per person.
 */
describe('promotions', () => {
  let app: ConsoleApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    // no CSP violation and no uncaught error on any page of the test
    for (const errors of pageErrors.splice(0)) expect(errors).toEqual([]);
  });

  /** A signed-in browser profile of `person`, on `path`. */
  async function open(person: Person, path: string): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(watchPageErrors(page));
    await signInWithToken(page, app.baseUrl, app.tokens[person], path);
    return page;
  }

  async function request(person: Person, product: string, revision: number, from: string, to: string, reason: string): Promise<string> {
    const r = await app.as(person, 'POST', '/api/v1/promotions', { product, revision, from, to, reason });
    expect(r.status).toBe(201);
    return r.body.id;
  }

  /** Polls the API until the promotion satisfies `done` (the executor works in the background). */
  async function waitForPromotion(id: string, done: (p: any) => boolean, what: string): Promise<any> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const p = (await app.as('admin', 'GET', `/api/v1/promotions/${id}`)).body;
      if (done(p)) return p;
      if (Date.now() > deadline) throw new Error(`promotion ${id} never got ${what}: ${JSON.stringify({ state: p.state, stateReason: p.stateReason, runId: p.runId })}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  /** Ends the promotion's run on the fake orchestrator of its target environment and waits for success. */
  async function finishRun(id: string, env: 'staging' | 'prod'): Promise<void> {
    const executing = await waitForPromotion(id, (p) => p.state === 'executing' && p.runId, 'executing with a run');
    app.orchestrators[env].finish(executing.runId, 'succeeded');
    await waitForPromotion(id, (p) => p.state === 'succeeded', 'succeeded');
  }

  /**
   * axe on an open modal dialog only. Page-wide, axe reports `aria-hidden-focus` while any Radix
   * modal is open: Radix hides the rest of the page with aria-hidden (its focus trap keeps focus
   * inside, but the hidden elements stay focusable). That is the shared Dialog wrapper's doing, not
   * this page's; the page itself is checked whole before and after.
   */
  async function dialogViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).include('[role="alertdialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help}`);
  }

  const stateOf = (page: Page) => page.locator('.promotion-state');
  const action = (page: Page, name: string) => page.locator(`[data-action="${name}"]`);
  const receipts = (page: Page) => page.getByRole('status', { name: 'Receipts' });

  interface Focused {
    tag: string | null;
    label: string | null;
    text: string | null;
  }
  const focused = (page: Page) =>
    page.evaluate((): Focused => {
      const el = document.activeElement;
      const labels = el && 'labels' in el ? el.labels : null;
      return { tag: el?.tagName ?? null, label: labels?.[0]?.textContent ?? null, text: el?.textContent ?? null };
    });

  /** Presses Tab until the focused element matches (at most `max` times); fails otherwise. */
  async function tabTo(page: Page, matches: (el: Focused) => boolean, what: string, max = 150): Promise<number> {
    for (let i = 1; i <= max; i++) {
      await page.keyboard.press('Tab');
      if (matches(await focused(page))) return i;
    }
    throw new Error(`Tab never reached ${what}`);
  }

  let stagingId: string;

  it('olga requests staging; alice finds it in her inbox and opens the decision screen; olga is told she may not approve', async () => {
    stagingId = await request('olga', 'orders-daily', 1, 'dev', 'staging', 'First release of daily orders to staging');

    const alice = await open('alice', '/approvals');
    await alice.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
    const row = alice.locator(`tr[data-promotion="${stagingId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('olga');
    expect(await row.textContent()).toContain('Awaiting approval');
    await screenshot(alice, 'approvals-inbox');
    expect(await seriousViolations(alice)).toEqual([]);

    await row.getByRole('link', { name: 'orders-daily r1' }).click();
    await alice.getByRole('heading', { level: 1, name: 'Promote orders-daily r1 to staging' }).waitFor();
    expect(await alice.getByTestId('plan-summary').textContent()).toBe(
      'Promote orders-daily r1 from dev to staging, the first revision to run in staging; triggers Airflow DAG orders_daily on airflow-staging',
    );
    expect(await stateOf(alice).textContent()).toContain('Awaiting approval');
    // the changes: nothing runs in staging yet, r1 in brief
    await alice.getByText(/first revision to run there/).waitFor();
    // the gates, with the policy version that decided
    const gates = alice.getByRole('region', { name: 'Gates' });
    await gates.waitFor();
    for (const check of ['ownerDeclared', 'slaDeclared', 'approvals']) await gates.locator(`[data-check="${check}"]`).waitFor();
    expect(await gates.locator('[data-check="approvals"] .badge').textContent()).toBe('Approvals: Pending');
    expect(await gates.locator('[data-check="approvals"]').textContent()).toContain('0 of 1 approval');
    expect(await gates.textContent()).toContain('Evaluated by policy version');
    // downstream, from lineage
    const downstream = alice.getByRole('region', { name: 'Downstream products' });
    await downstream.getByRole('link', { name: 'customer-360' }).waitFor();
    expect(await downstream.textContent()).toContain('team:sales-data');
    // eligibility, before any button is pressed
    expect(await action(alice, 'approve').textContent()).toContain('You may approve.');
    expect(await action(alice, 'cancel').textContent()).toContain('You may not cancel: only the requester or an admin cancels a promotion');
    expect(await alice.getByRole('button', { name: 'Approve', exact: true }).getAttribute('aria-disabled')).toBeNull();
    await screenshot(alice, 'decision');
    expect(await seriousViolations(alice)).toEqual([]);

    // olga, the requester, on the same promotion
    const serverSays = (await app.as('olga', 'GET', `/api/v1/promotions/${stagingId}`)).body.actions.approve;
    expect(serverSays.allowed).toBe(false);
    const olga = await open('olga', `/promotions/${stagingId}`);
    await olga.getByRole('heading', { level: 1, name: 'Promote orders-daily r1 to staging' }).waitFor();
    expect(await action(olga, 'approve').textContent()).toContain(`You may not approve: ${serverSays.reason}`);
    const approve = olga.getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.getAttribute('aria-disabled')).toBe('true');
    const reasonId = (await approve.getAttribute('aria-describedby'))!;
    expect(await olga.locator(`[id="${reasonId}"]`).textContent()).toBe(serverSays.reason);
    // pressing it does nothing (force: Playwright itself treats aria-disabled as disabled)
    await approve.click({ force: true });
    expect((await app.as('admin', 'GET', `/api/v1/promotions/${stagingId}`)).body.approvals).toEqual([]);
    // she may cancel her own request
    expect(await action(olga, 'cancel').textContent()).toContain('You may cancel.');
    await screenshot(olga, 'decision-refused');
    expect(await seriousViolations(olga)).toEqual([]);

    // alice approves: the receipt names the audit entry
    await alice.getByLabel('Comment').fill('Checked the manifest; fine for staging.');
    await alice.getByRole('button', { name: 'Approve', exact: true }).click();
    await receipts(alice).getByText(/Recorded as audit entry #\d+, hash [0-9a-f]{12}…/).waitFor();
    expect(await receipts(alice).textContent()).toContain('Approved.');
    // one approval was the quorum: the promotion moved on, and takes no more decisions
    await action(alice, 'approve').getByText(/You may not approve: Promotion .* (approved|executing|succeeded); it takes no more decisions/).waitFor();
    expect(await alice.getByRole('button', { name: 'Approve', exact: true }).getAttribute('aria-disabled')).toBe('true');
    expect(await seriousViolations(alice)).toEqual([]);

    // the audit entry the receipt names exists
    const seq = /#(\d+)/.exec((await receipts(alice).textContent())!)![1];
    const audit = (await app.as('admin', 'GET', `/api/v1/audit?subjectId=${stagingId}`)).body.items;
    expect(audit.map((e: { seq: string }) => e.seq)).toContain(seq);

    // olga's open page follows: approved, then executing (no reload)
    await olga.locator('.promotion-state[data-state="approved"], .promotion-state[data-state="executing"], .promotion-state[data-state="succeeded"]').waitFor({ timeout: 15_000 });
    await finishRun(stagingId, 'staging');
    await olga.locator('.promotion-state[data-state="succeeded"]').waitFor({ timeout: 20_000 });
  });

  it('prod needs two approvals: alice approves by keyboard only, bob approves, and alice’s open page moves on by itself', async () => {
    const prodId = await request('olga', 'orders-daily', 1, 'staging', 'prod', 'Daily orders to production');
    const requested = (await app.as('admin', 'GET', `/api/v1/promotions/${prodId}`)).body;
    expect(requested.state).toBe('awaiting_approval');

    const alice = await open('alice', `/promotions/${prodId}`);
    await alice.getByRole('heading', { level: 1, name: 'Promote orders-daily r1 to prod' }).waitFor();
    const bob = await open('bob', `/promotions/${prodId}`);
    await bob.getByRole('heading', { level: 1, name: 'Promote orders-daily r1 to prod' }).waitFor();
    expect(await bob.getByTestId('plan-summary').textContent()).toBe('Promote orders-daily r1 from staging to prod, the first revision to run in prod; triggers Airflow DAG orders_daily on airflow-prod');
    await bob.getByRole('progressbar', { name: 'Approvals: 0 of 2 approvals' }).first().waitFor();

    // a marker that survives only as long as the page is not reloaded
    await alice.evaluate(() => (window.__sameDocument = true));

    // keyboard only: Tab to the comment, type, Tab to Approve, Enter
    await tabTo(alice, (el) => el.tag === 'TEXTAREA' && el.label === 'Comment', 'the comment field');
    await alice.keyboard.type('Staging run succeeded; approving.');
    await alice.keyboard.press('Tab');
    expect(await focused(alice)).toMatchObject({ tag: 'BUTTON', text: 'Approve' });
    await alice.keyboard.press('Enter');
    await receipts(alice).getByText(/Recorded as audit entry #\d+/).waitFor();
    expect(await stateOf(alice).getAttribute('data-state')).toBe('awaiting_approval');

    // bob's page, already open, learns of alice's approval by polling
    await bob.getByRole('progressbar', { name: 'Approvals: 1 of 2 approvals' }).first().waitFor({ timeout: 10_000 });
    await bob.getByRole('button', { name: 'Approve', exact: true }).click();
    await receipts(bob).getByText(/Recorded as audit entry #\d+/).waitFor();

    // alice's page changes state without a reload, and says so to screen readers
    await alice.locator('.promotion-state[data-state="approved"], .promotion-state[data-state="executing"]').waitFor({ timeout: 10_000 });
    expect(await alice.getByTestId('state-announcement').textContent()).toMatch(/^The promotion is now (approved|executing)/);
    expect(await alice.evaluate(() => window.__sameDocument)).toBe(true);
    expect(await seriousViolations(alice)).toEqual([]);

    await finishRun(prodId, 'prod');
    await alice.locator('.promotion-state[data-state="succeeded"]').waitFor({ timeout: 20_000 });
    expect(await alice.evaluate(() => window.__sameDocument)).toBe(true);
  });

  let breakGlassId: string;

  it('admin overrides a failed gate with break-glass: justification, explicit confirmation, audited', async () => {
    // r3 never ran in staging: sourceRevisionSucceeded fails and the promotion is blocked
    breakGlassId = await request('olga', 'orders-daily', 3, 'staging', 'prod', 'Regional output needed for the quarter close');
    const blocked = (await app.as('admin', 'GET', `/api/v1/promotions/${breakGlassId}`)).body;
    expect(blocked.state).toBe('blocked');
    expect(blocked.actions.override.checks).toEqual(['sourceRevisionSucceeded']);

    const admin = await open('admin', `/promotions/${breakGlassId}`);
    await admin.getByRole('heading', { level: 1, name: 'Promote orders-daily r3 to prod' }).waitFor();
    const gate = admin.locator('[data-check="sourceRevisionSucceeded"]');
    expect(await gate.locator('.badge').textContent()).toBe('Revision ran successfully: Failed');
    expect(await gate.textContent()).toContain('Hard gate: blocks');
    expect(await gate.getByRole('link', { name: 'Runs of orders-daily' }).getAttribute('href')).toBe('/products/orders-daily?tab=runs');
    expect(await action(admin, 'override').textContent()).toContain('You may override a failed gate (break-glass): Revision ran successfully.');
    // the diff against what prod runs now (r1)
    await admin.getByText('From r1, live in prod, to r3').waitFor();

    const opener = admin.getByRole('button', { name: 'Break-glass override…' });
    await opener.click();
    const dialog = admin.getByRole('alertdialog', { name: 'Break-glass override' });
    await dialog.waitFor();
    expect(await admin.evaluate(() => Boolean(document.activeElement?.closest('[role="alertdialog"]')))).toBe(true);
    // nothing filled in: each missing part is named at its field, nothing is sent
    await dialog.getByLabel('Failed gate', { exact: true }).selectOption('');
    await dialog.getByRole('button', { name: 'Override the gate' }).click();
    await dialog.getByText('Choose the failed gate to override.').waitFor();
    await dialog.getByText('Write a justification of at least 10 characters.').waitFor();
    await dialog.getByText('Confirm that you understand this bypasses a failed gate and is audited.').waitFor();
    // too short a justification is still refused
    await dialog.getByLabel('Justification').fill('urgent');
    await dialog.getByRole('button', { name: 'Override the gate' }).click();
    await dialog.getByText('Write a justification of at least 10 characters.').waitFor();
    expect((await app.as('admin', 'GET', `/api/v1/promotions/${breakGlassId}`)).body.overrides).toEqual([]);
    // Cancel gives focus back to the button that opened it
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.waitForFunction(() => document.activeElement?.textContent === 'Break-glass override…');

    // again, keyboard first: Enter on the focused button opens it afresh
    await admin.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getByText('Write a justification of at least 10 characters.').count()).toBe(0);
    // the only failed gate is chosen already
    expect(await dialog.getByLabel('Failed gate', { exact: true }).inputValue()).toBe('sourceRevisionSucceeded');
    await dialog.getByLabel('Justification').fill('Quarter close needs the regional output today; staging run is scheduled after.');
    await dialog.getByLabel('I understand this bypasses a failed gate and is audited').check();
    await screenshot(admin, 'break-glass');
    expect(await dialogViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Override the gate' }).click();
    await dialog.waitFor({ state: 'detached' });

    await receipts(admin).getByText(/Gate overridden \(break-glass\): Revision ran successfully/).waitFor();
    expect(await receipts(admin).textContent()).toMatch(/Recorded as audit entry #\d+, hash [0-9a-f]{12}…/);
    // focus went to the receipt, not lost
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('promotion-receipts');
    await gate.locator('.badge', { hasText: 'Overridden' }).waitFor();
    expect(await gate.textContent()).toContain('Break-glass override by admin');
    await admin.getByText(/Break-glass:/).waitFor();
    const after = (await app.as('admin', 'GET', `/api/v1/promotions/${breakGlassId}`)).body;
    expect(after.breakGlass).toBe(true);
    expect(after.state).toBe('awaiting_approval');
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it('a rejection must say why: the error is at the field; the dialog traps focus and gives it back', async () => {
    // the server refuses a reason-less rejection, naming the field
    const refused = await app.as('sam', 'POST', `/api/v1/promotions/${breakGlassId}/approvals`, { decision: 'reject', comment: '' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'comment', message: 'a rejection must say why' }]);

    const alice = await open('alice', `/promotions/${breakGlassId}`);
    await alice.getByRole('heading', { level: 1, name: 'Promote orders-daily r3 to prod' }).waitFor();
    const reject = alice.getByRole('button', { name: 'Reject…' });
    await reject.click();
    const comment = alice.getByLabel('Comment');
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await comment.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    expect(await alice.locator(`[id="${errorId}"]`).textContent()).toBe('A rejection must say why: write the reason in the comment.');
    expect(await alice.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await alice.getByRole('alertdialog').count()).toBe(0);
    expect(await seriousViolations(alice)).toEqual([]);

    await comment.fill('Break-glass for a revision that never ran in staging is not acceptable.');
    expect(await comment.getAttribute('aria-invalid')).toBeNull();
    await reject.click();
    const dialog = alice.getByRole('alertdialog', { name: 'Reject this promotion?' });
    await dialog.waitFor();
    // focus is trapped: Tab keeps it inside the dialog
    for (let i = 0; i < 5; i++) {
      await alice.keyboard.press('Tab');
      expect(await alice.evaluate(() => Boolean(document.activeElement?.closest('[role="alertdialog"]')))).toBe(true);
    }
    // Escape closes it and gives focus back to Reject
    await alice.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await alice.waitForFunction(() => document.activeElement?.textContent === 'Reject…');

    await reject.click();
    await dialog.getByRole('button', { name: 'Reject promotion' }).click();
    await receipts(alice).getByText('Rejected.').waitFor();
    await alice.locator('.promotion-state[data-state="rejected"]').waitFor();
    expect((await app.as('admin', 'GET', `/api/v1/promotions/${breakGlassId}`)).body.state).toBe('rejected');
  });

  it('the promotions list filters by state and product in the URL; the inbox is empty once all is decided', async () => {
    const alice = await open('alice', '/approvals');
    await alice.getByText('Nothing waits for your decision').waitFor();
    expect(await seriousViolations(alice)).toEqual([]);

    const admin = await open('admin', '/promotions');
    await admin.getByRole('heading', { level: 1, name: 'Promotions' }).waitFor();
    const table = admin.getByRole('table', { name: 'Promotions' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('thead').textContent()).toContain('Completed');

    await admin.getByLabel('State').selectOption('succeeded');
    await admin.waitForURL(/[?&]state=succeeded/);
    await admin.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
    expect(await table.locator('tbody').textContent()).not.toContain('Rejected');

    await admin.getByLabel('Product').fill('customer-360');
    await admin.getByRole('button', { name: 'Apply' }).click();
    await admin.waitForURL(/product=customer-360/);
    await admin.getByText('No promotion matches these filters.').waitFor();

    // the URL alone opens the same list
    await admin.goto(`${app.baseUrl}/promotions?state=rejected&product=orders-daily`);
    await admin.locator('tbody tr').first().waitFor();
    expect(await admin.locator('tbody tr').count()).toBe(1);
    expect(await admin.getByLabel('State').inputValue()).toBe('rejected');
    expect(await admin.getByLabel('Product').inputValue()).toBe('orders-daily');

    await admin.getByRole('button', { name: 'Clear filters' }).click();
    await admin.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 3);
    await screenshot(admin, 'promotions');
    expect(await seriousViolations(admin)).toEqual([]);
  });
});
