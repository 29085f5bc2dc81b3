/**
 * `npm run bench:orchestrators`: what Gatehouse adds to a trigger. Starts a real Airflow 3 and a
 * real Dagster (scripts/orchestrators/start.mjs) and Gatehouse in front of them, then triggers
 * the same target alternately straight at the orchestrator (its own HTTP API, as a user would)
 * and through `POST /api/v1/data-products/{name}/runs`, and prints both latencies and the
 * difference. Figures only; it never fails on them.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HttpClient, latencyStats, log, ms, Options, startBenchApp, table } from './support';

interface Started {
  airflow: { baseUrl: string; username: string; password: string };
  dagster: { baseUrl: string; graphqlUrl: string; locationName: string; repositoryName: string; assetJobName: string };
  stop(): Promise<void>;
}
interface StartModule {
  startOrchestrators(options: object): Promise<Started>;
  airflowToken(baseUrl: string, username: string, password: string): Promise<string>;
}

const LAUNCH = `mutation($p: ExecutionParams!) { launchRun(executionParams: $p) { __typename ... on LaunchRunSuccess { run { runId } } } }`;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const opts = new Options();
  const n = opts.int('triggers', 20, 3);
  const start = (await import(pathToFileURL(resolve(__dirname, '..', '..', 'scripts', 'orchestrators', 'start.mjs')).href)) as StartModule;
  log('starting Airflow and Dagster (the first run builds their virtual environments)…');
  const o = await start.startOrchestrators({ airflow: true, dagster: true, log: () => {} });
  const bench = await startBenchApp('pglite', {
    orchestrators: [
      { kind: 'airflow', name: 'airflow-prod', environment: 'prod', baseUrl: o.airflow.baseUrl, apiVersion: 'v2', timeoutMs: 30_000, credentials: { username: o.airflow.username, password: o.airflow.password } },
      { kind: 'dagster', name: 'dagster-staging', environment: 'staging', baseUrl: o.dagster.baseUrl, repositoryLocation: o.dagster.locationName, repositoryName: o.dagster.repositoryName, assetJob: o.dagster.assetJobName, timeoutMs: 30_000, headers: {} },
    ],
  });
  const gatehouse = new HttpClient(bench.port);
  try {
    await gatehouse.json('PUT', '/api/v1/data-products/orders-daily', {
      apiVersion: 'gatehouse/v1',
      kind: 'DataProduct',
      metadata: { name: 'orders-daily', title: 'Daily orders', domain: 'sales', owner: 'team:sales-data' },
      spec: { tier: 1, classification: 'internal', containsPii: false, bindings: [{ orchestrator: 'airflow-prod', dag: 'customers_snapshot' }, { orchestrator: 'dagster-staging', asset: ['sales', 'raw_orders'] }] },
    }, 201);
    await gatehouse.json('POST', '/api/v1/orchestrators/airflow-prod/dags/customers_snapshot/unpause');

    const token = await start.airflowToken(o.airflow.baseUrl, o.airflow.username, o.airflow.password);
    const airflowDirect = () =>
      fetch(`${o.airflow.baseUrl}/api/v2/dags/customers_snapshot/dagRuns`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ dag_run_id: randomUUID(), logical_date: null, conf: {} }),
      }).then((r) => r.json());
    const dagsterDirect = () =>
      fetch(o.dagster.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: LAUNCH,
          variables: {
            p: {
              selector: { repositoryLocationName: o.dagster.locationName, repositoryName: o.dagster.repositoryName, jobName: o.dagster.assetJobName, assetSelection: [{ path: ['sales', 'raw_orders'] }] },
              executionMetadata: { tags: [{ key: 'gatehouse/bench', value: randomUUID() }] },
            },
          },
        }),
      }).then((r) => r.json());
    const through = (environment: string) => () => gatehouse.json('POST', '/api/v1/data-products/orders-daily/runs', { environment }, 201);

    const rows: string[][] = [];
    for (const [label, direct, viaGatehouse] of [
      ['Airflow 3 (POST dagRuns)', airflowDirect, through('prod')],
      ['Dagster 1.13 (launchRun)', dagsterDirect, through('staging')],
    ] as const) {
      await direct();
      await viaGatehouse();
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < n; i++) {
        a.push(await timed(direct));
        b.push(await timed(viaGatehouse));
      }
      const d = latencyStats(a);
      const g = latencyStats(b);
      // Each Gatehouse trigger against the direct one just before it: the orchestrator's own
      // latency drifts (Dagster's launch varies by hundreds of ms), a pair shares the drift.
      const paired = latencyStats(b.map((x, i) => x - a[i]));
      rows.push([label, ms(d.p50), ms(d.p95), ms(g.p50), ms(g.p95), ms(g.p50 - d.p50), ms(paired.p50)]);
    }
    log(`\nTrigger latency, ${n} triggers each, alternating direct and through Gatehouse (ms)\n`);
    log(table(['orchestrator', 'direct p50', 'direct p95', 'Gatehouse p50', 'Gatehouse p95', 'added p50', 'added, paired median'], rows, [false, true, true, true, true, true, true]));
    log('\ntarget: Gatehouse adds under 20 ms to a trigger');
  } finally {
    gatehouse.close();
    await bench.close();
    await o.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
