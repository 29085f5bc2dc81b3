/**
 * `npm run bench:console`: what the web console costs before it is useful. Prints
 *
 *   (a) the initial JavaScript of the built console: what index.html loads before any lazy route
 *       (raw and gzip -9, computed by console/scripts/bundle-size.mjs), against the 250 KiB gzip
 *       budget;
 *   (b) the time to an interactive catalog of N products (default 10,000) on the embedded
 *       database: Gatehouse starts in process on in-memory PGlite, serving the console from
 *       console/dist; the products are loaded through the API (as bench:catalog does); then
 *       headless Chromium opens /catalog with the session's token already in sessionStorage, and
 *       the time is taken from navigation start to the first animation frame in which a table row
 *       of products is on screen and the search input is enabled. Cold loads (a new browser
 *       context each: empty HTTP cache, new connection) and warm loads (a reload of a page that
 *       was loaded once: assets from the cache, HTML and API asked again), median and p95 of each;
 *       and, for comparison, the latency of the API call the catalog page made for its first page.
 *
 *   npm run bench:console
 *   npm run bench:console -- --products 2000 --runs 3
 *
 * Options (flag or environment variable):
 *   --products N         BENCH_PRODUCTS         products to create (10000)
 *   --concurrency N      BENCH_CONCURRENCY      parallel creates (8)
 *   --runs N             BENCH_RUNS             measured loads per kind, cold and warm (5)
 *   --warmup N           BENCH_WARMUP           unmeasured cold loads first (1): the browser's own start-up
 *   --requests N         BENCH_REQUESTS         measured requests of the catalog's first page through the API (100)
 *   --timeout-ms N       BENCH_TIMEOUT_MS       how long one load may take to become interactive (30000)
 *   --console-dir path   BENCH_CONSOLE_DIR      the built console (console/dist, what `npm run build` writes)
 *   --row-selector css   BENCH_ROW_SELECTOR     a row of products (main table tbody tr:has(a[href^="/products/"]))
 *   --search-selector css BENCH_SEARCH_SELECTOR the catalog's search input (main input[type="search"], main input[name="q"])
 *   GATEHOUSE_CHROMIUM   another Chromium binary (see scripts/browser/chromium.sh, which installs Debian's where missing)
 *
 * Timing: `performance.now()` inside the page, whose origin is the navigation's start; a
 * requestAnimationFrame loop installed before any page script (an init script) notes the first
 * frame in which the condition holds, so Playwright's own round trips are not in the figure. The
 * figures are printed, never judged by the exit code: this is a benchmark, not a test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateCatalog } from './catalog-data';
import { BENCH_TOKEN, HttpClient, latencyStats, log, ms, Options, runPool, startBenchApp, table, type LatencyStats } from './support';

const ROOT = resolve(__dirname, '..', '..');
const TARGET_MS = 1_000;
/** Where the console keeps the session's token (console/src/auth/session.ts, TOKEN_KEY). */
const TOKEN_KEY = 'gatehouse.session.token';
const DEFAULT_ROW = 'main table tbody tr:has(a[href^="/products/"])';
const DEFAULT_SEARCH = 'main input[type="search"], main input[name="q"]';

// ---------------------------------------------------------------------------------------------
// (a) Initial JavaScript, by the console's own script.

interface SizedFile {
  file: string;
  raw: number;
  gzip: number;
}
interface BundleSizes {
  budgetKiB: number;
  initial: { files: SizedFile[]; raw: number; gzip: number };
  css: SizedFile[];
  lazy: (SizedFile & { adds: { raw: number; gzip: number } })[];
  inlineScripts: number;
  inlineStyles: number;
}
interface BundleSizeModule {
  bundleSizes(dist: string): BundleSizes | null;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function reportBundle(consoleDir: string): Promise<BundleSizes | null> {
  const script = join(ROOT, 'console', 'scripts', 'bundle-size.mjs');
  const { bundleSizes } = (await import(pathToFileURL(script).href)) as BundleSizeModule;
  const sizes = bundleSizes(consoleDir);
  log('\n## (a) Initial JavaScript of the console\n');
  if (!sizes) {
    log(`  no build in ${consoleDir}: run "npm run build" (or npm run --workspace @gatehouse/console build) first`);
    return null;
  }
  const rows = sizes.initial.files.map((f) => [f.file, kib(f.raw), kib(f.gzip)]);
  rows.push(['**total** (what index.html loads before any lazy route)', kib(sizes.initial.raw), kib(sizes.initial.gzip)]);
  for (const f of sizes.css) rows.push([`${f.file} (CSS, for reference)`, kib(f.raw), kib(f.gzip)]);
  log(table(['file', 'raw', 'gzip -9'], rows, [false, true, true]));
  const used = sizes.initial.gzip / (sizes.budgetKiB * 1024);
  log(`\n  budget ${sizes.budgetKiB} KiB gzip: ${used <= 1 ? 'within' : 'OVER'} (${(used * 100).toFixed(0)}% used); ${sizes.lazy.length} lazy chunks, the largest ${largestLazy(sizes)}`);
  log(`  index.html: ${sizes.inlineScripts} inline script(s), ${sizes.inlineStyles} inline style(s)`);
  return sizes;
}

function largestLazy(sizes: BundleSizes): string {
  const top = [...sizes.lazy].sort((a, b) => b.adds.gzip - a.adds.gzip)[0];
  return top ? `${top.file} (${kib(top.adds.gzip)} gzip with what it imports)` : 'none';
}

// ---------------------------------------------------------------------------------------------
// (b) Time to an interactive catalog.

interface LoadTiming {
  /** ms from navigation start to the first frame with a product row visible and the search enabled. */
  interactive: number;
  /** responseEnd of the HTML. */
  html: number;
  /** domContentLoadedEventEnd: the entry script has run. */
  dcl: number;
  /** responseEnd of the lazy catalog chunk (the CatalogPage-*.js the route loads). */
  chunk: number | null;
  /** The first catalog list request the page made: its URL, start and end. */
  api: { url: string; start: number; end: number } | null;
}

/**
 * Installed before any page script: notes the first animation frame in which a product row is
 * on screen and the search input can be typed into, with the performance entries of that moment.
 */
function probe({ rowSelector, searchSelector, timeoutMs }: { rowSelector: string; searchSelector: string; timeoutMs: number }): void {
  // runs in the page: the server's build has no DOM types, so the page's globals are reached untyped
  const g = globalThis as any;
  const visible = (el: any) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top < g.innerHeight && r.bottom > 0 && g.getComputedStyle(el).visibility !== 'hidden';
  };
  const enabled = (el: any) =>
    el.tagName === 'INPUT' && !el.disabled && !el.readOnly && el.getAttribute('aria-disabled') !== 'true' && !el.closest('fieldset:disabled') && visible(el);
  const tick = () => {
    const now: number = g.performance.now();
    const row = g.document.querySelector(rowSelector);
    const search = g.document.querySelector(searchSelector);
    if (row && search && visible(row) && enabled(search)) {
      const nav = g.performance.getEntriesByType('navigation')[0];
      const resources: any[] = g.performance.getEntriesByType('resource');
      const chunk = resources.find((r) => /\/assets\/CatalogPage-[^/]*\.js/.test(r.name));
      const api = resources.find((r) => new URL(r.name).pathname === '/api/v1/data-products');
      const timing: LoadTiming = {
        interactive: now,
        html: nav?.responseEnd ?? 0,
        dcl: nav?.domContentLoadedEventEnd ?? 0,
        chunk: chunk ? chunk.responseEnd : null,
        api: api ? { url: api.name, start: api.startTime, end: api.responseEnd } : null,
      };
      g.__benchInteractive = timing;
      return;
    }
    if (now > timeoutMs) {
      g.__benchInteractive = { error: `not interactive after ${Math.round(now)} ms at ${g.location.pathname}: row ${row ? 'found' : 'missing'}, search ${search ? 'found' : 'missing'}` };
      return;
    }
    g.requestAnimationFrame(tick);
  };
  g.requestAnimationFrame(tick);
}

async function newContext(browser: Browser, probeArgs: Parameters<typeof probe>[0]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  // the session's token, as the sign-in page would have left it (init scripts are not subject to the CSP)
  await context.addInitScript(({ key, token }) => (globalThis as any).sessionStorage.setItem(key, token), { key: TOKEN_KEY, token: BENCH_TOKEN });
  await context.addInitScript(probe, probeArgs);
  return context;
}

async function measured(page: Page, navigate: () => Promise<unknown>, timeoutMs: number): Promise<LoadTiming> {
  await navigate();
  const handle = await page.waitForFunction(() => (globalThis as any).__benchInteractive, undefined, { timeout: timeoutMs + 5_000, polling: 50 });
  const result = (await handle.jsonValue()) as LoadTiming | { error: string };
  if ('error' in result) {
    const path = new URL(page.url()).pathname;
    const hint = path.startsWith('/sign-in') ? ` (sent to sign in: is the token key still ${TOKEN_KEY}?)` : '';
    throw new Error(`${result.error}${hint}`);
  }
  return result;
}

interface Kind {
  label: string;
  samples: LoadTiming[];
  error?: string;
}

async function measureLoads(baseUrl: string, opts: { runs: number; warmup: number; timeoutMs: number; rowSelector: string; searchSelector: string }): Promise<{ cold: Kind; warm: Kind; version: string }> {
  const executablePath = execFileSync('bash', [join(ROOT, 'scripts', 'browser', 'chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  // the browser suite's options (test/browser/support/browser.ts): no sandbox (runs as root), no background traffic
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const probeArgs = { rowSelector: opts.rowSelector, searchSelector: opts.searchSelector, timeoutMs: opts.timeoutMs };
  const url = `${baseUrl}/catalog`;
  const cold: Kind = { label: 'cold (new context, empty cache)', samples: [] };
  const warm: Kind = { label: 'warm (reload, assets cached)', samples: [] };
  try {
    for (let i = 0; i < opts.warmup + opts.runs; i++) {
      const context = await newContext(browser, probeArgs);
      try {
        const page = await context.newPage();
        const t = await measured(page, () => page.goto(url, { waitUntil: 'commit' }), opts.timeoutMs);
        if (i >= opts.warmup) cold.samples.push(t);
        log(`    cold ${i < opts.warmup ? 'warm-up' : `#${i - opts.warmup + 1}`}: ${ms(t.interactive)} ms`);
      } catch (error) {
        cold.error = error instanceof Error ? error.message : String(error);
        log(`    cold load failed: ${cold.error}`);
        break;
      } finally {
        await context.close();
      }
    }
    if (!cold.error) {
      const context = await newContext(browser, probeArgs);
      try {
        const page = await context.newPage();
        await measured(page, () => page.goto(url, { waitUntil: 'commit' }), opts.timeoutMs); // fills the cache
        for (let i = 0; i < opts.runs; i++) {
          const t = await measured(page, () => page.reload({ waitUntil: 'commit' }), opts.timeoutMs);
          warm.samples.push(t);
          log(`    warm #${i + 1}: ${ms(t.interactive)} ms`);
        }
      } catch (error) {
        warm.error = error instanceof Error ? error.message : String(error);
        log(`    warm load failed: ${warm.error}`);
      } finally {
        await context.close();
      }
    }
    return { cold, warm, version: browser.version() };
  } finally {
    await browser.close();
  }
}

/** Median (nearest rank, as latencyStats' p50) and p95 of one field. */
const stat = (samples: LoadTiming[], pick: (t: LoadTiming) => number | null) => {
  const values = samples.map(pick).filter((v): v is number => v !== null);
  return values.length ? latencyStats(values) : null;
};

function printLoads(kinds: Kind[], runs: number): void {
  const fmt = (s: LatencyStats | null, which: 'p50' | 'p95') => (s ? ms(s[which]) : '—');
  const rows: string[][] = [];
  for (const k of kinds) {
    if (!k.samples.length) {
      rows.push([k.label, '0', '—', '—', '—', '—', '—', '—', 'not measured']);
      continue;
    }
    const interactive = stat(k.samples, (t) => t.interactive);
    rows.push([
      k.label,
      String(k.samples.length),
      fmt(stat(k.samples, (t) => t.html), 'p50'),
      fmt(stat(k.samples, (t) => t.dcl), 'p50'),
      fmt(stat(k.samples, (t) => t.chunk), 'p50'),
      fmt(stat(k.samples, (t) => (t.api ? t.api.end : null)), 'p50'),
      fmt(interactive, 'p50'),
      fmt(interactive, 'p95'),
      interactive ? (interactive.p95 <= TARGET_MS ? 'MET' : 'NOT MET') : '',
    ]);
  }
  log(table(['load', 'n', 'HTML p50', 'DOMContentLoaded p50', 'catalog chunk p50', 'list API done p50', '**interactive p50**', '**interactive p95**', `p95 ≤ ${TARGET_MS} ms`], rows, [false, true, true, true, true, true, true, true, false]));
  log(`\n  (ms from navigation start, performance.now() in the page; ${runs} measured loads per kind; the columns before "interactive" are`);
  log('   the medians of when each step had finished: the HTML, the entry script run, the lazy catalog chunk, the first list call)');
  for (const k of kinds) if (k.error) log(`  ${k.label}: ${k.error}`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = new Options();
  const products = options.int('products', 10_000, 1);
  const concurrency = options.int('concurrency', 8, 1);
  const runs = options.int('runs', 5, 1);
  const warmup = options.int('warmup', 1, 0);
  const requests = options.int('requests', 100, 1);
  const timeoutMs = options.int('timeout-ms', 30_000, 1_000);
  const consoleDir = resolve(options.string('console-dir', join(ROOT, 'console', 'dist')));
  const rowSelector = options.string('row-selector', DEFAULT_ROW);
  const searchSelector = options.string('search-selector', DEFAULT_SEARCH);

  const cpu = cpus();
  const started = process.hrtime.bigint();
  log('# Gatehouse console benchmark');
  log(`  ${new Date().toISOString()} on ${hostname()}: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`);
  log(`  load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews the figures)`);
  log(`  console: ${relative(process.cwd(), consoleDir) || consoleDir}; ${products} products, create concurrency ${concurrency}; ${warmup} warm-up + ${runs} measured loads per kind`);

  const sizes = await reportBundle(consoleDir);

  log('\n## (b) Time to an interactive catalog\n');
  if (!sizes || !existsSync(join(consoleDir, 'index.html'))) {
    log('  skipped: the console is not built');
    return;
  }
  const t0 = process.hrtime.bigint();
  const app = await startBenchApp('pglite', {}, { consoleDir });
  const http = new HttpClient(app.port, undefined, concurrency);
  try {
    const version = (await app.sql<{ v: string }>('SELECT version() AS v'))[0].v.split(' on ')[0].split(',')[0];
    log(`  Gatehouse on PGlite in memory (${version}) started in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s at ${app.baseUrl}`);
    log(`  creating ${products} products through POST /api/v1/data-products, ${concurrency} at a time …`);
    const catalog = generateCatalog(products);
    const createStarted = process.hrtime.bigint();
    let done = 0;
    let lastReport = Date.now();
    await runPool(catalog.length, concurrency, async (i) => {
      const res = await http.request('POST', '/api/v1/data-products', catalog[i].manifest);
      if (res.status !== 201) throw new Error(`POST #${i} answered ${res.status}: ${res.body.slice(0, 500)}`);
      done++;
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        log(`    … ${done}/${catalog.length}`);
      }
    });
    const createSeconds = Number(process.hrtime.bigint() - createStarted) / 1e9;
    log(`  created ${products} in ${createSeconds.toFixed(1)} s (${(products / createSeconds).toFixed(0)}/s); ANALYZE`);
    await app.sql('ANALYZE');

    const loads = await measureLoads(app.baseUrl, { runs, warmup, timeoutMs, rowSelector, searchSelector });
    log(`\n  Chromium ${loads.version}, headless, 1400×900; interactive = a row matching \`${rowSelector}\` on screen and \`${searchSelector}\` enabled\n`);
    printLoads([loads.cold, loads.warm], runs);

    // The API's own latency for the call the page made for its first page (same URL, same token).
    const first = [...loads.cold.samples, ...loads.warm.samples].find((t) => t.api)?.api;
    const apiPath = first ? new URL(first.url).pathname + new URL(first.url).search : '/api/v1/data-products?limit=50';
    for (let i = 0; i < 10; i++) await http.request('GET', apiPath);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const res = await http.request('GET', apiPath);
      if (res.status !== 200) throw new Error(`GET ${apiPath} answered ${res.status}: ${res.body.slice(0, 300)}`);
      samples.push(res.ms);
      bytes = Buffer.byteLength(res.body);
    }
    const api = latencyStats(samples);
    const inBrowser = stat(loads.cold.samples.concat(loads.warm.samples), (t) => (t.api ? t.api.end - t.api.start : null));
    log('');
    log(
      table(
        ['catalog list API, first page', 'n', 'p50 ms', 'p95 ms', 'body'],
        [
          [`GET ${apiPath}${first ? '' : ' (the page made no list call; default)'} — node:http, keep-alive`, String(api.n), ms(api.p50), ms(api.p95), kib(bytes)],
          ...(inBrowser ? [['the same call inside the measured page loads (Resource Timing, start → responseEnd)', String(inBrowser.n), ms(inBrowser.p50), ms(inBrowser.p95), '']] : []),
        ],
        [false, true, true, true, true],
      ),
    );

    const cold = stat(loads.cold.samples, (t) => t.interactive);
    const warm = stat(loads.warm.samples, (t) => t.interactive);
    log(`\n# Targets`);
    log(`  initial JavaScript ≤ ${sizes.budgetKiB} KiB gzip: ${sizes.initial.gzip <= sizes.budgetKiB * 1024 ? 'MET' : 'NOT MET'} (${kib(sizes.initial.gzip)} gzip, ${kib(sizes.initial.raw)} raw)`);
    if (cold && warm) {
      const scale = products === 10_000 ? '' : ` (measured with ${products} products, not 10,000)`;
      log(`  interactive catalog ≤ ${TARGET_MS} ms${scale}: ${cold.p95 <= TARGET_MS && warm.p95 <= TARGET_MS ? 'MET' : 'NOT MET'} (cold median ${ms(cold.p50)} / p95 ${ms(cold.p95)} ms, warm median ${ms(warm.p50)} / p95 ${ms(warm.p95)} ms)`);
    } else {
      log(`  interactive catalog ≤ ${TARGET_MS} ms: NOT MEASURED (${loads.cold.error ?? loads.warm.error ?? 'no samples'})`);
    }
  } finally {
    http.close();
    await app.close();
    log(`\nLoad average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    log(`Whole benchmark: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  }
}

main().then(
  // Open handles (pools, timers in dependencies) must not keep a finished benchmark alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error('\nbench:console failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
