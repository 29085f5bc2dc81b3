import { randomUUID } from 'node:crypto';
import type { ActivityPage, RunActivity } from '../../adapters/core/orchestrator.port';
import { OrchestratorError } from '../../adapters/core/orchestrator-error';
import { DagsterLineagePoller } from '../../src/orchestrators/dagster-lineage.poller';
import { FakeOrchestrator } from '../support/fake-orchestrator';
import { manifest } from '../support/manifests';
import { startTestApp, TestApp } from '../support/test-app';

/** A Dagster stand-in whose activity feed is a list; the cursor is the index of the next run. */
class FakeDagsterFeed extends FakeOrchestrator {
  readonly feed: RunActivity[] = [];
  readonly cursorsSeen: (string | null)[] = [];
  down = false;

  constructor() {
    super('dagster', []);
  }

  async activitySince(cursor: string | null, limit: number): Promise<ActivityPage> {
    this.cursorsSeen.push(cursor);
    if (this.down) throw new OrchestratorError('unreachable', 'connection refused');
    const from = cursor ? Number(cursor) : 0;
    const runs = this.feed.slice(from, from + limit);
    return { runs, cursor: String(from + runs.length) };
  }
}

function activity(status: 'running' | 'succeeded' | 'failed', options: { runId?: string; gatehouseRunId?: string | null } = {}): RunActivity {
  const at = '2026-11-29T02:00:00.000Z';
  const done = status !== 'running';
  return {
    runId: options.runId ?? randomUUID(),
    gatehouseRunId: options.gatehouseRunId ?? null,
    target: { kind: 'assets', assetKeys: [['sales', 'orders_daily']] },
    jobName: '__ASSET_JOB',
    status,
    nativeStatus: status.toUpperCase(),
    startedAt: at,
    endedAt: done ? '2026-11-29T02:01:00.000Z' : null,
    updatedAt: done ? '2026-11-29T02:01:00.000Z' : at,
    tags: {},
    materializations: status === 'succeeded' ? [{ assetKey: ['sales', 'orders_daily'], at: '2026-11-29T02:00:30.000Z', metadata: {} }] : [],
    checks: [],
    dependencies: [{ assetKey: ['sales', 'orders_daily'], upstream: [['sales', 'raw_orders']] }],
    definitions: [],
    error: status === 'failed' ? 'boom' : null,
  };
}

describe('Dagster lineage poller (fake activity feed)', () => {
  let t: TestApp;
  const dagster = new FakeDagsterFeed();
  const poller = () => t.app.get(DagsterLineagePoller);

  beforeAll(async () => {
    t = await startTestApp(
      { orchestrators: [{ kind: 'dagster', name: 'dagster-staging', environment: 'staging', baseUrl: 'http://127.0.0.1:9', repositoryLocation: 'x', repositoryName: '__repository__', assetJob: '__ASSET_JOB', timeoutMs: 1000, headers: {} }] },
      { orchestratorAdapters: () => dagster },
    );
    const body = manifest('orders-daily', { spec: { outputs: [], bindings: [{ orchestrator: 'dagster-staging', asset: ['sales', 'orders_daily'] }] } });
    expect((await t.request('PUT', '/api/v1/data-products/orders-daily', { body })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('turns activity into lineage, joins runs Gatehouse launched, records the others, and resumes from the stored cursor', async () => {
    const launched = (await t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'staging' } })).body;
    // Dagster's own id of the run is not known before its activity is read
    expect(launched.externalUrl).toBeNull();
    const dagsterRunId = randomUUID();
    dagster.feed.push(activity('running', { runId: dagsterRunId, gatehouseRunId: launched.id }));
    await poller().pollAll();
    expect((await t.request('GET', `/api/v1/runs/${launched.id}`)).body).toMatchObject({ lineageRunId: dagsterRunId, lineage: { status: 'running' }, externalUrl: `http://127.0.0.1:9/runs/${dagsterRunId}` });

    const scheduled = randomUUID();
    dagster.feed.push(activity('succeeded', { runId: dagsterRunId, gatehouseRunId: launched.id }), activity('failed', { runId: scheduled }));
    await poller().pollAll();
    expect(dagster.cursorsSeen.slice(-1)).toEqual(['1']);
    const mine = (await t.request('GET', `/api/v1/runs/${launched.id}`)).body;
    expect(mine).toMatchObject({ status: 'succeeded', lineage: { status: 'succeeded', job: 'job:dagster-staging:sales/orders_daily' } });
    const observed = (await t.request('GET', '/api/v1/runs?source=lineage')).body.items;
    expect(observed).toEqual([expect.objectContaining({ id: scheduled, status: 'failed', error: 'boom', product: 'orders-daily', environment: 'staging' })]);

    const graph = await t.request('GET', `/api/v1/lineage?nodeId=${encodeURIComponent('dataset:dagster-staging:sales/orders_daily')}&depth=2&direction=upstream`);
    expect(graph.body.graph.map((n: { id: string }) => n.id)).toEqual(['dataset:dagster-staging:sales/orders_daily', 'dataset:dagster-staging:sales/raw_orders', 'job:dagster-staging:sales/orders_daily']);
  });

  it('keeps its place when Dagster is down and adds nothing when polled again', async () => {
    dagster.down = true;
    await poller().pollAll(); // logged, not thrown
    dagster.down = false;
    const before = (await t.request('GET', '/api/v1/runs')).body.items.length;
    await poller().pollAll();
    expect(dagster.cursorsSeen.slice(-1)).toEqual(['3']);
    expect((await t.request('GET', '/api/v1/runs')).body.items.length).toBe(before);
  });
});
