import { randomUUID } from 'node:crypto';
import type { DiscoveredDag } from '../../../adapters/core/orchestrator.port';
import { runEvent } from '../../support/openlineage';
import type { ConsoleApp } from './console-app';

/**
 * Runs, SLA history and discoverable DAGs for the operations pages' browser tests, on top of the
 * console fixture (orders-daily: SLA PT4H, outputs analytics.public.orders_daily and
 * analytics.public.orders_daily_by_region, bound to DAG orders_daily on airflow-<env>):
 *
 * - a prod run of orders_daily triggered by Gatehouse, whose Airflow lineage has an `extract`
 *   task and a `load` task that failed its first try and succeeded on the second;
 * - productions of orders_daily in prod 20 h, 9 h and 1 h ago (deadlines met and missed), and
 *   of orders_daily_by_region 10 h ago only, so that an SLA breach is open;
 * - on airflow-prod, an unbound DAG returns_weekly for "Sync" to propose a manifest for.
 */
export const WAREHOUSE = 'postgres://warehouse:5432';
export const JOBS = 'airflow-prod';

export const DISCOVERED_PROD: DiscoveredDag[] = [
  { type: 'dag', dagId: 'orders_daily', owners: ['sales-data'], tags: ['sales'], schedule: '0 2 * * *', paused: false, description: 'Daily orders' },
  { type: 'dag', dagId: 'returns_weekly', owners: ['sales-data', 'ana@example.com'], tags: ['sales'], schedule: '0 3 * * 1', paused: false, description: 'Weekly returns' },
];

const facet = (extra: object) => ({ _producer: 'https://example.com/tests', _schemaURL: 'https://example.com/schema', ...extra });
const H = 3_600_000;

export interface OperationsData {
  /** The Gatehouse run whose load task took two tries. */
  runId: string;
}

export async function seedOperations(app: ConsoleApp): Promise<OperationsData> {
  const ok = async (call: ReturnType<ConsoleApp['as']>, what: string) => {
    const r = await call;
    if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${r.text.slice(0, 500)}`);
    return r;
  };
  const now = Date.now();
  const at = (hours: number) => new Date(now + hours * H).toISOString();
  const dataset = (name: string) => ({ namespace: WAREHOUSE, name });

  const run = (await ok(app.as('admin', 'POST', '/api/v1/data-products/orders-daily/runs', { environment: 'prod' }), 'prod run')).body;
  const dagRun = randomUUID();
  const [extract, try1, try2] = [randomUUID(), randomUUID(), randomUUID()];
  const parent = facet({ run: { runId: dagRun }, job: { namespace: JOBS, name: 'orders_daily' } });
  const attempt = (n: number) => ({ parent, airflow: facet({ dagRun: { run_id: run.id }, taskInstance: { try_number: n, map_index: -1 } }) });
  const dag = (eventType: string, hours: number) => runEvent({ namespace: JOBS, job: 'orders_daily', runId: dagRun, eventType, eventTime: at(hours), runFacets: { airflowDagRun: facet({ dagRun: { run_id: run.id } }) } });
  const task = (job: string, runId: string, eventType: string, hours: number, n: number, extra: Record<string, unknown> = {}) =>
    runEvent({ namespace: JOBS, job: `orders_daily.${job}`, runId, eventType, eventTime: at(hours), runFacets: { ...attempt(n), ...((extra.runFacets as object) ?? {}) }, inputs: extra.inputs as never, outputs: extra.outputs as never });
  const raw = [dataset('raw.public.orders')];
  const out = [dataset('analytics.public.orders_daily')];
  await ok(
    app.as('admin', 'POST', '/api/v1/lineage', [
      dag('START', -1.2),
      task('extract', extract, 'START', -1.19, 1, { inputs: raw }),
      task('extract', extract, 'COMPLETE', -1.15, 1, { inputs: raw }),
      task('load', try1, 'START', -1.14, 1),
      task('load', try1, 'FAIL', -1.1, 1, { runFacets: { errorMessage: facet({ message: 'connection reset by peer', programmingLanguage: 'python' }) } }),
      task('load', try2, 'START', -1.05, 2),
      task('load', try2, 'COMPLETE', -1, 2, { inputs: raw, outputs: out }),
      dag('COMPLETE', -0.99),
    ]),
    'run lineage',
  );
  // earlier productions (scheduled runs): orders_daily 20 h and 9 h ago, by_region 10 h ago only
  const produce = (name: string, hours: number) => runEvent({ namespace: JOBS, job: 'orders_daily.load', eventTime: at(hours), outputs: [dataset(name)] });
  await ok(app.as('admin', 'POST', '/api/v1/lineage', [produce('analytics.public.orders_daily', -20), produce('analytics.public.orders_daily', -9), produce('analytics.public.orders_daily_by_region', -10)]), 'productions');
  await ok(app.as('admin', 'POST', '/api/v1/sla/evaluate'), 'SLA evaluation');
  return { runId: run.id };
}
