/**
 * Faults, against real local HTTP servers (node:http), never a mocked axios: orchestrator down, slow, broken, lying,
 * and refusing our credentials. The Airflow 3 side is a small stateful fake (testing/fake-airflow3.ts).
 */
import { inspect } from 'node:util';
import { expectOrchestratorError } from '../contract/orchestrator-port.contract';
import { RunTarget } from '../core/orchestrator.port';
import { AirflowAdapter } from './airflow.adapter';
import { AirflowAdapterConfig } from './airflow.config';
import { fakeAirflow3, FakeAirflow3Options } from './testing/fake-airflow3';
import { closedPort, delay, sendJson, sendText, startStub, Stub } from './testing/stub-server';

const TARGET: RunTarget = { kind: 'dag', dagId: 'orders_daily' };
const PASSWORD = 'Pa55-w0rd"with/odd&chars';

const stubs: Stub[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

async function airflow3(options: FakeAirflow3Options = {}) {
  const fake = fakeAirflow3({ password: PASSWORD, ...options });
  const stub = await startStub(fake.handler);
  stubs.push(stub);
  return { fake, stub };
}

const adapterAt = (baseUrl: string, config: Partial<AirflowAdapterConfig> = {}) =>
  new AirflowAdapter({ baseUrl, username: 'admin', password: PASSWORD, timeoutMs: 300, attempts: 3, backoffMs: 1, ...config }, { sleep: async () => undefined });

describe('Airflow adapter under faults', () => {
  it('orchestrator down (connection refused) → unreachable, for reads and for trigger', async () => {
    const port = await closedPort();
    const adapter = adapterAt(`http://127.0.0.1:${port}`);
    const read = await expectOrchestratorError(adapter.getRun(TARGET, 'gh-1'), 'unreachable');
    expect(read.message).toMatch(/could not reach the orchestrator \(ECONNREFUSED\)/);
    await expectOrchestratorError(adapter.trigger({ target: TARGET, runId: 'gh-1' }), 'unreachable');
    await expectOrchestratorError(adapter.health(), 'unreachable');
  });

  it('slow answers (beyond the timeout) → timeout, after retrying the safe call', async () => {
    let calls = 0;
    const { fake } = await airflow3({
      override: async (req, res) => {
        if (req.method !== 'GET' || !req.path.startsWith('/api/v2/dags/orders_daily/dagRuns/')) return false;
        calls++;
        await delay(1_000);
        sendJson(res, 200, {});
        return true;
      },
    });
    fake.runs.set('gh-1', {});
    const error = await expectOrchestratorError(adapterAt(stubs[0].url).getRun(TARGET, 'gh-1'), 'timeout');
    expect(error.message).toMatch(/timed out/);
    // run and task instances are read in parallel, 3 attempts each
    expect(calls).toBe(6);
  });

  it('trigger that times out after the server created the run: the retry finds it (409) — one run, same id', async () => {
    const { fake, stub } = await airflow3({ postDelayMs: (attempt) => (attempt === 1 ? 800 : 0) });
    const run = await adapterAt(stub.url).trigger({ target: TARGET, runId: 'gh-slow-1' });
    expect(run).toMatchObject({ runId: 'gh-slow-1', status: 'queued' });
    expect(fake.posts.get('gh-slow-1')).toBe(2); // first attempt timed out, the retry got 409
    expect(fake.created.get('gh-slow-1')).toBe(1);
  });

  it('trigger timing out with no retry left → timeout; triggering the id again later returns that one run', async () => {
    let slow = true;
    const { fake, stub } = await airflow3({ postDelayMs: () => (slow ? 800 : 0) });
    const once = adapterAt(stub.url, { attempts: 1 });
    // the server created the run but its answer never arrived: the caller sees a timeout…
    await expectOrchestratorError(once.trigger({ target: TARGET, runId: 'gh-slow-2' }), 'timeout');
    // …and its own retry later (the server healthy again) gets 409 and the existing run: nothing new starts
    slow = false;
    const again = await once.trigger({ target: TARGET, runId: 'gh-slow-2' });
    expect(again).toMatchObject({ runId: 'gh-slow-2', status: 'queued' });
    expect(fake.posts.get('gh-slow-2')).toBe(2);
    expect(fake.created.get('gh-slow-2')).toBe(1);
  });

  it('concurrent triggers of one run id (two Gatehouse replicas) → one run, both get it', async () => {
    const { fake, stub } = await airflow3({ postDelayMs: () => 50 });
    const [a, b] = [adapterAt(stub.url), adapterAt(stub.url)];
    const runs = await Promise.all([a.trigger({ target: TARGET, runId: 'gh-race' }), b.trigger({ target: TARGET, runId: 'gh-race' })]);
    expect(runs.map((r) => r.runId)).toEqual(['gh-race', 'gh-race']);
    expect(fake.created.get('gh-race')).toBe(1);
  });

  it('trigger sends dag_run_id and logical_date: null (required key on /api/v2) with JSON content type', async () => {
    const { stub } = await airflow3();
    await adapterAt(stub.url).trigger({ target: TARGET, runId: 'gh-body', conf: { k: 'v' } });
    const post = stub.requests.find((r) => r.method === 'POST' && r.path.endsWith('/dagRuns'))!;
    expect(post.body).toEqual({ dag_run_id: 'gh-body', logical_date: null, conf: { k: 'v' }, note: 'Triggered by Gatehouse (run gh-body)' });
    expect(post.headers['content-type']).toMatch(/application\/json/);
    expect(post.headers.authorization).toMatch(/^Bearer /);
  });

  it('500 with a garbage body → orchestrator_error keeping what the server said (after retries)', async () => {
    let calls = 0;
    await airflow3({
      override: (req, res) => {
        if (!req.path.startsWith('/api/v2/dags')) return false;
        calls++;
        sendText(res, 500, '<html><body>Internal Server Error: database is locked</body></html>');
        return true;
      },
    });
    const error = await expectOrchestratorError(adapterAt(stubs[0].url).discover(), 'orchestrator_error');
    expect(error.httpStatus).toBe(500);
    expect(error.orchestratorMessage).toContain('database is locked');
    expect(error.message).toMatch(/answered 500/);
    expect(calls).toBe(3);
  });

  it('500 with a JSON detail keeps the detail', async () => {
    await airflow3({
      override: (req, res) => {
        if (req.path !== '/api/v2/dags/orders_daily') return false;
        sendJson(res, 500, { detail: 'Serious error when handling your request. Check logs for more details - ID u1M3BhPu' });
        return true;
      },
    });
    const error = await expectOrchestratorError(adapterAt(stubs[0].url).trigger({ target: TARGET, runId: 'gh-500' }), 'orchestrator_error');
    expect(error.orchestratorMessage).toBe('Serious error when handling your request. Check logs for more details - ID u1M3BhPu');
  });

  it.each([
    ['not JSON (an HTML login page)', (res: any) => sendText(res, 200, '<!doctype html><title>Sign in</title>')],
    ['JSON of the wrong shape', (res: any) => sendJson(res, 200, { hello: 'world' })],
    ['a JSON array', (res: any) => sendJson(res, 200, [1, 2, 3])],
    ['an empty body', (res: any) => sendText(res, 200, '', 'application/json')],
  ])('garbage 200 (%s) → orchestrator_error on every call', async (_name, answer) => {
    await airflow3({
      override: (req, res) => {
        if (req.path === '/auth/token') return false;
        answer(res);
        return true;
      },
    });
    const adapter = adapterAt(stubs[0].url);
    for (const call of [
      () => adapter.health(),
      () => adapter.discover(),
      () => adapter.getRun(TARGET, 'gh-1'),
      () => adapter.trigger({ target: TARGET, runId: 'gh-1' }),
      () => adapter.recentProductions(TARGET, 5),
      () => adapter.setPaused('orders_daily', false),
    ]) {
      const error = await expectOrchestratorError(call(), 'orchestrator_error');
      expect(error.message).toMatch(/unexpected body/);
    }
  });

  it('a token endpoint answering 201 without access_token → orchestrator_error', async () => {
    await airflow3({
      override: (req, res) => {
        if (req.path !== '/auth/token') return false;
        sendJson(res, 201, { token: 'x' });
        return true;
      },
    });
    const error = await expectOrchestratorError(adapterAt(stubs[0].url).discover(), 'orchestrator_error');
    expect(error.message).toMatch(/access_token/);
  });

  it('wrong credentials → unauthorized; the token is asked for once per call, not again', async () => {
    const { fake, stub } = await airflow3();
    const adapter = adapterAt(stub.url, { password: 'wrong' });
    const error = await expectOrchestratorError(adapter.discover(), 'unauthorized');
    expect(error.httpStatus).toBe(401);
    expect(error.orchestratorMessage).toBe('Invalid credentials');
    expect(error.message).toBe('Airflow refused the configured credentials (POST /auth/token)');
    expect(stub.requests.filter((r) => r.path === '/auth/token')).toHaveLength(1);
    expect(stub.requests.filter((r) => r.path.startsWith('/api/'))).toHaveLength(0);
    expect(fake.tokenRequests()).toBe(0);
  });

  it('token: obtained once, shared by concurrent calls, reused while valid', async () => {
    const { fake, stub } = await airflow3();
    const adapter = adapterAt(stub.url);
    await Promise.all([adapter.discover(), adapter.discover(), adapter.recentProductions(TARGET, 1).catch(() => [])]);
    await adapter.discover();
    expect(fake.tokenRequests()).toBe(1);
    expect(stub.requests.find((r) => r.path === '/auth/token')!.body).toEqual({ username: 'admin', password: PASSWORD });
  });

  it('token: a 401/403 on a call (api-server restarted, new jwt_secret) → one new token, the call succeeds', async () => {
    const { fake, stub } = await airflow3();
    const adapter = adapterAt(stub.url);
    await adapter.discover();
    fake.rotateTokens();
    expect((await adapter.discover()).map((d) => d.dagId)).toEqual(['orders_daily']);
    expect(fake.tokenRequests()).toBe(2);
  });

  it('token: renewed before its exp (within a minute of expiry every call gets a fresh one)', async () => {
    const { fake, stub } = await airflow3({ tokenTtlSeconds: 30 });
    const adapter = adapterAt(stub.url);
    await adapter.discover();
    await adapter.discover();
    expect(fake.tokenRequests()).toBe(2);
    expect(stub.requests.filter((r) => r.path.startsWith('/api/') && r.headers.authorization === undefined)).toHaveLength(0);
  });

  it('trigger on a paused DAG → conflict, nothing POSTed', async () => {
    const { fake, stub } = await airflow3({ paused: true });
    const error = await expectOrchestratorError(adapterAt(stub.url).trigger({ target: TARGET, runId: 'gh-p' }), 'conflict');
    expect(error.message).toMatch(/orders_daily is paused/);
    expect(fake.posts.size).toBe(0);
  });

  it('the DAG is read before a trigger unless seen unpaused within cacheTtlMs; a paused DAG is always re-read', async () => {
    let now = 0;
    const { fake, stub } = await airflow3({ paused: true });
    const dagReads = () => stub.requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/dags/orders_daily').length;
    const adapter = new AirflowAdapter(
      { baseUrl: stub.url, username: 'admin', password: PASSWORD, cacheTtlMs: 1_000 },
      { sleep: async () => undefined, now: () => now },
    );
    await expectOrchestratorError(adapter.trigger({ target: TARGET, runId: 'gh-p1' }), 'conflict');
    fake.setPaused(false);
    await adapter.trigger({ target: TARGET, runId: 'gh-p2' }); // paused before: read again
    await adapter.trigger({ target: TARGET, runId: 'gh-p3' }); // seen unpaused just now: not read
    expect(dagReads()).toBe(2);
    fake.setPaused(true);
    now = 1_000; // the window is over: read again, and refused
    await expectOrchestratorError(adapter.trigger({ target: TARGET, runId: 'gh-p4' }), 'conflict');
    expect(dagReads()).toBe(3);
    expect([...fake.created.keys()]).toEqual(['gh-p2', 'gh-p3']);
  });

  it('non-DAG targets and bad arguments are invalid_request before any request', async () => {
    const { stub } = await airflow3();
    const adapter = adapterAt(stub.url);
    await expectOrchestratorError(adapter.trigger({ target: { kind: 'assets', assetKeys: [['a']] }, runId: 'gh-1' }), 'invalid_request');
    await expectOrchestratorError(adapter.trigger({ target: TARGET, runId: ' ' }), 'invalid_request');
    await expectOrchestratorError(adapter.trigger({ target: TARGET, runId: 'gh-1', conf: [] as unknown as Record<string, unknown> }), 'invalid_request');
    await expectOrchestratorError(adapter.recentProductions(TARGET, 0), 'invalid_request');
    expect(stub.requests).toHaveLength(0);
    expect(() => new AirflowAdapter({ baseUrl: 'ftp://x', username: 'a', password: 'b' })).toThrow(/http\(s\) URL/);
    expect(() => new AirflowAdapter({ baseUrl: 'http://x/api/v2', username: 'a', password: 'b' })).toThrow(/server root/);
    expect(() => new AirflowAdapter({ baseUrl: 'http://x', username: 'a', password: '' })).toThrow(/password is required/);
  });
});

describe('credentials never leak', () => {
  const leaks = (text: string | null | undefined, secrets: string[]) => secrets.filter((s) => text?.includes(s) || text?.includes(JSON.stringify(s).slice(1, -1)));

  it('Airflow echoing the password (422 on the token request) → the error does not contain it', async () => {
    await airflow3({
      override: (req, res) => {
        if (req.path !== '/auth/token') return false;
        sendJson(res, 422, { detail: [{ type: 'extra_forbidden', loc: ['body'], msg: 'Extra inputs are not permitted', input: req.body }] });
        return true;
      },
    });
    const error = await expectOrchestratorError(adapterAt(stubs[0].url).discover(), 'invalid_request');
    expect(error.orchestratorMessage).toContain('Extra inputs are not permitted');
    expect(error.orchestratorMessage).toContain('[redacted]');
    for (const text of [error.message, error.orchestratorMessage, error.stack]) expect(leaks(text, [PASSWORD])).toEqual([]);
  });

  it('a server echoing the bearer token (500 body, garbage 200) → the errors do not contain it', async () => {
    let token = '';
    await airflow3({
      override: (req, res) => {
        if (!req.path.startsWith('/api/v2/dags')) return false;
        token = (req.headers.authorization ?? '').slice('Bearer '.length);
        if (req.method === 'GET' && req.path === '/api/v2/dags') sendText(res, 500, `proxy error; request headers: authorization=${req.headers.authorization}`, 'text/plain');
        else sendText(res, 200, `<html>session for ${req.headers.authorization}</html>`);
        return true;
      },
    });
    const adapter = adapterAt(stubs[0].url);
    const errors = [
      await expectOrchestratorError(adapter.discover(), 'orchestrator_error'),
      await expectOrchestratorError(adapter.getRun(TARGET, 'gh-1'), 'orchestrator_error'),
    ];
    expect(token.length).toBeGreaterThan(20);
    for (const error of errors) {
      for (const text of [error.message, error.orchestratorMessage, error.stack]) expect(leaks(text, [token, PASSWORD])).toEqual([]);
      expect(error.orchestratorMessage).toContain('[redacted]');
    }
  });

  it('Airflow 2 basic auth echoed back (header and decoded password) → redacted', async () => {
    const stub = await startStub((req, res) => {
      const header = req.headers.authorization ?? '';
      const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
      sendJson(res, 500, { detail: `auth=${header} user:pass=${decoded}`, status: 500, title: 'Internal Server Error' });
    });
    stubs.push(stub);
    const adapter = new AirflowAdapter({ baseUrl: stub.url, apiVersion: 'v1', username: 'gatehouse', password: PASSWORD, attempts: 1 });
    const error = await expectOrchestratorError(adapter.discover(), 'orchestrator_error');
    const basic = Buffer.from(`gatehouse:${PASSWORD}`).toString('base64');
    for (const text of [error.message, error.orchestratorMessage, error.stack]) expect(leaks(text, [PASSWORD, basic])).toEqual([]);
  });

  it('timeouts, refusals and unreachable errors carry no credentials; the adapter object does not show them', async () => {
    const port = await closedPort();
    const down = adapterAt(`http://127.0.0.1:${port}`);
    const error = await expectOrchestratorError(down.discover(), 'unreachable');
    expect(leaks(`${error.message} ${error.orchestratorMessage} ${error.stack}`, [PASSWORD])).toEqual([]);
    for (const adapter of [down, new AirflowAdapter({ baseUrl: 'http://x', apiVersion: 'v1', username: 'u', password: PASSWORD })]) {
      expect(inspect(adapter, { depth: 10, showHidden: true })).not.toContain(PASSWORD);
      expect(JSON.stringify(adapter, (_k, v) => (typeof v === 'function' ? undefined : v))).not.toContain(PASSWORD);
    }
  });
});
