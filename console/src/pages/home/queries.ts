import { queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client';

/**
 * The home page's queries. Keys start with the resource ('promotions', 'sla', 'runs'), so a
 * mutation elsewhere that invalidates `['promotions']` refreshes the home page too.
 */

/** How often the list of promotions waiting for my decision is asked again (paused while the tab is hidden). */
export const APPROVALS_REFRESH_MS = 15_000;
/** Failures older than this are not "recent" (the API has no time filter for promotions or runs). */
export const RECENT_DAYS = 14;
/** How many of each kind of failure are asked for. */
export const FAILURES_PER_LIST = 10;

export const awaitingMeQuery = queryOptions({
  queryKey: ['promotions', 'home', { awaitingMe: 'true' }] as const,
  queryFn: () => data(api.GET('/api/v1/promotions', { params: { query: { awaitingMe: 'true' } } })),
  refetchInterval: APPROVALS_REFRESH_MS,
  staleTime: 5_000,
});

/** Open promotions whose breaking contract changes wait for an acknowledgement I may give (for a downstream product). */
export const awaitingAcknowledgementQuery = queryOptions({
  queryKey: ['promotions', 'home', { awaitingAcknowledgement: 'true' }] as const,
  queryFn: () => data(api.GET('/api/v1/promotions', { params: { query: { awaitingAcknowledgement: 'true' } } })),
  refetchInterval: APPROVALS_REFRESH_MS,
  staleTime: 5_000,
});

export const myBreachesQuery = queryOptions({
  queryKey: ['sla', 'home', { status: 'breached', mine: 'true' }] as const,
  queryFn: () => data(api.GET('/api/v1/sla', { params: { query: { status: 'breached', mine: 'true' } } })),
});

export const myEndedPromotionsQuery = (state: 'failed' | 'rejected') =>
  queryOptions({
    queryKey: ['promotions', 'home', { mine: 'true', state, limit: FAILURES_PER_LIST }] as const,
    queryFn: () => data(api.GET('/api/v1/promotions', { params: { query: { mine: 'true', state, limit: FAILURES_PER_LIST } } })),
  });

export const myFailedRunsQuery = queryOptions({
  queryKey: ['runs', 'home', { mine: 'true', status: 'failed', limit: FAILURES_PER_LIST }] as const,
  queryFn: () => data(api.GET('/api/v1/runs', { params: { query: { mine: 'true', status: 'failed', limit: FAILURES_PER_LIST } } })),
});
