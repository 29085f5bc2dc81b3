import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../common/errors/problem.filter';
import { ErrorCode } from '../common/errors/error-code';
import { problemFor } from '../common/errors/problem';
import type { ConsoleFile, ConsoleSite } from './console-site';

/** Paths the server itself answers; the console's client-side routes never shadow them. */
const SERVER_PATHS = ['/api', '/docs', '/openapi.json', '/openapi.yaml', '/health', '/metrics'];

export function isServerPath(path: string): boolean {
  return SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

const YEAR = 'public, max-age=31536000, immutable';

/**
 * The console's page may load only what Gatehouse serves: no inline script or style, no frames,
 * no plugins. `connect-src` also names the OpenID provider, whose token endpoint the sign-in code
 * calls from the browser.
 */
export function contentSecurityPolicy(connectOrigins: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectOrigins].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built console on the API's origin: hashed assets cached for a year, the page never
 * cached, and every GET of a client-side route (a path that is not the server's and names no
 * file) answered with the page, so deep links and reloads work. Anything else the server does
 * not know stays its 404 problem+json.
 */
export function registerConsole(fastify: FastifyInstance, site: ConsoleSite, connectOrigins: string[]): void {
  const csp = contentSecurityPolicy(connectOrigins);
  const sendPage = (request: FastifyRequest, reply: FastifyReply) =>
    sendFile(request, reply, site.page, 'no-store', {
      'content-security-policy': csp,
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
    });

  fastify.get('/', (request, reply) => sendPage(request, reply));
  fastify.get('/assets/*', (request, reply) => {
    const file = site.files.get(request.url.split('?', 1)[0]);
    if (!file) return sendProblem(reply, problemFor(ErrorCode.ROUTE_NOT_FOUND, 'No such console asset; the console may have been rebuilt since this page loaded.', request.id));
    return sendFile(request, reply, file, file.immutable ? YEAR : 'no-cache');
  });
  for (const [url, file] of site.files) {
    if (!url.startsWith('/assets/')) fastify.get(url, (request, reply) => sendFile(request, reply, file, 'no-cache'));
  }

  // Client-side routes: requests no route matched, for a page-like path outside the server's.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const path = request.url.split('?', 1)[0];
    if (isServerPath(path) || /\.[A-Za-z0-9]+$/.test(path)) return;
    return sendPage(request, reply);
  });
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: ConsoleFile, cacheControl: string, headers: Record<string, string> = {}): FastifyReply {
  void reply.headers({ ...headers, 'content-type': file.contentType, 'cache-control': cacheControl, etag: file.etag, 'x-content-type-options': 'nosniff', vary: 'accept-encoding' });
  if (request.headers['if-none-match'] === file.etag) return reply.status(304).send();
  const gzip = file.gzipped && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (gzip) void reply.header('content-encoding', 'gzip');
  return reply.status(200).send(gzip ? file.gzipped : file.body);
}
