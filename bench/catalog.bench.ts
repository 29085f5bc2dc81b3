/**
 * `npm run bench:catalog`: loads N data products (default 10,000) through the HTTP API and measures
 * create/s and the latency of catalog list pages (p50/p95/p99) on embedded PGlite and on PostgreSQL.
 *
 *   npm run bench:catalog -- --products 10000 --backends pglite,postgres --concurrency 8
 *
 * Options (flag or environment variable):
 *   --products N       BENCH_PRODUCTS     products to create (10000)
 *   --backends list    BENCH_BACKENDS     pglite,postgres (both)
 *   --concurrency N    BENCH_CONCURRENCY  parallel creates (8)
 *   --requests N       BENCH_REQUESTS     measured requests per list query (300)
 *   --warmup N         BENCH_WARMUP       unmeasured requests per list query first (30)
 *   --analyze bool     BENCH_ANALYZE      run ANALYZE after loading, as autovacuum would (true)
 *   --explain          BENCH_EXPLAIN      also print EXPLAIN ANALYZE of each list query
 *   --trgm             BENCH_TRGM         experiment, PostgreSQL only: after loading, add a pg_trgm
 *                                        GIN index on search_text (not in the schema) to measure q=
 *   DATABASE_URL       PostgreSQL server (postgresql://postgres@127.0.0.1:5432/test); the bench
 *                      works in a fresh schema gh_bench_<random> and drops it at the end.
 *
 * The figures are printed, never judged by the exit code: this is a benchmark, not a test.
 */
import { cpus, hostname, loadavg } from 'node:os';
import { encodeCursor } from '../src/common/pagination';
import { CLASSIFICATIONS } from '../src/catalog/manifest/manifest.schema';
import { COMMON_WORD, DOMAINS, Generated, generateCatalog, RARE_WORD, TAGS, TEAMS } from './catalog-data';
import {
  BackendName,
  BenchApp,
  HttpClient,
  LatencyStats,
  latencyStats,
  log,
  ms,
  Options,
  postgresSkipped,
  runPool,
  startBenchApp,
  table,
} from './support';

/** The issue's target: p95 of a filtered list page on PostgreSQL with 10,000 products. */
const TARGET_P95_MS = 25;
const PAGE = 50;


// ---------------------------------------------------------------------------------------------
// Measurements.

interface CreateResult {
  products: number;
  seconds: number;
  perSecond: number;
  latency: LatencyStats;
}

async function createAll(http: HttpClient, catalog: Generated[], concurrency: number): Promise<CreateResult> {
  const samples: number[] = new Array(catalog.length);
  let done = 0;
  let lastReport = Date.now();
  const started = process.hrtime.bigint();
  await runPool(catalog.length, concurrency, async (i) => {
    const res = await http.request('POST', '/api/v1/data-products', catalog[i].manifest);
    if (res.status !== 201) throw new Error(`POST #${i} answered ${res.status}: ${res.body.slice(0, 500)}`);
    samples[i] = res.ms;
    done++;
    if (Date.now() - lastReport > 5_000) {
      lastReport = Date.now();
      const s = Number(process.hrtime.bigint() - started) / 1e9;
      log(`    … ${done}/${catalog.length} created (${(done / s).toFixed(0)}/s)`);
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { products: catalog.length, seconds, perSecond: catalog.length / seconds, latency: latencyStats(samples) };
}

interface ListCase {
  label: string;
  /** Example query string, for the report. */
  example: string;
  /** Whether the issue's target applies (a filtered list page). */
  filtered: boolean;
  /** The i-th request's path; values rotate so one cached value does not stand for the filter. */
  path(i: number): string;
}

interface CaseResult {
  label: string;
  example: string;
  filtered: boolean;
  latency: LatencyStats;
  /** Mean items on the page. */
  rows: number;
}

const list = (query: Record<string, string | number>) =>
  `/api/v1/data-products?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), limit: String(PAGE) })}`;

function listCases(deepCursors: string[]): ListCase[] {
  const domainTier = DOMAINS.flatMap((d) => [1, 2, 3, 4].map((t) => ({ domain: d, tier: t })));
  return [
    { label: 'first page', example: `limit=${PAGE}`, filtered: false, path: () => list({}) },
    {
      label: 'deep page (cursor)',
      example: `limit=${PAGE}&cursor=… (2nd half)`,
      filtered: false,
      path: (i) => list({ cursor: deepCursors[i % deepCursors.length] }),
    },
    { label: 'owner', example: `owner=${TEAMS[0]}`, filtered: true, path: (i) => list({ owner: TEAMS[i % TEAMS.length] }) },
    {
      label: 'domain + tier',
      example: 'domain=sales&tier=2',
      filtered: true,
      path: (i) => list(domainTier[i % domainTier.length]),
    },
    { label: 'tag', example: 'tag=gdpr', filtered: true, path: (i) => list({ tag: TAGS[i % TAGS.length] }) },
    {
      label: 'classification',
      example: 'classification=restricted',
      filtered: true,
      path: (i) => list({ classification: CLASSIFICATIONS[i % CLASSIFICATIONS.length] }),
    },
    { label: `q (common word)`, example: `q=${COMMON_WORD} (~10%)`, filtered: true, path: () => list({ q: COMMON_WORD }) },
    { label: `q (rare word)`, example: `q=${RARE_WORD} (~0.5%)`, filtered: true, path: () => list({ q: RARE_WORD }) },
  ];
}

async function measure(http: HttpClient, c: ListCase, warmup: number, requests: number): Promise<CaseResult> {
  for (let i = 0; i < warmup; i++) {
    const res = await http.request('GET', c.path(i));
    if (res.status !== 200) throw new Error(`GET ${c.path(i)} answered ${res.status}: ${res.body.slice(0, 500)}`);
  }
  const samples: number[] = [];
  let rows = 0;
  // One request at a time: latency as one client sees it, not throughput under load.
  for (let i = 0; i < requests; i++) {
    const res = await http.request('GET', c.path(i));
    if (res.status !== 200) throw new Error(`GET ${c.path(i)} answered ${res.status}: ${res.body.slice(0, 500)}`);
    samples.push(res.ms);
    const body = JSON.parse(res.body) as { items?: unknown[] };
    rows += body.items ? body.items.length : 1;
  }
  return { label: c.label, example: c.example, filtered: c.filtered, latency: latencyStats(samples), rows: rows / requests };
}

/** Walks every page (limit 200) to check the count and to collect cursors into the second half. */
async function walk(http: HttpClient, expected: number): Promise<{ cursors: string[]; seconds: number; pages: number }> {
  const started = process.hrtime.bigint();
  const cursors: string[] = [];
  let cursor: string | null = null;
  let seen = 0;
  let pages = 0;
  do {
    const path = `/api/v1/data-products?limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const body: { items: { name: string }[]; nextCursor: string | null } = await http.json('GET', path);
    seen += body.items.length;
    pages++;
    cursor = body.nextCursor;
    if (cursor && seen >= expected / 2) cursors.push(cursor);
  } while (cursor);
  if (seen !== expected) throw new Error(`walking the catalog found ${seen} products, expected ${expected}`);
  if (cursors.length === 0) cursors.push(encodeCursor('m') as string);
  return { cursors, seconds: Number(process.hrtime.bigint() - started) / 1e9, pages };
}

/** The SQL Prisma sends for a list page (as captured from its query log), for EXPLAIN ANALYZE. */
function explainQueries(): { label: string; where: string }[] {
  const q = (v: string) => `'${v.replace(/'/g, "''")}'`;
  return [
    { label: 'first page', where: `"status" = 'active'` },
    { label: 'deep page (cursor)', where: `"status" = 'active' AND "name" > ${q('orders-monthly-0')}` },
    { label: 'owner', where: `"status" = 'active' AND "owner" = ${q(TEAMS[7])}` },
    { label: 'domain + tier', where: `"status" = 'active' AND "domain" = 'sales' AND "tier" = 2` },
    { label: 'tag', where: `"status" = 'active' AND "tags" @> ARRAY['gdpr']::text[]` },
    { label: 'classification', where: `"status" = 'active' AND "classification" = 'restricted'` },
    { label: 'q (common word)', where: `"status" = 'active' AND "search_text" LIKE '%${COMMON_WORD}%'` },
    { label: 'q (rare word)', where: `"status" = 'active' AND "search_text" LIKE '%${RARE_WORD}%'` },
  ];
}

async function explain(app: BenchApp): Promise<void> {
  log(`\n  EXPLAIN ANALYZE on ${app.backend} (list page of ${PAGE}, ordered by name):`);
  const [stats] = await app.sql<Record<string, unknown>>(
    `SELECT current_setting('autovacuum') AS autovacuum, n_live_tup::int AS live_rows, last_analyze, last_autoanalyze FROM pg_stat_user_tables WHERE relname = 'data_product'`,
  );
  log(`  table statistics: ${JSON.stringify(stats)}`);
  for (const { label, where } of explainQueries()) {
    const sql = `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT "id", "name", "title", "domain", "owner", "stewards", "tags", "description", "tier", "classification", "contains_pii", "status", "revision", "digest", "created_at", "created_by", "updated_at", "retired_at", "retired_by" FROM "data_product" WHERE ${where} ORDER BY "name" ASC LIMIT ${PAGE + 1} OFFSET 0`;
    const rows = await app.sql<{ 'QUERY PLAN': string }>(sql);
    log(`\n  -- ${label}: WHERE ${where}`);
    for (const r of rows) log(`  ${r['QUERY PLAN']}`);
  }
}

// ---------------------------------------------------------------------------------------------

interface BackendReport {
  backend: BackendName;
  version: string;
  startSeconds: number;
  create: CreateResult;
  walk: { seconds: number; pages: number };
  get: LatencyStats;
  cases: CaseResult[];
  seconds: number;
}

/**
 * Experiment for the suggestion in docs/benchmarks.md: a trigram index that serves `LIKE '%word%'`.
 * Created in the bench schema only (dropped with it); Gatehouse's own schema has no such index.
 */
async function addTrigramIndex(app: BenchApp): Promise<void> {
  const schema = app.config.database.kind === 'postgres' ? app.config.database.schema : undefined;
  if (!schema) throw new Error('--trgm needs a bench schema on PostgreSQL');
  await app.sql(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA "${schema}"`);
  const [{ ns }] = await app.sql<{ ns: string }>(`SELECT extnamespace::regnamespace::text AS ns FROM pg_extension WHERE extname = 'pg_trgm'`);
  const started = process.hrtime.bigint();
  await app.sql(`CREATE INDEX data_product_search_text_trgm_idx ON "data_product" USING gin ("search_text" ${ns}.gin_trgm_ops)`);
  await app.sql('ANALYZE "data_product"');
  log(`  experiment: pg_trgm GIN index on search_text built in ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);
}

async function runBackend(
  backend: BackendName,
  catalog: Generated[],
  opts: { concurrency: number; warmup: number; requests: number; analyze: boolean; explain: boolean; trgm: boolean },
): Promise<BackendReport> {
  const t0 = process.hrtime.bigint();
  const app = await startBenchApp(backend);
  const http = new HttpClient(app.port, undefined, Math.max(1, opts.concurrency));
  try {
    const startSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const version = (await app.sql<{ v: string }>('SELECT version() AS v'))[0].v.split(' on ')[0].split(',')[0];
    log(`\n## ${backend} (${version}) — started in ${startSeconds.toFixed(1)} s at ${app.baseUrl}`);
    log(`  creating ${catalog.length} products, ${opts.concurrency} at a time …`);
    const create = await createAll(http, catalog, opts.concurrency);
    log(`  created ${create.products} in ${create.seconds.toFixed(1)} s: ${create.perSecond.toFixed(0)} products/s`);
    if (opts.analyze) {
      const a = process.hrtime.bigint();
      await app.sql('ANALYZE');
      log(`  ANALYZE took ${(Number(process.hrtime.bigint() - a) / 1e6).toFixed(0)} ms`);
    }
    if (opts.trgm && backend === 'postgres') await addTrigramIndex(app);
    const walked = await walk(http, catalog.length);
    log(`  paged through all ${catalog.length} (limit 200, ${walked.pages} pages) in ${walked.seconds.toFixed(2)} s`);

    const names = catalog.map((g) => (g.manifest.metadata as { name: string }).name);
    const getCase: ListCase = { label: 'get one', example: '', filtered: false, path: (i) => `/api/v1/data-products/${names[(i * 7919) % names.length]}` };
    const get = (await measure(http, getCase, opts.warmup, opts.requests)).latency;
    const cases: CaseResult[] = [];
    for (const c of listCases(walked.cursors)) {
      cases.push(await measure(http, c, opts.warmup, opts.requests));
    }
    if (opts.explain) await explain(app);
    return { backend, version, startSeconds, create, walk: walked, get, cases, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
  } finally {
    http.close();
    await app.close();
  }
}

function printReport(r: BackendReport, requests: number): void {
  const target = r.backend === 'postgres';
  log(`\n### ${r.backend}: ${r.create.products} products (${r.version})\n`);
  log(
    table(
      ['create', 'products', 'seconds', 'products/s', 'p50 ms', 'p95 ms', 'p99 ms'],
      [['POST /api/v1/data-products', r.create.products, r.create.seconds.toFixed(1), r.create.perSecond.toFixed(0), ms(r.create.latency.p50), ms(r.create.latency.p95), ms(r.create.latency.p99)]],
      [false, true, true, true, true, true, true],
    ),
  );
  log('');
  const head = ['GET (limit 50)', 'example', 'rows', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  if (target) head.push(`p95 < ${TARGET_P95_MS} ms`);
  const rows = [
    ['get one by name', 'GET /api/v1/data-products/{name}', '1', ms(r.get.p50), ms(r.get.p95), ms(r.get.p99), ms(r.get.max), ...(target ? [''] : [])],
    ...r.cases.map((c) => {
      const row = [c.label, c.example, c.rows.toFixed(0), ms(c.latency.p50), ms(c.latency.p95), ms(c.latency.p99), ms(c.latency.max)];
      if (target) row.push(c.filtered ? (c.latency.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL') : '');
      return row;
    }),
  ];
  log(table(head, rows, [false, false, true, true, true, true, true, false]));
  log(`\n  (${requests} sequential requests per row after warm-up; one client, keep-alive; latency is request sent → last byte read)`);
}

async function main(): Promise<void> {
  const options = new Options();
  const products = options.int('products', 10_000, 1);
  const concurrency = options.int('concurrency', 8, 1);
  const requests = options.int('requests', 300, 1);
  const warmup = options.int('warmup', 30, 0);
  const analyze = options.bool('analyze', true);
  const doExplain = options.bool('explain', false);
  const trgm = options.bool('trgm', false);
  const backends = options.backends();

  const cpu = cpus();
  log('# Gatehouse catalog benchmark');
  log(`  ${new Date().toISOString()} on ${hostname()}: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`);
  log(`  load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews the figures)`);
  log(`  ${products} products, create concurrency ${concurrency}, ${warmup} warm-up + ${requests} measured requests per list query, ANALYZE after load: ${analyze}${trgm ? ', EXPERIMENT: pg_trgm index on PostgreSQL' : ''}`);

  const started = process.hrtime.bigint();
  const catalog = generateCatalog(products);
  const reports: BackendReport[] = [];
  const skipped: string[] = [];
  for (const backend of backends) {
    if (await postgresSkipped(backend)) {
      skipped.push('postgres');
      continue;
    }
    const report = await runBackend(backend, catalog, { concurrency, warmup, requests, analyze, explain: doExplain, trgm });
    reports.push(report);
    log(`  ${backend} done in ${report.seconds.toFixed(1)} s`);
  }

  log('\n# Results');
  for (const r of reports) printReport(r, requests);

  const pg = reports.find((r) => r.backend === 'postgres');
  log('\n# Target: filtered list page p95 < 25 ms on PostgreSQL with 10,000 products');
  if (!pg) {
    log(`  NOT MEASURED: PostgreSQL ${skipped.includes('postgres') ? 'was unreachable' : 'was not selected'}.`);
  } else {
    const filtered = pg.cases.filter((c) => c.filtered);
    const worst = filtered.reduce((a, b) => (b.latency.p95 > a.latency.p95 ? b : a));
    const failing = filtered.filter((c) => c.latency.p95 >= TARGET_P95_MS);
    const verdict = failing.length === 0 ? 'PASS' : 'FAIL';
    const scale = products === 10_000 ? '' : ` (measured with ${products} products, not 10,000)`;
    log(`  ${verdict}${scale}: worst filtered p95 is ${ms(worst.latency.p95)} ms (${worst.label})`);
    for (const c of filtered) log(`    ${c.latency.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL'}  ${c.label.padEnd(18)} p95 ${ms(c.latency.p95)} ms`);
  }
  log(`\nLoad average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(`Whole benchmark: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
}

main().then(
  // Open handles (pools, timers in dependencies) must not keep a finished benchmark alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error('\nbench:catalog failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
