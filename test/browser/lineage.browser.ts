import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot, seriousViolations, signInWithToken, watchPageErrors } from './support/browser';
import { ConsoleApp, startConsoleApp } from './support/console-app';
import { datasetNode, FAN_OUT, jobNode, seedLineage } from './support/lineage-fixture';

// page.waitForFunction callbacks run in the browser; the server's tsconfig has no DOM library
declare const document: any;

/** What the explorer publishes as `window.gatehouseLineage` (console/src/pages/lineage/graphState.ts). */
interface GraphState {
  view: 'graph' | 'table';
  ready: boolean;
  layoutMs: number | null;
  layoutCached: boolean;
  tooMany: boolean;
  selected: string | null;
  field: string | null;
  nodes: { id: string; kind: string; name: string; state: string; focus: boolean; columns: string[] | null; members?: number }[];
  edges: { origin: string; destination: string; highlighted: boolean }[];
  columnEdges: { from: string; to: string; highlighted: boolean }[];
  path: string[] | 'none' | null;
}
type WithState = { gatehouseLineage?: GraphState };

/**
 * The lineage explorer on recorded OpenLineage events (support/lineage-fixture.ts), as olga:
 * opening a product's lineage from its page (its output and its DAG's job), expanding upstream twice, a fan-out of 25 as a group
 * node (searched, a member added, opened, collapsed), a selection's upstream and downstream, the
 * path between two nodes, a dataset's columns and column lineage, the URL opened in a fresh
 * browser giving the same view, and the table's CSV export. What the graph shows is read from the
 * state the page publishes (`window.gatehouseLineage`): the canvas unmounts what is off screen.
 * axe on each state; no CSP violation.
 */
describe('lineage explorer', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await startConsoleApp();
    await seedLineage(app);
    browser = await launchChromium();
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchPageErrors(page);
    await signInWithToken(page, app.baseUrl, app.tokens.olga, '/products/orders-daily');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  const url = () => new URL(page.url());
  const summary = (p: Page = page) => p.locator('.lineage-summary');
  const graphReady = (p: Page = page) => p.locator('[role="region"][aria-label="Lineage graph"][data-state="ready"]').waitFor();
  /** A drawn node's own button (the one that selects it), by the name it shows. */
  const nodeButton = (name: RegExp) => page.locator('.react-flow__node .lnode__main').filter({ hasText: name });

  async function settled(p: Page = page): Promise<void> {
    await p.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'));
  }

  /** The graph's state as the page publishes it, once it has one. */
  async function graph(p: Page = page): Promise<GraphState> {
    await p.waitForFunction(() => Boolean((globalThis as WithState).gatehouseLineage));
    return (await p.evaluate(() => (globalThis as WithState).gatehouseLineage))!;
  }

  /** Every drawn node (on screen or not): id → highlight state. */
  async function nodeStates(p: Page = page): Promise<Record<string, string>> {
    return Object.fromEntries((await graph(p)).nodes.map((n) => [n.id, n.state]));
  }

  async function showAs(view: 'Graph' | 'Table'): Promise<void> {
    await page.getByRole('group', { name: 'Show as' }).getByRole('button', { name: view }).click();
    if (view === 'Graph') await graphReady();
    else await page.getByRole('table', { name: 'Lineage nodes' }).waitFor();
  }

  const ORDERS_DAILY = datasetNode('analytics.public.orders_daily');
  const BUILD = jobNode('orders_daily.build');
  const CLEAN = datasetNode('staging.public.orders_clean');
  const CLEAN_JOB = jobNode('clean_orders');
  const RAW = datasetNode('staging.public.orders_raw');
  const CUSTOMERS = datasetNode('staging.public.customers');
  const GROUP = `group:downstream:${ORDERS_DAILY}`;

  it("opens a product's lineage from its page: its dataset and its DAG's job, one hop up and one down, the fan-out as a group", async () => {
    await page.getByRole('main').getByRole('link', { name: 'Lineage', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/lineage' && u.searchParams.get('product') === 'orders-daily');
    await graphReady();
    await settled();
    await expect(summary().textContent()).resolves.toMatch(`3 nodes and 3 edges drawn, ${FAN_OUT + 1} more in 1 group.`);
    await nodeButton(/orders_daily\.build/).waitFor();
    await nodeButton(new RegExp(`${FAN_OUT + 1} more downstream`)).waitFor();
    const opened = await graph();
    expect(opened).toMatchObject({ view: 'graph', ready: true, tooMany: false, selected: null });
    // the product's own nodes are the focus: its output and the job of its DAG (orders_daily)
    expect(opened.nodes.map((n) => [n.id, n.focus, n.members]).sort()).toEqual(
      [
        [BUILD, true, undefined],
        [ORDERS_DAILY, true, undefined],
        [CLEAN, false, undefined],
        [GROUP, false, FAN_OUT + 1],
      ].sort(),
    );
    // the declared output nothing has produced yet is named, not an error
    await expect(page.locator('.lineage-unseen').textContent()).resolves.toMatch('orders_daily_by_region');
    // the product's dataset carries its name and owner
    await expect(page.locator('.react-flow__node', { hasText: 'analytics.public.orders_daily' }).locator('.lnode__product').first().textContent()).resolves.toMatch('orders-daily · team:sales-data');
    // every drawn node's text fits in the box the layout gave it (nothing cut off at the bottom)
    const clipped = await page.$$eval('.react-flow__node .lnode', (boxes: any[]) => boxes.filter((b) => b.scrollHeight > b.clientHeight + 1).map((b) => `${b.textContent}: ${b.scrollHeight} > ${b.clientHeight}`));
    expect(clipped).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'lineage-product');
  });

  it('expands upstream twice', async () => {
    await page.getByRole('button', { name: 'Expand upstream of staging.public.orders_clean' }).click();
    await nodeButton(/clean_orders/).waitFor();
    await page.getByRole('button', { name: 'Expand upstream of clean_orders' }).click();
    await nodeButton(/staging\.public\.orders_raw/).waitFor();
    await graphReady();
    expect(url().searchParams.get('expanded')).toBe(`u:${CLEAN},u:${CLEAN_JOB}`);
    // the failed run is shown in words, not by colour alone
    await expect(page.locator('.react-flow__node', { hasText: 'clean_orders' }).locator('.badge').textContent()).resolves.toBe('Failed');
    await expect(summary().textContent()).resolves.toMatch('6 nodes and 6 edges drawn');
    expect(Object.keys(await nodeStates()).sort()).toEqual([ORDERS_DAILY, BUILD, CLEAN, CLEAN_JOB, RAW, CUSTOMERS, GROUP].sort());
  });

  it('opens the group: searches it, adds one member, draws them all and collapses them again', async () => {
    await nodeButton(/more downstream/).click();
    const panel = page.getByRole('complementary', { name: 'Selection' });
    await panel.getByRole('heading', { name: `${FAN_OUT + 1} downstream of analytics.public.orders_daily` }).waitFor();
    await panel.getByRole('status').filter({ hasText: `${FAN_OUT + 1} matches` }).waitFor();
    await panel.getByLabel('Search the group').fill('customer');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: '1 match for “customer”' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Add build_customer_360 to the graph' }).click();
    await nodeButton(/build_customer_360/).waitFor();
    await expect(summary().textContent()).resolves.toMatch(`${FAN_OUT} more in 1 group`);

    await nodeButton(/more downstream/).click();
    await panel.getByRole('button', { name: `Draw all ${FAN_OUT}` }).click();
    await page.waitForURL((u) => u.searchParams.get('groups') === GROUP);
    await graphReady();
    await expect(summary().textContent()).resolves.toMatch(`${7 + FAN_OUT} nodes and ${6 + FAN_OUT} edges drawn.`);
    await panel.getByRole('button', { name: `Collapse the ${FAN_OUT} downstream into a group` }).click();
    await page.waitForURL((u) => !u.searchParams.get('groups'));
    await graphReady();
    await expect(summary().textContent()).resolves.toMatch(`7 nodes and 7 edges drawn, ${FAN_OUT} more in 1 group.`);
  });

  it('selects a node: its upstream and downstream are highlighted; then the path to another node', async () => {
    await nodeButton(/staging\.public\.orders_clean/).click();
    await page.waitForURL((u) => u.searchParams.get('selected') === CLEAN);
    await expect(summary().textContent()).resolves.toMatch(/Selected staging\.public\.orders_clean: 3 upstream, 4 downstream highlighted/);
    expect(await nodeStates()).toMatchObject({ [CLEAN]: 'selected', [CLEAN_JOB]: 'upstream', [RAW]: 'upstream', [CUSTOMERS]: 'upstream', [BUILD]: 'downstream', [ORDERS_DAILY]: 'downstream', [jobNode('build_customer_360')]: 'downstream', [GROUP]: 'downstream' });
    expect((await graph()).edges.filter((e) => e.highlighted)).toHaveLength(7);
    await showAs('Table');
    expect(await seriousViolations(page)).toEqual([]);

    const panel = page.getByRole('complementary', { name: 'Selection' });
    await panel.getByLabel('Path between staging.public.orders_clean and').selectOption(jobNode('build_customer_360'));
    await panel.getByRole('button', { name: 'Highlight path' }).click();
    await summary().filter({ hasText: 'Path of 4 nodes highlighted' }).waitFor();
    const states = await nodeStates();
    expect([BUILD, ORDERS_DAILY].map((id) => states[id])).toEqual(['path', 'path']);
    expect(states[CLEAN_JOB]).toBe('upstream');
    expect((await graph()).path).toEqual([CLEAN, BUILD, ORDERS_DAILY, jobNode('build_customer_360')]);
    await showAs('Graph');
  });

  it("switches a dataset to its columns and follows a column's lineage", async () => {
    await nodeButton(/analytics\.public\.orders_daily/).click();
    const panel = page.getByRole('complementary', { name: 'Selection' });
    await panel.getByRole('button', { name: 'Show columns' }).click();
    await page.getByRole('list', { name: 'Columns of analytics.public.orders_daily' }).waitFor();
    await graphReady();
    await page.getByRole('list', { name: 'Columns of analytics.public.orders_daily' }).getByRole('button', { name: /^total/ }).click();
    await page.waitForURL((u) => u.searchParams.get('field') === 'total');
    await summary().filter({ hasText: 'Column total selected.' }).waitFor();
    await expect(panel.locator('.lineage-panel__field.is-selected').textContent()).resolves.toMatch('total');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'lineage-columns');
    const state = await graph();
    expect(state).toMatchObject({ selected: ORDERS_DAILY, field: 'total' });
    expect(state.nodes.find((n) => n.id === ORDERS_DAILY)?.columns).toEqual(['order_date', 'total', 'orders']);
    // total ← orders_clean.amount ← orders_raw.amount (orders_src is not loaded)
    expect(state.columnEdges.filter((c) => c.highlighted).map((c) => `${c.from} > ${c.to}`).sort()).toEqual([`${CLEAN}#amount > ${ORDERS_DAILY}#total`, `${RAW}#amount > ${CLEAN}#amount`]);
    await showAs('Table');
    const columns = page.getByRole('table', { name: 'Column lineage' });
    await expect(columns.locator('tbody tr[data-highlight="highlighted"]').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^staging\.public\.orders_clean\.amount.*total/), expect.stringMatching(/^staging\.public\.orders_raw\.amount.*orders_clean\.amount/)]),
    );
    await showAs('Graph');
  });

  it('gives the same view from the shared URL in a fresh browser', async () => {
    const shared = page.url();
    const mine = await nodeStates();
    const other = await newContext(browser);
    try {
      const fresh = await other.newPage();
      const freshErrors = watchPageErrors(fresh);
      const target = new URL(shared);
      await signInWithToken(fresh, app.baseUrl, app.tokens.olga, `${target.pathname}${target.search}`);
      await graphReady(fresh);
      await settled(fresh);
      expect(await nodeStates(fresh)).toEqual(mine);
      const [theirs, ours] = [await graph(fresh), await graph()];
      expect(theirs).toEqual({ ...ours, layoutMs: theirs.layoutMs, layoutCached: theirs.layoutCached });
      expect(new URL(fresh.url()).search).toBe(target.search);
      expect(await fresh.locator('.lineage-summary').textContent()).toBe(await summary().textContent());
      expect(await seriousViolations(fresh)).toEqual([]);
      expect(freshErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('exports the table as CSV', async () => {
    await showAs('Table');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export nodes as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('Lineage-of-orders-daily-nodes.csv');
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('id,kind,namespace,name,products,owners,status,highlight');
    expect(lines).toHaveLength(1 + Object.keys(await nodeStates()).length);
    expect(lines.find((l) => l.startsWith(`${ORDERS_DAILY},`))).toMatch(/,dataset,.*orders-daily,team:sales-data,.*selected$/);
    const [edges] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export edges as CSV' }).click()]);
    expect(readFileSync((await edges.path())!, 'utf8')).toContain(`${CLEAN},${BUILD},true`);
  });
});
