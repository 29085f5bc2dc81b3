import { gzipSync } from 'node:zlib';
import { hash, randomUUID } from 'node:crypto';
import { MAX_JSON_DEPTH } from '../../src/common/validation/storable-json';
import { PrismaService } from '../../src/database/prisma.service';
import { LineageIngestService } from '../../src/lineage/ingest/lineage-ingest.service';
import { LineageStoreRepository } from '../../src/lineage/ingest/lineage-store.repository';
import { PRODUCER, runEvent, sampleEvent } from '../support/openlineage';
import { documentedResponses } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const WAREHOUSE = 'postgres://warehouse:5432';
const ORDERS_DAILY = `dataset:${WAREHOUSE}:analytics.public.orders_daily`;
const RAW_ORDERS = `dataset:${WAREHOUSE}:raw.public.orders`;
const LOAD_JOB = 'job:gatehouse-test-airflow:orders_daily.load';
const AIRFLOW_EVENTS = ['airflow-dag-start', 'airflow-task-complete', 'airflow-task-fail', 'airflow-load-complete', 'airflow-dag-complete'];

describe('lineage ingestion and graph (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (body: unknown, headers: Record<string, string> = {}) => t.request('POST', '/api/v1/lineage', { body, headers });
  const graph = (query: string) => t.request('GET', `/api/v1/lineage?${query}`);

  it('accepts the events Airflow sends, one by one, and builds the graph', async () => {
    for (const name of AIRFLOW_EVENTS) {
      const r = await post(sampleEvent(name));
      expect({ name, status: r.status, body: r.body }).toEqual({ name, status: 200, body: { status: 'success', received: 1, stored: 1, duplicates: 0 } });
    }
    const r = await graph(`nodeId=${encodeURIComponent(ORDERS_DAILY)}&depth=5`);
    expect(r.status).toBe(200);
    expect(r.body.graph.map((n: { id: string }) => n.id)).toEqual([RAW_ORDERS, ORDERS_DAILY, LOAD_JOB].sort());
    const load = r.body.graph.find((n: { id: string }) => n.id === LOAD_JOB);
    expect(load).toMatchObject({
      type: 'JOB',
      data: { namespace: 'gatehouse-test-airflow', name: 'orders_daily.load', latestRun: { runId: '019cac4b-21f8-7b6e-9f83-d4a0e2c51b79', status: 'succeeded' } },
      inEdges: [{ origin: RAW_ORDERS, destination: LOAD_JOB }],
      outEdges: [{ origin: LOAD_JOB, destination: ORDERS_DAILY }],
    });
    const dataset = r.body.graph.find((n: { id: string }) => n.id === ORDERS_DAILY);
    expect(Object.keys(dataset.data.facets)).toEqual(expect.arrayContaining(['schema', 'columnLineage']));
    // The answers match the shapes the OpenAPI document gives them (Marquez's, for the graph).
    const problems = await documentedResponses(t);
    expect(problems('GET', '/api/v1/lineage', r.body)).toEqual([]);
    expect(problems('POST', '/api/v1/lineage', (await post(sampleEvent('airflow-dag-start'))).body)).toEqual([]);
    expect(problems('GET', '/api/v1/lineage', { graph: [{ id: LOAD_JOB }], depth: 5, direction: 'both', truncated: false })).not.toEqual([]);
  });

  it('stores a redelivered event once and changes nothing', async () => {
    const r = await post(sampleEvent('airflow-load-complete'));
    expect(r.body).toEqual({ status: 'success', received: 1, stored: 0, duplicates: 1 });
  });

  it('keeps each event verbatim: the stored text is the canonical JSON its digest was taken of', async () => {
    // A batch too, whose events are stored in one statement, in the batch's order. Payloads travel
    // to PostgreSQL split by U+001E, which JSON text holds only escaped, as in this facet.
    const facets = { note: { _producer: PRODUCER, _schemaURL: 'https://example.com/schemas/NoteFacet.json', text: 'split\u001eno' } };
    const batch = ['verbatim.a', 'verbatim.b', 'verbatim.c'].map((job) => runEvent({ job, outputs: [{ namespace: 'tests', name: job, facets }] }));
    expect((await post(batch)).body).toMatchObject({ received: 3, stored: 3 });
    const rows = await t.app.get(PrismaService).$queryRawUnsafe<{ digest: string; text: string; job: string }[]>(
      `SELECT digest, payload::text AS text, job_name AS job FROM lineage_event ORDER BY seq`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(AIRFLOW_EVENTS.length + batch.length);
    expect(rows.filter((r) => r.job.startsWith('verbatim.')).map((r) => r.job)).toEqual(['verbatim.a', 'verbatim.b', 'verbatim.c']);
    expect((await graph('nodeId=dataset:tests:verbatim.c&depth=0')).body.graph[0].data.facets.note.text).toBe('split\u001eno');
    for (const { digest, text } of rows) expect({ digest, text: hash('sha256', text, 'hex') }).toEqual({ digest, text: digest });
    // And the stored events are the ones that were sent, with the kind they were read as.
    const sent = sampleEvent('airflow-load-complete') as { run: { runId: string } };
    const stored = rows.map((r) => JSON.parse(r.text)).find((e) => e.run?.runId === sent.run.runId && e.eventType === 'COMPLETE');
    expect(stored).toEqual({ ...sent, kind: 'run' });
  });

  it('accepts a batch and a gzip-encoded body', async () => {
    const events = [runEvent({ job: 'batch.a', outputs: [{ namespace: 'tests', name: 'a' }] }), runEvent({ job: 'batch.b', inputs: [{ namespace: 'tests', name: 'a' }] })];
    const r = await t.request('POST', '/api/v1/lineage', { raw: gzipSync(JSON.stringify(events)), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ received: 2, stored: 2 });
    const g = await graph('nodeId=dataset:tests:a&depth=1&direction=downstream');
    expect(g.body.graph.map((n: { id: string }) => n.id)).toEqual(['dataset:tests:a', 'job:tests:batch.b']);
  });

  it('rejects a batch with an invalid item whole, naming each problem by its JSON path', async () => {
    const good = runEvent({ job: 'never.stored', outputs: [{ namespace: 'tests', name: 'never' }] });
    const bad = { ...runEvent({ job: 'bad' }), run: { runId: 'not-a-uuid' }, eventType: 'DONE' };
    const r = await post([good, bad]);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.detail).toBe('1 of 2 events are invalid; none was stored.');
    expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: '$[1].run.runId' }), expect.objectContaining({ field: '$[1].eventType' })]));
    expect((await graph('nodeId=dataset:tests:never')).status).toBe(404);
  });

  it('gives 400 for malformed JSON and a broken gzip body, 415 for an unknown encoding', async () => {
    expect((await t.request('POST', '/api/v1/lineage', { raw: '{"eventTime":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const broken = await t.request('POST', '/api/v1/lineage', { raw: Buffer.from('not gzip at all'), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(broken.status).toBe(400);
    const br = await t.request('POST', '/api/v1/lineage', { raw: '{}', headers: { 'content-type': 'application/json', 'content-encoding': 'br' } });
    expect(br.status).toBe(415);
    expect(br.body.detail).toBe('Content-Encoding br is not supported (use gzip or none)');
  });

  it('refuses text PostgreSQL cannot store (NUL, a lone surrogate) with its path, and stores nothing of the batch', async () => {
    const good = runEvent({ job: 'unstorable.good', outputs: [{ namespace: 'tests', name: 'unstorable-good' }] });
    const bad = runEvent({ job: 'unstorable.bad', outputs: [{ namespace: 'tests', name: 'unstorable-bad' }] });
    // JSON escapes, as a producer would send them: both parse into JavaScript strings.
    const raw = JSON.stringify([good, bad]).replace('unstorable-bad', 'unstorable\\ud800bad').replace('unstorable.bad', 'unstorable\\u0000bad');
    const r = await t.request('POST', '/api/v1/lineage', { raw, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { field: '$[1].job.name', message: 'must not contain the NUL character (\\u0000): PostgreSQL cannot store it' },
      { field: '$[1].outputs[0].name', message: 'must not contain a lone UTF-16 surrogate (\\ud800–\\udfff without its pair): PostgreSQL cannot store it' },
    ]);
    expect((await graph('nodeId=dataset:tests:unstorable-good&depth=0')).status).toBe(404);
  });

  it('refuses a facet nested too deep with its path (it would exhaust a stack), and accepts deep enough ones', async () => {
    const withDepth = (levels: number) =>
      JSON.stringify(runEvent({ job: `deep-${levels}`, runFacets: { plan: { _producer: PRODUCER, _schemaURL: 'https://example.com/PlanFacet.json', tree: 'TREE' } } })).replace(
        '"TREE"',
        `${'['.repeat(levels)}1${']'.repeat(levels)}`,
      );
    const post = (raw: string) => t.request('POST', '/api/v1/lineage', { raw, headers: { 'content-type': 'application/json' } });
    // The event object, run, facets, plan: the tree starts four levels down.
    expect((await post(withDepth(MAX_JSON_DEPTH - 4))).status).toBe(200);
    const r = await post(withDepth(50_000));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field: `$.run.facets.plan.tree${'[0]'.repeat(MAX_JSON_DEPTH - 4)}`, message: `is nested more than ${MAX_JSON_DEPTH} levels deep` }]);
  });

  it('gives the same final run state whatever order the events of a run arrive in', async () => {
    const runId = randomUUID();
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const start = runEvent({ job: 'ooo', runId, eventType: 'START', eventTime: at(0), inputs: [{ namespace: 'tests', name: 'ooo-in' }] });
    const running = runEvent({ job: 'ooo', runId, eventType: 'RUNNING', eventTime: at(5) });
    const complete = runEvent({ job: 'ooo', runId, eventType: 'COMPLETE', eventTime: at(9), outputs: [{ namespace: 'tests', name: 'ooo-out' }] });
    for (const e of [complete, running, start]) expect((await post(e)).status).toBe(200);
    const g = await graph('nodeId=job:tests:ooo&depth=1');
    const job = g.body.graph.find((n: { id: string }) => n.id === 'job:tests:ooo');
    expect(job.data.latestRun).toEqual({ runId, status: 'succeeded', startedAt: at(0), endedAt: at(9) });
    expect(g.body.graph.map((n: { id: string }) => n.id)).toEqual(['dataset:tests:ooo-in', 'dataset:tests:ooo-out', 'job:tests:ooo']);
  });

  it('ends every run and node right when the events of many runs arrive at once, twice, in any order', async () => {
    // Concurrent requests are written in shared transactions (several at once on PostgreSQL), so
    // this is where run locks, duplicates within one write and the facet merge meet.
    const at = (s: number) => new Date(Date.UTC(2026, 1, 1, 0, 0, s)).toISOString();
    const stats = (rowCount: number) => ({ _producer: PRODUCER, _schemaURL: 'https://example.com/schemas/RowsFacet.json', rowCount });
    const runs = Array.from({ length: 15 }, (_, i) => ({ i, runId: randomUUID() }));
    const events = runs.flatMap(({ i, runId }) => [
      runEvent({ job: `conc-${i}`, runId, eventType: 'START', eventTime: at(i), inputs: [{ namespace: 'tests', name: 'conc-in' }] }),
      runEvent({ job: `conc-${i}`, runId, eventType: 'RUNNING', eventTime: at(i + 1) }),
      runEvent({
        job: `conc-${i}`,
        runId,
        eventType: 'COMPLETE',
        eventTime: at(i + 2),
        outputs: [{ namespace: 'tests', name: `conc-out-${i}` }, { namespace: 'tests', name: 'conc-shared', facets: { rows: stats(i) } }],
      }),
    ]);
    const deliveries = [...events, ...events].map((e, n) => ({ e, key: (n * 7919) % 90 })).sort((a, b) => a.key - b.key);
    const answers = await Promise.all(deliveries.map(({ e }) => post(e)));
    expect(answers.map((r) => r.status)).toEqual(deliveries.map(() => 200));
    expect(answers.reduce((n, r) => n + r.body.stored, 0)).toBe(events.length);
    expect(answers.reduce((n, r) => n + r.body.duplicates, 0)).toBe(events.length);
    for (const { i, runId } of runs) {
      const g = await graph(`nodeId=job:tests:conc-${i}&depth=1`);
      const job = g.body.graph.find((n: { id: string }) => n.id === `job:tests:conc-${i}`);
      expect(job.data.latestRun).toEqual({ runId, status: 'succeeded', startedAt: at(i), endedAt: at(i + 2) });
      expect(g.body.graph.map((n: { id: string }) => n.id)).toEqual(['dataset:tests:conc-in', `dataset:tests:conc-out-${i}`, 'dataset:tests:conc-shared', `job:tests:conc-${i}`]);
    }
    // The shared output keeps the facet of the latest event that set it, whichever was written last.
    const shared = await graph('nodeId=dataset:tests:conc-shared&depth=0');
    expect(shared.body.graph[0].data.facets.rows).toEqual(stats(14));
  });

  it('sees what another Gatehouse instance wrote to a node or a run that this one read before', async () => {
    // Each instance keeps what it read of nodes and runs, so as not to read their JSON again (see
    // StoredStateCache); a second store on the same database stands for a second instance.
    const here = t.app.get(LineageIngestService);
    const other = new LineageIngestService(new LineageStoreRepository(t.app.get(PrismaService)), t.config);
    const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 0, 0, s)).toISOString();
    const facet = (version: number) => ({ _producer: PRODUCER, _schemaURL: 'https://example.com/schemas/VersionFacet.json', version });
    const output = (version: number) => [{ namespace: 'tests', name: 'two-instances', facets: { release: facet(version) } }];
    const runId = randomUUID();
    await here.ingestBody(runEvent({ job: 'two-instances', runId, eventType: 'START', eventTime: at(0), outputs: output(1) }), 'tests');
    await here.ingestBody(runEvent({ job: 'two-instances', runId, eventType: 'RUNNING', eventTime: at(3), outputs: output(1) }), 'tests');
    await other.ingestBody(runEvent({ job: 'two-instances', runId, eventType: 'RUNNING', eventTime: at(5), outputs: output(2), runFacets: { progress: facet(5) } }), 'tests');
    // This instance last read the node with release 1, which is the facet it now sends again: only
    // the row's new version tells it that the stored facet is the other instance's release 2.
    await here.ingestBody(runEvent({ job: 'two-instances', runId, eventType: 'COMPLETE', eventTime: at(9), outputs: output(1) }), 'tests');
    const node = await graph('nodeId=dataset:tests:two-instances&depth=0');
    expect(node.body.graph[0].data.facets.release).toEqual(facet(1));
    const [run] = await t.app.get(PrismaService).lineageRun.findMany({ where: { runId } });
    expect(run).toMatchObject({ status: 'succeeded', eventCount: 4, startedAt: new Date(at(0)), endedAt: new Date(at(9)) });
    expect(run.facets).toMatchObject({ progress: facet(5) });
  });

  it('limits depth, direction and node count', async () => {
    // a chain d0 -> j1 -> d1 -> j2 -> d2 -> j3 -> d3
    const events = [1, 2, 3].map((i) => runEvent({ job: `chain.j${i}`, inputs: [{ namespace: 'chain', name: `d${i - 1}` }], outputs: [{ namespace: 'chain', name: `d${i}` }] }));
    await post(events);
    const ids = async (q: string) => (await graph(q)).body.graph.map((n: { id: string }) => n.id);
    expect(await ids('nodeId=dataset:chain:d0&depth=2&direction=downstream')).toEqual(['dataset:chain:d0', 'dataset:chain:d1', 'job:tests:chain.j1']);
    expect(await ids('nodeId=dataset:chain:d3&depth=2&direction=downstream')).toEqual(['dataset:chain:d3']);
    expect(await ids('nodeId=dataset:chain:d3&depth=2&direction=upstream')).toEqual(['dataset:chain:d2', 'dataset:chain:d3', 'job:tests:chain.j3']);
    const limited = await graph('nodeId=dataset:chain:d0&depth=20&limit=3');
    expect(limited.body).toMatchObject({ truncated: true });
    expect(limited.body.graph).toHaveLength(3);
  });

  it('validates the query and answers 404 for an unknown node', async () => {
    const r = await graph('nodeId=table:x&depth=-1');
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.depth', 'query.nodeId']);
    expect((await graph('nodeId=dataset:nowhere:nothing')).status).toBe(404);
  });

  it('reads Spark events with column lineage, Dagster-derived events, dataset and job events', async () => {
    for (const name of ['spark-column-lineage', 'dagster-materialization', 'dataset-event', 'job-event']) {
      expect({ name, status: (await post(sampleEvent(name))).status }).toEqual({ name, status: 200 });
    }
    const spark = await graph(`nodeId=${encodeURIComponent('dataset:s3://lake-curated:orders_enriched')}&depth=2&direction=upstream`);
    expect(spark.body.graph.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([RAW_ORDERS, 'dataset:s3://lake-raw:customers']));
    const enriched = spark.body.graph.find((n: { id: string }) => n.id === 'dataset:s3://lake-curated:orders_enriched');
    expect(enriched.data.facets.columnLineage.fields).toBeDefined();
    // RAW_ORDERS feeds both the Airflow load job and the Spark job
    const readers = (await graph(`nodeId=${encodeURIComponent(RAW_ORDERS)}&depth=1&direction=downstream`)).body.graph.map((n: { id: string }) => n.id);
    expect(readers).toEqual(expect.arrayContaining([LOAD_JOB, 'job:gatehouse-test-spark:orders_enrichment.execute_insert_into_hadoop_fs_relation_command.lake-curated_orders_enriched']));
    const dagster = await graph(`nodeId=${encodeURIComponent('dataset:dagster://definitions.py:sales/orders_daily')}&depth=2&direction=upstream`);
    expect(dagster.body.graph.map((n: { id: string }) => n.id)).toContain('dataset:dagster://definitions.py:sales/raw_orders');
  });

  it('requires a principal allowed to ingest', async () => {
    expect((await t.request('POST', '/api/v1/lineage', { body: runEvent({ job: 'x' }), token: null })).status).toBe(401);
  });
});
