import { manifest } from '../support/manifests';
import { runEvent } from '../support/openlineage';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually, startWebhookReceiver } from '../support/webhook-receiver';
import { verifyWebhook } from '../../src/webhooks/webhook-signature';

const NS = 'airflow-prod-ns';
const WH = 'postgres://warehouse:5432';
const OUTPUT = `dataset:${WH}:analytics.public.orders_daily`;
const SECRET = 'webhook-secret-0123456789';
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('SLA freshness, breaches and webhooks (HTTP)', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  /** Real answers against the schemas the OpenAPI document gives them. */
  let documented: ResponseCheck;

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ failFirst: 1 });
    t = await startTestApp({
      orchestrators: [{ kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2', timeoutMs: 1000, credentials: { username: 'u', password: 'p' }, lineageNamespace: NS }],
      lineageEnvironments: { 'spark-staging': 'staging' },
      webhooks: { urls: [receiver.url], secret: SECRET, format: 'json', pollMs: 50, retryBaseMs: 50, maxAttempts: 5 },
    });
    const body = manifest('orders-daily', { spec: { sla: { freshness: 'PT1H' }, outputs: [{ namespace: WH, name: 'analytics.public.orders_daily' }], bindings: [{ orchestrator: 'airflow-prod', dag: 'orders_daily' }] } });
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body })).status).toBe(201);
    documented = await documentedResponses(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const produce = (namespace: string, endedMinutesAgo: number) =>
    t.request('POST', '/api/v1/lineage', { body: runEvent({ namespace, job: 'orders_daily.load', eventTime: ago(endedMinutesAgo), outputs: [{ namespace: WH, name: 'analytics.public.orders_daily' }] }) });
  const evaluate = async () => {
    const r = await t.request('POST', '/api/v1/sla/evaluate');
    expect(documented('POST', '/api/v1/sla/evaluate', r.body)).toEqual([]);
    return r;
  };

  it('reports a product never produced as fresh until its window since registration passes', async () => {
    const r = await t.request('GET', '/api/v1/sla');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([
      expect.objectContaining({ product: 'orders-daily', environment: 'prod', freshness: 'PT1H', status: 'fresh', outputs: [expect.objectContaining({ output: OUTPUT, status: 'fresh', lastProducedAt: null })] }),
    ]);
    expect(documented('GET', '/api/v1/sla', r.body)).toEqual([]);
  });

  it('opens a breach when the last production is older than the SLA, and tells the webhook, signed', async () => {
    expect((await produce(NS, 120)).status).toBe(200);
    // (lineage reporting the production schedules an evaluation too; either one opens the breach, once)
    expect((await evaluate()).status).toBe(200);
    const openPage = (await t.request('GET', '/api/v1/sla/breaches?open=true')).body;
    expect(documented('GET', '/api/v1/sla/breaches', openPage)).toEqual([]);
    const open = openPage.items;
    expect(open).toEqual([expect.objectContaining({ product: 'orders-daily', environment: 'prod', output: OUTPUT, resolvedAt: null })]);
    // the breach began when the output fell due, an hour after it was produced
    expect(Date.parse(open[0].openedAt) - Date.parse(open[0].lastProducedAt)).toBe(3_600_000);
    const state = (await t.request('GET', '/api/v1/data-products/orders-daily/sla')).body;
    expect(state.environments).toEqual([expect.objectContaining({ environment: 'prod', status: 'breached', breachesAt: null })]);
    expect(state.breaches).toHaveLength(1);
    expect(documented('GET', '/api/v1/data-products/{name}/sla', state)).toEqual([]);

    const [delivery] = await eventually(() => receiver.received, (list) => list.length >= 1);
    expect(receiver.attempts).toBe(2); // the first attempt got a 500 and was retried
    expect(delivery.headers['x-gatehouse-event']).toBe('sla.breached');
    const ts = Number(delivery.headers['x-gatehouse-timestamp']);
    expect(verifyWebhook(SECRET, ts, delivery.body, String(delivery.headers['x-gatehouse-signature']))).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'sla.breached', data: { product: 'orders-daily', environment: 'prod' } });

    const metrics = (await t.request('GET', '/metrics', { token: null })).text;
    expect(metrics).toContain('gatehouse_sla_breached{product="orders-daily",environment="prod"} 1');
  });

  it('does not count a production in another environment, nor open the same breach twice', async () => {
    await produce('spark-staging', 5);
    await evaluate();
    await evaluate();
    expect((await t.request('GET', '/api/v1/sla/breaches')).body.items).toHaveLength(1);
    const states = (await t.request('GET', '/api/v1/sla?product=orders-daily')).body.items;
    expect(states.map((s: { environment: string; status: string }) => [s.environment, s.status])).toEqual([
      ['staging', 'fresh'],
      ['prod', 'breached'],
    ]);
  });

  it('resolves the breach when the output is produced again, and says so', async () => {
    await produce(NS, 10);
    await evaluate();
    const [resolved] = (await t.request('GET', '/api/v1/sla/breaches?open=false')).body.items;
    expect(resolved).toMatchObject({ product: 'orders-daily', output: OUTPUT });
    expect(resolved.resolvedAt).toBe(resolved.lastProducedAt);
    await eventually(() => receiver.received, (list) => list.some((d) => d.headers['x-gatehouse-event'] === 'sla.recovered'));
    const history = (await t.request('GET', '/api/v1/sla/breaches?product=orders-daily')).body;
    expect(history.items).toHaveLength(1);
    expect(history.items[0].resolvedAt).not.toBeNull();
    expect(documented('GET', '/api/v1/sla/breaches', history)).toEqual([]);
    expect((await t.request('GET', '/api/v1/sla/breaches?open=true')).body.items).toEqual([]);
    const fresh = (await t.request('GET', '/api/v1/sla?environment=prod')).body.items[0];
    expect(fresh.status).toBe('fresh');
    expect(documented('GET', '/api/v1/data-products/{name}/sla', (await t.request('GET', '/api/v1/data-products/orders-daily/sla')).body)).toEqual([]);
    expect(Date.parse(fresh.breachesAt) - Date.parse(fresh.outputs[0].lastProducedAt)).toBe(3_600_000);
  });

  it('validates queries', async () => {
    expect((await t.request('GET', '/api/v1/sla?status=late')).body.errors[0].field).toBe('query.status');
    expect((await t.request('GET', '/api/v1/sla/breaches?cursor=bm9wZQ')).status).toBe(400);
    expect((await t.request('GET', '/api/v1/data-products/nope/sla')).status).toBe(404);
  });
});
