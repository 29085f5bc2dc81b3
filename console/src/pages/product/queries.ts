import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { meQuery } from '../../api/queries';
import type { Me } from '../../api/models';
import type { components, operations } from '../../api/schema';

export type DataProduct = components['schemas']['DataProduct'];
export type Manifest = components['schemas']['Manifest'];
export type PolicyEvaluation = components['schemas']['PolicyEvaluation'];
type EvaluateBody = operations['PolicyController_evaluate']['requestBody']['content']['application/json'];
export type PolicyAction = EvaluateBody['action'];
export type PolicySubject = EvaluateBody['subject'];

/**
 * Query keys of a product: everything under ['products', name] (the promotions pages share
 * ['products', name] and ['products', name, 'revision', n]), so one invalidation after a change
 * refreshes them all. Catalog lists are under ['catalog'].
 */
export const productKeys = {
  detail: (name: string) => ['products', name] as const,
  revisions: (name: string) => ['products', name, 'revisions'] as const,
  promotions: (name: string, cursor?: string) => ['products', name, 'promotions', cursor ?? null] as const,
  runs: (name: string, cursor?: string) => ['products', name, 'runs', cursor ?? null] as const,
  sla: (name: string) => ['products', name, 'sla'] as const,
  audit: (name: string, cursor?: string) => ['products', name, 'audit', cursor ?? null] as const,
};

export function productQuery(name: string) {
  return {
    queryKey: productKeys.detail(name),
    queryFn: ({ signal }: { signal: AbortSignal }) => data(api.GET('/api/v1/data-products/{name}', { params: { path: { name } }, signal })),
  };
}

export function useProduct(name: string) {
  return useQuery(productQuery(name));
}

/** The principal as `POST /policy/evaluate` takes it inline. */
export function inlinePrincipal(me: Me) {
  return { id: me.id, name: me.name, kind: me.kind, teams: me.teams, roles: me.roles };
}

export function evaluatePolicy(me: Me, action: PolicyAction, subject: PolicySubject, field?: string): Promise<PolicyEvaluation> {
  return data(api.POST('/api/v1/policy/evaluate', { body: { principal: inlinePrincipal(me), action, subject, ...(field ? { field } : {}) } }));
}

/**
 * What the policies say of the signed-in principal doing `action` on `subject` (the server
 * decides: `POST /api/v1/policy/evaluate`). Cached briefly, under ['policy'].
 */
export function usePolicyDecision(action: PolicyAction, subject: PolicySubject, options: { field?: string; enabled?: boolean } = {}) {
  const me = useQuery(meQuery);
  return useQuery({
    queryKey: ['policy', me.data?.id ?? null, action, subject, options.field ?? null],
    queryFn: () => evaluatePolicy(me.data!, action, subject, options.field),
    enabled: (options.enabled ?? true) && Boolean(me.data),
    staleTime: 30_000,
  });
}

/** Why an action is not available, from a decision: null when allowed or not known (the server still decides on submit). */
export function refusal(decision: { data?: PolicyEvaluation | undefined }): string | null {
  return decision.data && !decision.data.allowed ? decision.data.reason : null;
}
