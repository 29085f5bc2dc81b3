/**
 * The OrchestratorPort contract, run against a REAL orchestrator. Every adapter's orchestrator spec calls
 * `describeOrchestratorContract(name, setup)`; the suite registers jest `describe`/`it` blocks.
 *
 * Semantics the port promises (and these tests check):
 *
 * - health(): `healthy` true and a non-empty `version` when the orchestrator can run work; `kind` = the adapter's kind.
 * - discover(): every target the orchestrator offers, with owners and tags (the subject checks its fixtures).
 * - trigger({target, runId}): starts the target under the CALLER's run id and returns that run id.
 *   Idempotent by runId: triggering an id that already exists starts nothing, raises nothing, and returns the existing
 *   run as the orchestrator has it now (even when it has finished). Concurrent triggers of one id end in one run.
 *   An unknown target is OrchestratorError `not_found`.
 * - getRun(target, runId): the run in Gatehouse's vocabulary; a finished run is `succeeded`/`failed`/`cancelled`, with
 *   its steps (tasks / ops). An unknown run id is `not_found`.
 * - cancel(target, runId): asks a queued or running run to stop and returns the run as now known: `cancelled`, or still
 *   `queued`/`running` while the orchestrator winds it down (it then ends `cancelled`). A run that was already final when
 *   the request arrived is left alone and returned as it is (no error); cancelling a cancelled run is a no-op.
 *   An unknown run id is `not_found`.
 * - recentProductions(target, limit): newest first, at most `limit`; after a successful Gatehouse-triggered run it lists
 *   that run with `runId` = the caller's run id. A run never produces the same asset twice.
 */
import { Discovered, OrchestratorPort, ProductionEvent, RunDetail, RunStatus, RunTarget } from '../core/orchestrator.port';
import { OrchestratorError, OrchestratorErrorCode } from '../core/orchestrator-error';

export interface ContractSubject {
  port: OrchestratorPort;
  /** Finishes `succeeded` within `runTimeoutMs`, and produces something (recentProductions). */
  succeeding: RunTarget;
  /** Finishes `failed` (at least one failed step). */
  failing: RunTarget;
  /** Does not exist on the orchestrator. */
  unknown: RunTarget;
  /** Asserts (with jest `expect`) that the fixtures are among the discovered items, with their owners and tags. */
  expectDiscovered: (items: Discovered[]) => void;
  /** Makes a target runnable before it is triggered (e.g. unpause an Airflow DAG). Called once per target. */
  prepare?: (target: RunTarget) => Promise<void>;
  /** Releases whatever setup acquired (not the orchestrator process itself, if the spec started it). */
  teardown?: () => Promise<void>;
  /** Fresh caller run ids; default `gh-contract-<time>-<random>` (letters, digits, `-`: valid everywhere). */
  newRunId?: () => string;
  /** How long a run may take to finish; default 240 s (runs take seconds to a minute on a small machine). */
  runTimeoutMs?: number;
  /** Poll interval for getRun; default 1 s. */
  pollIntervalMs?: number;
}

export interface ContractOptions {
  /** beforeAll timeout for `setup`; default 10 min. */
  setupTimeoutMs?: number;
}

const FINAL: RunStatus[] = ['succeeded', 'failed', 'cancelled'];
const STATUSES: RunStatus[] = ['queued', 'running', ...FINAL];

export function isFinal(status: RunStatus): boolean {
  return FINAL.includes(status);
}

export function defaultRunId(prefix = 'gh-contract'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Polls getRun until `done` holds (or throws with the last state seen after `timeoutMs`). Transient errors are retried. */
export async function pollRun(
  port: OrchestratorPort,
  target: RunTarget,
  runId: string,
  done: (run: RunDetail) => boolean,
  { timeoutMs = 240_000, intervalMs = 1_000 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<RunDetail> {
  const deadline = Date.now() + timeoutMs;
  let last: RunDetail | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await port.getRun(target, runId);
      lastError = undefined;
      if (done(last)) return last;
    } catch (error) {
      // a run id that is not found is an answer, not a hiccup
      if (error instanceof OrchestratorError && error.code === 'not_found') throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = last ? `${last.status} (${last.nativeStatus}); steps ${JSON.stringify(last.steps)}` : `no answer: ${String(lastError)}`;
      throw new Error(`run ${runId} did not reach the expected state within ${timeoutMs} ms; last seen ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function pollUntilFinal(port: OrchestratorPort, target: RunTarget, runId: string, options?: { timeoutMs?: number; intervalMs?: number }) {
  return pollRun(port, target, runId, (r) => isFinal(r.status), options);
}

/** Resolves to the OrchestratorError a promise rejects with (fails the test if it resolves or throws something else). */
export async function expectOrchestratorError(promise: Promise<unknown>, code: OrchestratorErrorCode): Promise<OrchestratorError> {
  let caught: unknown;
  try {
    const value = await promise;
    throw new Error(`expected OrchestratorError ${code}, got a result: ${JSON.stringify(value).slice(0, 300)}`);
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof OrchestratorError)) throw caught;
  expect({ code: caught.code, message: caught.message }).toEqual({ code, message: expect.any(String) });
  return caught;
}

function expectRunShape(run: RunDetail, runId: string, target: RunTarget): void {
  expect(run.runId).toBe(runId);
  expect(run.target).toEqual(target);
  expect(STATUSES).toContain(run.status);
  expect(typeof run.nativeStatus).toBe('string');
  expect(Array.isArray(run.steps)).toBe(true);
  for (const step of run.steps) {
    expect(typeof step.name).toBe('string');
    expect([...STATUSES, 'skipped', 'pending']).toContain(step.status);
  }
}

function productionsOf(events: ProductionEvent[], runId: string): ProductionEvent[] {
  return events.filter((e) => e.runId === runId);
}

export function describeOrchestratorContract(name: string, setup: () => Promise<ContractSubject>, options: ContractOptions = {}): void {
  describe(`OrchestratorPort contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    let setupError: unknown;
    const s = (): ContractSubject => {
      if (!subject) throw new Error(`contract setup failed: ${String((setupError as Error)?.stack ?? setupError)}`);
      return subject;
    };
    const runTimeout = () => s().runTimeoutMs ?? 240_000;
    const poll = () => ({ timeoutMs: runTimeout(), intervalMs: s().pollIntervalMs ?? 1_000 });
    const newId = () => (s().newRunId ?? defaultRunId)();
    /** Each `it` that waits for runs gets the run timeout plus slack. */
    const long = () => (subject?.runTimeoutMs ?? 240_000) + 60_000;

    // Runs started early and shared by later tests, so the suite waits for the orchestrator only about twice.
    const ids = { success: '', failure: '' };
    let finishedSuccess: RunDetail | undefined;

    beforeAll(async () => {
      try {
        subject = await setup();
        for (const target of [subject.succeeding, subject.failing]) await subject.prepare?.(target);
      } catch (error) {
        setupError = error;
        throw error;
      }
    }, options.setupTimeoutMs ?? 600_000);

    afterAll(async () => {
      await subject?.teardown?.();
    }, 120_000);

    it('health: healthy, with a version', async () => {
      const health = await s().port.health();
      expect(health.kind).toBe(s().port.kind);
      expect(health.healthy).toBe(true);
      expect(typeof health.version).toBe('string');
      expect(health.version!.length).toBeGreaterThan(0);
      expect(typeof health.details).toBe('object');
    });

    it('discover: lists the fixtures with owners and tags', async () => {
      const items = await s().port.discover();
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(['dag', 'asset']).toContain(item.type);
        expect(Array.isArray(item.owners)).toBe(true);
        expect(item.tags).toBeDefined();
      }
      s().expectDiscovered(items);
    });

    it('trigger: an unknown target is not_found', async () => {
      await expectOrchestratorError(s().port.trigger({ target: s().unknown, runId: newId() }), 'not_found');
    });

    it('trigger: returns the caller-chosen run id (succeeding and failing targets)', async () => {
      ids.success = newId();
      ids.failure = newId();
      // one after the other: small test instances (Airflow on SQLite) handle concurrent writes poorly
      const ok = await s().port.trigger({ target: s().succeeding, runId: ids.success });
      const bad = await s().port.trigger({ target: s().failing, runId: ids.failure });
      expectRunShape(ok, ids.success, s().succeeding);
      expectRunShape(bad, ids.failure, s().failing);
    });

    it('trigger: the same run id again returns the existing run, no second run, no error', async () => {
      expect(ids.success).not.toBe('');
      const again = await s().port.trigger({ target: s().succeeding, runId: ids.success });
      expectRunShape(again, ids.success, s().succeeding);
    });

    it('trigger: concurrent triggers of one new run id end in one run', async () => {
      const runId = newId();
      const results = await Promise.all([1, 2, 3].map(() => s().port.trigger({ target: s().succeeding, runId })));
      for (const r of results) expectRunShape(r, runId, s().succeeding);
      // stop it again: only the duplicate handling was under test
      await s().port.cancel(s().succeeding, runId);
      await pollUntilFinal(s().port, s().succeeding, runId, poll());
    }, long());

    it('getRun: an unknown run id is not_found', async () => {
      await expectOrchestratorError(s().port.getRun(s().succeeding, newId()), 'not_found');
    });

    it(
      'getRun: the succeeding target ends succeeded with its steps; the failing one ends failed',
      async () => {
        expect(ids.success && ids.failure).toBeTruthy();
        const [ok, bad] = await Promise.all([
          pollUntilFinal(s().port, s().succeeding, ids.success, poll()),
          pollUntilFinal(s().port, s().failing, ids.failure, poll()),
        ]);
        expectRunShape(ok, ids.success, s().succeeding);
        expect({ status: ok.status, native: ok.nativeStatus }).toEqual({ status: 'succeeded', native: expect.any(String) });
        expect(ok.steps.length).toBeGreaterThan(0);
        for (const step of ok.steps) expect(['succeeded', 'skipped']).toContain(step.status);
        expect(ok.steps.some((step) => step.status === 'succeeded')).toBe(true);
        finishedSuccess = ok;

        expectRunShape(bad, ids.failure, s().failing);
        expect(bad.status).toBe('failed');
        expect(bad.steps.some((step) => step.status === 'failed')).toBe(true);
      },
      long(),
    );

    it('trigger: re-triggering a finished run id returns it as it is (still one run)', async () => {
      expect(finishedSuccess).toBeDefined();
      const again = await s().port.trigger({ target: s().succeeding, runId: ids.success });
      expectRunShape(again, ids.success, s().succeeding);
      expect(again.status).toBe('succeeded');
    });

    it('recentProductions: lists the successful run, newest first, within the limit', async () => {
      expect(finishedSuccess).toBeDefined();
      // productions may be recorded a moment after the run is final
      const deadline = Date.now() + 60_000;
      let events: ProductionEvent[] = [];
      for (;;) {
        events = await s().port.recentProductions(s().succeeding, 20);
        if (productionsOf(events, ids.success).length || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      const ours = productionsOf(events, ids.success);
      expect(ours.length).toBeGreaterThan(0);
      for (const e of ours) expect(e.target).toEqual(s().succeeding);
      // one run never produces the same thing twice (the duplicate triggers above started nothing)
      const keys = ours.map((e) => JSON.stringify(e.assetKey ?? null));
      expect(new Set(keys).size).toBe(keys.length);
      expect(events.length).toBeLessThanOrEqual(20);
      for (const e of events) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
      const times = events.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      const one = await s().port.recentProductions(s().succeeding, 1);
      expect(one.length).toBeLessThanOrEqual(1);
    }, 90_000);

    it(
      'cancel: a queued or running run ends cancelled; a second cancel is a no-op',
      async () => {
        const runId = newId();
        await s().port.trigger({ target: s().succeeding, runId });
        const cancelled = await s().port.cancel(s().succeeding, runId);
        expectRunShape(cancelled, runId, s().succeeding);
        const final = await pollUntilFinal(s().port, s().succeeding, runId, poll());
        if (cancelled.status === 'succeeded' || cancelled.status === 'failed') {
          // it was already final when the request arrived: left alone
          expect(final.status).toBe(cancelled.status);
        } else {
          expect(final.status).toBe('cancelled');
        }
        const again = await s().port.cancel(s().succeeding, runId);
        expectRunShape(again, runId, s().succeeding);
        expect(again.status).toBe(final.status);
      },
      long(),
    );

    it('cancel: a run that already finished is returned unchanged, without error', async () => {
      expect(finishedSuccess).toBeDefined();
      const [ok, bad] = await Promise.all([s().port.cancel(s().succeeding, ids.success), s().port.cancel(s().failing, ids.failure)]);
      expect(ok.status).toBe('succeeded');
      expect(bad.status).toBe('failed');
      expect((await s().port.getRun(s().succeeding, ids.success)).status).toBe('succeeded');
    });

    it('cancel: an unknown run id is not_found', async () => {
      await expectOrchestratorError(s().port.cancel(s().succeeding, newId()), 'not_found');
    });
  });
}
