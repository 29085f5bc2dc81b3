/**
 * `npm run bench:lineage`: OpenLineage ingestion throughput and lineage graph queries, on embedded
 * PGlite and on PostgreSQL.
 *
 *   npm run bench:lineage -- --backends pglite,postgres --duration 20 --datasets 100000 --edges 300000
 *
 * 1. Ingestion: 32 HTTP clients over keep-alive POST Airflow-like RunEvents (a START and a COMPLETE
 *    per run, unique run ids, inputs and outputs with facets) to `POST /api/v1/lineage`, one event
 *    per request and then batches, for a fixed time (or a fixed number of events). The same load,
 *    with the same payloads, also goes to a bare HTTP endpoint in this process on another port that
 *    only parses the JSON body and answers 200: the HTTP ceiling Gatehouse is compared with. The
 *    load generator runs in a worker thread, so its own work does not run on the server's event
 *    loop (it still shares the machine's cores). Each run also reports CPU per event, from /proc:
 *    the serving thread's, all local PostgreSQL processes' and the load generator's (time stolen by
 *    a busy host is not counted, so these compare across runs better than events/s), and the share
 *    of the machine's CPU time left idle during the run. The same load then goes to
 *    Gatehouse once more with its store replaced by one that writes nothing: what HTTP,
 *    authentication, validation and digests cost before any database work. Then 1,000 events go through
 *    the ingestion service in process, one call at a time and then in batches, with validation,
 *    digests and the store's transaction timed apart and the process's CPU per event; on
 *    PostgreSQL, pg_stat_activity is sampled during the load for what Gatehouse's connections are
 *    doing (told apart by an application_name set through PGAPPNAME while the bench's app runs).
 * 2. Graph queries: a layered graph (datasets, jobs reading 1–3 datasets and writing 1–2) is loaded
 *    straight into the tables with SQL, then `GET /api/v1/lineage` is timed at depth 5 and 10,
 *    upstream and downstream, from random datasets in the middle layers, with the endpoint's
 *    default node limit (1000), and one depth-10 query is timed stage by stage in process.
 *
 * Options (flag or environment variable):
 *   --backends list        BENCH_BACKENDS        pglite,postgres (both)
 *   --concurrency N        BENCH_CONCURRENCY     HTTP clients posting events (32)
 *   --duration S           BENCH_DURATION        measured seconds per ingestion run (20)
 *   --events N             BENCH_EVENTS          measure this many events per run instead of a duration
 *   --warmup S             BENCH_WARMUP          unmeasured seconds of load before each run (3)
 *   --batch N              BENCH_BATCH           events per request in the batched runs (100)
 *   --bare node|fastify    BENCH_BARE            the bare endpoint: node:http + JSON.parse (node) or a bare Fastify route
 *   --profile-events N     BENCH_PROFILE_EVENTS  events ingested in process, one call at a time, to time each step (1000; 0 = skip)
 *   --datasets N           BENCH_DATASETS        datasets in the generated graph (100000)
 *   --edges N              BENCH_EDGES           edges in the generated graph, about (300000)
 *   --layers N             BENCH_LAYERS          dataset layers of the generated graph (20)
 *   --runs-per-job N       BENCH_RUNS_PER_JOB    lineage_run rows per generated job (1)
 *   --requests N           BENCH_REQUESTS        measured graph queries per case, each from another start node (300)
 *   --query-warmup N       BENCH_QUERY_WARMUP    unmeasured graph queries per case first (20)
 *   --breakdown N          BENCH_BREAKDOWN       depth-10 walks timed stage by stage in process (50; 0 = skip)
 *   --payload F            BENCH_PAYLOAD         airflow: events serialised as Airflow's provider does (keys sorted,
 *                                                 Python's ", " and ": "); compact: JSON.stringify order (before 2026-12-05)
 *   --no-store-run B       BENCH_NO_STORE_RUN    also load Gatehouse with a store that writes nothing (true;
 *                                                 false = skip): what HTTP, validation and digests cost alone
 *   --skip-ingest / --skip-graph                  run one half only
 *   (--report-to FILE: internal; with two backends, each runs in a process of its own that writes
 *   its report there, so that the first does not weigh on the second's figures)
 *   DATABASE_URL           PostgreSQL server (postgresql://postgres@127.0.0.1:5432/test); the bench
 *                          works in a fresh schema gh_bench_<random> and drops it at the end.
 *
 * The figures are printed, never judged by the exit code: this is a benchmark, not a test.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import Fastify, { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import { PrismaService } from '../src/database/prisma.service';
import { LineageGraphRepository } from '../src/lineage/graph/lineage-graph.repository';
import { LineageGraphService } from '../src/lineage/graph/lineage-graph.service';
import { digestEvent, LineageIngestService } from '../src/lineage/ingest/lineage-ingest.service';
import { LineageStoreRepository } from '../src/lineage/ingest/lineage-store.repository';
import type { SqlTransaction } from '../src/database/sql-session';
import type { LineageEvent } from '../src/lineage/openlineage/openlineage.types';
import { parseLineageBody } from '../src/lineage/openlineage/parse-event';
import { jsonTextMayBeUnstorable } from '../src/common/validation/storable-json';
import {
  BackendName,
  BENCH_TOKEN,
  BenchApp,
  CpuClock,
  currentThreadCpuMs,
  databaseUrl,
  HttpClient,
  LatencyStats,
  latencyStats,
  log,
  ms,
  Options,
  postgresSkipped,
  prng,
  startBenchApp,
  table,
} from './support';

/** Targets from the issue, printed next to the figures (PostgreSQL). */
const TARGET_EVENTS_PER_S = 2_000;
const TARGET_RATIO = 0.4;
const TARGET_DEPTH10_P95_MS = 50;
const INGEST_PATH = '/api/v1/lineage';

// =============================================================================================
// Airflow-like OpenLineage events.
//
// A fixed universe of 200 DAGs of 10 tasks (2,000 jobs); each task reads 1–3 datasets (an earlier
// task's output, a raw source or another DAG's output) and writes 1–2 of its own, always the same
// ones, as real lineage does. Every run sends a START and a COMPLETE as the Airflow provider
// would (parent, airflow, processing_engine and nominalTime run facets; jobType and ownership job
// facets; dataSource and schema on datasets; columnLineage and outputStatistics on COMPLETE
// outputs). Events are rendered from per-job templates, so the load generator spends
// microseconds, not a JSON.stringify, per event.

const PRODUCER = 'https://github.com/apache/airflow/tree/providers-openlineage/2.20.1';
const RUN_EVENT_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const AIRFLOW_FACETS = 'https://raw.githubusercontent.com/apache/airflow/providers-openlineage/2.20.1/providers/openlineage/src/airflow/providers/openlineage/facets';
const DAGS = 200;
const TASKS_PER_DAG = 10;
const RAW_SOURCES = 400;
const AIRFLOW_NAMESPACE = 'airflow-prod';
/** A block of runs: their STARTs, then their COMPLETEs, so a batch of 2×BLOCK holds whole runs. */
const BLOCK = 50;
const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(2026, 8, 1, 0, 0, 0);

const DOMAINS = ['sales', 'marketing', 'finance', 'supply_chain', 'logistics', 'people', 'product', 'risk', 'customer', 'platform'];
const NOUNS = [
  'orders', 'invoices', 'payments', 'customers', 'sessions', 'shipments', 'inventory', 'returns', 'refunds', 'leads',
  'campaigns', 'clicks', 'impressions', 'subscriptions', 'churn', 'margins', 'ledger', 'budgets', 'forecasts', 'suppliers',
];
const COLUMNS: [string, string][] = [
  ['id', 'bigint'], ['customer_id', 'bigint'], ['order_id', 'bigint'], ['amount', 'numeric(12,2)'], ['currency', 'char(3)'],
  ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['status', 'text'], ['region', 'text'], ['channel', 'text'],
  ['quantity', 'integer'], ['sku', 'text'], ['country', 'char(2)'], ['day', 'date'], ['revenue', 'numeric(14,2)'],
];
const OPERATORS = [
  ['SQLExecuteQueryOperator', 'airflow.providers.common.sql.operators.sql.SQLExecuteQueryOperator'],
  ['PythonOperator', 'airflow.providers.standard.operators.python.PythonOperator'],
  ['BashOperator', 'airflow.providers.standard.operators.bash.BashOperator'],
  ['SparkSubmitOperator', 'airflow.providers.apache.spark.operators.spark_submit.SparkSubmitOperator'],
];

interface DatasetDef {
  namespace: string;
  name: string;
  fields: [string, string][];
}

interface TaskDef {
  dag: number;
  dagId: string;
  taskId: string;
  owner: string;
  operator: string[];
  inputs: DatasetDef[];
  outputs: DatasetDef[];
}

const facet = (schemaUrl: string, body: Record<string, unknown>) => ({ _producer: PRODUCER, _schemaURL: schemaUrl, ...body });
const olFacet = (path: string, def: string, body: Record<string, unknown>) => facet(`https://openlineage.io/spec/facets/${path}#/$defs/${def}`, body);

function generateTasks(): TaskDef[] {
  const rnd = prng(20261129);
  const pickFields = (): [string, string][] => {
    const count = 3 + Math.floor(rnd() * 6);
    const start = Math.floor(rnd() * COLUMNS.length);
    return Array.from({ length: count }, (_, i) => COLUMNS[(start + i) % COLUMNS.length]);
  };
  const raw: DatasetDef[] = Array.from({ length: RAW_SOURCES }, (_, i) => ({
    namespace: i % 3 === 0 ? 's3://lake-raw' : 'postgres://erp-db:5432',
    name: i % 3 === 0 ? `landing/${NOUNS[i % NOUNS.length]}/part_${String(i).padStart(4, '0')}` : `erp.public.${NOUNS[i % NOUNS.length]}_${String(i).padStart(4, '0')}`,
    fields: pickFields(),
  }));
  const tasks: TaskDef[] = [];
  for (let d = 0; d < DAGS; d++) {
    const domain = DOMAINS[d % DOMAINS.length];
    const dagId = `${domain}_${NOUNS[Math.floor(d / DOMAINS.length) % NOUNS.length]}_${String(d).padStart(3, '0')}`;
    for (let t = 0; t < TASKS_PER_DAG; t++) {
      const outputs = Array.from({ length: rnd() < 0.5 ? 1 : 2 }, (_, o) => ({
        namespace: 'postgres://warehouse:5432',
        name: `analytics.${domain}.${dagId}_t${t}${o ? '_detail' : ''}`,
        fields: pickFields(),
      }));
      tasks.push({ dag: d, dagId, taskId: `task_${t}`, owner: `${domain}-data`, operator: OPERATORS[(d + t) % OPERATORS.length], inputs: [], outputs });
    }
  }
  // Inputs once every output exists: an earlier task of the same DAG, a raw source or another DAG's output.
  for (const task of tasks) {
    const t = Number(task.taskId.slice(5));
    const count = 1 + Math.floor(rnd() * 3);
    const chosen = new Map<string, DatasetDef>();
    for (let attempt = 0; chosen.size < count && attempt < 20; attempt++) {
      const r = rnd();
      let ds: DatasetDef;
      if (t > 0 && r < 0.6) ds = tasks[task.dag * TASKS_PER_DAG + Math.floor(rnd() * t)].outputs[0];
      else if (r < 0.85) ds = raw[Math.floor(rnd() * raw.length)];
      else {
        const other = tasks[Math.floor(rnd() * tasks.length)];
        if (other.dag === task.dag) continue;
        ds = other.outputs[0];
      }
      chosen.set(`${ds.namespace}\u0000${ds.name}`, ds);
    }
    task.inputs = [...chosen.values()];
  }
  return tasks;
}

/**
 * A JSON text with holes: `⟦name⟧` inside a string is replaced by a (JSON-safe) value, and the
 * string `"⟦#name⟧"` by a number.
 */
class Template {
  private readonly parts: string[] = [];
  private readonly holes: string[] = [];

  constructor(value: unknown, payload: PayloadFormat) {
    const text = payload === 'airflow' ? pythonJson(value) : JSON.stringify(value);
    const hole = /"⟦#(\w+)⟧"|⟦(\w+)⟧/g;
    let last = 0;
    for (let m = hole.exec(text); m; m = hole.exec(text)) {
      this.parts.push(text.slice(last, m.index));
      this.holes.push(m[1] ?? m[2]);
      last = m.index + m[0].length;
    }
    this.parts.push(text.slice(last));
  }

  fill(values: Record<string, string>): string {
    let out = this.parts[0];
    for (let i = 0; i < this.holes.length; i++) out += values[this.holes[i]] + this.parts[i + 1];
    return out;
  }
}

/**
 * How events are serialised: `airflow` as Airflow's provider sends them (see pythonJson); `compact`
 * as JSON.stringify writes the templates (keys in the order written here, no spaces), as the
 * benchmark sent them before 2026-12-05.
 */
type PayloadFormat = 'airflow' | 'compact';

/**
 * JSON as OpenLineage's Python client writes it for the HTTP transport (`Serde.to_json`:
 * `json.dumps(..., sort_keys=True)`, so keys in sorted order and Python's `", "` and `": "`
 * separators), the bytes Airflow's provider sends.
 */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}: ${pythonJson(record[key])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

function datasetJson(d: DatasetDef, complete: boolean, output: boolean, inputsForLineage: DatasetDef[]): Record<string, unknown> {
  const facets: Record<string, unknown> = {
    dataSource: olFacet('1-0-1/DatasourceDatasetFacet.json', 'DatasourceDatasetFacet', { name: d.namespace, uri: d.namespace }),
    schema: olFacet('1-1-1/SchemaDatasetFacet.json', 'SchemaDatasetFacet', { fields: d.fields.map(([name, type]) => ({ name, type })) }),
  };
  const out: Record<string, unknown> = { namespace: d.namespace, name: d.name, facets };
  if (complete && output) {
    const source = inputsForLineage[0];
    facets.columnLineage = olFacet('1-2-0/ColumnLineageDatasetFacet.json', 'ColumnLineageDatasetFacet', {
      fields: Object.fromEntries(
        d.fields.slice(0, 3).map(([name], i) => [
          name,
          { inputFields: [{ namespace: source.namespace, name: source.name, field: source.fields[i % source.fields.length][0], transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION', description: '', masking: false }] }] },
        ]),
      ),
    });
    out.outputFacets = { outputStatistics: olFacet('1-0-2/OutputStatisticsOutputDatasetFacet.json', 'OutputStatisticsOutputDatasetFacet', { rowCount: '⟦#rows⟧', size: '⟦#bytes⟧' }) };
  }
  return out;
}

function eventTemplate(task: TaskDef, type: 'START' | 'COMPLETE', payload: PayloadFormat): Template {
  const complete = type === 'COMPLETE';
  const dag = {
    dag_id: task.dagId,
    description: `${task.dagId.replace(/_/g, ' ')} (benchmark)`,
    owner: task.owner,
    schedule_interval: '0 2 * * *',
    timetable: { expression: '0 2 * * *', timezone: 'UTC' },
    tags: `['${task.owner}']`,
    start_date: '2026-01-01T00:00:00+00:00',
    fileloc: `/opt/airflow/dags/${task.dagId}.py`,
  };
  const parentJob = { namespace: AIRFLOW_NAMESPACE, name: task.dagId };
  return new Template({
    eventTime: '⟦time⟧',
    producer: PRODUCER,
    schemaURL: RUN_EVENT_SCHEMA,
    eventType: type,
    run: {
      runId: '⟦run⟧',
      facets: {
        parent: olFacet('1-1-0/ParentRunFacet.json', 'ParentRunFacet', { run: { runId: '⟦parent⟧' }, job: parentJob, root: { run: { runId: '⟦parent⟧' }, job: parentJob } }),
        airflow: facet(`${AIRFLOW_FACETS}/AirflowRunFacet.json#/$defs/AirflowRunFacet`, {
          dag,
          dagRun: {
            dag_id: task.dagId,
            run_id: 'scheduled__⟦logical⟧',
            run_type: 'scheduled',
            clear_number: 0,
            logical_date: '⟦logical⟧',
            data_interval_start: '⟦intervalStart⟧',
            data_interval_end: '⟦logical⟧',
            start_date: '⟦dagStart⟧',
            conf: {},
          },
          task: {
            task_id: task.taskId,
            operator_class: task.operator[0],
            operator_class_path: task.operator[1],
            owner: task.owner,
            retries: 1,
            depends_on_past: false,
            upstream_task_ids: '[]',
            downstream_task_ids: '[]',
          },
          taskInstance: { try_number: 1, map_index: -1, pool: 'default_pool', queued_dttm: '⟦queued⟧', ...(complete ? { duration: '⟦#duration⟧' } : {}), log_url: `http://airflow-apiserver:8080/dags/${task.dagId}/runs/scheduled__⟦logical⟧/tasks/${task.taskId}?try_number=1` },
          taskUuid: '⟦run⟧',
        }),
        processing_engine: olFacet('1-1-1/ProcessingEngineRunFacet.json', 'ProcessingEngineRunFacet', { version: '3.1.3', name: 'Airflow', openlineageAdapterVersion: '2.20.1' }),
        nominalTime: olFacet('1-0-1/NominalTimeRunFacet.json', 'NominalTimeRunFacet', { nominalStartTime: '⟦intervalStart⟧', nominalEndTime: '⟦logical⟧' }),
      },
    },
    job: {
      namespace: AIRFLOW_NAMESPACE,
      name: `${task.dagId}.${task.taskId}`,
      facets: {
        jobType: olFacet('2-0-3/JobTypeJobFacet.json', 'JobTypeJobFacet', { processingType: 'BATCH', integration: 'AIRFLOW', jobType: 'TASK' }),
        ownership: olFacet('1-0-1/OwnershipJobFacet.json', 'OwnershipJobFacet', { owners: [{ name: task.owner }] }),
      },
    },
    inputs: task.inputs.map((d) => datasetJson(d, complete, false, task.inputs)),
    outputs: task.outputs.map((d) => datasetJson(d, complete, true, task.inputs)),
  }, payload);
}

/** Airflow's timestamp format: microseconds and an explicit +00:00 offset. */
const airflowTime = (t: number, micros = 0) => `${new Date(t).toISOString().slice(0, 23)}${String(micros % 1000).padStart(3, '0')}+00:00`;

/** Integer hash, so a run's jitter does not depend on the order events are generated in. */
function mix(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** UUIDv7-shaped: time, a per-session salt, a sequence number (unique within the session). */
function uuid7(timeMs: number, seq: number, salt: string): string {
  const t = Math.floor(timeMs).toString(16).padStart(12, '0').slice(-12);
  const s = seq.toString(16).padStart(12, '0').slice(-12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${salt.slice(0, 3)}-${(8 + (seq & 3)).toString(16)}${salt.slice(3, 6)}-${s}`;
}

/**
 * The event stream: position n is the START (first half of a block) or COMPLETE (second half) of
 * run `firstRun + block * BLOCK + n % BLOCK`. Consecutive runs belong to different jobs (a stride
 * through the 2,000 tasks), and each pass over all tasks is the next day's schedule.
 */
class EventStream {
  private readonly start: Template[];
  private readonly complete: Template[];
  private readonly stride: number;
  private position = 0;

  constructor(
    private readonly tasks: TaskDef[],
    private readonly firstRun: number,
    private readonly salt: string,
    payload: PayloadFormat,
  ) {
    this.start = tasks.map((t) => eventTemplate(t, 'START', payload));
    this.complete = tasks.map((t) => eventTemplate(t, 'COMPLETE', payload));
    let stride = 7919;
    while (gcd(stride, tasks.length) !== 1) stride += 2;
    this.stride = stride;
  }

  /** Runs started so far (whole blocks), to offset the next stream. */
  get runsUsed(): number {
    return Math.ceil(this.position / (2 * BLOCK)) * BLOCK;
  }

  next(): string {
    const n = this.position++;
    const run = this.firstRun + Math.floor(n / (2 * BLOCK)) * BLOCK + (n % BLOCK);
    const isStart = n % (2 * BLOCK) < BLOCK;
    const taskIndex = (run * this.stride) % this.tasks.length;
    const task = this.tasks[taskIndex];
    const day = Math.floor(run / this.tasks.length);
    const h = mix(run);
    const logical = EPOCH_MS + day * DAY_MS + (task.dag % 24) * 3_600_000;
    const dagStart = logical + 1_612 + (h % 20_000);
    const queued = dagStart + Number(task.taskId.slice(5)) * 95_000 + (h % 7_000);
    const started = queued + 900 + (h % 3_000);
    const duration = 2_000 + (h % 600_000);
    const values: Record<string, string> = {
      run: uuid7(started, run, this.salt),
      parent: uuid7(dagStart, (day * DAGS + task.dag) * 2 + 1, this.salt.split('').reverse().join('')),
      time: airflowTime(isStart ? started : started + duration, h),
      logical: airflowTime(logical),
      intervalStart: airflowTime(logical - DAY_MS),
      dagStart: airflowTime(dagStart, h >>> 3),
      queued: airflowTime(queued, h >>> 5),
      duration: (duration / 1000).toFixed(3),
      rows: String(1 + (h % 2_000_000)),
      bytes: String(1024 + (h % 400_000_000)),
    };
    return (isStart ? this.start : this.complete)[taskIndex].fill(values);
  }

  body(batch: number): string {
    if (batch === 1) return this.next();
    const events: string[] = new Array(batch);
    for (let i = 0; i < batch; i++) events[i] = this.next();
    return `[${events.join(',')}]`;
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

// =============================================================================================
// The load generator (worker thread).

interface LoadSpec {
  port: number;
  batch: number;
  concurrency: number;
  /** Measured seconds; ignored when `events` is set. */
  durationMs: number;
  /** Measured events (rounded up to whole requests); 0 for a duration. */
  events: number;
  warmupMs: number;
  firstRun: number;
  salt: string;
  payload: PayloadFormat;
}

interface LoadResult {
  events: number;
  requests: number;
  seconds: number;
  latencies: number[];
  /** Events answered in each whole second of the measured window. */
  perSecond: number[];
  errors: number;
  firstError?: string;
  /** Events the server reported as duplicates (should be none: run ids are unique). */
  duplicates: number;
  warmupEvents: number;
  runsUsed: number;
  bytes: number;
  /** CPU the load generator's thread used in the measured window (ms), where /proc tells. */
  clientCpuMs?: number;
}

/** The measured window's start and end, told as they happen (the server's CPU is read at each). */
type LoadPhase = 'measuring' | 'done';

async function generateLoad(tasks: TaskDef[], spec: LoadSpec, onPhase: (phase: LoadPhase) => void = () => {}): Promise<LoadResult> {
  const stream = new EventStream(tasks, spec.firstRun, spec.salt, spec.payload);
  const http = new HttpClient(spec.port, BENCH_TOKEN, spec.concurrency);
  const result: LoadResult = { events: 0, requests: 0, seconds: 0, latencies: [], perSecond: [], errors: 0, duplicates: 0, warmupEvents: 0, runsUsed: 0, bytes: 0 };
  let measuring = false;
  let windowStart = 0;
  let clientCpuAtStart: number | undefined;
  const post = async () => {
    const body = stream.body(spec.batch);
    const res = await http.send('POST', INGEST_PATH, body);
    if (res.status !== 200) {
      result.errors++;
      result.firstError ??= `${res.status}: ${res.body.slice(0, 300)}`;
      return;
    }
    if (!measuring) {
      result.warmupEvents += spec.batch;
      return;
    }
    const answer = JSON.parse(res.body) as { stored?: number; duplicates?: number };
    result.duplicates += answer.duplicates ?? 0;
    result.events += spec.batch;
    result.requests++;
    result.bytes += body.length;
    result.latencies.push(res.ms);
    const second = Math.floor((performance.now() - windowStart) / 1000);
    result.perSecond[second] = (result.perSecond[second] ?? 0) + spec.batch;
  };
  const clients = (more: () => boolean) =>
    Promise.all(
      Array.from({ length: spec.concurrency }, async () => {
        while (more()) await post();
      }),
    );
  try {
    if (spec.warmupMs > 0) {
      const until = performance.now() + spec.warmupMs;
      await clients(() => performance.now() < until);
    }
    measuring = true;
    onPhase('measuring');
    windowStart = performance.now();
    clientCpuAtStart = currentThreadCpuMs();
    if (spec.events > 0) {
      let issued = 0;
      const requests = Math.ceil(spec.events / spec.batch);
      await clients(() => issued++ < requests);
    } else {
      const until = windowStart + spec.durationMs;
      await clients(() => performance.now() < until);
    }
    result.seconds = (performance.now() - windowStart) / 1000;
    const clientCpu = currentThreadCpuMs();
    if (clientCpu !== undefined && clientCpuAtStart !== undefined) result.clientCpuMs = clientCpu - clientCpuAtStart;
    onPhase('done');
    // The last second is partial (in-flight requests finishing); only whole seconds count.
    result.perSecond = Array.from({ length: Math.floor(result.seconds) }, (_, i) => result.perSecond[i] ?? 0);
    result.runsUsed = stream.runsUsed;
    return result;
  } finally {
    http.close();
  }
}

function workerMain(): void {
  const tasks = generateTasks();
  parentPort!.on('message', (message: { id: number; spec: LoadSpec }) => {
    generateLoad(tasks, message.spec, (phase) => parentPort!.postMessage({ id: message.id, phase })).then(
      (result) => parentPort!.postMessage({ id: message.id, result }),
      (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}

/** The main thread's handle on the load-generator thread. */
class LoadGenerator {
  private readonly worker = new Worker(__filename);
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void; onPhase: (phase: LoadPhase) => void }>();

  constructor() {
    this.worker.on('message', (m: { id: number; result?: LoadResult; error?: string; phase?: LoadPhase }) => {
      const w = this.waiting.get(m.id);
      if (m.phase) return w?.onPhase(m.phase);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(`load generator: ${m.error}`));
      else w?.resolve(m.result!);
    });
    this.worker.on('error', (error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    });
  }

  run(spec: LoadSpec, onPhase: (phase: LoadPhase) => void = () => {}): Promise<LoadResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, onPhase });
      this.worker.postMessage({ id, spec });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

// =============================================================================================
// The bare endpoint: the HTTP ceiling for the same payloads in this process.

interface BareServer {
  kind: string;
  port: number;
  close(): Promise<void>;
}

const bareAnswer = (n: number) => JSON.stringify({ status: 'success', received: n, stored: n, duplicates: 0 });

async function startBareServer(kind: 'node' | 'fastify', bodyLimit: number): Promise<BareServer> {
  if (kind === 'fastify') {
    const app: FastifyInstance = Fastify({ bodyLimit, logger: false });
    app.post(INGEST_PATH, async (request, reply) => {
      const body = request.body;
      reply.header('content-type', 'application/json');
      return bareAnswer(Array.isArray(body) ? body.length : 1);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    return { kind: 'bare Fastify 5 route (its JSON parser)', port, close: () => app.close() };
  }
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let answer: string;
      try {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        answer = bareAnswer(Array.isArray(body) ? body.length : 1);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"status":"error"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    kind: 'node:http + JSON.parse',
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// =============================================================================================
// What PostgreSQL's connections are doing during a load (pg_stat_activity, sampled).

/**
 * Samples the state of Gatehouse's own connections (told apart by application_name, which the
 * bench sets through PGAPPNAME while its app runs) every `everyMs`: running, waiting for a lock,
 * or idle in a transaction (waiting for Gatehouse to send the next statement).
 */
class ConnectionSampler {
  private readonly client: Client;
  private timer?: NodeJS.Timeout;
  private busy = false;
  readonly counts = new Map<string, number>();
  samples = 0;

  constructor(url: string, private readonly applicationName: string, private readonly everyMs = 200) {
    this.client = new Client({ connectionString: url, application_name: 'gh_bench_sampler' });
  }

  async start(): Promise<void> {
    await this.client.connect();
    this.timer = setInterval(() => void this.sample(), this.everyMs);
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query<{ state: string | null; wait_event_type: string | null; wait_event: string | null }>(
        `SELECT state, wait_event_type, wait_event FROM pg_stat_activity WHERE application_name = $1 AND backend_type = 'client backend'`,
        [this.applicationName],
      );
      this.samples++;
      for (const r of rows) {
        const label =
          r.state === 'active'
            ? r.wait_event_type
              ? `active, waiting: ${r.wait_event_type}/${r.wait_event}`
              : 'active, running'
            : r.state === 'idle in transaction'
              ? 'idle in transaction (waiting for Gatehouse)'
              : `${r.state ?? 'unknown'}${r.state === 'idle' ? ' (in the pool, no transaction)' : ''}`;
        this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
      }
    } catch {
      // A failed sample is skipped; the figures say how many were taken.
    } finally {
      this.busy = false;
    }
  }

  async stop(): Promise<{ samples: number; counts: Map<string, number> }> {
    clearInterval(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 10));
    await this.client.end().catch(() => {});
    return { samples: this.samples, counts: this.counts };
  }
}

// =============================================================================================
// Ingestion measurements.

/**
 * Where a load run goes: the bare endpoint, Gatehouse, or Gatehouse with its store replaced by one
 * that writes nothing (`no-store`): HTTP, authentication, validation and digests alone, the
 * ceiling no storage design can raise.
 */
type IngestTarget = 'bare' | 'gatehouse' | 'no-store';

const TARGET_LABEL: Record<IngestTarget, string> = { bare: 'bare', gatehouse: 'Gatehouse', 'no-store': 'Gatehouse, no store' };

interface IngestRow {
  mode: 'single' | 'batched';
  target: IngestTarget;
  batch: number;
  result: LoadResult;
  latency: LatencyStats;
  eventsPerSecond: number;
  /** PostgreSQL only: what Gatehouse's connections were doing, sampled during the measured run. */
  waits?: { samples: number; counts: Map<string, number> };
  /**
   * CPU ms per event in the measured window: the serving thread, local PostgreSQL's processes and
   * the load generator's thread; and the share of the machine's CPU time left idle meanwhile.
   */
  cpu: { thread?: number; postgres?: number; client?: number; idle?: number };
}

interface IngestOptions {
  concurrency: number;
  durationMs: number;
  events: number;
  warmupMs: number;
  batch: number;
  /** Also run the load against Gatehouse with a store that writes nothing (see IngestTarget). */
  noStoreRun: boolean;
  payload: PayloadFormat;
}

let runCursor = 0;
const SALT = randomBytes(3).toString('hex');

async function loadRun(gen: LoadGenerator, port: number, batch: number, o: IngestOptions, onPhase?: (phase: LoadPhase) => void): Promise<LoadResult> {
  const result = await gen.run({ port, batch, concurrency: o.concurrency, durationMs: o.durationMs, events: o.events, warmupMs: o.warmupMs, firstRun: runCursor, salt: SALT, payload: o.payload }, onPhase);
  runCursor += result.runsUsed + BLOCK;
  return result;
}

async function measureIngestion(gen: LoadGenerator, app: BenchApp, bare: BareServer, o: IngestOptions, sampleAs?: string): Promise<IngestRow[]> {
  const rows: IngestRow[] = [];
  const targets: IngestTarget[] = o.noStoreRun ? ['bare', 'gatehouse', 'no-store'] : ['bare', 'gatehouse'];
  for (const [mode, batch] of [['single', 1], ['batched', o.batch]] as const) {
    for (const target of targets) {
      const what = o.events > 0 ? `${o.events} events` : `${(o.durationMs / 1000).toFixed(0)} s`;
      log(`  ${mode} (${batch} event${batch === 1 ? '' : 's'}/request) → ${target === 'bare' ? bare.kind : TARGET_LABEL[target]}: ${o.warmupMs / 1000} s warm-up, ${what}, ${o.concurrency} clients …`);
      const sampler = target === 'gatehouse' && sampleAs ? new ConnectionSampler(databaseUrl(), sampleAs) : undefined;
      await sampler?.start();
      let result: LoadResult;
      let waits: IngestRow['waits'];
      let clock: CpuClock | undefined;
      let used: ReturnType<CpuClock['since']> = {};
      const restoreStore = target === 'no-store' ? storeNothing(app) : undefined;
      try {
        result = await loadRun(gen, target === 'bare' ? bare.port : app.port, batch, o, (phase) => {
          if (phase === 'measuring') clock = new CpuClock();
          else used = clock?.since() ?? {};
        });
      } finally {
        restoreStore?.();
        waits = await sampler?.stop();
      }
      const perEvent = (ms?: number) => (ms === undefined || !result.events ? undefined : ms / result.events);
      const cpu = { thread: perEvent(used.thread), postgres: perEvent(used.postgres), client: perEvent(result.clientCpuMs), idle: used.idle };
      const row: IngestRow = { mode, target, batch, result, latency: latencyStats(result.latencies), eventsPerSecond: result.events / result.seconds, waits, cpu };
      log(
        `    ${row.eventsPerSecond.toFixed(0)} events/s (${result.events} in ${result.seconds.toFixed(1)} s), p50 ${ms(row.latency.p50)} ms, p99 ${ms(row.latency.p99)} ms` +
          (result.errors ? `, ${result.errors} ERRORS (first: ${result.firstError})` : '') +
          (result.duplicates ? `, ${result.duplicates} duplicates` : ''),
      );
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Replaces the app's lineage store with one that writes nothing and reports every event as new,
 * so that a load run measures everything in front of the database; returns the restore.
 */
function storeNothing(app: BenchApp): () => void {
  const store = app.app.get(LineageStoreRepository);
  const original = store.store;
  store.store = async (events) => ({ inserted: new Set(events.map((e) => e.digest)), runs: [] });
  return () => {
    store.store = original;
  };
}

/**
 * Where one ingestion's time goes, in process and one call at a time (no HTTP, no concurrency):
 * validation and digests timed apart on the same bodies, the store's transaction timed as a whole
 * (its statements are pipelined, so they overlap and are counted rather than timed one by one),
 * and the Node process's CPU per event. The session is wrapped for the measurement and restored.
 */
interface StoreProfile {
  label: string;
  events: number;
  calls: number;
  /** Per call of ingestBody, summed over the calls. */
  totalMs: number;
  /** Inside the plain-SQL transaction: from asking for a connection to the COMMIT's answer. */
  transactionMs: number;
  /** Measured separately on the same bodies: validation and digests (CPU only). */
  validateMs: number;
  digestMs: number;
  /** Statements issued inside the transactions (BEGIN and COMMIT not counted), and waits for an answer. */
  statements: number;
  /** CPU time of this process (user + system) during the measured calls. */
  cpuMs: number;
}

async function profileStore(app: BenchApp, tasks: TaskDef[], events: number, batch: number, payload: PayloadFormat): Promise<StoreProfile[]> {
  const session = app.app.get(PrismaService).connection.sql;
  const ingest = app.app.get(LineageIngestService);
  const original = session.transaction;
  const now = () => performance.now();
  let current: StoreProfile | undefined;
  session.transaction = <T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> => {
    const p = current;
    if (!p) return original.call(session, work) as Promise<T>;
    const started = now();
    return (original.call(session, (tx: SqlTransaction) =>
      work({
        query: <R>(sql: string, params?: unknown[]) => {
          p.statements++;
          return tx.query<R>(sql, params);
        },
      }),
    ) as Promise<T>).finally(() => {
      p.transactionMs += now() - started;
    });
  };
  const profiles: StoreProfile[] = [];
  try {
    for (const size of [1, batch]) {
      const stream = new EventStream(tasks, runCursor, SALT, payload);
      const calls = Math.max(1, Math.round(events / size));
      const bodies = Array.from({ length: calls }, () => JSON.parse(stream.body(size)) as unknown);
      runCursor += stream.runsUsed + BLOCK;
      // A few unmeasured calls first (JIT, prepared statements), then the measured ones.
      const warm = new EventStream(tasks, runCursor, SALT, payload);
      for (let i = 0; i < Math.min(20, calls); i++) await ingest.ingestBody(JSON.parse(warm.body(size)), 'bench');
      runCursor += warm.runsUsed + BLOCK;
      const p: StoreProfile = { label: size === 1 ? 'one event per call' : `${size} events per call`, events: calls * size, calls, totalMs: 0, transactionMs: 0, validateMs: 0, digestMs: 0, statements: 0, cpuMs: 0 };
      for (const body of bodies) {
        let t = now();
        // As ingestBody does: storability is checked on the digest's JSON text (see ingestBody).
        const parsed = parseLineageBody(body, 'deferred');
        p.validateMs += now() - t;
        t = now();
        for (const r of parsed.events) if (r.ok) jsonTextMayBeUnstorable(digestEvent(r.event as LineageEvent).json);
        p.digestMs += now() - t;
      }
      current = p;
      const cpu = process.cpuUsage();
      for (const body of bodies) {
        const t = now();
        await ingest.ingestBody(body, 'bench');
        p.totalMs += now() - t;
      }
      const used = process.cpuUsage(cpu);
      p.cpuMs = (used.user + used.system) / 1000;
      current = undefined;
      profiles.push(p);
    }
  } finally {
    current = undefined;
    session.transaction = original;
  }
  return profiles;
}

function printStoreProfile(backend: BackendName, profiles: StoreProfile[]): void {
  if (!profiles.length) return;
  log(`\n### ${backend}: where one ingestion call spends its time (in process, one call at a time, no HTTP)\n`);
  const head = ['step'];
  for (const p of profiles) head.push(`${p.label}: ms/call`, 'µs/event', 'share');
  const line = (label: string, pick: (p: StoreProfile) => number) => {
    const row: string[] = [label];
    for (const p of profiles) {
      const v = pick(p);
      row.push(ms(v / p.calls), ((v / p.events) * 1000).toFixed(0), `${((v / p.totalMs) * 100).toFixed(0)}%`);
    }
    return row;
  };
  const rows: string[][] = [
    line('validation (parseLineageBody), timed apart', (p) => p.validateMs),
    line('digests (canonical JSON + SHA-256, storability check of its text), timed apart', (p) => p.digestMs),
    line('the store\'s transaction (connection, pipelined statements, COMMIT)', (p) => p.transactionMs),
    line('rest (grouping, listeners, answer)', (p) => Math.max(0, p.totalMs - p.transactionMs - p.validateMs - p.digestMs)),
    line('total per call of ingestBody', (p) => p.totalMs),
    line('CPU of this process during the calls (all threads)', (p) => p.cpuMs),
  ];
  log(table(head, rows, [false, ...profiles.flatMap(() => [true, true, true])]));
  for (const p of profiles) {
    log(`  ${p.label}: ${p.events} events in ${p.calls} calls, ${(p.events / (p.totalMs / 1000)).toFixed(0)} events/s one call at a time, ${(p.statements / p.calls).toFixed(1)} statements per call besides BEGIN/COMMIT, ${((p.cpuMs / p.events) * 1000).toFixed(0)} µs of Node CPU per event`);
  }
}

// =============================================================================================
// The generated graph for queries.
//
// Dataset layers 0…L-1 of equal size. Jobs live between layers: a job of layer k (1…L-1) reads
// 1–3 datasets, 80% from layer k-1 and 20% from two to four layers back, and writes 1–2 datasets
// of layer k; every dataset above layer 0 has at least one writer when there are enough jobs.
// Reads are skewed (index ~ u² within a layer), so a few datasets are read by many jobs, like
// shared dimension tables; that makes downstream walks fan out more than upstream ones.

const GRAPH_DATASET_NS = 'postgres://dwh:5432';
const GRAPH_JOB_NS = 'airflow-graph';

interface GraphPlan {
  layers: number;
  perLayer: number;
  jobs: { layer: number; index: number; reads: number[]; writes: number[] }[];
  edges: number;
}

const dsKey = (layer: number, index: number) => layer * 10_000_000 + index;
const dsName = (key: number) => {
  const layer = Math.floor(key / 10_000_000);
  const index = key % 10_000_000;
  return `analytics.l${String(layer).padStart(2, '0')}.${NOUNS[index % NOUNS.length]}_${String(index).padStart(6, '0')}`;
};
const dsId = (key: number) => `dataset:${GRAPH_DATASET_NS}:${dsName(key)}`;
const jobName = (layer: number, index: number) => `dag_l${String(layer).padStart(2, '0')}_${String(Math.floor(index / 10)).padStart(5, '0')}.task_${index % 10}`;
const jobId = (layer: number, index: number) => `job:${GRAPH_JOB_NS}:${jobName(layer, index)}`;

function planGraph(datasets: number, edges: number, layers: number): GraphPlan {
  const rnd = prng(300_000 + layers);
  const perLayer = Math.max(1, Math.floor(datasets / layers));
  // Expected edges per job: 2 reads + 1.5 writes.
  const jobCount = Math.max(layers - 1, Math.round(edges / 3.5));
  const jobs: GraphPlan['jobs'] = [];
  let edgeCount = 0;
  for (let layer = 1; layer < layers; layer++) {
    const count = Math.floor(jobCount / (layers - 1)) + (layer <= jobCount % (layers - 1) ? 1 : 0);
    const writeCounts = Array.from({ length: count }, () => (rnd() < 0.5 ? 1 : 2));
    // Every dataset of the layer once (shuffled), then random ones for the remaining writes.
    const order = Array.from({ length: perLayer }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let cursor = 0;
    for (let j = 0; j < count; j++) {
      const writes = new Set<number>();
      while (writes.size < writeCounts[j]) writes.add(dsKey(layer, cursor < order.length ? order[cursor++] : Math.floor(rnd() * perLayer)));
      const reads = new Set<number>();
      const readCount = 1 + Math.floor(rnd() * 3);
      while (reads.size < readCount) {
        const from = rnd() < 0.8 ? layer - 1 : Math.max(0, layer - 2 - Math.floor(rnd() * 3));
        const u = rnd();
        reads.add(dsKey(from, Math.floor(u * u * perLayer)));
      }
      jobs.push({ layer, index: j, reads: [...reads], writes: [...writes] });
      edgeCount += reads.size + writes.size;
    }
  }
  return { layers, perLayer, jobs, edges: edgeCount };
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function loadGraph(app: BenchApp, plan: GraphPlan, runsPerJob: number): Promise<{ seconds: number; nodes: number; edges: number; runs: number }> {
  const prisma = app.app.get(PrismaService);
  const started = performance.now();
  const datasetFacets = JSON.stringify({
    dataSource: olFacet('1-0-1/DatasourceDatasetFacet.json', 'DatasourceDatasetFacet', { name: GRAPH_DATASET_NS, uri: GRAPH_DATASET_NS }),
    schema: olFacet('1-1-1/SchemaDatasetFacet.json', 'SchemaDatasetFacet', { fields: COLUMNS.slice(0, 5).map(([name, type]) => ({ name, type })) }),
  });
  const jobFacets = JSON.stringify({
    jobType: olFacet('2-0-3/JobTypeJobFacet.json', 'JobTypeJobFacet', { processingType: 'BATCH', integration: 'AIRFLOW', jobType: 'TASK' }),
    ownership: olFacet('1-0-1/OwnershipJobFacet.json', 'OwnershipJobFacet', { owners: [{ name: 'platform-data' }] }),
  });
  const CHUNK = 10_000;
  const insertNodes = async (type: 'DATASET' | 'JOB', ids: string[], names: string[], namespace: string, facets: string) => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await prisma.$executeRawUnsafe(
        `INSERT INTO lineage_node (id, type, namespace, name, facets, facet_times, updated_at)
         SELECT id, '${type}', ${sqlString(namespace)}, name, ${sqlString(facets)}::jsonb, '{}'::jsonb, now()
           FROM unnest($1::text[], $2::text[]) AS x(id, name)`,
        ids.slice(i, i + CHUNK),
        names.slice(i, i + CHUNK),
      );
    }
  };
  const dsKeys: number[] = [];
  for (let layer = 0; layer < plan.layers; layer++) for (let i = 0; i < plan.perLayer; i++) dsKeys.push(dsKey(layer, i));
  await insertNodes('DATASET', dsKeys.map(dsId), dsKeys.map(dsName), GRAPH_DATASET_NS, datasetFacets);
  await insertNodes('JOB', plan.jobs.map((j) => jobId(j.layer, j.index)), plan.jobs.map((j) => jobName(j.layer, j.index)), GRAPH_JOB_NS, jobFacets);
  log(`    nodes loaded (${dsKeys.length + plan.jobs.length}) after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const origins: string[] = [];
  const destinations: string[] = [];
  const flush = async () => {
    await prisma.$executeRawUnsafe(
      `INSERT INTO lineage_edge (origin, destination, first_seen_at, last_seen_at)
       SELECT o, d, now() - interval '30 days', now() FROM unnest($1::text[], $2::text[]) AS x(o, d)
       ON CONFLICT DO NOTHING`,
      origins.splice(0),
      destinations.splice(0),
    );
  };
  for (const job of plan.jobs) {
    const id = jobId(job.layer, job.index);
    for (const r of job.reads) origins.push(dsId(r)), destinations.push(id);
    for (const w of job.writes) origins.push(id), destinations.push(dsId(w));
    if (origins.length >= 2 * CHUNK) await flush();
  }
  if (origins.length) await flush();
  log(`    edges loaded after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (runsPerJob > 0) {
    await prisma.$executeRawUnsafe(
      `INSERT INTO lineage_run (run_id, job_id, job_namespace, job_name, status, last_event_type, started_at, ended_at, facets, producer, event_count, updated_at)
       SELECT gen_random_uuid(), n.id, n.namespace, n.name, 'succeeded', 'COMPLETE',
              timestamptz '2026-11-29 02:00:00+00' - make_interval(days => g) + interval '5 minutes',
              timestamptz '2026-11-29 02:00:00+00' - make_interval(days => g) + interval '9 minutes',
              '{}'::json, ${sqlString(PRODUCER)}, 2, now()
         FROM lineage_node n CROSS JOIN generate_series(0, ${runsPerJob - 1}) AS g
        WHERE n.type = 'JOB' AND n.namespace = ${sqlString(GRAPH_JOB_NS)}`,
    );
  }
  const [counts] = await app.sql<{ nodes: number; edges: number; runs: number }>(
    `SELECT (SELECT count(*)::int FROM lineage_node) AS nodes, (SELECT count(*)::int FROM lineage_edge) AS edges, (SELECT count(*)::int FROM lineage_run) AS runs`,
  );
  return { seconds: (performance.now() - started) / 1000, ...counts };
}

interface QueryCase {
  depth: number;
  direction: 'upstream' | 'downstream';
}

interface QueryResult extends QueryCase {
  latency: LatencyStats;
  nodes: { mean: number; p50: number; max: number };
  truncated: number;
  kilobytes: number;
  requests: number;
  /** Mean latency by the size of the answer: what the tail is made of. */
  bySize: { count: number; mean: number }[];
}

const SIZE_BUCKETS: [string, (nodes: number, truncated: boolean) => boolean][] = [
  ['< 100 nodes', (n) => n < 100],
  ['100–499', (n) => n >= 100 && n < 500],
  ['500–999', (n, t) => n >= 500 && !t],
  ['1000, truncated', (_, t) => t],
];

/** Random datasets from the layers where a depth-10 walk (5 dataset layers) fits both ways. */
function startNodes(plan: GraphPlan, count: number, seed: number, depth: number): string[] {
  const rnd = prng(seed);
  const reach = Math.ceil(depth / 2);
  let lo = reach;
  let hi = plan.layers - 1 - reach;
  if (hi < lo) lo = hi = Math.floor((plan.layers - 1) / 2);
  return Array.from({ length: count }, () => dsId(dsKey(lo + Math.floor(rnd() * (hi - lo + 1)), Math.floor(rnd() * plan.perLayer))));
}

const lineagePath = (nodeId: string, c: QueryCase) => `/api/v1/lineage?${new URLSearchParams({ nodeId, depth: String(c.depth), direction: c.direction })}`;

async function measureQueries(http: HttpClient, plan: GraphPlan, warmup: number, requests: number): Promise<QueryResult[]> {
  const cases: QueryCase[] = [
    { depth: 5, direction: 'upstream' },
    { depth: 5, direction: 'downstream' },
    { depth: 10, direction: 'upstream' },
    { depth: 10, direction: 'downstream' },
  ];
  const results: QueryResult[] = [];
  for (const [i, c] of cases.entries()) {
    const starts = startNodes(plan, warmup + requests, 7_000 + i, 10);
    const samples: number[] = [];
    const nodes: number[] = [];
    const bySize = SIZE_BUCKETS.map(() => ({ count: 0, mean: 0 }));
    let truncated = 0;
    let bytes = 0;
    for (let r = 0; r < starts.length; r++) {
      const res = await http.request('GET', lineagePath(starts[r], c));
      if (res.status !== 200) throw new Error(`GET ${lineagePath(starts[r], c)} answered ${res.status}: ${res.body.slice(0, 300)}`);
      if (r < warmup) continue;
      const body = JSON.parse(res.body) as { graph: unknown[]; truncated: boolean };
      samples.push(res.ms);
      nodes.push(body.graph.length);
      if (body.truncated) truncated++;
      bytes += Buffer.byteLength(res.body);
      const bucket = SIZE_BUCKETS.findIndex(([, fits]) => fits(body.graph.length, body.truncated));
      if (bucket >= 0) {
        bySize[bucket].count++;
        bySize[bucket].mean += res.ms;
      }
    }
    for (const b of bySize) b.mean = b.count ? b.mean / b.count : 0;
    const n = latencyStats(nodes);
    results.push({ ...c, latency: latencyStats(samples), nodes: { mean: n.mean, p50: n.p50, max: n.max }, truncated: truncated / requests, kilobytes: bytes / requests / 1024, requests, bySize });
    const last = results[results.length - 1];
    log(`    depth ${c.depth} ${c.direction}: p50 ${ms(last.latency.p50)} ms, p95 ${ms(last.latency.p95)} ms, ${last.nodes.mean.toFixed(0)} nodes on average, ${(last.truncated * 100).toFixed(0)}% truncated`);
  }
  return results;
}

interface Breakdown {
  direction: 'upstream' | 'downstream';
  samples: number;
  total: number;
  /** The walk: one statement reading every hop. */
  walk: number;
  /** Edges read at each hop, summed over the samples. */
  hopEdges: number[];
  nodes: number;
  latestRuns: number;
  /** From the start of the first of nodesWithAliases() and latestRuns() to the end of the last: they run at once. */
  describe: number;
  serialize: number;
  nodesReturned: number;
}

/**
 * The depth-10 query stage by stage, in process: `LineageGraphService.lineage()` itself (what
 * GET /api/v1/lineage runs after HTTP, authentication and validation), with each repository call
 * timed by wrapping the repository's methods on its instance for the duration (restored after).
 * "Rest" is the service's own work: the walk's bookkeeping and building the answer.
 */
async function breakdown(app: BenchApp, plan: GraphPlan, samples: number): Promise<Breakdown[]> {
  const repo = app.app.get(LineageGraphRepository) as unknown as Record<string, unknown>;
  const service = app.app.get(LineageGraphService);
  const methods = ['walk', 'nodesWithAliases', 'latestRuns'] as const;
  const originals = new Map<string, unknown>(methods.map((m) => [m, Object.prototype.hasOwnProperty.call(repo, m) ? repo[m] : undefined]));
  const out: Breakdown[] = [];
  let b: Breakdown | undefined;
  let span: { from: number; to: number } | undefined;
  const wrap = (name: (typeof methods)[number], record: (ms: number, args: unknown[], result: unknown) => void) => {
    const fn = repo[name] as (...a: unknown[]) => Promise<unknown>;
    repo[name] = async (...args: unknown[]) => {
      const t = performance.now();
      const result = await fn.apply(repo, args);
      const end = performance.now();
      record(end - t, args, result);
      if (name === 'nodesWithAliases' || name === 'latestRuns') span = { from: Math.min(span?.from ?? t, t), to: Math.max(span?.to ?? end, end) };
      return result;
    };
  };
  try {
    wrap('walk', (t, _args, result) => {
      if (!b) return;
      b.walk += t;
      (result as unknown[][]).forEach((hop, i) => (b!.hopEdges[i] = (b!.hopEdges[i] ?? 0) + hop.length));
    });
    wrap('nodesWithAliases', (t) => b && (b.nodes += t));
    wrap('latestRuns', (t) => b && (b.latestRuns += t));
    for (const direction of ['upstream', 'downstream'] as const) {
      const current: Breakdown = { direction, samples, total: 0, walk: 0, hopEdges: [], nodes: 0, latestRuns: 0, describe: 0, serialize: 0, nodesReturned: 0 };
      const starts = startNodes(plan, samples + 5, 9_100 + (direction === 'upstream' ? 0 : 1), 10);
      for (const [i, nodeId] of starts.entries()) {
        // The first five are warm-up, not recorded.
        b = i < 5 ? undefined : current;
        span = undefined;
        const t = performance.now();
        const graph = await service.lineage({ nodeId, depth: 10, direction, limit: 1000 });
        const s = performance.now();
        JSON.stringify(graph);
        if (!b) continue;
        b.serialize += performance.now() - s;
        const both = span as { from: number; to: number } | undefined; // set by the wrappers meanwhile
        if (both) b.describe += both.to - both.from;
        b.total += performance.now() - t;
        b.nodesReturned += graph.graph.length;
      }
      b = undefined;
      out.push(current);
    }
  } finally {
    for (const m of methods) {
      const original = originals.get(m);
      if (original === undefined) delete repo[m];
      else repo[m] = original;
    }
  }
  return out;
}

function printBreakdown(backend: BackendName, list: Breakdown[]): void {
  if (!list.length) return;
  log(`\n### ${backend}: a depth-10 query stage by stage (in process, mean ms over ${list[0].samples} start nodes)\n`);
  const rows: string[][] = [];
  for (const b of list) {
    const n = b.samples;
    const rest = b.total - b.walk - b.describe - b.serialize;
    const cell = (v: number) => `${ms(v / n)} (${((v / b.total) * 100).toFixed(0)}%)`;
    rows.push([b.direction, (b.nodesReturned / n).toFixed(0), cell(b.walk), ms(b.nodes / n), ms(b.latestRuns / n), cell(b.describe), cell(rest), cell(b.serialize), ms(b.total / n)]);
  }
  log(
    table(
      ['direction', 'nodes', 'walk() (all hops, one statement)', 'nodesWithAliases()', 'latestRuns()', 'both (at once)', 'rest of the service', 'JSON.stringify', 'total'],
      rows,
      [false, true, true, true, true, true, true, true, true],
    ),
  );
  for (const b of list) {
    log(`\n  ${b.direction}, edges read per hop (mean): ` + b.hopEdges.map((e, i) => `${i + 1}: ${(e / b.samples).toFixed(0)}`).join(' | '));
  }
}

// =============================================================================================

interface BackendReport {
  backend: BackendName;
  version: string;
  ingest: IngestRow[];
  storedEvents: number;
  storedRuns: number;
  profile: StoreProfile[];
  graph?: { seconds: number; nodes: number; edges: number; runs: number; analyzeSeconds: number; plan: GraphPlan; sizeMb: number };
  queries: QueryResult[];
  breakdown: Breakdown[];
  seconds: number;
}

interface RunOptions extends IngestOptions {
  bare: 'node' | 'fastify';
  skipIngest: boolean;
  skipGraph: boolean;
  profileEvents: number;
  datasets: number;
  edges: number;
  layers: number;
  runsPerJob: number;
  requests: number;
  queryWarmup: number;
  breakdown: number;
}

async function runBackend(backend: BackendName, gen: LoadGenerator, tasks: TaskDef[], o: RunOptions): Promise<BackendReport> {
  const t0 = performance.now();
  // On PostgreSQL, Gatehouse's connections get an application_name of their own (pg reads
  // PGAPPNAME when it connects), so pg_stat_activity can be sampled for them alone.
  const appName = `gh_bench_lineage_${SALT}`;
  const previousAppName = process.env.PGAPPNAME;
  if (backend === 'postgres') process.env.PGAPPNAME = appName;
  const restoreAppName = () => {
    if (previousAppName === undefined) delete process.env.PGAPPNAME;
    else process.env.PGAPPNAME = previousAppName;
  };
  let app: BenchApp;
  try {
    app = await startBenchApp(backend);
  } catch (error) {
    restoreAppName();
    throw error;
  }
  const bare = await startBareServer(o.bare, app.config.bodyLimitBytes);
  const http = new HttpClient(app.port, undefined, 1);
  try {
    const version = (await app.sql<{ v: string }>('SELECT version() AS v'))[0].v.split(' on ')[0].split(',')[0];
    log(`\n## ${backend} (${version}) — started in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${app.baseUrl}; bare endpoint (${bare.kind}) on port ${bare.port}`);
    const report: BackendReport = { backend, version, ingest: [], storedEvents: 0, storedRuns: 0, profile: [], queries: [], breakdown: [], seconds: 0 };
    if (!o.skipIngest) {
      report.ingest = await measureIngestion(gen, app, bare, o, backend === 'postgres' ? appName : undefined);
      if (o.profileEvents > 0) {
        log(`  profiling the store in process (${o.profileEvents} events one at a time, then in batches of ${o.batch}) …`);
        report.profile = await profileStore(app, tasks, o.profileEvents, o.batch, o.payload);
      }
      const [c] = await app.sql<{ events: number; runs: number }>(`SELECT (SELECT count(*)::int FROM lineage_event) AS events, (SELECT count(*)::int FROM lineage_run) AS runs`);
      report.storedEvents = c.events;
      report.storedRuns = c.runs;
      log(`  stored: ${c.events} events, ${c.runs} runs`);
    }
    if (!o.skipGraph) {
      const plan = planGraph(o.datasets, o.edges, o.layers);
      log(`  loading a graph of ${plan.layers * plan.perLayer} datasets, ${plan.jobs.length} jobs, ${plan.edges} edges, ${o.runsPerJob} run(s) per job with SQL …`);
      const loaded = await loadGraph(app, plan, o.runsPerJob);
      const a = performance.now();
      await app.sql('ANALYZE');
      const analyzeSeconds = (performance.now() - a) / 1000;
      const [size] = await app.sql<{ mb: number }>(
        `SELECT ((pg_total_relation_size('lineage_edge') + pg_total_relation_size('lineage_node'))::float8 / 1048576) AS mb`,
      );
      report.graph = { ...loaded, analyzeSeconds, plan, sizeMb: size.mb };
      log(`  loaded in ${loaded.seconds.toFixed(1)} s (tables now hold ${loaded.nodes} nodes, ${loaded.edges} edges, ${loaded.runs} runs; node+edge tables ${size.mb.toFixed(0)} MB); ANALYZE ${analyzeSeconds.toFixed(1)} s`);
      log(`  timing GET /api/v1/lineage (${o.queryWarmup} warm-up + ${o.requests} measured per case, one client, default limit 1000) …`);
      report.queries = await measureQueries(http, plan, o.queryWarmup, o.requests);
      if (o.breakdown > 0) report.breakdown = await breakdown(app, plan, o.breakdown);
    }
    report.seconds = (performance.now() - t0) / 1000;
    return report;
  } finally {
    http.close();
    await bare.close();
    await app.close().finally(restoreAppName);
  }
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** The lowest rate over any `width` consecutive whole seconds (all of them when fewer). */
function worstWindow(perSecond: number[], width = 5): number | undefined {
  if (!perSecond.length) return undefined;
  const w = Math.min(width, perSecond.length);
  let sum = perSecond.slice(0, w).reduce((a, b) => a + b, 0);
  let worst = sum;
  for (let i = w; i < perSecond.length; i++) {
    sum += perSecond[i] - perSecond[i - w];
    worst = Math.min(worst, sum);
  }
  return worst / w;
}

function printIngest(r: BackendReport, o: RunOptions, bareKind: string): void {
  if (!r.ingest.length) return;
  const pg = r.backend === 'postgres';
  log(`\n### ${r.backend}: ingestion, ${o.concurrency} clients over keep-alive (${r.version})\n`);
  const head = ['mode', 'endpoint', 'events/req', 'events/s', 'worst 5 s', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'KB/req', 'errors', 'thread CPU µs/ev', 'PG CPU µs/ev', 'clients CPU µs/ev', 'idle', 'Gatehouse/bare'];
  if (pg) head.push(`≥ ${TARGET_EVENTS_PER_S} ev/s`, `≥ ${TARGET_RATIO * 100}% of bare`);
  const rows = r.ingest.map((row) => {
    const bare = r.ingest.find((b) => b.mode === row.mode && b.target === 'bare');
    const ratio = row.target !== 'bare' && bare ? row.eventsPerSecond / bare.eventsPerSecond : undefined;
    const cells: string[] = [
      row.mode,
      TARGET_LABEL[row.target],
      String(row.batch),
      row.eventsPerSecond.toFixed(0),
      worstWindow(row.result.perSecond)?.toFixed(0) ?? '',
      (row.result.requests / row.result.seconds).toFixed(0),
      ms(row.latency.p50),
      ms(row.latency.p99),
      ms(row.latency.max),
      (row.result.bytes / Math.max(1, row.result.requests) / 1024).toFixed(1),
      String(row.result.errors),
      row.cpu.thread === undefined ? '–' : (row.cpu.thread * 1000).toFixed(0),
      row.cpu.postgres === undefined ? '–' : (row.cpu.postgres * 1000).toFixed(0),
      row.cpu.client === undefined ? '–' : (row.cpu.client * 1000).toFixed(0),
      row.cpu.idle === undefined ? '–' : `${(row.cpu.idle * 100).toFixed(0)}%`,
      ratio === undefined ? '' : `${(ratio * 100).toFixed(1)}%`,
    ];
    // The targets are Gatehouse's; the no-store row only shows the ceiling in front of the database.
    const judged = row.target === 'gatehouse';
    if (pg) cells.push(judged ? verdict(row.eventsPerSecond >= TARGET_EVENTS_PER_S) : '', judged && ratio !== undefined ? verdict(ratio >= TARGET_RATIO) : '');
    return cells;
  });
  log(table(head, rows, [false, false, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false, false]));
  log(`\n  bare = ${bareKind} on another port of this process; same payloads, same clients. "worst 5 s" = events/s over the slowest 5 consecutive seconds of the window.`);
  if (r.ingest.some((x) => x.target === 'no-store')) {
    log(`  Gatehouse, no store = the same Gatehouse with its lineage store replaced by one that writes nothing (bench only): HTTP, authentication, validation and digests alone, the ceiling that no storage design can raise. Nothing is stored in those runs.`);
  }
  log(`  CPU per event, over the measured window (from /proc; "–" where unreadable): "thread" is this process's main thread, which serves both endpoints (the clients run in a worker thread); "PG" is every PostgreSQL process on this machine; "clients" is the load generator's thread. Unlike events/s, these do not drop when other work takes the cores. "idle" = the share of all cores' time unused in the window: near 0%, the machine as a whole is the limit, and one part gains only what the others give up. The clients weigh on every row (on the 2-core VMs measured so far, they used more CPU per event than the bare endpoint itself).`);
  const errs = r.ingest.filter((x) => x.result.errors);
  for (const e of errs) log(`  ${e.mode} → ${e.target}: ${e.result.errors} errors, first: ${e.result.firstError}`);
  const sampled = r.ingest.filter((x) => x.waits && x.waits.samples > 0);
  if (sampled.length) {
    log(`\n  Gatehouse's PostgreSQL connections during the measured runs (pg_stat_activity every 200 ms; share of connection-samples):\n`);
    const labels = [...new Set(sampled.flatMap((x) => [...x.waits!.counts.keys()]))].sort();
    const rows = labels.map((label) => [
      label,
      ...sampled.map((x) => {
        const total = [...x.waits!.counts.values()].reduce((a, b) => a + b, 0);
        return `${(((x.waits!.counts.get(label) ?? 0) / total) * 100).toFixed(0)}%`;
      }),
    ]);
    rows.push(['connections open (mean)', ...sampled.map((x) => ([...x.waits!.counts.values()].reduce((a, b) => a + b, 0) / x.waits!.samples).toFixed(1))]);
    log(table(['state', ...sampled.map((x) => `${x.mode} (${x.waits!.samples} samples)`)], rows, [false, ...sampled.map(() => true)]));
  }
}

function printQueries(r: BackendReport): void {
  if (!r.graph) return;
  const g = r.graph;
  log(`\n### ${r.backend}: GET /api/v1/lineage on ${g.plan.layers * g.plan.perLayer} datasets, ${g.plan.jobs.length} jobs, ${g.plan.edges} edges (${g.plan.layers} layers)\n`);
  const rows = r.queries.map((q) => [
    String(q.depth),
    q.direction,
    String(q.requests),
    ms(q.latency.p50),
    ms(q.latency.p95),
    ms(q.latency.p99),
    ms(q.latency.max),
    q.nodes.mean.toFixed(0),
    String(q.nodes.p50),
    String(q.nodes.max),
    `${(q.truncated * 100).toFixed(0)}%`,
    q.kilobytes.toFixed(0),
    q.depth === 10 ? `${verdict(q.latency.p95 < TARGET_DEPTH10_P95_MS)}` : '',
  ]);
  log(
    table(
      ['depth', 'direction', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'avg nodes', 'p50 nodes', 'max nodes', 'truncated (1000)', 'avg KB', `p95 < ${TARGET_DEPTH10_P95_MS} ms`],
      rows,
      [true, false, true, true, true, true, true, true, true, true, true, true, false],
    ),
  );
  log('\n  Mean latency by answer size (queries in the bucket: mean ms):\n');
  log(
    table(
      ['depth', 'direction', ...SIZE_BUCKETS.map(([label]) => label)],
      r.queries.map((q) => [String(q.depth), q.direction, ...q.bySize.map((b) => (b.count ? `${b.count}: ${ms(b.mean)}` : '–'))]),
      [true, false, ...SIZE_BUCKETS.map(() => true)],
    ),
  );
  log(`\n  graph loaded with SQL in ${g.seconds.toFixed(1)} s, ANALYZE ${g.analyzeSeconds.toFixed(1)} s; node+edge tables ${g.sizeMb.toFixed(0)} MB; start nodes: random datasets of the middle layers; one client, sequential requests.`);
}

/** Runs one backend in this process; undefined when it was skipped (PostgreSQL unreachable). */
async function measureBackend(backend: BackendName, tasks: TaskDef[], o: RunOptions): Promise<BackendReport | undefined> {
  if (await postgresSkipped(backend)) return undefined;
  const gen = new LoadGenerator();
  try {
    const report = await runBackend(backend, gen, tasks, o);
    log(`  ${backend} done in ${report.seconds.toFixed(1)} s`);
    return report;
  } finally {
    await gen.close();
  }
}

/** How a Map travels in a child's report (JSON has none). */
const MAP_TAG = '__map';

/**
 * Runs one backend in a child process (this script again, with `--report-to`), and reads back its
 * report. Measured in one process, PostgreSQL after PGlite cost the serving thread 12–20% more CPU
 * per event than PostgreSQL alone (2026-12-05: 371 against 330 µs per single event, 243 against
 * 203 with no store), so the first backend's leftovers were charged to the second.
 */
async function inOwnProcess(backend: BackendName): Promise<BackendReport | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'gh-bench-'));
  const file = join(dir, 'report.json');
  try {
    const args: string[] = [];
    const argv = process.argv.slice(2);
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--backends') i++;
      else if (!argv[i].startsWith('--backends=')) args.push(argv[i]);
    }
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...args, '--backends', backend, '--report-to', file], { stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('exit', resolve));
    if (code !== 0) throw new Error(`the ${backend} run ended with exit code ${code}`);
    return JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) =>
      value !== null && typeof value === 'object' && MAP_TAG in value ? new Map((value as Record<string, [unknown, unknown][]>)[MAP_TAG]) : value,
    ) as BackendReport | undefined ?? undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = new Options();
  const duration = options.int('duration', 20, 1);
  const o: RunOptions = {
    concurrency: options.int('concurrency', 32, 1),
    durationMs: duration * 1000,
    events: options.int('events', 0, 0),
    warmupMs: options.int('warmup', 3, 0) * 1000,
    batch: options.int('batch', 100, 2),
    bare: options.choice('bare', ['node', 'fastify'], 'node'),
    skipIngest: options.bool('skip-ingest', false),
    skipGraph: options.bool('skip-graph', false),
    profileEvents: options.int('profile-events', 1000, 0),
    datasets: options.int('datasets', 100_000, 10),
    edges: options.int('edges', 300_000, 10),
    layers: options.int('layers', 20, 2),
    runsPerJob: options.int('runs-per-job', 1, 0),
    requests: options.int('requests', 300, 1),
    queryWarmup: options.int('query-warmup', 20, 0),
    breakdown: options.int('breakdown', 50, 0),
    noStoreRun: options.bool('no-store-run', true),
    payload: options.choice('payload', ['airflow', 'compact'], 'airflow'),
  };
  const backends = options.backends();
  const reportTo = options.raw('report-to');
  if (reportTo) {
    // A child of inOwnProcess: one backend, its report written for the parent to print.
    const report = await measureBackend(backends[0], generateTasks(), o);
    writeFileSync(reportTo, JSON.stringify(report ?? null, (_key, value: unknown) => (value instanceof Map ? { [MAP_TAG]: [...value] } : value)));
    return;
  }

  const cpu = cpus();
  log('# Gatehouse lineage benchmark');
  log(`  ${new Date().toISOString()} on ${hostname()}: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`);
  log(`  load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews the figures)`);
  if (!o.skipIngest) {
    log(`  ingestion: ${o.concurrency} clients, ${o.events > 0 ? `${o.events} events` : `${duration} s`} per run after ${o.warmupMs / 1000} s warm-up, single events and batches of ${o.batch}; bare endpoint: ${o.bare}`);
  }
  if (!o.skipGraph) log(`  graph: ${o.datasets} datasets, ~${o.edges} edges, ${o.layers} layers, ${o.runsPerJob} run(s) per job; ${o.requests} queries per case`);

  const started = performance.now();
  const tasks = generateTasks();
  {
    const sample = new EventStream(tasks, 0, SALT, o.payload);
    const sizes = Array.from({ length: 2 * BLOCK }, () => sample.next().length);
    log(`  events: ${tasks.length} Airflow tasks, ${new Set(tasks.flatMap((t) => [...t.inputs, ...t.outputs].map((d) => d.name))).size} datasets; START+COMPLETE per run, serialised ${o.payload === 'airflow' ? 'as Airflow\'s provider does (sorted keys, Python\'s separators)' : 'compactly, keys in template order'}, ${(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024).toFixed(1)} KB per event on average`);
  }
  const reports: BackendReport[] = [];
  const skipped: string[] = [];
  const bareKind = o.bare === 'node' ? 'node:http + JSON.parse' : 'a bare Fastify 5 route';
  for (const backend of backends) {
    const report = backends.length > 1 ? await inOwnProcess(backend) : await measureBackend(backend, tasks, o);
    if (report) reports.push(report);
    else skipped.push(backend);
  }

  log('\n# Results');
  for (const r of reports) {
    printIngest(r, o, bareKind);
    printStoreProfile(r.backend, r.profile);
    printQueries(r);
    printBreakdown(r.backend, r.breakdown);
  }

  log(`\n# Targets (PostgreSQL): ≥ ${TARGET_EVENTS_PER_S} events/s sustained and ≥ ${TARGET_RATIO * 100}% of the bare HTTP ceiling; depth-10 query p95 < ${TARGET_DEPTH10_P95_MS} ms`);
  const pg = reports.find((r) => r.backend === 'postgres');
  if (!pg) {
    log(`  NOT MEASURED: PostgreSQL ${skipped.includes('postgres') ? 'was unreachable' : 'was not selected'}.`);
  } else {
    for (const mode of ['single', 'batched'] as const) {
      const gh = pg.ingest.find((x) => x.mode === mode && x.target === 'gatehouse');
      const bare = pg.ingest.find((x) => x.mode === mode && x.target === 'bare');
      if (!gh || !bare) continue;
      const ratio = gh.eventsPerSecond / bare.eventsPerSecond;
      log(`  ${verdict(gh.eventsPerSecond >= TARGET_EVENTS_PER_S)}  ${mode.padEnd(7)} ${gh.eventsPerSecond.toFixed(0)} events/s (slowest 5 s: ${worstWindow(gh.result.perSecond)?.toFixed(0) ?? '–'})`);
      log(`  ${verdict(ratio >= TARGET_RATIO)}  ${mode.padEnd(7)} ${(ratio * 100).toFixed(1)}% of the bare endpoint's ${bare.eventsPerSecond.toFixed(0)} events/s`);
      const ceiling = pg.ingest.find((x) => x.mode === mode && x.target === 'no-store');
      if (ceiling) log(`        ${mode.padEnd(7)} (in front of the database alone, with a store that writes nothing: ${ceiling.eventsPerSecond.toFixed(0)} events/s, ${((ceiling.eventsPerSecond / bare.eventsPerSecond) * 100).toFixed(1)}% of the bare endpoint)`);
    }
    const scale = o.datasets === 100_000 && o.edges === 300_000 ? '' : ` (measured on ${o.datasets} datasets / ~${o.edges} edges, not 100,000 / 300,000)`;
    for (const q of pg.queries.filter((x) => x.depth === 10)) {
      log(`  ${verdict(q.latency.p95 < TARGET_DEPTH10_P95_MS)}  depth 10 ${q.direction.padEnd(10)} p95 ${ms(q.latency.p95)} ms${scale}`);
    }
  }
  log(`\nLoad average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(`Whole benchmark: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (isMainThread) {
  main().then(
    // Open handles (pools, timers in dependencies) must not keep a finished benchmark alive.
    () => process.exit(0),
    (error: unknown) => {
      console.error('\nbench:lineage failed:', error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
} else {
  workerMain();
}
