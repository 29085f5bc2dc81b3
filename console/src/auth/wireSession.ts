import type { QueryClient } from '@tanstack/react-query';
import type { AppRouter } from '../router';
import { onSessionEvent } from './session';

/**
 * What the session's changes do app-wide: signing out or a 401 forget every cached answer, and a
 * 401 (the session ended) sends the user to sign in, with `next` to come back to where they were.
 * Returns the unsubscribe function.
 */
export function wireSession(router: AppRouter, queryClient: QueryClient): () => void {
  return onSessionEvent((event) => {
    if (event === 'signed-in') return;
    queryClient.clear();
    if (event !== 'ended') return;
    const { pathname, href } = router.state.location;
    if (pathname === '/sign-in' || pathname === '/auth/callback') return;
    void router.navigate({ to: '/sign-in', search: { next: href } });
  });
}
