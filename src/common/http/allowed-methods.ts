import type { FastifyRequest, HTTPMethods } from 'fastify';

/**
 * When no route answers the request, the methods that routes do answer at its path, sorted (none
 * when the path itself is unknown). A known path asked with another method is a 405 with these in
 * `Allow` (RFC 9110 §15.5.6), not a 404: the client got the method wrong, not the address.
 */
export function allowedMethods(request: FastifyRequest): string[] {
  // A request that reached a route has its pattern here; only the not-found handler has none.
  if (request.routeOptions?.url !== undefined) return [];
  const server = request.server;
  const path = request.url.split('?', 1)[0];
  return server.supportedMethods
    .filter((method) => method !== request.method && server.findRoute({ method: method as HTTPMethods, url: path }))
    .sort();
}
