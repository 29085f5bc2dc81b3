/**
 * `npm run bench:lineage-console`: the console's lineage explorer on a large graph, in headless
 * Chromium. Prints
 *
 *   (a) time to an interactive explorer on a neighbourhood of about 1,000 drawn nodes taken from a
 *       graph of 100,000 datasets: from navigation start to the first animation frame in which the
 *       page says its layout matches the drawn graph (`window.gatehouseLineage.ready`, see
 *       console/src/pages/lineage/graphState.ts) and React Flow has a node on screen; cold loads
 *       (a new browser context each), median and p95, with the steps before it;
 *   (b) frame times while panning that view: a drag of the canvas driven from inside the page, one
 *       mouse move per animation frame, frame time = the gap between consecutive frames; p50, p95,
 *       max, and how many nodes React Flow kept in the DOM (it renders only what is on screen);
 *   (c) the layout worker's time (ELK layered in a Web Worker, as the page measures it: posting the
 *       graph to the answer) for neighbourhoods of about 1,000 and 2,000 drawn nodes.
 *
 * The graph: datasets in layers, jobs reading 1–3 datasets of the layers before and writing 1–2 of
 * theirs, reads skewed so that a few datasets have many readers (as bench:lineage generates it),
 * written straight into the lineage tables with SQL. Neighbourhoods are found by asking the lineage
 * API for walks from datasets of the middle layers at several depths, then opening the closest in
 * the page and counting what it draws (fan-outs over 20 are group nodes, so it draws fewer nodes
 * than it loads). The server draws at most GATEHOUSE_LINEAGE_VIEW_MAX_NODES nodes; this bench sets
 * it to 5,000 so that views loading more than they draw (up to 1.6 times) can be opened.
 *
 *   npm run bench:lineage-console
 *   npm run bench:lineage-console -- --datasets 20000 --runs 3
 *
 * Options (flag or environment variable):
 *   --datasets N         BENCH_DATASETS       datasets in the generated graph (100000)
 *   --edges N            BENCH_EDGES          edges, about (300000)
 *   --layers N           BENCH_LAYERS         dataset layers (20)
 *   --runs N             BENCH_RUNS           measured cold loads of the 1,000-node view (5)
 *   --warmup N           BENCH_WARMUP         unmeasured loads first (1)
 *   --frames N           BENCH_FRAMES         frames of panning measured (300)
 *   --layout-runs N      BENCH_LAYOUT_RUNS    loads per size timed for the layout (3)
 *   --timeout-ms N       BENCH_TIMEOUT_MS     how long one load may take (60000)
 *   --console-dir path   BENCH_CONSOLE_DIR    the built console (console/dist)
 *   GATEHOUSE_CHROMIUM   another Chromium binary (see scripts/browser/chromium.sh)
 *
 * The figures are printed, never judged by the exit code: this is a benchmark, not a test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PrismaService } from '../src/database/prisma.service';
import { BENCH_TOKEN, HttpClient, latencyStats, log, ms, Options, prng, startBenchApp, table, type BenchApp, type LatencyStats } from './support';

const ROOT = resolve(__dirname, '..', '..');
const TOKEN_KEY = 'gatehouse.session.token';
const MAX_NODES = 5_000;
const TARGET_INTERACTIVE_MS = 1_500;
const TARGET_FRAME_P95_MS = 25;

// ---------------------------------------------------------------------------------------------
// The graph (the shape bench/lineage.bench.ts generates, smaller facets).

const DATASET_NS = 'postgres://dwh:5432';
const JOB_NS = 'airflow-graph';
const NOUNS = ['orders', 'invoices', 'payments', 'customers', 'sessions', 'shipments', 'inventory', 'returns', 'refunds', 'leads', 'campaigns', 'clicks', 'impressions', 'subscriptions', 'churn', 'margins', 'ledger', 'budgets', 'forecasts', 'suppliers'];

interface GraphPlan {
  layers: number;
  perLayer: number;
  jobs: { layer: number; index: number; reads: number[]; writes: number[] }[];
}

const dsKey = (layer: number, index: number) => layer * 10_000_000 + index;
const dsName = (key: number) => {
  const layer = Math.floor(key / 10_000_000);
  const index = key % 10_000_000;
  return `analytics.l${String(layer).padStart(2, '0')}.${NOUNS[index % NOUNS.length]}_${String(index).padStart(6, '0')}`;
};
const dsId = (key: number) => `dataset:${DATASET_NS}:${dsName(key)}`;
const jobName = (layer: number, index: number) => `dag_l${String(layer).padStart(2, '0')}_${String(Math.floor(index / 10)).padStart(5, '0')}.task_${index % 10}`;
const jobId = (layer: number, index: number) => `job:${JOB_NS}:${jobName(layer, index)}`;

function planGraph(datasets: number, edges: number, layers: number): GraphPlan {
  const rnd = prng(300_000 + layers);
  const perLayer = Math.max(1, Math.floor(datasets / layers));
  const jobCount = Math.max(layers - 1, Math.round(edges / 3.5));
  const jobs: GraphPlan['jobs'] = [];
  for (let layer = 1; layer < layers; layer++) {
    const count = Math.floor(jobCount / (layers - 1)) + (layer <= jobCount % (layers - 1) ? 1 : 0);
    const order = Array.from({ length: perLayer }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let cursor = 0;
    for (let j = 0; j < count; j++) {
      const writes = new Set<number>();
      const writeCount = rnd() < 0.5 ? 1 : 2;
      while (writes.size < writeCount) writes.add(dsKey(layer, cursor < order.length ? order[cursor++] : Math.floor(rnd() * perLayer)));
      const reads = new Set<number>();
      const readCount = 1 + Math.floor(rnd() * 3);
      while (reads.size < readCount) {
        const from = rnd() < 0.8 ? layer - 1 : Math.max(0, layer - 2 - Math.floor(rnd() * 3));
        const u = rnd();
        reads.add(dsKey(from, Math.floor(u * u * perLayer)));
      }
      jobs.push({ layer, index: j, reads: [...reads], writes: [...writes] });
    }
  }
  return { layers, perLayer, jobs };
}

async function loadGraph(app: BenchApp, plan: GraphPlan): Promise<{ seconds: number; nodes: number; edges: number }> {
  const prisma = app.app.get(PrismaService);
  const started = performance.now();
  const schema = JSON.stringify({ schema: { _producer: 'https://example.com/bench', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: [{ name: 'id', type: 'bigint' }, { name: 'amount', type: 'numeric' }, { name: 'day', type: 'date' }] } });
  const CHUNK = 10_000;
  const insertNodes = async (type: 'DATASET' | 'JOB', ids: string[], names: string[], namespace: string, facets: string) => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await prisma.$executeRawUnsafe(
        `INSERT INTO lineage_node (id, type, namespace, name, facets, facet_times, updated_at)
         SELECT id, '${type}', '${namespace}', name, $3::jsonb, '{}'::jsonb, now() FROM unnest($1::text[], $2::text[]) AS x(id, name)`,
        ids.slice(i, i + CHUNK),
        names.slice(i, i + CHUNK),
        facets,
      );
    }
  };
  const keys: number[] = [];
  for (let layer = 0; layer < plan.layers; layer++) for (let i = 0; i < plan.perLayer; i++) keys.push(dsKey(layer, i));
  await insertNodes('DATASET', keys.map(dsId), keys.map(dsName), DATASET_NS, schema);
  await insertNodes('JOB', plan.jobs.map((j) => jobId(j.layer, j.index)), plan.jobs.map((j) => jobName(j.layer, j.index)), JOB_NS, '{}');
  const origins: string[] = [];
  const destinations: string[] = [];
  const flush = async () => {
    await prisma.$executeRawUnsafe(
      `INSERT INTO lineage_edge (origin, destination, first_seen_at, last_seen_at)
       SELECT o, d, now() - interval '30 days', now() FROM unnest($1::text[], $2::text[]) AS x(o, d) ON CONFLICT DO NOTHING`,
      origins.splice(0),
      destinations.splice(0),
    );
  };
  for (const job of plan.jobs) {
    const id = jobId(job.layer, job.index);
    for (const r of job.reads) origins.push(dsId(r)), destinations.push(id);
    for (const w of job.writes) origins.push(id), destinations.push(dsId(w));
    if (origins.length >= 2 * CHUNK) await flush();
  }
  if (origins.length) await flush();
  await app.sql('ANALYZE');
  const [counts] = await app.sql<{ nodes: number; edges: number }>(`SELECT (SELECT count(*)::int FROM lineage_node) AS nodes, (SELECT count(*)::int FROM lineage_edge) AS edges`);
  return { seconds: (performance.now() - started) / 1000, ...counts };
}

// ---------------------------------------------------------------------------------------------
// Candidate views: walks the API answers with about as many nodes as wanted.

interface Candidate {
  nodeId: string;
  depth: number;
  loaded: number;
}

async function candidates(http: HttpClient, plan: GraphPlan, wanted: number, count: number): Promise<Candidate[]> {
  const rnd = prng(4242 + wanted);
  const found: Candidate[] = [];
  const middle = Math.floor(plan.layers / 2);
  for (let tries = 0; tries < 600 && found.length < count; tries++) {
    const layer = middle - 3 + Math.floor(rnd() * 7);
    const nodeId = dsId(dsKey(layer, Math.floor(rnd() * plan.perLayer)));
    for (let depth = 2; depth <= 10; depth++) {
      const answer = await http.json<{ graph: unknown[]; truncated: boolean }>('GET', `/api/v1/lineage?${new URLSearchParams({ nodeId, depth: String(depth), direction: 'both', limit: String(MAX_NODES + 1) })}`);
      if (answer.truncated) break;
      // groups hide part of what is loaded: aim a little above the drawn size wanted
      if (answer.graph.length >= wanted * 1.02 && answer.graph.length <= wanted * 1.6) {
        found.push({ nodeId, depth, loaded: answer.graph.length });
        break;
      }
      if (answer.graph.length > wanted * 1.6) break;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// In the page.

interface Interactive {
  interactive: number;
  dcl: number;
  chunk: number | null;
  drawn: number;
  layoutMs: number | null;
  edges: number;
  /** responseEnd of the walk from the focus (GET /api/v1/lineage). */
  walk: number | null;
  /** The first frame in which the page published the loaded graph (before its layout). */
  graph: number | null;
}

/** Installed before any page script: the first frame in which the explorer is laid out and a node is on screen. */
function probe({ timeoutMs }: { timeoutMs: number }): void {
  // runs in the page: the server's build has no DOM types
  const g = globalThis as any;
  let graph: number | null = null;
  const tick = () => {
    const now: number = g.performance.now();
    const state = g.gatehouseLineage;
    if (state && graph === null) graph = now;
    if (state && state.tooMany) {
      g.__benchInteractive = { error: `the view has more nodes than the console draws (${state.nodes.length})` };
      return;
    }
    if (state && state.ready && g.document.querySelector('.react-flow__node')) {
      const nav = g.performance.getEntriesByType('navigation')[0];
      const resources: any[] = g.performance.getEntriesByType('resource');
      const chunk = resources.find((r) => /\/assets\/LineagePage-[^/]*\.js/.test(r.name));
      const walk = resources.find((r) => new URL(r.name).pathname === '/api/v1/lineage');
      g.__benchInteractive = { interactive: now, dcl: nav?.domContentLoadedEventEnd ?? 0, chunk: chunk ? chunk.responseEnd : null, walk: walk ? walk.responseEnd : null, graph, drawn: state.nodes.length, edges: state.edges.length, layoutMs: state.layoutMs };
      return;
    }
    if (now > timeoutMs) {
      g.__benchInteractive = { error: `not interactive after ${Math.round(now)} ms at ${g.location.pathname}${g.location.search}` };
      return;
    }
    g.requestAnimationFrame(tick);
  };
  g.requestAnimationFrame(tick);
}

async function newContext(browser: Browser, timeoutMs: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  await context.addInitScript(({ key, token }) => (globalThis as any).sessionStorage.setItem(key, token), { key: TOKEN_KEY, token: BENCH_TOKEN });
  await context.addInitScript(probe, { timeoutMs });
  return context;
}

async function load(browser: Browser, url: string, timeoutMs: number, then?: (page: Page) => Promise<void>): Promise<Interactive> {
  const context = await newContext(browser, timeoutMs);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (globalThis as any).__benchInteractive, undefined, { timeout: timeoutMs + 5_000, polling: 50 });
    const result = (await handle.jsonValue()) as Interactive | { error: string };
    if ('error' in result) throw new Error(result.error);
    if (then) await then(page);
    return result;
  } finally {
    await context.close();
  }
}

interface PanResult {
  frames: number[];
  moved: boolean;
  domNodes: number;
  drawn: number;
}

/** A drag of the canvas, one mouse move per frame, from inside the page; the gaps between frames. */
async function pan(page: Page, frames: number): Promise<PanResult> {
  return page.evaluate(async (count: number) => {
    const g = globalThis as any;
    const pane = g.document.querySelector('.react-flow__pane');
    const viewport = g.document.querySelector('.react-flow__viewport');
    if (!pane || !viewport) throw new Error('no React Flow pane');
    const before = viewport.style.transform;
    const box = pane.getBoundingClientRect();
    let x = box.left + box.width / 2;
    let y = box.top + box.height / 2;
    const mouse = (type: string, target: any) => target.dispatchEvent(new g.MouseEvent(type, { bubbles: true, cancelable: true, view: g, clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1 }));
    mouse('mousedown', pane);
    const gaps: number[] = [];
    await new Promise<void>((done) => {
      let last = 0;
      let i = 0;
      const frame = (t: number) => {
        if (last) gaps.push(t - last);
        last = t;
        if (i++ >= count) return done();
        // a slow circle, about 6 px a frame, so new parts of the graph come on screen
        x += 6 * Math.cos(i / 40);
        y += 6 * Math.sin(i / 40);
        mouse('mousemove', g.document);
        g.requestAnimationFrame(frame);
      };
      g.requestAnimationFrame(frame);
    });
    mouse('mouseup', g.document);
    return { frames: gaps, moved: viewport.style.transform !== before, domNodes: g.document.querySelectorAll('.react-flow__node').length, drawn: g.gatehouseLineage?.nodes.length ?? 0 };
  }, frames);
}

// ---------------------------------------------------------------------------------------------

const viewUrl = (baseUrl: string, c: Candidate) => `${baseUrl}/lineage?${new URLSearchParams({ node: c.nodeId, depth: String(c.depth) })}`;

/** Opens candidates until one draws within 15% of `wanted` nodes; the closest otherwise. */
async function pickView(browser: Browser, baseUrl: string, list: Candidate[], wanted: number, timeoutMs: number): Promise<{ view: Candidate; drawn: number } | null> {
  let best: { view: Candidate; drawn: number } | null = null;
  for (const c of list) {
    try {
      const r = await load(browser, viewUrl(baseUrl, c), timeoutMs);
      log(`    ${c.nodeId} depth ${c.depth}: ${c.loaded} loaded, ${r.drawn} drawn`);
      if (!best || Math.abs(r.drawn - wanted) < Math.abs(best.drawn - wanted)) best = { view: c, drawn: r.drawn };
      if (Math.abs(r.drawn - wanted) <= wanted * 0.15) break;
    } catch (error) {
      log(`    ${c.nodeId} depth ${c.depth}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return best;
}

const stat = (values: number[]): LatencyStats | null => (values.length ? latencyStats(values) : null);
const fmt = (s: LatencyStats | null, which: 'p50' | 'p95' | 'max') => (s ? ms(s[which]) : '—');

async function main(): Promise<void> {
  const options = new Options();
  const datasets = options.int('datasets', 100_000, 100);
  const edges = options.int('edges', 300_000, 100);
  const layers = options.int('layers', 20, 3);
  const runs = options.int('runs', 5, 1);
  const warmup = options.int('warmup', 1, 0);
  const frames = options.int('frames', 300, 10);
  const layoutRuns = options.int('layout-runs', 3, 1);
  const timeoutMs = options.int('timeout-ms', 60_000, 1_000);
  const consoleDir = resolve(options.string('console-dir', join(ROOT, 'console', 'dist')));

  const cpu = cpus();
  const started = process.hrtime.bigint();
  log('# Gatehouse lineage explorer benchmark');
  log(`  ${new Date().toISOString()} on ${hostname()}: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`);
  log(`  load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews the figures)`);
  if (!existsSync(join(consoleDir, 'index.html'))) {
    log(`  no console build in ${consoleDir}: run "npm run build" first`);
    return;
  }
  log(`  console: ${relative(process.cwd(), consoleDir) || consoleDir}; graph of ${datasets} datasets in ${layers} layers, about ${edges} edges`);

  const app = await startBenchApp('pglite', { lineageViewMaxNodes: MAX_NODES }, { consoleDir });
  const http = new HttpClient(app.port);
  const executablePath = execFileSync('bash', [join(ROOT, 'scripts', 'browser', 'chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const plan = planGraph(datasets, edges, layers);
    const loaded = await loadGraph(app, plan);
    log(`  loaded ${loaded.nodes} nodes (${datasets} datasets, ${plan.jobs.length} jobs) and ${loaded.edges} edges into PGlite in ${loaded.seconds.toFixed(1)} s`);
    log(`  Chromium ${browser.version()}, headless, 1400×900; the console draws at most ${MAX_NODES} nodes (GATEHOUSE_LINEAGE_VIEW_MAX_NODES)`);

    const views: Record<number, { view: Candidate; drawn: number } | null> = {};
    for (const wanted of [1_000, 2_000]) {
      log(`\n  looking for a view of about ${wanted} drawn nodes …`);
      views[wanted] = await pickView(browser, app.baseUrl, await candidates(http, plan, wanted, 6), wanted, timeoutMs);
    }

    // (a) and (b)
    log('\n## (a) Time to an interactive explorer, about 1,000 nodes drawn\n');
    const v1 = views[1_000];
    const loads: Interactive[] = [];
    const pans: PanResult[] = [];
    if (!v1) log('  no view found');
    else {
      log(`  ${viewUrl('', v1.view)}: ${v1.view.loaded} nodes loaded, ${v1.drawn} drawn`);
      for (let i = 0; i < warmup + runs; i++) {
        const r = await load(browser, viewUrl(app.baseUrl, v1.view), timeoutMs, i >= warmup ? async (page) => void pans.push(await pan(page, frames)) : undefined);
        if (i >= warmup) loads.push(r);
        log(`    ${i < warmup ? 'warm-up' : `#${i - warmup + 1}`}: interactive at ${ms(r.interactive)} ms (layout ${r.layoutMs ?? '—'} ms)`);
      }
      const interactive = stat(loads.map((l) => l.interactive));
      log('');
      log(
        table(
          ['load', 'n', 'DOMContentLoaded p50', 'lineage chunk p50', 'walk API done p50', 'graph built p50', 'layout (worker) p50', '**interactive p50**', '**interactive p95**', `p95 ≤ ${TARGET_INTERACTIVE_MS} ms`],
          [
            [
              'cold (new context, empty cache)',
              String(loads.length),
              fmt(stat(loads.map((l) => l.dcl)), 'p50'),
              fmt(stat(loads.flatMap((l) => (l.chunk === null ? [] : [l.chunk]))), 'p50'),
              fmt(stat(loads.flatMap((l) => (l.walk === null ? [] : [l.walk]))), 'p50'),
              fmt(stat(loads.flatMap((l) => (l.graph === null ? [] : [l.graph]))), 'p50'),
              fmt(stat(loads.flatMap((l) => (l.layoutMs === null ? [] : [l.layoutMs]))), 'p50'),
              fmt(interactive, 'p50'),
              fmt(interactive, 'p95'),
              interactive ? (interactive.p95 <= TARGET_INTERACTIVE_MS ? 'MET' : 'NOT MET') : '',
            ],
          ],
          [false, true, true, true, true, true, true, true, true, false],
        ),
      );
      log(`\n  (ms from navigation start; the step columns are medians of when each had finished, the layout column a duration; ${v1.drawn} nodes and ${loads[0]?.edges ?? '?'} edges drawn; interactive = laid out and a node on screen)`);

      log('\n## (b) Frame times while panning\n');
      const gaps = pans.flatMap((p) => p.frames);
      const s = stat(gaps);
      log(
        table(
          ['panning', 'frames', 'p50 ms', '**p95 ms**', 'max ms', 'nodes in the DOM', `p95 ≤ ${TARGET_FRAME_P95_MS} ms`],
          [[`${pans.length} drags of ${frames} frames, ${v1.drawn} nodes drawn`, String(gaps.length), fmt(s, 'p50'), fmt(s, 'p95'), fmt(s, 'max'), pans.map((p) => p.domNodes).join(', '), s ? (s.p95 <= TARGET_FRAME_P95_MS ? 'MET' : 'NOT MET') : '']],
          [false, true, true, true, true, true, false],
        ),
      );
      if (pans.some((p) => !p.moved)) log('  note: a drag did not move the viewport; the frame times then measure an idle page');
    }

    // (c)
    log('\n## (c) Layout in the worker (ELK layered)\n');
    const rows: string[][] = [];
    for (const wanted of [1_000, 2_000]) {
      const v = views[wanted];
      if (!v) {
        rows.push([`about ${wanted}`, '—', '—', '—', '—', 'no view found']);
        continue;
      }
      const times: number[] = [];
      let drawn = v.drawn;
      let edgeCount = 0;
      for (let i = 0; i < layoutRuns; i++) {
        const r = await load(browser, viewUrl(app.baseUrl, v.view), timeoutMs);
        if (r.layoutMs !== null) times.push(r.layoutMs);
        drawn = r.drawn;
        edgeCount = r.edges;
      }
      const s = stat(times);
      rows.push([`about ${wanted}`, String(drawn), String(edgeCount), fmt(s, 'p50'), fmt(s, 'max'), `${times.length} loads`]);
    }
    log(table(['view', 'nodes', 'edges', 'layout p50 ms', 'max ms', ''], rows, [false, true, true, true, true, false]));
    log('\n  (from posting the graph to the worker to its answer; above 600 nodes ELK uses SIMPLE placement and one thoroughness pass)');
  } finally {
    await browser.close();
    http.close();
    await app.close();
    log(`\nLoad average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    log(`Whole benchmark: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('\nbench:lineage-console failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
