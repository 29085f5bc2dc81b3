/**
 * `npm run bench:policy`: (1) the latency of one policy decision in process, for the kinds of
 * question the service asks (type check, record check, field check, list filter construction);
 * (2) the cost of a permission-filtered list page over HTTP with 10,000 products, for a principal
 * whose read rules have conditions, next to the same page for an administrator (no filter).
 * Prints figures; never fails on them.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Principal } from '../src/auth/principal';
import { projectRoot } from '../src/database/project-paths';
import { compileAbility } from '../src/policy/ability.factory';
import { accessibleBy } from '../src/policy/casl';
import { decide } from '../src/policy/decision';
import { loadPolicySet } from '../src/policy/policy-loader';
import { randomUUID } from 'node:crypto';
import { PrismaService } from '../src/database/prisma.service';
import { manifestDigest } from '../src/catalog/manifest/digest';
import { productColumns } from '../src/catalog/manifest/product-columns';
import { BACKENDS, BackendName, HttpClient, latencyStats, log, ms, Options, postgresReachable, databaseUrl, startBenchApp, table } from './support';

const PRINCIPALS: Principal[] = [
  { id: 'sam@example.com', name: 'Sam', kind: 'person', roles: [], teams: ['sales-data', 'finance'] },
  { id: 'ana@example.com', name: 'Ana', kind: 'person', roles: ['steward'], teams: [] },
  { id: 'eve@example.com', name: 'Eve', kind: 'person', roles: ['editor', 'viewer'], teams: ['marketing'] },
];
const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'];

function product(i: number): Record<string, unknown> {
  return {
    name: `product-${i}`,
    owner: `team:${['sales-data', 'marketing', 'platform'][i % 3]}`,
    classification: CLASSIFICATIONS[i % 4],
    stewards: i % 5 === 0 ? ['ana@example.com'] : [],
    tier: (i % 4) + 1,
    domain: 'sales',
    tags: [],
    containsPii: i % 2 === 0,
  };
}

async function decisions(iterations: number): Promise<void> {
  const policy = await loadPolicySet(join(projectRoot(), 'policies'), ['dev', 'staging', 'prod']);
  const compiled = PRINCIPALS.map((p) => compileAbility(policy, p));
  const records = Array.from({ length: 1000 }, (_, i) => product(i));
  const cases: [string, (i: number) => unknown][] = [
    ['type check (guard): read DataProduct', (i) => decide(compiled[i % 3], policy.version, 'read', 'DataProduct')],
    ['record check: read this product', (i) => decide(compiled[i % 3], policy.version, 'read', 'DataProduct', records[i % 1000])],
    ['field check: update product.classification', (i) => decide(compiled[i % 3], policy.version, 'update', 'DataProduct', records[i % 1000], 'classification')],
    ['list filter: accessibleBy(read).DataProduct', (i) => accessibleBy(compiled[i % 3].ability, 'read').ofType('DataProduct' as never)],
    ['compile ability (cache miss)', (i) => compileAbility(policy, PRINCIPALS[i % 3])],
  ];
  const rows: string[][] = [];
  for (const [label, run] of cases) {
    const n = label.startsWith('compile') ? Math.max(1000, iterations / 20) : iterations;
    for (let i = 0; i < Math.min(5000, n); i++) run(i); // warm-up (JIT)
    const samples = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      run(i);
      samples[i] = performance.now() - start;
    }
    const s = latencyStats(samples);
    rows.push([label, String(n), `${(s.p50 * 1000).toFixed(1)} µs`, `${(s.p99 * 1000).toFixed(1)} µs`, `${ms(s.max)} ms`]);
  }
  log('\n(1) One policy decision, in process (shipped policies, 3 principals, 1,000 products)\n');
  log(table(['decision', 'n', 'p50', 'p99', 'max'], rows, [false, true, true, true, true]));
  const worst = Math.max(...rows.slice(0, 3).map((r) => Number.parseFloat(r[3])));
  log(`\ntarget: p99 of one decision under 1 ms in process — ${worst < 1000 ? 'PASS' : 'MISS'} (worst p99 ${worst.toFixed(1)} µs)`);
}

/** A generated catalog: 50 teams, all four classifications, a steward on every tenth product. */
function manifestFor(i: number) {
  const name = `bench-${String(i).padStart(6, '0')}`;
  return {
    apiVersion: 'gatehouse/v1' as const,
    kind: 'DataProduct' as const,
    metadata: { name, title: `Product ${i}`, domain: `domain-${i % 10}`, owner: `team:team-${i % 50}`, stewards: i % 10 === 0 ? ['ana@example.com'] : [], tags: [`tag-${i % 20}`] },
    spec: { description: `Generated product ${i}`, tier: (i % 4) + 1, classification: CLASSIFICATIONS[i % 4] as 'public', containsPii: i % 3 === 0, outputs: [], bindings: [] },
  };
}

/** Loads products straight into the table (the figure of interest is the list, not creation). */
async function seed(prisma: PrismaService, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const manifest = manifestFor(start + k);
      const digest = manifestDigest(manifest);
      return { id: randomUUID(), manifest, digest, columns: productColumns(manifest) };
    });
    await prisma.dataProduct.createMany({
      data: rows.map((r) => ({ id: r.id, ...r.columns, searchText: r.columns.name, revision: 1, digest: r.digest, manifest: r.manifest, createdBy: 'bench' })),
    });
    await prisma.dataProductRevision.createMany({ data: rows.map((r) => ({ productId: r.id, number: 1, digest: r.digest, manifest: r.manifest, author: 'bench' })) });
  }
  await prisma.$executeRawUnsafe('ANALYZE data_product');
}

async function filteredLists(backend: BackendName, products: number, requests: number): Promise<string[][]> {
  const bench = await startBenchApp(backend);
  try {
    await seed(bench.app.get(PrismaService), products);
    const admin = new HttpClient(bench.port);
    // A person in five teams with no roles: reads public and internal products, its teams' and
    // those it stewards — an OR of three policy conditions added to every list query.
    await admin.json('POST', '/api/v1/principals', { id: 'ana@example.com', name: 'Ana', kind: 'person', teams: ['team-1', 'team-2', 'team-3', 'team-4', 'team-5'] }, 201);
    const issued = await admin.json<{ token: string }>('POST', '/api/v1/tokens', { principal: 'ana@example.com' }, 201);
    const member = new HttpClient(bench.port, issued.token);
    const cases: [string, HttpClient, string][] = [
      ['admin (no policy filter), first page', admin, '/api/v1/data-products?limit=50'],
      ['member (policy-filtered), first page', member, '/api/v1/data-products?limit=50'],
      ['member, filtered by owner', member, '/api/v1/data-products?limit=50&owner=team:team-3'],
      ['member, filtered by classification=restricted', member, '/api/v1/data-products?limit=50&classification=restricted'],
      ['member, tag with no readable product (scans it)', member, '/api/v1/data-products?limit=50&tag=tag-7'],
    ];
    const rows: string[][] = [];
    for (const [label, client, path] of cases) {
      for (let i = 0; i < 30; i++) await client.json('GET', path);
      const samples: number[] = [];
      let count = 0;
      for (let i = 0; i < requests; i++) {
        const res = await client.request('GET', path);
        samples.push(res.ms);
        count = JSON.parse(res.body).items.length;
      }
      const s = latencyStats(samples);
      rows.push([backend, label, String(count), ms(s.p50), ms(s.p95), ms(s.p99)]);
    }
    admin.close();
    member.close();
    return rows;
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  const opts = new Options();
  await decisions(opts.int('iterations', 200_000, 1000));

  const products = opts.int('products', 10_000, 100);
  const requests = opts.int('requests', 300, 10);
  const backends = opts.string('backends', BACKENDS.join(',')).split(',') as BackendName[];
  const rows: string[][] = [];
  for (const backend of backends) {
    if (backend === 'postgres') {
      const reachable = await postgresReachable(databaseUrl());
      if (!reachable.ok) {
        log(`\nPostgreSQL skipped: ${reachable.reason}`);
        continue;
      }
    }
    rows.push(...(await filteredLists(backend, products, requests)));
  }
  log(`\n(2) A list page (50 items) over HTTP with ${products.toLocaleString('en')} products, ${requests} sequential requests each (ms)\n`);
  log(table(['backend', 'request', 'items', 'p50', 'p95', 'p99'], rows, [false, false, true, true, true, true]));
  const pg = rows.filter((r) => r[0] === 'postgres' && r[1].startsWith('member'));
  if (pg.length) {
    const worst = Math.max(...pg.map((r) => Number(r[4])));
    log(`\ntarget: a permission-filtered list page under 25 ms on PostgreSQL (p95) — ${worst < 25 ? 'PASS' : 'MISS'} (worst p95 ${worst} ms)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
