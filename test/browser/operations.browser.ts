import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot, seriousViolations, signInWithToken, watchPageErrors } from './support/browser';
import { ConsoleApp, startConsoleApp } from './support/console-app';
import { DISCOVERED_PROD, OperationsData, seedOperations } from './support/operations-fixture';

// page.waitForFunction callbacks run in the browser; the server's tsconfig has no DOM library
declare const document: any;

/**
 * The operations pages in a real browser: a product's impact (copy owners, CSV), runs filtered
 * into a run whose task took two tries with its link into Airflow, the SLA matrix and a
 * product's freshness chart with its tables, an orchestrator sync whose proposed manifest is
 * reviewed, corrected at a field and applied, and the policy question form. axe on every page;
 * screenshots.
 */
describe('impact, runs, SLA, orchestrators and policies pages', () => {
  let app: ConsoleApp;
  let data: OperationsData;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startConsoleApp({ discovered: { prod: DISCOVERED_PROD } });
    data = await seedOperations(app);
    browser = await launchChromium();
    context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl });
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

  async function settled(): Promise<void> {
    await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'));
  }
  async function accessible(name: string): Promise<void> {
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('impact of orders-daily: downstream products, grouped by owner, copy owners and CSV', async () => {
    await page.goto(`${app.baseUrl}/products/orders-daily?tab=impact`);
    const table = page.getByRole('table', { name: 'Products downstream of orders-daily' });
    await table.getByRole('link', { name: 'customer-360' }).waitFor();
    const row = table.getByRole('row', { name: /customer-360/ });
    expect(await row.textContent()).toContain('fed directly');
    expect(await row.getByRole('list', { name: 'Lineage path to customer-360' }).getByRole('link').count()).toBeGreaterThan(0);
    await accessible('product-impact');

    await page.getByRole('checkbox', { name: 'Group by owner' }).check();
    await page.waitForURL((u) => u.searchParams.get('group') === 'owner');
    await page.getByRole('heading', { name: 'team:sales-data: 1 product' }).waitFor();

    await page.getByRole('button', { name: 'Copy owners' }).click();
    await page.getByText('Copied 1 owner to the clipboard.').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe('team:sales-data');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('orders-daily-impact.csv');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('distance,product,title,owner,stewards,tier,classification,path');
    expect(csv[1]).toMatch(/^0,customer-360,Customer 360,team:sales-data,/);
    await accessible('product-impact-by-owner');
  });

  it('runs: filter into the prod run, whose load task has two tries, and its link into Airflow', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    const table = page.getByRole('table', { name: 'Runs' });
    await table.waitFor();
    await accessible('runs');
    await page.getByLabel('Environment').selectOption('prod');
    await page.getByLabel('Status').selectOption('succeeded');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((u) => u.searchParams.get('environment') === 'prod' && u.searchParams.get('status') === 'succeeded');
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Runs"] tbody tr').length === 1);
    await table.getByRole('link', { name: new RegExp(`^Run ${data.runId.slice(0, 8)}`) }).click();
    await page.waitForURL((u) => u.pathname === `/runs/${data.runId}`);

    const tasks = page.getByRole('table', { name: 'Task runs' });
    await tasks.waitFor();
    const load = tasks.getByRole('row', { name: /^load/ });
    expect(await load.getByText('Succeeded').count()).toBe(1);
    const toggle = load.getByRole('button', { name: 'Show 2 tries of load' });
    await toggle.click();
    const tries = page.getByRole('table', { name: 'Tries of load' });
    await tries.waitFor();
    expect(await tries.getByRole('row', { name: /Try 1/ }).textContent()).toContain('connection reset by peer');
    expect(await tries.getByRole('row', { name: /Try 2/ }).getByText('Succeeded').count()).toBe(1);
    const external = page.getByRole('link', { name: 'Open in Airflow (opens in a new tab)' });
    expect(await external.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:9\/dags\/orders_daily\/runs\//);
    const written = page.getByRole('list', { name: 'Datasets written' });
    expect(await written.getByRole('link', { name: 'analytics.public.orders_daily' }).getAttribute('href')).toBe(`/lineage?node=${encodeURIComponent('dataset:postgres://warehouse:5432:analytics.public.orders_daily')}`);
    await accessible('run-detail');
  });

  it('SLA: the matrix, then the freshness chart of orders-daily in prod with its tables', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SLA' }).click();
    const matrix = page.getByRole('table', { name: 'SLA state by product and environment' });
    await matrix.waitFor();
    await accessible('sla');
    await page.getByRole('checkbox', { name: "Only my teams' products" }).check();
    await page.waitForURL((u) => u.searchParams.get('mine') === 'true');
    await matrix.getByRole('link', { name: /^orders-daily in prod: Breached.*, open the timeline$/ }).click();
    await page.waitForURL((u) => u.pathname === '/sla/orders-daily' && u.searchParams.get('environment') === 'prod');
    const chart = page.getByRole('img', { name: /Freshness of orders-daily in prod/ });
    await chart.waitFor();
    expect(await chart.isVisible()).toBe(true);
    expect(await page.locator('.sla-chart__production').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.sla-chart__deadline--missed').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.sla-chart__breach--open').count()).toBe(1);
    const deadlines = page.getByRole('table', { name: 'Deadlines' });
    expect(await deadlines.getByText('Missed').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('table', { name: 'Breaches' }).getByText('still open').count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Productions' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await accessible('sla-timeline');
  });

  it('orchestrators: sync, review the proposed manifest, fix a field, apply; the product exists', async () => {
    await signInWithToken(page, app.baseUrl, app.tokens.admin, '/orchestrators');
    const list = page.getByRole('table', { name: 'Orchestrators' });
    const prod = list.getByRole('row', { name: /airflow-prod/ });
    await prod.getByText('Healthy').waitFor();
    expect(await prod.textContent()).toContain('fake-1.0');
    await accessible('orchestrators');
    await prod.getByRole('button', { name: 'Sync airflow-prod' }).click();
    const found = page.getByRole('table', { name: 'Discovered on airflow-prod' });
    await found.waitFor();
    expect(await found.getByRole('row', { name: /DAG orders_daily/ }).textContent()).toContain('Bound to orders-daily');
    await found.getByRole('button', { name: 'Review proposed manifest for DAG returns_weekly' }).click();
    const owner = page.getByLabel('Owner');
    expect(await owner.inputValue()).toBe('team:sales-data');
    await owner.fill('sales data');
    await page.getByRole('button', { name: 'Apply manifest' }).click();
    await page.locator('[data-field="owner"] .field-error').waitFor();
    expect(await owner.getAttribute('aria-invalid')).toBe('true');
    await accessible('orchestrators-proposal-error');
    await owner.fill('team:sales-data');
    await page.getByLabel('Tier').selectOption('2');
    await page.getByRole('button', { name: 'Apply manifest' }).click();
    await page.getByRole('heading', { name: 'Created returns-weekly r1' }).waitFor();
    const created = await app.as('admin', 'GET', '/api/v1/data-products/returns-weekly');
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ revision: 1, owner: 'team:sales-data', tier: 2, manifest: { spec: { bindings: [{ orchestrator: 'airflow-prod', dag: 'returns_weekly' }] } } });
    await accessible('orchestrators-applied');
  });

  it('policies: the roles and gates, and "may olga update orders-daily" answered with reason and rule', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policies' }).click();
    await page.getByRole('heading', { name: 'Promotion gates' }).waitFor();
    await page.getByRole('option', { name: 'Olga Owner (olga)' }).waitFor({ state: 'attached' });
    await page.getByLabel('Principal', { exact: true }).selectOption('olga');
    await page.getByLabel('Action', { exact: true }).selectOption('update');
    await page.getByLabel('Resource kind', { exact: true }).selectOption('DataProduct');
    await page.getByLabel('Resource name', { exact: true }).fill('orders-daily');
    await page.getByRole('button', { name: 'Ask the policy' }).click();
    await page.waitForURL((u) => u.searchParams.get('principal') === 'olga' && u.searchParams.get('id') === 'orders-daily');
    const decision = page.getByRole('region', { name: /Allowed Olga Owner \(olga\) may update DataProduct orders-daily/ });
    await decision.waitFor();
    expect(await decision.getByTestId('policy-reason').textContent()).toBe("members of the owning team manage their team's products");
    expect(await decision.getByTestId('policy-rule').textContent()).toMatch(/^role authenticated · roles\.yaml · roles\[\d+\]\.rules\[\d+\]$/);
    await accessible('policies');

    await page.getByLabel('Action', { exact: true }).selectOption('approve');
    await page.getByLabel('Resource kind', { exact: true }).selectOption('Promotion');
    await page.getByLabel('Resource name', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Ask the policy' }).click();
    const denied = page.getByRole('region', { name: /Denied Olga Owner \(olga\) may not approve Promotion/ });
    await denied.waitFor();
    expect(await denied.getByTestId('policy-rule').textContent()).toBe('none: no rule allows it');
    await accessible('policies-denied');
  });
});
