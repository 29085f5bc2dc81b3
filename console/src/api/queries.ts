import { queryOptions } from '@tanstack/react-query';
import { api, data } from './client';
import { isApiProblem } from './problem';
import type { AuthOptions } from './models';

/**
 * Shared query definitions. Pages keep theirs next to them (or here when several pages share
 * one); a query key starts with the resource ('me', 'products', 'promotions', …) so a mutation
 * can invalidate it by prefix.
 */

/** Who the session's token is. Cached for the session; cleared on sign-out. */
export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: () => data(api.GET('/api/v1/me')),
  staleTime: 5 * 60_000,
});

/** How to sign in. Public; a 404 (a server older than the endpoint) means "token only". */
export const authOptionsQuery = queryOptions({
  queryKey: ['auth-options'] as const,
  queryFn: fetchAuthOptions,
  staleTime: Infinity,
  retry: false,
});

export async function fetchAuthOptions(): Promise<AuthOptions> {
  try {
    return await data(api.GET('/api/v1/auth/options'));
  } catch (error) {
    if (isApiProblem(error) && error.status === 404) return { token: true, oidc: null };
    throw error;
  }
}
