import { FakeOrchestrator } from './fake-orchestrator';
import { manifest } from './manifests';
import { runEvent } from './openlineage';
import { policyFolder } from './policy-folder';
import { startTestApp, TestApp } from './test-app';
import { eventually } from './webhook-receiver';

/**
 * A Gatehouse with the shipped roles and a test's promotion gates, fake Airflow instances for
 * dev, staging and prod, people with tokens, and what the breaking-change gate's specs do over
 * HTTP: declared products on `analytics.public.*` in one warehouse, lineage of who reads them in
 * prod, promotions carried through to success.
 */
export const WH = 'postgres://warehouse:5432';
export const ENVS = ['dev', 'staging', 'prod'] as const;
export type Env = (typeof ENVS)[number];
export const dataset = (name: string) => ({ namespace: WH, name: `analytics.public.${name}` });
export const datasetId = (name: string) => `dataset:${WH}:analytics.public.${name}`;
export const SCHEMA = [
  { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true, primaryKey: true },
  { name: 'amount', logicalType: 'number' },
  { name: 'coupon', logicalType: 'string' },
];
export const bindings = (dag: string) => ENVS.map((env) => ({ orchestrator: `airflow-${env}`, dag }));

/** A product publishing one dataset with a declared schema (the producing team, sales-data, owns it). */
export const producer = (name: string, schema: object[], spec: Record<string, unknown> = {}) =>
  manifest(name, { spec: { containsPii: false, classification: 'internal', outputs: [{ ...dataset(name), schema }], bindings: bindings(`${name}_daily`), ...spec } });

/** A product reading others, owned by `owner`, without bindings. */
export const consumer = (name: string, owner: string, stewards: string[] = []) =>
  manifest(name, { metadata: { owner, stewards }, spec: { tier: 2, containsPii: false, classification: 'internal', outputs: [dataset(name)], bindings: [] } });

/** An OpenLineage run in prod where `job` reads `inputs` and writes `output`, with column lineage when `columns` names the input fields read. */
export const reads = (job: string, inputs: string[], output: string, columns?: string[]) =>
  runEvent({
    job,
    namespace: 'spark-prod',
    inputs: inputs.map(dataset),
    outputs: [
      {
        ...dataset(output),
        ...(columns
          ? {
              facets: {
                columnLineage: {
                  _producer: 'https://example.com/p',
                  _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json',
                  fields: { value: { inputFields: inputs.flatMap((input) => columns.map((field) => ({ ...dataset(input), field, transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION' }] }))) } },
                },
              },
            }
          : {}),
      },
    ],
  });

export interface Person {
  kind: 'person';
  teams: readonly string[];
  roles: readonly string[];
}

export interface ContractGateApp<Who extends string> {
  t: TestApp;
  orchestrators: Record<Env, FakeOrchestrator>;
  /** Request options acting as this person (the test app's admin token for `admin`). */
  as(who: Who | 'admin'): { token?: string };
  get(id: string, who?: Who | 'admin'): Promise<any>;
  /** Requests a promotion as `who`, expecting 201. */
  promote(who: Who, product: string, revision: number, from: Env, to: Env): Promise<any>;
  acknowledge(who: Who | 'admin', id: string, downstream: string, comment?: string): ReturnType<TestApp['request']>;
  approve(who: Who | 'admin', id: string): ReturnType<TestApp['request']>;
  /** Waits for the promotion's run on the environment's orchestrator, lets it succeed and waits for the promotion to. */
  finish(env: Exclude<Env, 'dev'>, id: string): Promise<any>;
  close(): Promise<void>;
}

/** The promotion's gate result for a check. */
export const gateOf = (promotion: { gates: { check: string }[] }, check: string) =>
  promotion.gates.find((g) => g.check === check) as unknown as { status: string; message: string; hard: boolean; evidence: any } | undefined;

export async function startContractGateApp<Who extends string>(gatesYaml: string, people: Record<Who, Person>): Promise<ContractGateApp<Who>> {
  const policies = policyFolder(gatesYaml);
  const orchestrators: Record<Env, FakeOrchestrator> = { dev: new FakeOrchestrator('airflow', []), staging: new FakeOrchestrator('airflow', []), prod: new FakeOrchestrator('airflow', []) };
  const instance = (env: Env) => ({ kind: 'airflow' as const, name: `airflow-${env}`, environment: env, baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2' as const, timeoutMs: 1000, credentials: { username: 'u', password: 'p' } });
  const t = await startTestApp(
    { policyDir: policies.dir, orchestrators: ENVS.map(instance), lineageEnvironments: { 'spark-staging': 'staging', 'spark-prod': 'prod' } },
    { orchestratorAdapters: (i) => orchestrators[i.environment as Env] },
  );
  const tokens = new Map<string, string>();
  for (const [id, p] of Object.entries(people) as [Who, Person][]) {
    expect((await t.request('POST', '/api/v1/principals', { body: { id, name: id, ...p } })).status).toBe(201);
    tokens.set(id, (await t.request('POST', '/api/v1/tokens', { body: { principal: id } })).body.token);
  }
  const as = (who: Who | 'admin') => (who === 'admin' ? {} : { token: tokens.get(who)! });
  const get = async (id: string, who: Who | 'admin' = 'admin') => (await t.request('GET', `/api/v1/promotions/${id}`, as(who))).body;
  return {
    t,
    orchestrators,
    as,
    get,
    async promote(who, product, revision, from, to) {
      const r = await t.request('POST', '/api/v1/promotions', { body: { product, revision, from, to, reason: `r${revision} to ${to}` }, ...as(who) });
      expect(r.status).toBe(201);
      return r.body;
    },
    acknowledge: (who, id, downstream, comment = '') => t.request('POST', `/api/v1/promotions/${id}/acknowledgements`, { body: { downstream, comment }, ...as(who) }),
    approve: (who, id) => t.request('POST', `/api/v1/promotions/${id}/approvals`, { body: { decision: 'approve' }, ...as(who) }),
    async finish(env, id) {
      const executing = await eventually(() => get(id), (p) => p.state === 'executing' && !!p.runId && orchestrators[env].triggered.some((r) => r.runId === p.runId), 10_000);
      orchestrators[env].finish(executing.runId, 'succeeded');
      return eventually(() => get(id), (p) => p.state === 'succeeded', 10_000);
    },
    async close() {
      await t.close();
      policies.remove();
    },
  };
}
