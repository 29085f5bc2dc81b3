import { manifest } from '../support/manifests';
import { runEvent } from '../support/openlineage';
import { documentedResponses } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const NS = 'airflow-prod-ns';
const WH = 'postgres://warehouse:5432';
const H = 3_600_000;

describe('SLA timeline (HTTP)', () => {
  let t: TestApp;
  // whole seconds, so the times sent and read back compare as strings
  const now = Math.floor(Date.now() / 1000) * 1000;
  const at = (hours: number) => new Date(now + hours * H).toISOString();
  const runs: Record<string, string> = {};

  const product = (name: string) =>
    manifest(name, { spec: { sla: { freshness: 'PT6H', schedule: '0 2 * * *' }, outputs: [{ namespace: WH, name: `analytics.${name}` }], bindings: [{ orchestrator: 'airflow-prod', dag: name }] } });
  const produce = async (name: string, hours: number, namespace = NS) => {
    const event = runEvent({ namespace, job: `${name}.load`, eventTime: at(hours), outputs: [{ namespace: WH, name: `analytics.${name}` }] });
    runs[`${name}@${hours}`] = event.run.runId;
    expect((await t.request('POST', '/api/v1/lineage', { body: event })).status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp({
      orchestrators: [{ kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'p' }, lineageNamespace: NS }],
      lineageEnvironments: { 'spark-staging': 'staging' },
    });
    for (const name of ['steady', 'late']) expect((await t.request('PUT', `/api/v1/data-products/${name}`, { body: product(name) })).status).toBe(201);
    await produce('steady', -20);
    await produce('steady', -17);
    await produce('steady', -5);
    await produce('steady', -3, 'spark-staging');
    await produce('late', -10);
    // late's output was due 4 hours ago: a breach opens
    expect((await t.request('POST', '/api/v1/sla/evaluate')).body.opened).toHaveLength(1);
  });
  afterAll(() => t.close());

  const timeline = (name: string, params: Record<string, string> = {}) => t.request('GET', `/api/v1/data-products/${name}/sla/timeline?${new URLSearchParams(params)}`);

  it('shows productions and the deadlines they set: met, missed and pending', async () => {
    const r = await timeline('steady', { from: at(-18), to: at(2) });
    expect(r.status).toBe(200);
    const output = `dataset:${WH}:analytics.steady`;
    expect(r.body).toMatchObject({ product: 'steady', environment: 'prod', from: at(-18), to: at(2), freshness: { freshness: 'PT6H', schedule: '0 2 * * *' }, breaches: [], truncated: false });
    // the production before the period sets its first deadline; staging's production is not prod's
    expect(r.body.productions).toEqual([
      { at: at(-17), dataset: output, runId: runs['steady@-17'] },
      { at: at(-5), dataset: output, runId: runs['steady@-5'] },
    ]);
    expect(r.body.deadlines).toEqual([
      { at: at(-14), dataset: output, metBy: at(-17), state: 'met' },
      { at: at(-11), dataset: output, metBy: null, state: 'missed' },
      { at: at(1), dataset: output, metBy: null, state: 'pending' },
    ]);
    expect((await documentedResponses(t))('GET', '/api/v1/data-products/{name}/sla/timeline', r.body)).toEqual([]);
  });

  it('lists the breaches open during the period, with a reason', async () => {
    const r = await timeline('late');
    expect(r.body.breaches).toEqual([
      expect.objectContaining({ output: `dataset:${WH}:analytics.late`, openedAt: at(-4), resolvedAt: null, reason: `dataset:${WH}:analytics.late was due at ${at(-4)}; last produced at ${at(-10)}` }),
    ]);
    expect(r.body.deadlines).toEqual([expect.objectContaining({ at: at(-4), state: 'missed' })]);
    expect((await timeline('late', { from: at(-200), to: at(-190) })).body.breaches).toEqual([]);
  });

  it('reads another environment when asked', async () => {
    const r = await timeline('steady', { environment: 'staging', from: at(-4), to: at(0) });
    expect(r.body).toMatchObject({ environment: 'staging', productions: [{ at: at(-3), runId: runs['steady@-3'] }] });
  });

  it('names the field of a bad period or environment, and answers 404 for an unknown product', async () => {
    for (const [params, field] of [
      [{ from: 'yesterday' }, 'query.from'],
      [{ from: at(0), to: at(-1) }, 'query.from'],
      [{ from: at(-24 * 91), to: at(0) }, 'query.from'],
      [{ environment: 'qa' }, 'query.environment'],
      [{ colour: 'red' }, 'query.colour'],
    ] as const) {
      const r = await timeline('steady', params);
      expect([r.status, r.body.errors[0].field]).toEqual([400, field]);
    }
    expect((await timeline('nope')).status).toBe(404);
  });
});
