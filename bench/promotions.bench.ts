/**
 * `npm run bench:promotions`: how fast a promotion moves once people have decided.
 *
 *   (1) from the final approval (the HTTP call) to the orchestrator being asked to start the run;
 *   (2) from the orchestrator's run completing to the promotion being `succeeded`,
 *       with push (the orchestrator's OpenLineage COMPLETE event reaches Gatehouse, as Airflow's
 *       provider sends it) and with polling only (GATEHOUSE_PROMOTION_POLL_MS).
 *
 * The orchestrator is an in-process stand-in that records when it was asked to trigger, so the
 * figures are Gatehouse's own latency, not Airflow's scheduling delay. Figures only; never fails.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrchestratorPort, RunDetail, RunTarget, TriggerRequest } from '../adapters/core/orchestrator.port';
import { projectRoot } from '../src/database/project-paths';
import { BackendName, BENCH_TOKEN, HttpClient, latencyStats, log, ms, Options, startBenchApp, table } from './support';

const NS = 'airflow-staging';
const GATES = `apiVersion: gatehouse/v1
kind: PromotionGates
environments:
  staging:
    checks: [ownerDeclared, approvals]
    approvals: { required: 1, fromRoles: [approver], piiRequiresSteward: false }
`;

/** Records when each run was asked for; runs finish when told. */
class StandInOrchestrator implements OrchestratorPort {
  readonly kind = 'airflow' as const;
  readonly triggeredAt = new Map<string, number>();
  private readonly runs = new Map<string, RunDetail>();
  async health() {
    return { kind: this.kind, healthy: true, version: 'bench', details: {} };
  }
  async discover() {
    return [];
  }
  async trigger(request: TriggerRequest): Promise<RunDetail> {
    if (!this.triggeredAt.has(request.runId)) this.triggeredAt.set(request.runId, performance.now());
    const run = this.runs.get(request.runId) ?? { runId: request.runId, target: request.target, status: 'running', nativeStatus: 'running', startedAt: new Date().toISOString(), endedAt: null, steps: [] };
    this.runs.set(request.runId, run);
    return run;
  }
  async getRun(_target: RunTarget, runId: string): Promise<RunDetail> {
    return this.runs.get(runId)!;
  }
  complete(runId: string): void {
    const run = this.runs.get(runId)!;
    this.runs.set(runId, { ...run, status: 'succeeded', nativeStatus: 'success', endedAt: new Date().toISOString() });
  }
  async cancel(target: RunTarget, runId: string) {
    return this.getRun(target, runId);
  }
  async recentProductions() {
    return [];
  }
}

/** The DAG run's COMPLETE event as Airflow's OpenLineage provider sends it (its run_id is Gatehouse's run id). */
function dagComplete(runId: string): object {
  const facet = { _producer: 'https://github.com/apache/airflow/tree/providers-openlineage/2.20.1', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/Facet.json' };
  return {
    eventType: 'COMPLETE',
    eventTime: new Date().toISOString(),
    producer: facet._producer,
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: randomUUID(), facets: { airflowDagRun: { ...facet, dagRun: { run_id: runId } } } },
    job: { namespace: NS, name: 'orders_daily' },
    inputs: [],
    outputs: [],
  };
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function measure(backend: BackendName, mode: 'push' | 'polling', n: number, pollMs: number) {
  const policyDir = mkdtempSync(join(tmpdir(), 'gh-bench-policies-'));
  copyFileSync(join(projectRoot(), 'policies', 'roles.yaml'), join(policyDir, 'roles.yaml'));
  writeFileSync(join(policyDir, 'promotion-gates.yaml'), GATES);
  const orchestrator = new StandInOrchestrator();
  const bench = await startBenchApp(
    backend,
    {
      policyDir,
      promotionPollMs: pollMs,
      orchestrators: [
        { kind: 'airflow', name: 'airflow-dev', environment: 'dev', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'p' } },
        { kind: 'airflow', name: NS, environment: 'staging', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'p' } },
      ],
    },
    { orchestratorAdapters: () => orchestrator },
  );
  try {
    const admin = new HttpClient(bench.port, BENCH_TOKEN);
    await admin.json('POST', '/api/v1/principals', { id: 'alice', name: 'Alice', kind: 'person', teams: [], roles: ['approver'] }, 201);
    const alice = new HttpClient(bench.port, (await admin.json('POST', '/api/v1/tokens', { principal: 'alice' }, 201)).token as string);
    await admin.json('PUT', '/api/v1/data-products/orders-daily', {
      apiVersion: 'gatehouse/v1',
      kind: 'DataProduct',
      metadata: { name: 'orders-daily', title: 'Daily orders', domain: 'sales', owner: 'team:sales-data' },
      spec: { tier: 1, classification: 'internal', containsPii: false, bindings: [{ orchestrator: NS, dag: 'orders_daily' }] },
    }, 201);
    const toStart: number[] = [];
    const toSucceeded: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = await admin.json('POST', '/api/v1/promotions', { product: 'orders-daily', revision: 1, from: 'dev', to: 'staging', reason: `bench ${i}` }, 201);
      const approvedAt = performance.now();
      await alice.json('POST', `/api/v1/promotions/${p.id}/approvals`, { decision: 'approve' }, 201);
      const runId = await waitFor(async () => ((await admin.json('GET', `/api/v1/promotions/${p.id}`)).runId as string | null) ?? undefined);
      const started = await waitFor(() => orchestrator.triggeredAt.get(runId));
      toStart.push(started - approvedAt);
      orchestrator.complete(runId);
      const completedAt = performance.now();
      if (mode === 'push') await admin.json('POST', '/api/v1/lineage', dagComplete(runId), 200);
      await waitFor(async () => ((await admin.json('GET', `/api/v1/promotions/${p.id}`)).state === 'succeeded' ? true : undefined));
      toSucceeded.push(performance.now() - completedAt);
    }
    return { toStart: latencyStats(toStart), toSucceeded: latencyStats(toSucceeded) };
  } finally {
    await bench.close();
    rmSync(policyDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const opts = new Options();
  const n = opts.int('promotions', 20, 2);
  const pollMs = opts.int('poll-ms', 5000, 100);
  const rows: (string | number)[][] = [];
  for (const backend of opts.backends()) {
    for (const mode of ['push', 'polling'] as const) {
      log(`${backend}, ${mode}: ${n} promotions…`);
      const r = await measure(backend, mode, n, pollMs);
      rows.push([backend, mode, ms(r.toStart.p50), ms(r.toStart.p95), ms(r.toSucceeded.p50), ms(r.toSucceeded.p95), ms(r.toSucceeded.max)]);
    }
  }
  log(`\nLatency in ms (${n} promotions each; GATEHOUSE_PROMOTION_POLL_MS=${pollMs}; target: under 1000 ms with push)\n`);
  log(table(['backend', 'run end arrives by', 'approval→run start p50', 'p95', 'run end→succeeded p50', 'p95', 'max'], rows, [false, false, true, true, true, true, true]));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
