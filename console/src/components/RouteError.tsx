import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { Page } from './Page';
import { ProblemView } from './ProblemView';

/**
 * The router's default error display: a page whose loader or rendering threw shows the problem
 * (an ApiProblem from a query with `throwOnError` or `useSuspenseQuery`, or any error) with a
 * way to try again.
 */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();
  useEffect(() => queryReset.reset(), [queryReset]);
  return (
    <Page title="This page could not be shown">
      <ProblemView
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </Page>
  );
}
