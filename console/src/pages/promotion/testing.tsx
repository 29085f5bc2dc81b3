import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { components } from '../../api/schema';

/*
 * Test helpers of the promotion pages and components (not part of the build: only tests import
 * this file).
 */

/** Renders `ui` inside a router (for <Link>) and a query client, at `/`. Wait with `findBy…`. */
export function renderInRouter(ui: ReactNode) {
  const rootRoute = createRootRoute({ component: () => <>{ui}</> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

type Schemas = components['schemas'];
type Detail = Schemas['PromotionDetail'];

const allowed = { allowed: true, reason: null, rule: null };

/** A promotion awaiting its second approval, as GET /api/v1/promotions/{id} answers it; override parts per test. */
export function promotionDetail(overrides: Partial<Detail> = {}): Detail {
  return {
    id: '0b6f3c1e-1111-4222-8333-444455556666',
    kind: 'promotion',
    product: 'orders-daily',
    revision: 3,
    digest: 'sha256:abc',
    from: 'staging',
    to: 'prod',
    reason: 'New regional output for finance',
    state: 'awaiting_approval',
    stateReason: 'waiting for 1 more approval(s) of 2',
    requestedBy: 'olga',
    gates: [
      { check: 'ownerDeclared', hard: true, status: 'passed', message: 'owner team:sales-data', evidence: { owner: 'team:sales-data' } as never },
      { check: 'approvals', hard: true, status: 'pending', message: 'waiting for 1 more approval(s) of 2', evidence: { required: 2, approvedBy: ['alice'], lapsed: [], rejectedBy: [] } as never },
    ],
    overrides: [],
    breakGlass: false,
    approvals: [{ principal: 'alice', decision: 'approve', comment: 'looks good', at: '2026-03-01T10:00:00Z', expiresAt: '2099-03-02T10:00:00Z', valid: true }],
    policyVersion: 'pv-1234567890abcdef',
    runId: null,
    orchestrator: null,
    attempts: 0,
    nextAttemptAt: null,
    version: 3,
    createdAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    approvedAt: null,
    completedAt: null,
    expiresAt: '2099-03-08T09:00:00Z',
    plan: { summary: 'Promote orders-daily r3 from staging to prod, replacing r1; triggers Airflow DAG orders_daily on airflow-prod', replaces: 1, target: { orchestrator: 'airflow-prod', kind: 'airflow', dag: 'orders_daily', asset: null }, targetProblem: null },
    actions: {
      approve: allowed,
      reject: allowed,
      override: { allowed: false, reason: 'No gate of this promotion has failed; there is nothing to override.', rule: null, checks: [] }, cancel: { allowed: false, reason: 'only the requester or an admin cancels a promotion', rule: null },
      evaluate: allowed,
      acknowledge: { allowed: false, reason: 'Promotions into prod have no breaking-change gate.', rule: null, products: [] },
    },
    ...overrides,
  };
}
