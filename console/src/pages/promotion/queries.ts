import { useQuery } from '@tanstack/react-query';
import type { PromotionState } from '../../api/enums';
import { api, data } from '../../api/client';
import { POLL, usePolledQuery } from '../../api/polling';
import type { components, operations } from '../../api/schema';

type Schemas = components['schemas'];
export type PromotionDetail = Schemas['PromotionDetail'];
export type Promotion = Schemas['Promotion'];
export type PromotionReceipt = Schemas['PromotionReceipt'];
export type PromotionPage = Schemas['PromotionPage'];
export type ListQuery = NonNullable<operations['PromotionsController_list']['parameters']['query']>;

/** States a promotion does not leave by itself (a succeeded one may still be rolled back later). */
export const FINAL_STATES: ReadonlySet<PromotionState> = new Set(['succeeded', 'failed', 'rejected', 'expired', 'cancelled', 'rolled_back']);
export const isFinal = (state: PromotionState) => FINAL_STATES.has(state);

/** Query keys: everything under ['promotions'], so one invalidation after an action refreshes all. */
export const promotionKeys = {
  all: ['promotions'] as const,
  detail: (id: string) => ['promotions', 'detail', id] as const,
  list: (query: ListQuery) => ['promotions', 'list', query] as const,
};

/** One promotion, polled with ETags: every ~2 s while it can still change by itself, every ~15 s once final. */
export function usePromotion(id: string) {
  return usePolledQuery<PromotionDetail>({
    queryKey: promotionKeys.detail(id),
    call: (init) => api.GET('/api/v1/promotions/{id}', { params: { path: { id } }, ...init }),
    interval: (promotion) => (promotion && isFinal(promotion.state) ? POLL.promotionFinal : POLL.promotionActive),
  });
}

/** A page of promotions, polled with ETags. */
export function usePromotionList(query: ListQuery, interval: number) {
  return usePolledQuery<PromotionPage>({
    queryKey: promotionKeys.list(query),
    call: (init) => api.GET('/api/v1/promotions', { params: { query }, ...init }),
    interval,
  });
}

/** The products lineage says depend on this one. */
export function useImpact(product: string) {
  return useQuery({
    queryKey: ['products', product, 'impact'],
    queryFn: () => data(api.GET('/api/v1/data-products/{name}/impact', { params: { path: { name: product } } })),
  });
}

/** The product, for which revision each environment runs. */
export function useProduct(product: string) {
  return useQuery({
    queryKey: ['products', product],
    queryFn: () => data(api.GET('/api/v1/data-products/{name}', { params: { path: { name: product } } })),
  });
}

/** A revision with its manifest (the summary of a first deployment). */
export function useRevision(product: string, revision: number, enabled: boolean) {
  return useQuery({
    queryKey: ['products', product, 'revision', revision],
    queryFn: () => data(api.GET('/api/v1/data-products/{name}/revisions/{number}', { params: { path: { name: product, number: revision } } })),
    enabled,
  });
}
