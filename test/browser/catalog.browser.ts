import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot, seriousViolations, signInWithToken, watchPageErrors } from './support/browser';
import { ConsoleApp, startConsoleApp } from './support/console-app';

// page.waitForFunction callbacks run in the browser; the server's tsconfig has no DOM library
declare const document: any;

/**
 * The catalog and a product in the console, as olga (owner, team sales-data): filters held in
 * the URL (and kept by a reload), the product page and each of its tabs, the revision diff, an
 * edit refused at a field, a valid edit, a concurrent change reported as a 412 and resolved
 * without overwriting, and a promotion request with its dry run. axe on every page; screenshots.
 */
describe('catalog and product pages', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchChromium();
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchPageErrors(page);
    await signInWithToken(page, app.baseUrl, app.tokens.olga, '/catalog');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    // no CSP violation and no uncaught error on any page
    expect(errors.splice(0)).toEqual([]);
  });

  /** Waits until nothing on the page is loading (spinners gone, busy regions settled). */
  async function settled(): Promise<void> {
    await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'));
  }

  const url = () => new URL(page.url());

  it('filters the catalog: the URL holds the filter and a reload keeps it', async () => {
    const table = page.getByRole('table', { name: 'Data products' });
    await table.waitFor();
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'catalog');
    expect(await table.getByRole('link', { name: 'campaign-clicks' }).count()).toBe(1);

    await page.getByLabel('Owner').fill('team:sales-data');
    await page.waitForURL((u) => u.searchParams.get('owner') === 'team:sales-data');
    // the unfiltered rows stay on screen until the filtered answer replaces them
    await table.getByRole('link', { name: 'campaign-clicks' }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: 'returns-daily' }).waitFor();

    await page.getByRole('searchbox', { name: 'Search' }).fill('daily');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'daily' && u.searchParams.get('owner') === 'team:sales-data');
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Data products"] tbody tr').length === 2);
    expect(await table.getByRole('link', { name: 'customer-360' }).count()).toBe(0);

    await page.reload();
    await table.getByRole('link', { name: 'orders-daily' }).waitFor();
    expect(url().searchParams.get('owner')).toBe('team:sales-data');
    expect(url().searchParams.get('q')).toBe('daily');
    expect(await page.getByLabel('Owner').inputValue()).toBe('team:sales-data');
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('daily');
    expect(await table.locator('tbody tr').count()).toBe(2);
    // what each environment runs, in words
    const row = table.getByRole('row', { name: /orders-daily/ });
    expect(await row.getByRole('cell').nth(4).textContent()).toMatch(/not deployed/);
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens orders-daily and shows every tab (audit: not allowed for olga)', async () => {
    await page.getByRole('table', { name: 'Data products' }).getByRole('link', { name: 'orders-daily' }).click();
    await page.waitForURL((u) => u.pathname === '/products/orders-daily');
    await page.getByRole('heading', { level: 1, name: 'orders-daily' }).waitFor();
    await page.getByText('Daily orders').first().waitFor();
    await page.getByRole('link', { name: 'Edit' }).waitFor();
    await settled();
    expect(await page.getByRole('region', { name: 'Where it runs' }).textContent()).toContain('staging');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'product');

    const tabs: [string, string | RegExp][] = [
      ['Manifest', 'apiVersion: gatehouse/v1'],
      ['Revisions', 'Changes from r2 to r3'],
      ['Promotions', 'No promotion of orders-daily'],
      ['Runs', 'airflow-dev'],
      ['SLA', 'State per environment'],
      ['Audit', 'Not allowed'],
      ['Overview', 'analytics.public.orders_daily_by_region'],
    ];
    for (const [name, text] of tabs) {
      await page.getByRole('tab', { name }).click();
      const panel = page.getByRole('tabpanel', { name });
      await panel.getByText(text).first().waitFor();
      await settled();
      expect(url().searchParams.get('tab')).toBe(name === 'Overview' ? null : name.toLowerCase());
      const violations = await seriousViolations(page);
      expect({ tab: name, violations }).toEqual({ tab: name, violations: [] });
    }
    // the audit tab shows the policy's reason
    await page.getByRole('tab', { name: 'Audit' }).click();
    expect(await page.getByRole('alert', { name: 'Not allowed' }).textContent()).toContain('AuditEntry');
  });

  it('shows the diff between r1 and r3: the tier change and the added output', async () => {
    await page.getByRole('tab', { name: 'Revisions' }).click();
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'r1' });
    await page.getByLabel('To', { exact: true }).selectOption({ label: 'r3 (latest)' });
    await page.waitForURL((u) => u.searchParams.get('from') === '1' && u.searchParams.get('to') === '3');
    const diff = page.getByRole('region', { name: 'Changes from r1 to r3' });
    await diff.waitFor();
    const tier = diff.getByRole('listitem').filter({ hasText: 'Tier' });
    await tier.waitFor();
    expect((await tier.textContent())!.replace(/\s+/g, ' ')).toMatch(/Changed Tier: 1 →\s?to 2/);
    const outputs = diff.getByRole('region', { name: 'Outputs' });
    expect(await outputs.textContent()).toContain('Added Output: analytics.public.orders_daily_by_region (postgres://warehouse:5432)');
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'product-revisions-diff');

    // a reload keeps the comparison
    await page.reload();
    await page.getByRole('region', { name: 'Changes from r1 to r3' }).getByRole('region', { name: 'Outputs' }).waitFor();
  });

  it('edits: an invalid value is shown at its field; a valid edit makes r4', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL((u) => u.pathname === '/products/orders-daily/edit');
    const freshness = page.getByLabel('Freshness');
    await freshness.waitFor();
    expect(await freshness.inputValue()).toBe('PT4H');
    await freshness.fill('soon');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('Freshness').and(page.locator('[aria-invalid="true"]')).waitFor();
    const describedBy = (await freshness.getAttribute('aria-describedby'))!.split(' ');
    const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(messages.join(' ')).toContain('must be a positive ISO 8601 duration');
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'product-edit-errors');

    await freshness.fill('PT3H');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((u) => u.pathname === '/products/orders-daily');
    await page.getByText('Saved: orders-daily is now r4.').waitFor();
    expect((await app.as('olga', 'GET', '/api/v1/data-products/orders-daily')).body.manifest.spec.sla.freshness).toBe('PT3H');
  });

  it('reports a concurrent change (412) with what changed, and saves on top of it without overwriting', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    const title = page.getByLabel('Title');
    await title.waitFor();
    await title.fill('Daily orders (all regions)');
    // meanwhile, someone else changes the product through the API
    const other = await app.as('olga', 'PATCH', '/api/v1/data-products/orders-daily', { spec: { description: 'Changed elsewhere.' } });
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('region', { name: 'Someone else changed orders-daily meanwhile' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('You edited r4; orders-daily is now r5.');
    await conflict.getByRole('region', { name: 'Changes from r4 to r5' }).getByRole('listitem').filter({ hasText: 'Changed elsewhere.' }).waitFor();
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'product-edit-conflict');

    await conflict.getByRole('button', { name: 'Keep my changes on top of r5' }).click();
    await page.getByText('Your changes are now on top of r5').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Daily orders (all regions)');
    expect(await page.getByLabel('Description').inputValue()).toBe('Changed elsewhere.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: orders-daily is now r6.').waitFor();
    const saved = (await app.as('olga', 'GET', '/api/v1/data-products/orders-daily')).body;
    expect([saved.title, saved.description]).toEqual(['Daily orders (all regions)', 'Changed elsewhere.']);
  });

  it('requests a promotion from dev to staging, seeing the dry run first, and lands on the promotion', async () => {
    await page.getByRole('link', { name: 'Request a promotion' }).first().click();
    await page.waitForURL((u) => u.pathname === '/products/orders-daily/promote');
    await page.getByLabel('Target environment').waitFor();
    expect(await page.getByLabel('Target environment').inputValue()).toBe('staging');
    expect(await page.getByLabel('Revision').inputValue()).toBe('6');
    await page.getByTestId('plan-summary').getByText(/^Promote orders-daily r6 from dev to staging/).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Gates' }).waitFor();
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'promote');

    await page.getByLabel('Reason (required)').fill('The by-region output is ready for staging.');
    await page.getByRole('button', { name: 'Request the promotion' }).dblclick();
    await page.waitForURL((u) => /^\/promotions\/[0-9a-f-]{36}$/.test(u.pathname));
    const id = url().pathname.split('/').pop();
    const list = (await app.as('olga', 'GET', '/api/v1/promotions?product=orders-daily')).body.items;
    // a double click made one promotion
    expect(list.map((p: { id: string; from: string; to: string; revision: number }) => [p.id, p.revision, p.from, p.to])).toEqual([[id, 6, 'dev', 'staging']]);
  });
});
