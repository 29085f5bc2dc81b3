import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { dagRunBody, fakeAirflow3, FakeAirflow3 } from '../../adapters/airflow/testing/fake-airflow3';
import { startStub, Stub } from '../../adapters/airflow/testing/stub-server';
import { deferred, GatehouseProcess, gatehouseBuilt, startGatehouseProcess, tail } from '../support/gatehouse-process';
import { manifest } from '../support/manifests';
import { policyFolder } from '../support/policy-folder';
import { eventually } from '../support/webhook-receiver';

/**
 * Crash safety of promotion execution, on the real built process (`dist/src/main.js`) and real
 * HTTP to fake Airflow 3 api-servers: the process is SIGKILLed while two promotions are
 * `executing` with their trigger in flight, in two timings —
 *
 *   A: the POST dagRuns reached Airflow but the run is not created yet (Airflow stalls before
 *      committing; the stalled request even lands later, after the restart, as a "ghost");
 *   B: Airflow created the run but its answer never reached Gatehouse (it stalls after committing).
 *
 * Restarted on the same data (the embedded database in GATEHOUSE_DATA_DIR, or a PostgreSQL schema
 * when DATABASE_URL is set), Gatehouse must finish both: the same run id asked again, exactly one
 * Airflow run per promotion, the environment on the new revision.
 *
 * On the embedded database a restarted process releases its dead predecessor's leases at start-up.
 * On PostgreSQL (several instances may share it) the dead process's lease runs out after
 * PromotionExecutor's LEASE_MS; while it is down the test moves `lease_until` into the past so the
 * test stays short; GATEHOUSE_TEST_REAL_LEASE=1 waits for the real expiry instead.
 */
const describeBuilt = gatehouseBuilt() ? describe : describe.skip;
const REAL_LEASE = process.env.GATEHOUSE_TEST_REAL_LEASE === '1';
const ADMIN = 'crash-test-admin-token-0123456789';
const DAG = 'orders_daily';
const GATES = `
apiVersion: gatehouse/v1
kind: PromotionGates
environments:
  dev:
    checks: [ownerDeclared]
  staging:
    checks: [ownerDeclared, approvals]
    approvals: { required: 1, fromRoles: [approver], piiRequiresSteward: false, expireAfter: P1D }
`;
const POST_DAG_RUNS = `/api/v2/dags/${DAG}/dagRuns`;
const BINDINGS = [
  { orchestrator: 'airflow-dev', dag: DAG },
  { orchestrator: 'airflow-staging', dag: DAG },
];

interface Sql {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}

describeBuilt(`promotions survive a crash of the gatehouse process (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded database'})`, () => {
  const pgUrl = process.env.DATABASE_URL;
  const schema = `gh_test_crash_${randomBytes(5).toString('hex')}`;
  let work: string;
  let policies: ReturnType<typeof policyFolder> | undefined;
  let env: Record<string, string>;
  const stubs: Stub[] = [];
  const processes: GatehouseProcess[] = [];
  let gatehouse: GatehouseProcess;
  let staging: FakeAirflow3;
  let aliceToken: string;

  // --- what the staging Airflow is told to do, and what it saw
  /** The promotion whose first POST dagRuns stalls BEFORE the run is created (timing A). */
  let holdBeforeCreate: string | null = null;
  const heldArrived = deferred<string>();
  const releaseHeld = deferred();
  /**
   * The promotion whose first POST dagRuns creates its run but gets its answer held until
   * `releaseStalled` (timing B). Like the fake's postDelayMs, but without a timer outliving the test.
   */
  let stallAfterCreate: string | null = null;
  const stalledAfterCreate = deferred<string>();
  const releaseStalled = deferred();
  /** Every POST dagRuns: the dag_run_id and the promotion named in its note (`gatehouse/promotion=…`). */
  const posted: { runId: string; promotion: string | null }[] = [];

  const start = async () => {
    const p = await startGatehouseProcess(env, { token: ADMIN, timeoutMs: 30_000 });
    processes.push(p);
    return p;
  };
  const fail = (message: string) => new Error(`${message}\n--- gatehouse output ---\n${tail(gatehouse?.output() ?? '')}`);
  const waitUntil = async <T>(what: string, probe: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs: number) => {
    try {
      return await eventually(probe, ok, timeoutMs);
    } catch (error) {
      throw fail(`${what}: ${(error as Error).message}`);
    }
  };
  const within = async <T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(fail(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs)))]);
    } finally {
      clearTimeout(timer);
    }
  };
  const get = async (id: string) => (await gatehouse.request('GET', `/api/v1/promotions/${id}`)).body;
  const deployed = async (product: string) => (await gatehouse.request('GET', `/api/v1/data-products/${product}`)).body.environments?.find((e: { environment: string }) => e.environment === 'staging');
  const requestPromotion = async (product: string, revision: number) => {
    const r = await gatehouse.request('POST', '/api/v1/promotions', { body: { product, revision, from: 'dev', to: 'staging', reason: `release ${product} r${revision}` } });
    if (r.status !== 201) throw fail(`promotion request answered ${r.status}: ${r.text}`);
    expect(r.body.state).toBe('awaiting_approval');
    return r.body.id as string;
  };
  const approve = async (id: string) => {
    const r = await gatehouse.request('POST', `/api/v1/promotions/${id}/approvals`, { body: { decision: 'approve', comment: 'ok' }, token: aliceToken });
    if (r.status !== 200 && r.status !== 201) throw fail(`approval answered ${r.status}: ${r.text}`);
    expect(r.body.state).toMatch(/^(approved|executing)$/);
  };
  const succeedRun = (runId: string) => {
    const run = staging.runs.get(runId)!;
    Object.assign(run, dagRunBody(DAG, runId, 'success', { conf: run.conf, note: run.note }));
  };
  const runIdsPostedFor = (promotion: string) => new Set(posted.filter((p) => p.promotion === promotion).map((p) => p.runId));
  const openDatabase = async (): Promise<Sql> => {
    if (pgUrl) {
      const client = new Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`SET search_path TO "${schema}"`);
      return { query: async (text, params) => client.query(text, params as unknown[]) as never, close: () => client.end() };
    }
    const db = await PGlite.create(env.GATEHOUSE_DATA_DIR); // the process is dead: nobody else has the data dir open
    return { query: (text, params) => db.query(text, params as unknown[]) as never, close: () => db.close() };
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gh-crash-'));
    policies = policyFolder(GATES);
    const dataDir = join(work, 'data');
    const orchestratorsFile = join(work, 'orchestrators.yaml');

    const dev = fakeAirflow3({ dagId: DAG });
    staging = fakeAirflow3({
      dagId: DAG,
      override: async (req, res) => {
        if (req.method !== 'POST' || req.path !== POST_DAG_RUNS) return false;
        const runId = String(req.body?.dag_run_id);
        const promotion = /gatehouse\/promotion=([0-9a-f-]{36})/.exec(String(req.body?.note ?? ''))?.[1] ?? null;
        posted.push({ runId, promotion });
        if (promotion && promotion === stallAfterCreate) {
          // timing B: the fake creates the run as usual, but its answer is held back (the socket stays open)
          stallAfterCreate = null;
          const writeHead = res.writeHead.bind(res);
          const end = res.end.bind(res);
          res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
            stalledAfterCreate.resolve(runId); // the fake answers only after it stored the run
            void releaseStalled.promise.then(() => writeHead(...args));
            return res;
          }) as typeof res.writeHead;
          res.end = ((...args: unknown[]) => {
            void releaseStalled.promise.then(() => (end as (...a: unknown[]) => void)(...args));
            return res;
          }) as typeof res.end;
          return false;
        }
        if (promotion && promotion === holdBeforeCreate) {
          holdBeforeCreate = null; // only the first POST for it
          heldArrived.resolve(runId);
          await releaseHeld.promise; // then it goes on to the fake, which creates the run (or answers 409)
        }
        return false;
      },
    });
    const [devStub, stagingStub] = [await startStub(dev.handler), await startStub(staging.handler)];
    stubs.push(devStub, stagingStub);
    // timeoutMs 30 s: the held calls must not time out (and be retried by the adapter) before the process is killed
    const instance = (name: string, environment: string, url: string) =>
      `  - name: ${name}\n    kind: airflow\n    baseUrl: ${url}\n    environment: ${environment}\n    apiVersion: v2\n    timeoutMs: 30000\n` +
      `    credentials: { username: { env: AIRFLOW_USERNAME }, password: { env: AIRFLOW_PASSWORD } }\n`;
    writeFileSync(orchestratorsFile, `orchestrators:\n${instance('airflow-dev', 'dev', devStub.url)}${instance('airflow-staging', 'staging', stagingStub.url)}`);

    env = {
      HOST: '127.0.0.1',
      GATEHOUSE_DATA_DIR: dataDir,
      GATEHOUSE_ADMIN_TOKEN: ADMIN,
      GATEHOUSE_ENVIRONMENTS: 'dev,staging',
      GATEHOUSE_POLICY_DIR: policies.dir,
      GATEHOUSE_ORCHESTRATORS: orchestratorsFile,
      AIRFLOW_USERNAME: 'admin',
      AIRFLOW_PASSWORD: 'admin',
      GATEHOUSE_PROMOTION_POLL_MS: '200',
      GATEHOUSE_SLA_INTERVAL_MS: '0',
      GATEHOUSE_LINEAGE_POLL_MS: '0',
      GATEHOUSE_LOG_LEVEL: 'info',
    };
    if (pgUrl) {
      const url = new URL(pgUrl);
      url.searchParams.set('schema', schema);
      env.DATABASE_URL = url.toString();
    }

    gatehouse = await start();
    const principal = await gatehouse.request('POST', '/api/v1/principals', { body: { id: 'alice', name: 'Alice', kind: 'person', teams: [], roles: ['approver'] } });
    if (principal.status !== 201) throw fail(`creating alice answered ${principal.status}: ${principal.text}`);
    aliceToken = (await gatehouse.request('POST', '/api/v1/tokens', { body: { principal: 'alice' } })).body.token;
    for (const product of ['orders-daily', 'customers-daily']) {
      const put = await gatehouse.request('PUT', `/api/v1/data-products/${product}`, { body: manifest(product, { spec: { bindings: BINDINGS } }) });
      if (put.status !== 201) throw fail(`creating ${product} answered ${put.status}: ${put.text}`);
    }
  }, 60_000);

  afterAll(async () => {
    releaseHeld.resolve();
    releaseStalled.resolve();
    for (const p of processes) await p.stop('SIGKILL', 5_000).catch(() => undefined);
    for (const s of stubs) await s.close();
    if (work) rmSync(work, { recursive: true, force: true });
    policies?.remove();
    if (pgUrl) {
      const client = new Client({ connectionString: pgUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    }
  }, 30_000);

  let first: string;
  it('deploys revision 1 of orders-daily to staging normally (the baseline the crash must advance from)', async () => {
    first = await requestPromotion('orders-daily', 1);
    await approve(first);
    const executing = await waitUntil('the first promotion runs', () => get(first), (p) => p.state === 'executing' && staging.created.has(p.runId), 10_000);
    succeedRun(executing.runId);
    await waitUntil('the first promotion succeeds', () => get(first), (p) => p.state === 'succeeded', 10_000);
    expect(await deployed('orders-daily')).toMatchObject({ revision: 1, status: 'deployed' });
    // revision 2, to be promoted through the crash
    const v2 = await gatehouse.request('PUT', '/api/v1/data-products/orders-daily', { body: manifest('orders-daily', { metadata: { title: 'Daily orders v2' }, spec: { bindings: BINDINGS } }) });
    expect(v2.status).toBe(200);
  }, 30_000);

  let a: string; // orders-daily r2: killed before Airflow created the run
  let b: string; // customers-daily r1: killed after Airflow created the run, before its answer arrived
  const runIds: Record<string, string> = {};
  /** When the dead process's lease ends (GATEHOUSE_TEST_REAL_LEASE=1 only). */
  let leaseEnds = 0;

  it('is killed (SIGKILL) while two promotions are executing with their POST dagRuns in flight', async () => {
    a = await requestPromotion('orders-daily', 2);
    b = await requestPromotion('customers-daily', 1);
    holdBeforeCreate = a;
    await approve(a);
    const heldRunId = await within(heldArrived.promise, 10_000, 'the POST dagRuns of promotion A arrives');
    stallAfterCreate = b;
    await approve(b);
    const stalledRunId = await within(stalledAfterCreate.promise, 10_000, 'the run of promotion B is created');

    // both executing, run ids fixed; A's run not on Airflow yet, B's created there
    const [pa, pb] = [await get(a), await get(b)];
    expect(pa).toMatchObject({ state: 'executing', orchestrator: 'airflow-staging', runId: heldRunId });
    expect(pb).toMatchObject({ state: 'executing', orchestrator: 'airflow-staging', runId: stalledRunId });
    runIds[a] = pa.runId;
    runIds[b] = pb.runId;
    expect(staging.created.has(runIds[a])).toBe(false);
    expect(staging.created.get(runIds[b])).toBe(1);
    expect(await deployed('orders-daily')).toMatchObject({ revision: 1, status: 'deploying' });

    const exit = await gatehouse.stop('SIGKILL', 5_000);
    expect(exit.signal).toBe('SIGKILL');
    releaseStalled.resolve(); // B's answer goes to a dead socket

    // what the dead process left behind: executing, run ids stored, never marked triggered, still leased
    const sql = await openDatabase();
    try {
      const { rows } = await sql.query<{ id: string; state: string; run_id: string; triggered: boolean; lease_owner: string | null; leased: boolean; lease_until: Date }>(
        `SELECT id::text AS id, state, run_id::text AS run_id, triggered_at IS NOT NULL AS triggered, lease_owner, lease_until > now() AS leased, lease_until
           FROM promotion WHERE id IN ($1::uuid, $2::uuid) ORDER BY id`,
        [a, b],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toMatchObject({ state: 'executing', run_id: runIds[row.id], triggered: false, lease_owner: expect.stringMatching(/^gatehouse-/), leased: true });
      }
      // the run is recorded before the orchestrator is called: a crash leaves a visible run, not an unknown one
      const recorded = await sql.query<{ id: string }>(`SELECT id FROM orchestrator_run WHERE id IN ($1, $2)`, [runIds[a], runIds[b]]);
      expect(recorded.rows.map((r) => r.id).sort()).toEqual([runIds[a], runIds[b]].sort());
      if (!REAL_LEASE) {
        // the crashed owner's lease runs out (60 s) while it is down: move it into the past instead of waiting
        await sql.query(`UPDATE promotion SET lease_until = now() - interval '1 second' WHERE id IN ($1::uuid, $2::uuid)`, [a, b]);
      } else {
        leaseEnds = Math.max(...rows.map((r) => new Date(r.lease_until).getTime()));
      }
    } finally {
      await sql.close();
    }
  }, 40_000);

  it(
    'restarts on the same data and completes both with one Airflow run each, under the same run ids',
    async () => {
      gatehouse = await start();
      const resumeWithin = REAL_LEASE ? Math.max(0, leaseEnds - Date.now()) + 20_000 : 15_000;

      // the restarted process asks Airflow again under the stored run ids: A's run is created now, B's exists (409)
      await waitUntil('A is triggered again after the restart', () => staging.created.get(runIds[a]) ?? 0, (n) => n === 1, resumeWithin);
      await waitUntil('B is asked for again after the restart', () => staging.posts.get(runIds[b]) ?? 0, (n) => n >= 2, resumeWithin);
      // the dead process's stalled request for A lands now, after the run exists: Airflow answers it 409
      releaseHeld.resolve();
      await waitUntil("the dead process's request for A reaches Airflow", () => staging.posts.get(runIds[a]) ?? 0, (n) => n >= 2, 5_000);
      expect(staging.created.get(runIds[a])).toBe(1);

      // both runs succeed on Airflow; Gatehouse follows them (polling) to the end
      succeedRun(runIds[a]);
      succeedRun(runIds[b]);
      const [doneA, doneB] = await Promise.all([a, b].map((id) => waitUntil(`promotion ${id} succeeds`, () => get(id), (p) => ['succeeded', 'failed'].includes(p.state), 15_000)));
      expect(doneA).toMatchObject({ state: 'succeeded', runId: runIds[a], completedAt: expect.any(String) });
      expect(doneB).toMatchObject({ state: 'succeeded', runId: runIds[b], completedAt: expect.any(String) });

      // exactly one Airflow run per promotion run id, and each promotion only ever asked for its one run id
      for (const id of [first, a, b]) expect([...runIdsPostedFor(id)]).toEqual([(await get(id)).runId]);
      expect([...staging.created.values()]).toEqual([1, 1, 1]);
      expect(staging.runs.size).toBe(3);
      expect(staging.created.get(runIds[b])).toBe(1);
      expect(staging.posts.get(runIds[b])).toBeGreaterThanOrEqual(2); // the first answer was lost with the process

      // the environments advanced
      expect(await deployed('orders-daily')).toMatchObject({ revision: 2, status: 'deployed', lastGoodRevision: 2 });
      expect(await deployed('customers-daily')).toMatchObject({ revision: 1, status: 'deployed', lastGoodRevision: 1 });
      for (const id of [a, b]) {
        const run = (await gatehouse.request('GET', `/api/v1/runs/${runIds[id]}`)).body;
        expect(run).toMatchObject({ id: runIds[id], status: 'succeeded', environment: 'staging', orchestrator: 'airflow-staging' });
        const actions = (await gatehouse.request('GET', `/api/v1/audit?subjectId=${id}&limit=200`)).body.items.map((e: { action: string }) => e.action);
        expect(actions.filter((x: string) => x === 'promotion.execute')).toHaveLength(1);
        expect(actions.filter((x: string) => x === 'promotion.succeed')).toHaveLength(1);
        expect(actions).not.toContain('promotion.fail');
      }
      expect((await gatehouse.request('GET', '/api/v1/audit/verify')).body).toMatchObject({ valid: true });

      const exit = await gatehouse.stop('SIGTERM', 10_000);
      expect(exit.code).toBe(0);
    },
    REAL_LEASE ? 120_000 : 45_000,
  );
});
