import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Discovered } from '../../../adapters/core/orchestrator.port';
import type { OidcConfig } from '../../../src/config/config';
import { FakeOrchestrator } from '../../support/fake-orchestrator';
import { manifest } from '../../support/manifests';
import { runEvent } from '../../support/openlineage';
import { policyFolder } from '../../support/policy-folder';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../../support/test-app';
import { Account, OpenIdProvider, startOpenIdProvider } from './openid-provider';

/**
 * Gatehouse as the browser suites use it: started in the test process on a loopback port,
 * serving the console built by `npm run build` (console/dist, or GATEHOUSE_TEST_CONSOLE_DIR), with people, products, lineage and
 * fake orchestrators so that every page has something to show, and optionally a real OpenID
 * provider the console signs in with.
 *
 * People (each has an API token in `tokens`):
 * - olga: owner, team sales-data (owns orders-daily and customer-360)
 * - alice, bob: approvers
 * - sam: steward and approver
 * - audrey: auditor
 * - robot: a service account with the approver role
 * - admin: the bootstrap administrator (ADMIN_TOKEN)
 *
 * Gates: staging needs 1 approval from an approver; prod needs 2, and that the revision ran in
 * staging (sourceRevisionSucceeded), which break-glass (admin) can override.
 */
export const GATES = `
apiVersion: gatehouse/v1
kind: PromotionGates
environments:
  dev:
    checks: [ownerDeclared]
  staging:
    checks: [ownerDeclared, slaDeclared, approvals]
    approvals: { required: 1, fromRoles: [approver], piiRequiresSteward: false, expireAfter: P1D, expireRequestsAfter: P3D }
    breakGlassRoles: [admin]
  prod:
    checks: [ownerDeclared, slaDeclared, sourceRevisionSucceeded, approvals]
    approvals: { required: 2, fromRoles: [approver], piiRequiresSteward: false, expireAfter: P1D, expireRequestsAfter: P7D }
    breakGlassRoles: [admin]
`;

export const PEOPLE = {
  olga: { name: 'Olga Owner', kind: 'person', teams: ['sales-data'], roles: [] },
  alice: { name: 'Alice Approver', kind: 'person', teams: ['platform'], roles: ['approver'] },
  bob: { name: 'Bob Approver', kind: 'person', teams: ['platform'], roles: ['approver'] },
  sam: { name: 'Sam Steward', kind: 'person', teams: ['governance'], roles: ['steward', 'approver'] },
  audrey: { name: 'Audrey Auditor', kind: 'person', teams: ['audit'], roles: ['auditor'] },
  robot: { name: 'Deploy robot', kind: 'service', teams: [], roles: ['approver'] },
} as const;
export type Person = keyof typeof PEOPLE | 'admin';

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface ConsoleApp {
  t: TestApp;
  baseUrl: string;
  tokens: Record<Person, string>;
  /** The fake Airflow of each environment: `finish(runId, 'succeeded')` ends a run. */
  orchestrators: Record<Environment, FakeOrchestrator>;
  oidc?: OpenIdProvider;
  /** A request as one of the people (admin by default). */
  as(person: Person, method: string, path: string, body?: unknown): ReturnType<TestApp['request']>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Catalog rows: owners, domains, tiers and classifications to filter on. */
const OTHER_PRODUCTS: { name: string; owner: string; domain: string; tier: number; classification: string; tags: string[] }[] = [
  { name: 'billing-ledger', owner: 'team:finance', domain: 'finance', tier: 1, classification: 'confidential', tags: ['finance', 'sox'] },
  { name: 'campaign-clicks', owner: 'team:marketing', domain: 'marketing', tier: 3, classification: 'internal', tags: ['web'] },
  { name: 'churn-features', owner: 'team:data-science', domain: 'customer', tier: 2, classification: 'internal', tags: ['ml-feature'] },
  { name: 'inventory-snapshot', owner: 'team:supply-chain', domain: 'supply-chain', tier: 2, classification: 'public', tags: ['daily'] },
  { name: 'payroll-monthly', owner: 'team:people', domain: 'people', tier: 1, classification: 'restricted', tags: ['pii'] },
  { name: 'returns-daily', owner: 'team:sales-data', domain: 'sales', tier: 3, classification: 'internal', tags: ['daily'] },
];

export interface ConsoleAppOptions {
  oidcAccounts?: Account[];
  /** What each environment's fake Airflow has (DAGs for "Sync" to discover); nothing by default. */
  discovered?: Partial<Record<Environment, Discovered[]>>;
  /** The promotion gates file (`GATES` by default). */
  gates?: string;
}

export async function startConsoleApp(options: ConsoleAppOptions = {}): Promise<ConsoleApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const oidc = options.oidcAccounts ? await startOpenIdProvider({ redirectUri: `${baseUrl}/auth/callback`, accounts: options.oidcAccounts }) : undefined;
  const oidcConfig: OidcConfig | undefined = oidc && {
    issuer: oidc.issuer,
    audience: 'gatehouse',
    consoleClientId: oidc.clientId,
    consoleScopes: 'openid profile groups roles',
    algorithms: ['RS256', 'ES256', 'PS256'],
    claims: { id: 'sub', name: 'name', teams: 'groups', roles: 'roles' },
  };
  const policies = policyFolder(options.gates ?? GATES);
  const fake = (env: Environment) => new FakeOrchestrator('airflow', options.discovered?.[env] ?? []);
  const orchestrators = { dev: fake('dev'), staging: fake('staging'), prod: fake('prod') };
  const instance = (env: Environment) => ({ kind: 'airflow' as const, name: `airflow-${env}`, environment: env, baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2' as const, timeoutMs: 1000, credentials: { username: 'u', password: 'p' } });
  const t = await startTestApp(
    { port, policyDir: policies.dir, orchestrators: ENVIRONMENTS.map(instance), oidc: oidcConfig, promotionPollMs: 200 },
    // GATEHOUSE_TEST_CONSOLE_DIR: a console built elsewhere (`vite build --outDir`), instead of console/dist.
    { orchestratorAdapters: (i) => orchestrators[i.environment as Environment], ...(process.env.GATEHOUSE_TEST_CONSOLE_DIR ? { consoleDir: process.env.GATEHOUSE_TEST_CONSOLE_DIR } : {}) },
  );
  const tokens = { admin: ADMIN_TOKEN } as Record<Person, string>;
  const as: ConsoleApp['as'] = (person, method, path, body) => t.request(method, path, { body, token: tokens[person] });
  const ok = async (call: ReturnType<TestApp['request']>, what: string) => {
    const r = await call;
    if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${r.text.slice(0, 500)}`);
    return r;
  };
  try {
    for (const [id, p] of Object.entries(PEOPLE)) {
      await ok(t.request('POST', '/api/v1/principals', { body: { id, ...p } }), `creating ${id}`);
      tokens[id as Person] = (await ok(t.request('POST', '/api/v1/tokens', { body: { principal: id } }), `token of ${id}`)).body.token;
    }
    const bindings = ENVIRONMENTS.map((env) => ({ orchestrator: `airflow-${env}`, dag: 'orders_daily' }));
    // orders-daily: three revisions (a tier change, then a new output), owned by olga's team.
    const orders = manifest('orders-daily', { metadata: { title: 'Daily orders' }, spec: { bindings, classification: 'internal', containsPii: false } });
    await ok(as('olga', 'PUT', '/api/v1/data-products/orders-daily', orders), 'orders-daily r1');
    await ok(as('olga', 'PATCH', '/api/v1/data-products/orders-daily', { spec: { tier: 2 } }), 'orders-daily r2');
    const outputs = [...orders.spec.outputs, { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders_daily_by_region' }];
    await ok(as('olga', 'PATCH', '/api/v1/data-products/orders-daily', { spec: { outputs, sla: { freshness: 'PT4H', schedule: '0 2 * * *' } } }), 'orders-daily r3');
    const customer = manifest('customer-360', { metadata: { title: 'Customer 360', owner: 'team:sales-data' }, spec: { classification: 'confidential', tier: 1, bindings: [] } });
    await ok(as('olga', 'PUT', '/api/v1/data-products/customer-360', customer), 'customer-360');
    for (const p of OTHER_PRODUCTS) {
      const m = manifest(p.name, { metadata: { owner: p.owner, domain: p.domain, tags: p.tags, stewards: ['sam@example.com'] }, spec: { tier: p.tier, classification: p.classification, containsPii: p.classification === 'restricted', bindings: [] } });
      await ok(t.request('PUT', `/api/v1/data-products/${p.name}`, { body: m }), p.name);
    }
    // Lineage: a job reads orders-daily's output and writes customer-360's, so customer-360 is downstream.
    const event = runEvent({ job: 'build_customer_360', namespace: 'airflow-prod', inputs: [orders.spec.outputs[0]], outputs: [customer.spec.outputs[0]] });
    await ok(t.request('POST', '/api/v1/lineage', { body: event }), 'lineage');
    // orders-daily r1 runs in dev and is promoted to staging and succeeds there: staging runs r1.
    const run = (await ok(t.request('POST', '/api/v1/data-products/orders-daily/runs', { body: { environment: 'dev' } }), 'dev run')).body;
    orchestrators.dev.finish(run.id, 'succeeded');
    await ok(t.request('GET', `/api/v1/runs/${run.id}`), 'dev run state');
  } catch (error) {
    await t.close();
    await oidc?.close();
    policies.remove();
    throw error;
  }
  return {
    t,
    baseUrl,
    tokens,
    orchestrators,
    oidc,
    as,
    close: async () => {
      await t.close();
      await oidc?.close();
      policies.remove();
    },
  };
}
