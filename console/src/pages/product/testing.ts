import { fakeFetch, json, problem, type FakeApi } from '../../test/fakeApi';
import type { DataProduct, Manifest } from './queries';

/** Test data and a fake server for the product pages' tests. */

export const OLGA: { id: string; name: string; kind: string; teams: string[]; roles: string[] } = { id: 'olga', name: 'Olga Owner', kind: 'person', teams: ['sales-data'], roles: [] };

export function manifestAt(revision: number): Manifest {
  return {
    apiVersion: 'gatehouse/v1',
    kind: 'DataProduct',
    metadata: { name: 'orders-daily', title: 'Daily orders', domain: 'sales', owner: 'team:sales-data', stewards: ['ana@example.com'], tags: ['finance'] },
    spec: {
      description: 'One row per order per day.',
      tier: revision >= 2 ? 2 : 1,
      classification: 'internal',
      containsPii: false,
      sla: { freshness: revision >= 3 ? 'PT4H' : 'PT6H', schedule: '0 2 * * *' },
      outputs: [{ namespace: 'postgres://wh', name: 'analytics.orders_daily' }, ...(revision >= 3 ? [{ namespace: 'postgres://wh', name: 'analytics.orders_by_region' }] : [])],
      bindings: [{ orchestrator: 'airflow-prod', dag: 'orders_daily' }],
    },
  };
}

export function productAt(revision: number, manifest: Manifest = manifestAt(revision)): DataProduct {
  const { metadata, spec } = manifest;
  return {
    name: metadata.name,
    title: metadata.title,
    domain: metadata.domain,
    owner: metadata.owner,
    stewards: metadata.stewards,
    tags: metadata.tags,
    description: spec.description,
    tier: spec.tier,
    classification: spec.classification,
    containsPii: spec.containsPii,
    status: 'active',
    revision,
    digest: `sha256:${revision}`,
    createdAt: '2026-01-01T00:00:00Z',
    createdBy: 'olga',
    updatedAt: '2026-01-03T00:00:00Z',
    retiredAt: null,
    etag: `"r${revision}"`,
    manifest,
    environments: [
      { environment: 'dev', revision: 3, status: 'deployed', lastGoodRevision: 3, updatedAt: '2026-01-03T00:00:00Z' },
      { environment: 'staging', revision: 1, status: 'deployed', lastGoodRevision: 1, updatedAt: '2026-01-02T00:00:00Z' },
      { environment: 'prod', revision: null, status: 'not_deployed', lastGoodRevision: null, updatedAt: null },
    ],
  };
}

export const path = (r: Request) => new URL(r.url).pathname;
export const query = (r: Request) => Object.fromEntries(new URL(r.url).searchParams);

export interface ProductServer {
  fake: FakeApi;
  /** The product as the server has it now. */
  current: () => DataProduct;
  /** Someone else saves a change (a new revision). */
  changeBehindTheBack: (manifest: Manifest) => void;
  /** Bodies of PATCH and POST requests, with their headers. */
  writes: { method: string; path: string; headers: Record<string, string>; body: unknown }[];
}

interface ServerOptions {
  me?: typeof OLGA;
  /** Policy answers by `action/field`; allowed when absent. */
  policy?: Record<string, { allowed: boolean; reason: string }>;
  /** Answers a PATCH itself (return null to let the default validation run). */
  onPatch?: (patch: Record<string, unknown>) => Response | null;
}

/** orders-daily at r3 (tier changed in r2, SLA and an output in r3), with its lists and a merge-patch PATCH. */
export function productServer(options: ServerOptions = {}): ProductServer {
  const revisions = new Map<number, Manifest>([1, 2, 3].map((n) => [n, manifestAt(n)]));
  let product = productAt(3);
  const writes: ProductServer['writes'] = [];
  const promotions = new Map<string, unknown>();
  const save = (manifest: Manifest) => {
    const revision = product.revision + 1;
    revisions.set(revision, manifest);
    product = { ...productAt(revision, manifest), environments: product.environments };
  };
  const fake = fakeFetch(async (r) => {
    const p = path(r);
    if (p === '/api/v1/me') return json(options.me ?? OLGA);
    if (r.method !== 'GET') writes.push({ method: r.method, path: p, headers: Object.fromEntries([...r.headers].map(([k, v]) => [k.toLowerCase(), v])), body: await r.clone().json() });
    if (p === '/api/v1/policy/evaluate') {
      const body = (await r.json()) as { action: string; field?: string };
      const answer = options.policy?.[`${body.action}/${body.field ?? ''}`] ?? { allowed: true, reason: 'members of the owning team manage their products' };
      return json({ ...answer, action: body.action, subjectType: 'DataProduct', decidingRule: null, matchedRules: [], policyVersion: 'sha256:pv', principal: OLGA, subject: 'DataProduct' });
    }
    if (p === '/api/v1/data-products/orders-daily' && r.method === 'GET') return json(product, 200, { etag: product.etag });
    if (p === '/api/v1/data-products/orders-daily' && r.method === 'PATCH') {
      if (r.headers.get('content-type') !== 'application/merge-patch+json') return problem(415, 'unsupported_media_type', 'Unsupported media type');
      if (r.headers.get('if-match') !== product.etag) return problem(412, 'precondition_failed', 'Precondition failed', { currentEtag: product.etag });
      const patch = (await r.json()) as { metadata?: Record<string, unknown>; spec?: Record<string, unknown> };
      const answered = options.onPatch?.(patch);
      if (answered) return answered;
      const sla = patch.spec?.sla as Record<string, unknown> | undefined;
      if (sla && sla.freshness !== undefined && !/^P/.test(String(sla.freshness))) {
        return problem(400, 'validation_failed', 'Validation failed', { errors: [{ field: 'spec.sla.freshness', message: 'must be a positive ISO 8601 duration' }] });
      }
      if (!patch.metadata && !patch.spec) return json(product, 200, { etag: product.etag, 'gatehouse-apply-result': 'unchanged' });
      const m = product.manifest;
      save({ ...m, metadata: { ...m.metadata, ...(patch.metadata as object) }, spec: { ...m.spec, ...(patch.spec as object), sla: { ...m.spec.sla!, ...(sla as object) } } as Manifest['spec'] });
      return json(product, 200, { etag: product.etag, 'gatehouse-apply-result': 'updated' });
    }
    const rev = /^\/api\/v1\/data-products\/orders-daily\/revisions\/(\d+)$/.exec(p);
    if (rev) {
      const n = Number(rev[1]);
      return revisions.has(n) ? json({ number: n, product: 'orders-daily', digest: `sha256:${n}`, author: 'olga', createdAt: '2026-01-01T00:00:00Z', manifest: revisions.get(n) }) : problem(404, 'not_found', 'Not found');
    }
    if (p === '/api/v1/data-products/orders-daily/revisions') {
      return json({ items: [...revisions.keys()].map((n) => ({ number: n, digest: `sha256:${n}`, author: 'olga', createdAt: '2026-01-01T00:00:00Z' })), nextCursor: null });
    }
    if (p === '/api/v1/data-products/orders-daily/diff') {
      const q = query(r);
      const from = Number(q.from);
      const to = Number(q.to);
      const changes = [];
      const a = revisions.get(from)!;
      const b = revisions.get(to)!;
      if (a.spec.tier !== b.spec.tier) changes.push({ path: 'spec.tier', op: 'changed', before: a.spec.tier, after: b.spec.tier });
      if (a.metadata.title !== b.metadata.title) changes.push({ path: 'metadata.title', op: 'changed', before: a.metadata.title, after: b.metadata.title });
      if (a.spec.outputs.length < b.spec.outputs.length) changes.push({ path: 'spec.outputs[1]', op: 'added', after: b.spec.outputs[1] });
      if (a.spec.sla?.freshness !== b.spec.sla?.freshness) changes.push({ path: 'spec.sla.freshness', op: 'changed', before: a.spec.sla?.freshness, after: b.spec.sla?.freshness });
      return json({ product: 'orders-daily', from, to, changes });
    }
    if (p === '/api/v1/audit') return problem(403, 'forbidden', 'Forbidden', { reason: "no rule of the principal's roles allows read AuditEntry", rule: null, policyVersion: 'sha256:pv' });
    if (p === '/api/v1/promotion-dry-runs') {
      const body = (await r.json()) as { revision: number; from: string; to: string };
      const replaces = product.environments.find((e) => e.environment === body.to)?.revision ?? null;
      return json({
        product: 'orders-daily',
        ...body,
        state: body.to === 'prod' ? 'blocked' : 'awaiting_approval',
        stateReason: body.to === 'prod' ? 'sourceRevisionSucceeded: not run in staging' : 'waiting for 1 more approval(s) of 1',
        gates: [{ check: 'ownerDeclared', hard: true, status: 'passed', message: 'owner team:sales-data', evidence: {} }],
        policyVersion: 'sha256:pv',
        plan: {
          summary: `Promote orders-daily r${body.revision} from ${body.from} to ${body.to}${replaces === null ? `, the first revision to run in ${body.to}` : `, replacing r${replaces}`}; triggers Airflow DAG orders_daily on airflow-${body.to}`,
          replaces,
          target: { orchestrator: `airflow-${body.to}`, kind: 'airflow', dag: 'orders_daily', asset: null },
          targetProblem: null,
        },
      });
    }
    if (p === '/api/v1/promotions' && r.method === 'POST') {
      const key = r.headers.get('idempotency-key') ?? '';
      const body = (await r.json()) as { revision: number; from: string; to: string; reason: string };
      if (!body.reason.trim()) return problem(400, 'validation_failed', 'Validation failed', { errors: [{ field: 'reason', message: 'must say why' }] });
      const known = promotions.get(key);
      if (known) return json(known, 200);
      const created = { id: `0b6f3c1e-1111-4222-8333-${String(promotions.size + 1).padStart(12, '0')}`, product: 'orders-daily', ...body, state: 'awaiting_approval', audit: { seq: '9' } };
      promotions.set(key, created);
      return json(created, 201);
    }
    if (p === '/api/v1/promotions' && r.method === 'GET') return json({ items: [], nextCursor: null });
    if (p === '/api/v1/runs') return json({ items: [], nextCursor: null });
    return new Response(null, { status: 404 });
  });
  return { fake, current: () => product, changeBehindTheBack: save, writes };
}
