import type { Browser, Page } from 'playwright-core';
import { type InPage, launchChromium, newContext, screenshot, seriousViolations, signInWithToken, watchPageErrors } from './support/browser';
import { ConsoleApp, startConsoleApp } from './support/console-app';

/**
 * The home page (what waits for me, my SLA breaches, recent failures) and the audit trail
 * (filters in the URL, expandable entries, "Verify chain" with the head hash), as people use
 * them: an approver, an auditor, and an owner who may not read the trail.
 */
describe('home and audit', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let promotionId: string;

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchChromium();
    // olga asks to promote orders-daily r3 (it has an SLA) from dev to staging: alice, an approver, is asked
    const created = await app.as('olga', 'POST', '/api/v1/promotions', { product: 'orders-daily', revision: 3, from: 'dev', to: 'staging', reason: 'new output by region' });
    if (created.status !== 201) throw new Error(`promotion request answered ${created.status}: ${created.text}`);
    expect(created.body.state).toBe('awaiting_approval');
    promotionId = created.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signedIn(person: 'alice' | 'audrey' | 'olga', next: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInWithToken(page, app.baseUrl, app.tokens[person], next);
    return { page, errors, close: () => context.close() };
  }

  it("an approver's home lists the promotion waiting for them, with its age and time left, and links to it", async () => {
    const { page, errors, close } = await signedIn('alice', '/');
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByText('Hello, Alice Approver').waitFor();
    const waiting = page.getByRole('region', { name: /Waiting for my decision/ });
    const link = waiting.getByRole('link', { name: 'orders-daily r3' });
    await link.waitFor();
    const row = waiting.getByRole('row').filter({ has: page.getByRole('link', { name: 'orders-daily r3' }) });
    expect(await row.textContent()).toContain('olga');
    expect(await row.textContent()).toMatch(/dev\s*→\s*to\s*staging/);
    expect(await row.textContent()).toMatch(/2 days 23 hours left|3 days left/); // staging requests lapse after P3D
    // alice's teams own nothing: the other two sections say so
    await page.getByText('No product of yours is in breach of its SLA.').waitFor();
    await page.getByText(/Nothing of yours failed or was rejected/).waitFor();
    await screenshot(page, 'home');
    expect(await seriousViolations(page)).toEqual([]);

    await link.click();
    await page.waitForURL(`${app.baseUrl}/promotions/${promotionId}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('an empty home says so in each section', async () => {
    const { page, errors, close } = await signedIn('audrey', '/');
    await page.getByText('Nothing is waiting for your decision.').waitFor();
    await page.getByText('No product of yours is in breach of its SLA.').waitFor();
    await page.getByText(/Nothing of yours failed or was rejected/).waitFor();
    expect(await page.locator('.page__description').textContent()).toBe('Hello, Audrey Auditor — team audit · role auditor.');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('an auditor filters the trail by action, expands an entry and verifies the chain', async () => {
    const { page, errors, close } = await signedIn('audrey', '/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit entries, newest first' });
    await table.waitFor();

    await page.getByLabel('Action').fill('promotion.request');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'promotion.request');
    const toggles = table.getByRole('button', { name: /^Details of entry / });
    await page.waitForFunction(() => {
      const cells = [...(globalThis as unknown as InPage).document.querySelectorAll('.audit-row td:nth-child(5)')].map((c) => c.textContent);
      return cells.length > 0 && cells.every((c) => c === 'promotion.request');
    });
    expect(await toggles.count()).toBe(1);
    const row = page.locator('.audit-row').first();
    expect(await row.textContent()).toContain(promotionId);
    expect(await row.textContent()).toContain('olga');
    // the hash is shortened, the full value in the title
    const hashCell = row.locator('td').last().locator('code');
    expect((await hashCell.textContent())!).toMatch(/^[0-9a-f]{12}…$/);
    const fullHash = (await hashCell.getAttribute('title'))!;
    expect(fullHash).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(page, 'audit');
    expect(await seriousViolations(page)).toEqual([]);

    await toggles.first().click();
    expect(await toggles.first().getAttribute('aria-expanded')).toBe('true');
    const detail = page.locator(`#${await toggles.first().getAttribute('aria-controls')}`);
    await detail.getByText(fullHash, { exact: true }).waitFor();
    expect(await detail.getByLabel('After (JSON)').textContent()).toContain('"awaiting_approval"');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const result = page.getByRole('region', { name: /Chain valid/ });
    await result.waitFor();
    const shown = (await result.getByTestId('audit-head').textContent())!.trim();
    const verified = await app.as('audrey', 'GET', '/api/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body.valid).toBe(true);
    expect(shown).toBe(verified.body.head);
    expect(await result.textContent()).toContain(`All ${verified.body.entries.toLocaleString('en')} entries verified`);
    expect(await result.textContent()).toContain('cannot by itself notice that its newest entries were cut off');
    await result.getByRole('button', { name: 'Copy head hash' }).waitFor();
    await screenshot(page, 'audit-verify');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('an owner who may not read the trail sees "Not allowed" with the policy\'s reason', async () => {
    const refused = await app.as('olga', 'GET', '/api/v1/audit');
    expect(refused.status).toBe(403);
    const { page, errors, close } = await signedIn('olga', '/audit');
    const panel = page.getByRole('alert', { name: 'Not allowed' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain(refused.body.reason);
    expect(await page.getByRole('search').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
