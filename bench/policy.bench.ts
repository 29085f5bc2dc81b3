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
import { latencyStats, log, ms, Options, table } from './support';

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

async function main(): Promise<void> {
  const opts = new Options();
  await decisions(opts.int('iterations', 200_000, 1000));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
