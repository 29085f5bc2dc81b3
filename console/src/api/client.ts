import createClient, { type Middleware } from 'openapi-fetch';
import { endSession, getToken } from '../auth/session';
import { ApiProblem, networkProblem, readProblem } from './problem';
import type { paths } from './schema';

/**
 * The one API client of the console, typed by schema.d.ts: `api.GET('/api/v1/data-products',
 * { params: { query: { q } } })`. Same origin (base URL ''), so the dev server's proxy and the
 * production server both work.
 *
 * Every call either resolves with a 2xx answer or rejects with an ApiProblem: errors are handled
 * here, once, and nowhere else. Use `data()` / `dataAs()` below to get the body.
 */
export const api = createClient<paths>({
  baseUrl: '',
  // looked up on every call, so tests can stub globalThis.fetch
  fetch: (request: Request) => globalThis.fetch(request),
});

function bearerOf(request: Request): string | null {
  const header = request.headers.get('Authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    // A caller may send its own Authorization (the sign-in page checks a token before keeping it).
    if (!request.headers.has('Authorization')) {
      const token = getToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
    }
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    const problem = await readProblem(response.clone());
    // A 401 for the session's own token means the session is over (expired ID token, revoked
    // API token, disabled principal): forget it and go to sign-in (see main.tsx). A 401 for a
    // token being tried on the sign-in page is only that page's error.
    if (response.status === 401) {
      const sent = bearerOf(request);
      if (sent !== null && sent === getToken()) endSession();
    }
    throw problem;
  },
  onError({ error }) {
    return error instanceof ApiProblem ? error : networkProblem(error);
  },
};

api.use(sessionMiddleware);

/** What an openapi-fetch call resolves with (the error branch never happens: it threw). */
interface Answer<T> {
  data?: T;
  response: Response;
}

/**
 * The body of a successful call, typed by the schema:
 *   const products = await data(api.GET('/api/v1/data-products', { params: { query } }));
 */
export async function data<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data: body } = await call;
  return body as T;
}

/**
 * For an answer the OpenAPI document does not describe (no content in schema.d.ts): the body as
 * a local type from api/types.ts. It only compiles for such calls, so once the server documents
 * the answer and the types are regenerated, each use becomes a type error pointing to `data()`.
 * (With the current document every 2xx answer has a schema, so nothing needs it.)
 *   const report = await dataAs<LocalReport>(api.GET('/api/v1/some-undocumented-answer'));
 */
export async function dataAs<T>(call: Promise<{ data?: undefined; response: Response }>): Promise<T> {
  const { data: body } = await call;
  return body as T;
}
