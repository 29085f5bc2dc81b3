import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * A weak entity tag of a JSON answer's content, for pages that poll: the same answer again costs
 * a 304 and no body. Weak because it names the content, not the bytes on the wire.
 */
export function contentEtag(body: unknown): string {
  return `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

/** Sets the answer's ETag; when the caller already has it (If-None-Match) answers 304 with no body. */
export function withContentEtag<T>(reply: FastifyReply, ifNoneMatch: string | undefined, body: T): T | undefined {
  const etag = contentEtag(body);
  void reply.header('etag', etag).header('cache-control', 'private, no-cache');
  const known = (ifNoneMatch ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (known.includes(etag.replace(/^W\//, '')) || known.includes('*')) {
    void reply.status(304);
    return undefined;
  }
  return body;
}
