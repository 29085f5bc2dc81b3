import { QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './api/problem';

/**
 * Query defaults: answers are fresh for 10 s (lists and details refetch after that when shown
 * again); a 4xx is never retried (it will not change by itself), other failures twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        gcTime: 5 * 60_000,
        retry: (failureCount, error) => {
          if (isApiProblem(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
