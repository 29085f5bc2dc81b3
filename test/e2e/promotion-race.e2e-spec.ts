import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import type { OrchestratorPort, RunDetail, RunTarget, TriggerRequest } from '../../adapters/core/orchestrator.port';
import { OrchestratorError } from '../../adapters/core/orchestrator-error';
import { createApp } from '../../src/app.factory';
import type { OrchestratorInstance } from '../../src/orchestrators/orchestrators-file';
import { PromotionExecutor } from '../../src/promotions/promotion-executor';
import { PromotionsService } from '../../src/promotions/promotions.service';
import { manifest } from '../support/manifests';
import { policyFolder } from '../support/policy-folder';
import { freshDatabase, onPostgres, send, TestDatabase, testConfig, TestResponse, RequestOptions } from '../support/test-app';

/**
 * Two Gatehouse instances in one process on ONE PostgreSQL schema, each with its own promotion
 * executor, racing for the same 50 approved promotions (their timers, their push kicks, and the
 * test calling `runDue()` on both in tight concurrent loops; half the promotions are approved with
 * the pushes detached, so that only the database leases decide who executes them). They share one orchestrator that —
 * like Airflow's unique dag_run_id — starts a run only once per run id, and counts every trigger
 * call (per run id and per instance) as well as the runs it really started.
 *
 * The embedded database is single-process by design (one PGlite per data directory), so without
 * DATABASE_URL the suite is reported as skipped.
 */
const PROMOTIONS = 50;
const GATES = `
apiVersion: gatehouse/v1
kind: PromotionGates
environments:
  dev:
    checks: [ownerDeclared]
  staging:
    checks: [ownerDeclared]
  prod:
    checks: [ownerDeclared, approvals]
    approvals: { required: 1, fromRoles: [approver], expireAfter: P1D }
`;

/** The one orchestrator both instances drive (as two Gatehouse replicas drive one Airflow). */
class SharedOrchestrator {
  /** Every trigger call: run id → the instances that made it, in order. */
  readonly calls = new Map<string, string[]>();
  /** Runs really started, per run id (must be 1 each). */
  readonly started = new Map<string, number>();
  /** Reads of a run (the executors following it), per instance. */
  readonly reads = new Map<string, number>();
  /** Run id → the instances that read it once it had ended (one of them finished the promotion). */
  readonly sawEnd = new Map<string, Set<string>>();
  private readonly runs = new Map<string, RunDetail>();
  private readonly timers = new Set<NodeJS.Timeout>();

  portFor(instance: string): OrchestratorPort {
    const port: OrchestratorPort = {
      kind: 'airflow',
      health: async () => ({ kind: 'airflow', healthy: true, version: 'shared-fake', details: {} }),
      discover: async () => [],
      trigger: (request) => this.trigger(instance, request),
      getRun: async (_target: RunTarget, runId: string) => {
        const run = this.runs.get(runId);
        if (!run) throw new OrchestratorError('not_found', `run ${runId} not found`);
        this.reads.set(instance, (this.reads.get(instance) ?? 0) + 1);
        if (run.status === 'succeeded') this.sawEnd.set(runId, new Set([...(this.sawEnd.get(runId) ?? []), instance]));
        return run;
      },
      cancel: async (_target: RunTarget, runId: string) => this.runs.get(runId)!,
      recentProductions: async () => [],
    };
    return port;
  }

  private async trigger(instance: string, request: TriggerRequest): Promise<RunDetail> {
    this.calls.set(request.runId, [...(this.calls.get(request.runId) ?? []), instance]);
    // a network round trip: widens the window in which two callers could overlap
    await new Promise((r) => setTimeout(r, Math.random() * 15));
    const existing = this.runs.get(request.runId);
    if (existing) return existing; // unique by run id (Airflow answers 409 and the adapter returns the run)
    const run: RunDetail = { runId: request.runId, target: request.target, status: 'queued', nativeStatus: 'queued', startedAt: null, endedAt: null, steps: [] };
    this.runs.set(request.runId, run);
    this.started.set(request.runId, (this.started.get(request.runId) ?? 0) + 1);
    // the run succeeds a little later, on its own
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const now = new Date().toISOString();
      this.runs.set(request.runId, { ...run, status: 'succeeded', nativeStatus: 'success', startedAt: now, endedAt: now });
    }, 20 + Math.random() * 300);
    this.timers.add(timer);
    return run;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }
}

interface Instance {
  name: string;
  app: NestFastifyApplication;
  executor: PromotionExecutor;
  promotions: PromotionsService;
  request(method: string, path: string, init?: RequestOptions): Promise<TestResponse>;
  /** warn/error lines the instance logged (executor passes that failed, conflicts…). */
  warnings: string[];
}

const SKIPPED = 'SKIPPED: needs PostgreSQL (set DATABASE_URL); the embedded database is single-process by design';
const describeOnPostgres = onPostgres() ? describe : describe.skip;
// eslint-disable-next-line no-console
if (!onPostgres()) console.info(`promotion-race.e2e-spec.ts: ${SKIPPED}`); // jest lists no titles of a suite it skips whole

describeOnPostgres(`promotions raced by two Gatehouse instances on one PostgreSQL schema${onPostgres() ? '' : ` — ${SKIPPED}`}`, () => {
  let database: TestDatabase;
  let policies: ReturnType<typeof policyFolder> | undefined;
  const orchestrator = new SharedOrchestrator();
  const instances: Instance[] = [];
  const ids: string[] = [];

  const start = async (name: string, config: ReturnType<typeof testConfig>): Promise<Instance> => {
    const warnings: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        warnings.push(String(chunk).trim());
        done();
      },
    });
    const app = await createApp(config, { logger: pino({ level: 'warn' }, sink), orchestratorAdapters: () => orchestrator.portFor(name) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    return { name, app, executor: app.get(PromotionExecutor), promotions: app.get(PromotionsService), request: (method, path, init) => send(baseUrl, method, path, init), warnings };
  };

  beforeAll(async () => {
    policies = policyFolder(GATES);
    database = await freshDatabase();
    const staging: OrchestratorInstance = { kind: 'airflow', name: 'airflow-staging', environment: 'staging', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, lineageNamespace: 'airflow-staging', credentials: { username: 'u', password: 'p' } };
    const config = testConfig(database.config, { policyDir: policies.dir, orchestrators: [staging], promotionPollMs: 100 });
    // one after the other: the first migrates the shared schema, the second finds it migrated
    instances.push(await start('a', config));
    instances.push(await start('b', config));

    const [a] = instances;
    for (let i = 0; i < PROMOTIONS; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, PROMOTIONS - i) }, async (_, k) => {
          const name = `race-${String(i + k).padStart(2, '0')}`;
          const r = await a.request('PUT', `/api/v1/data-products/${name}`, { body: manifest(name, { spec: { bindings: [{ orchestrator: 'airflow-staging', dag: name.replace(/-/g, '_') }] } }) });
          if (r.status !== 201) throw new Error(`PUT ${name}: ${r.status} ${r.text}`);
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    orchestrator.stop();
    for (const instance of instances) await instance.app.close();
    await database?.drop();
    policies?.remove();
  }, 30_000);

  it(`executes each of ${PROMOTIONS} promotions exactly once while both instances race for them`, async () => {
    // both executors, driven hard: two concurrent runDue() loops each, besides their own 100 ms timers and kicks
    let racing = true;
    const passFailures: string[] = [];
    const loops = instances.flatMap((instance) =>
      [0, 1].map(async () => {
        while (racing) {
          await instance.executor.runDue().catch((error: Error) => passFailures.push(`${instance.name}: ${error.message}`));
          await new Promise((r) => setTimeout(r, Math.random() * 5));
        }
      }),
    );

    try {
      // Requests spread over both instances; no approvals are needed, so each is approved at once. An approval is
      // normally pushed to the local executor at once (a kick), which nearly always wins: the first half is
      // requested with those pushes detached, so both executors' lease claims (SKIP LOCKED) fight for every one;
      // the second half with them, so kicks race the other instance's claims.
      const requestAll = (from: number, to: number) =>
        Promise.all(
          Array.from({ length: to - from }, (_, k) => from + k).map((i) =>
            instances[i % 2].request('POST', '/api/v1/promotions', { body: { product: `race-${String(i).padStart(2, '0')}`, revision: 1, from: 'dev', to: 'staging', reason: `race ${i}` } }),
          ),
        );
      for (const instance of instances) instance.promotions.onApproved(() => undefined);
      const claimedOnly = await requestAll(0, PROMOTIONS / 2);
      for (const instance of instances) instance.promotions.onApproved((id) => instance.executor.kick(id));
      const kicked = await requestAll(PROMOTIONS / 2, PROMOTIONS);
      for (const r of [...claimedOnly, ...kicked]) {
        expect(r.status).toBe(201);
        expect(r.body.state).toMatch(/^(approved|executing|succeeded)$/);
        ids.push(r.body.id);
      }

      const deadline = Date.now() + 40_000;
      let states: Record<string, number> = {};
      for (;;) {
        const list = (await instances[0].request('GET', '/api/v1/promotions?limit=200')).body.items as { id: string; state: string }[];
        const ours = list.filter((p) => ids.includes(p.id));
        states = ours.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.state]: (acc[p.state] ?? 0) + 1 }), {});
        if (ours.length === PROMOTIONS && ours.every((p) => p.state === 'succeeded' || p.state === 'failed')) break;
        if (Date.now() > deadline) {
          throw new Error(`not all promotions finished within 40 s: ${JSON.stringify(states)}; failed passes: ${JSON.stringify(passFailures.slice(0, 5))}; warnings: ${JSON.stringify(instances.flatMap((x) => x.warnings).slice(0, 10))}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      racing = false;
      await Promise.all(loops);
    }

    // every promotion succeeded, each under its own single run id
    const promotions = await Promise.all(ids.map(async (id, i) => (await instances[i % 2].request('GET', `/api/v1/promotions/${id}`)).body));
    expect(promotions.map((p) => p.state)).toEqual(ids.map(() => 'succeeded'));
    const runIds = promotions.map((p) => p.runId as string);
    expect(runIds.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
    expect(new Set(runIds).size).toBe(PROMOTIONS);

    // the orchestrator: exactly the promotions' run ids were asked for, and each run started exactly once
    expect([...orchestrator.calls.keys()].sort()).toEqual([...runIds].sort());
    expect(orchestrator.started.size).toBe(PROMOTIONS);
    expect([...orchestrator.started.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const byInstance = (name: string) => [...orchestrator.calls.values()].filter((callers) => callers.includes(name)).length;
    const endSeenBy = (name: string) => [...orchestrator.sawEnd.values()].filter((seen) => seen.has(name)).length;
    const byBoth = [...orchestrator.calls.entries()].filter(([, callers]) => new Set(callers).size > 1).map(([runId]) => runId);
    const repeated = [...orchestrator.calls.entries()].filter(([, callers]) => callers.length > 1);
    // both instances did take part in the race, in starting runs and in following them to the end
    expect(byInstance('a')).toBeGreaterThan(0);
    expect(byInstance('b')).toBeGreaterThan(0);
    expect(endSeenBy('a')).toBeGreaterThan(0);
    expect(endSeenBy('b')).toBeGreaterThan(0);
    // eslint-disable-next-line no-console
    console.log(
      `trigger calls: ${[...orchestrator.calls.values()].reduce((n, c) => n + c.length, 0)} for ${orchestrator.calls.size} run ids; ` +
        `runs started: ${[...orchestrator.started.values()].reduce((n, c) => n + c, 0)}; run ids triggered by a: ${byInstance('a')}, by b: ${byInstance('b')}, ` +
        `by both: ${byBoth.length}; triggered more than once: ${repeated.length}; run ends seen by a: ${endSeenBy('a')}, by b: ${endSeenBy('b')}; ` +
        `run reads: a ${orchestrator.reads.get('a') ?? 0}, b ${orchestrator.reads.get('b') ?? 0}; failed executor passes: ${passFailures.length}; ` +
        `warnings: a ${instances[0].warnings.length}, b ${instances[1].warnings.length}`,
    );

    // no executor pass failed, and neither executor (nor the run events that push it) complained: under the lease
    // no transition ever met a promotion that the other instance had moved
    expect(passFailures).toEqual([]);
    const complaints = instances.flatMap((x) => x.warnings.filter((line) => /"context":"(Promotions|GatehouseRunEvents)"/.test(line)).map((line) => `${x.name}: ${line}`));
    expect(complaints).toEqual([]);

    // the run history holds exactly those runs, all succeeded
    const runs = (await instances[1].request('GET', '/api/v1/runs?environment=staging&limit=200')).body.items as { id: string; status: string }[];
    expect(runs.map((r) => r.id).sort()).toEqual([...runIds].sort());
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);

    // the audit trail: one execute and one succeed per promotion, nothing failed, and the chain intact
    for (const [i, id] of ids.entries()) {
      const actions = ((await instances[i % 2].request('GET', `/api/v1/audit?subjectId=${id}&limit=200`)).body.items as { action: string }[]).map((e) => e.action);
      const count = (action: string) => actions.filter((x) => x === action).length;
      expect({ id, execute: count('promotion.execute'), succeed: count('promotion.succeed'), fail: count('promotion.fail') }).toEqual({ id, execute: 1, succeed: 1, fail: 0 });
    }
    expect((await instances[0].request('GET', '/api/v1/audit/verify')).body).toMatchObject({ valid: true });

    // every product is deployed on revision 1 in staging
    const deployed = await Promise.all(
      ids.map(async (_, i) => {
        const product = (await instances[i % 2].request('GET', `/api/v1/data-products/race-${String(i).padStart(2, '0')}`)).body;
        return product.environments.find((e: { environment: string }) => e.environment === 'staging');
      }),
    );
    expect(deployed.filter((d) => !(d?.revision === 1 && d?.status === 'deployed'))).toEqual([]);
  }, 60_000);
});
