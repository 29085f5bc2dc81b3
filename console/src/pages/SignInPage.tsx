import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, data } from '../api/client';
import { isApiProblem } from '../api/problem';
import { authOptionsQuery, meQuery } from '../api/queries';
import type { OidcOptions } from '../api/models';
import { OidcError, startOidcSignIn } from '../auth/oidc';
import { peekNotice, signIn, takeNotice } from '../auth/session';
import { FieldError } from '../components/FieldError';
import { ProblemView } from '../components/ProblemView';
import { useDocumentTitle } from '../lib/title';

const route = getRouteApi('/sign-in');

function issuerHost(issuer: string): string {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}

/**
 * Sign in: with the organisation's identity provider when the server has OpenID Connect set up
 * for the console (GET /api/v1/auth/options), and always by pasting an API token. The token is
 * checked with GET /api/v1/me before it is kept.
 */
export default function SignInPage() {
  useDocumentTitle('Sign in');
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery(authOptionsQuery);
  // Read while rendering, consumed once shown: a render React discards (an interrupted transition)
  // runs this initializer again, and must find the notice still there.
  const [notice] = useState(() => peekNotice());
  useEffect(() => void takeNotice(), []);

  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = { token: useId(), hint: useId(), error: useId(), heading: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    setProblem(null);
    if (!value) {
      setTokenError('Paste an API token.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setTokenError(null);
    try {
      // the token being tried is sent as is: a 401 here is this form's error, not a session's end
      const me = await data(api.GET('/api/v1/me', { headers: { Authorization: `Bearer ${value}` } }));
      signIn(value);
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ href: next ?? '/', replace: true });
    } catch (error) {
      if (isApiProblem(error) && error.status === 401) {
        setTokenError('Gatehouse did not accept this token. It may be mistyped, expired or revoked, or its principal may be disabled.');
        input.current?.focus();
      } else {
        setProblem(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const oidc = options.data?.oidc ?? null;
  const describedBy = [ids.hint, tokenError ? ids.error : undefined].filter(Boolean).join(' ');

  return (
    <div className="auth-screen">
      <main id="main" className="auth-card" aria-labelledby={ids.heading}>
        <p className="auth-card__brand">Gatehouse</p>
        <h1 id={ids.heading} className="auth-card__title">
          Sign in
        </h1>
        {notice && (
          <p className="notice notice--warning" role="status">
            {notice}
          </p>
        )}

        {oidc && (
          <>
            <SsoSignIn oidc={oidc} next={next ?? '/'} />
            <p className="auth-card__or">
              <span>or</span>
            </p>
          </>
        )}

        <form className="form" onSubmit={submit} noValidate aria-label="Sign in with an API token">
          <div className="form__field">
            <label htmlFor={ids.token}>Paste an API token</label>
            <p id={ids.hint} className="form__hint">
              An API token (<code>ghs_…</code>) issued by a Gatehouse administrator. It is kept only in this browser tab.
            </p>
            <input
              ref={input}
              id={ids.token}
              name="token"
              type="password"
              className="input"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              aria-invalid={tokenError ? true : undefined}
              aria-describedby={describedBy}
            />
            <FieldError id={ids.error} messages={tokenError ? [tokenError] : []} />
          </div>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Checking…' : 'Sign in with token'}
          </button>
        </form>
        <ProblemView error={problem} headingLevel={2} />
      </main>
    </div>
  );
}

function SsoSignIn({ oidc, next }: { oidc: OidcOptions; next: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OidcError | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await startOidcSignIn(oidc, next);
    } catch (e) {
      setError(e instanceof OidcError ? e : new OidcError('Sign-in could not start', e instanceof Error ? e.message : String(e)));
      setBusy(false);
    }
  };
  return (
    <div className="auth-card__sso">
      <button type="button" className="button button--primary button--block" onClick={start} disabled={busy} aria-busy={busy || undefined}>
        {busy ? 'Opening the sign-in page…' : `Sign in with ${issuerHost(oidc.issuer)}`}
      </button>
      {error && (
        <section className="problem" role="alert">
          <h2 className="problem__title">{error.title}</h2>
          <p className="problem__detail">{error.detail}</p>
        </section>
      )}
    </div>
  );
}
