import { runEvent } from '../../support/openlineage';
import type { ConsoleApp } from './console-app';

/**
 * Lineage for the explorer's browser tests, recorded as OpenLineage events on top of the console
 * fixture (whose build_customer_360 job already reads orders-daily's output and writes
 * customer-360's):
 *
 *   orders_src → extract_orders → orders_raw → clean_orders (failed) → orders_clean → orders_daily.build → orders_daily
 *                                 customers ↗                                                          ↘ build_customer_360 → customer_360
 *                                                                                                      ↘ report_00 … report_23 → report_NN
 *
 * orders_daily.build is a job of orders-daily's DAG (orders_daily), so the product's graph starts
 * at it and at orders_daily. orders_daily has 25 downstream jobs (a group node), an upstream chain of depth ≥ 3, products
 * owning datasets at both ends, and columnLineage facets along the chain (total ← amount).
 */
export const WAREHOUSE = 'postgres://warehouse:5432';
export const JOBS = 'airflow-prod';
export const FAN_OUT = 24;

export const ds = (name: string) => ({ namespace: WAREHOUSE, name });
export const datasetNode = (name: string) => `dataset:${WAREHOUSE}:${name}`;
export const jobNode = (name: string) => `job:${JOBS}:${name}`;

const schema = (...fields: [string, string][]) => ({ schema: { _producer: 'https://example.com/tests', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: fields.map(([name, type]) => ({ name, type })) } });
const columnLineage = (fields: Record<string, [string, string][]>) => ({
  columnLineage: {
    _producer: 'https://example.com/tests',
    _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json',
    fields: Object.fromEntries(Object.entries(fields).map(([f, inputs]) => [f, { inputFields: inputs.map(([name, field]) => ({ namespace: WAREHOUSE, name, field })) }])),
  },
});

export async function seedLineage(app: ConsoleApp): Promise<void> {
  const events = [
    runEvent({
      job: 'extract_orders',
      namespace: JOBS,
      inputs: [{ ...ds('raw.public.orders_src'), facets: schema(['id', 'BIGINT'], ['amount', 'NUMERIC'], ['customer_id', 'BIGINT']) }],
      outputs: [{ ...ds('staging.public.orders_raw'), facets: { ...schema(['id', 'BIGINT'], ['amount', 'NUMERIC'], ['customer_id', 'BIGINT']), ...columnLineage({ id: [['raw.public.orders_src', 'id']], amount: [['raw.public.orders_src', 'amount']], customer_id: [['raw.public.orders_src', 'customer_id']] }) } }],
    }),
    runEvent({
      job: 'clean_orders',
      namespace: JOBS,
      eventType: 'FAIL',
      inputs: [ds('staging.public.orders_raw'), { ...ds('staging.public.customers'), facets: schema(['id', 'BIGINT'], ['name', 'TEXT']) }],
      outputs: [
        {
          ...ds('staging.public.orders_clean'),
          facets: { ...schema(['id', 'BIGINT'], ['amount', 'NUMERIC'], ['customer', 'TEXT']), ...columnLineage({ id: [['staging.public.orders_raw', 'id']], amount: [['staging.public.orders_raw', 'amount']], customer: [['staging.public.customers', 'name']] }) },
        },
      ],
    }),
    runEvent({
      job: 'orders_daily.build',
      namespace: JOBS,
      inputs: [ds('staging.public.orders_clean')],
      outputs: [{ ...ds('analytics.public.orders_daily'), facets: { ...schema(['order_date', 'DATE'], ['total', 'NUMERIC'], ['orders', 'BIGINT']), ...columnLineage({ total: [['staging.public.orders_clean', 'amount']], orders: [['staging.public.orders_clean', 'id']] }) } }],
    }),
    ...Array.from({ length: FAN_OUT }, (_, i) => {
      const n = String(i).padStart(2, '0');
      return runEvent({ job: `report_${n}`, namespace: JOBS, inputs: [ds('analytics.public.orders_daily')], outputs: [ds(`reports.public.report_${n}`)] });
    }),
  ];
  const r = await app.t.request('POST', '/api/v1/lineage', { body: events });
  if (r.status >= 300) throw new Error(`seeding lineage answered ${r.status}: ${r.text.slice(0, 500)}`);
}
