import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api, data } from '../api/client';
import { isApiProblem } from '../api/problem';
import { meQuery } from '../api/queries';
import type { Me } from '../api/models';
import { completeOidcSignIn, OidcError } from '../auth/oidc';
import { signIn } from '../auth/session';
import { Loading } from '../components/Loading';
import { ProblemView } from '../components/ProblemView';
import { safeNext } from '../lib/search';
import { useDocumentTitle } from '../lib/title';

/** One run per callback URL, even when React mounts the page twice (StrictMode). */
let run: { search: string; promise: Promise<string> } | null = null;

async function finish(search: string, queryClient: QueryClient): Promise<string> {
  const { idToken, next } = await completeOidcSignIn(search);
  let me: Me;
  try {
    me = await data(api.GET('/api/v1/me', { headers: { Authorization: `Bearer ${idToken}` } }));
  } catch (error) {
    if (isApiProblem(error) && error.status === 401) {
      throw new OidcError(
        'Gatehouse did not accept the sign-in',
        'The identity provider signed you in, but Gatehouse refused its ID token. Its OpenID Connect settings (issuer, audience = the console’s client id) may not match, or your account is disabled in Gatehouse.',
      );
    }
    throw error;
  }
  signIn(idToken);
  queryClient.setQueryData(meQuery.queryKey, me);
  return safeNext(next) ?? '/';
}

/** /auth/callback: where the identity provider sends the browser back with a code (or an error). */
export default function AuthCallbackPage() {
  useDocumentTitle('Signing in');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  // the raw query string (code, state, error, error_description, iss)
  const search = useLocation({ select: (l) => l.searchStr });

  useEffect(() => {
    let active = true;
    if (run?.search !== search) run = { search, promise: finish(search, queryClient) };
    run.promise.then(
      (next) => {
        if (active) void navigate({ href: next, replace: true });
      },
      (e: unknown) => {
        if (active) setError(e);
      },
    );
    return () => {
      active = false;
    };
  }, [search, navigate, queryClient]);

  return (
    <div className="auth-screen">
      <main id="main" className="auth-card">
        <p className="auth-card__brand">Gatehouse</p>
        <h1 className="auth-card__title">{error ? 'Sign-in failed' : 'Signing in…'}</h1>
        {!error && <Loading label="Finishing the sign-in…" />}
        {error instanceof OidcError ? (
          <section className="problem" role="alert">
            <h2 className="problem__title">{error.title}</h2>
            <p className="problem__detail">{error.detail}</p>
          </section>
        ) : (
          <ProblemView error={error} />
        )}
        {error !== null && (
          <p>
            <Link to="/sign-in" search={{}} className="button">
              Back to sign-in
            </Link>
          </p>
        )}
      </main>
    </div>
  );
}
