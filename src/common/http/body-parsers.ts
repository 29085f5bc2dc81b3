import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import YAML from 'yaml';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/** Manifests arrive as JSON or YAML; merge patches as application/merge-patch+json. */
export function registerBodyParsers(fastify: FastifyInstance): void {
  // A text/plain body is never a valid request here; answering 415 says so more clearly than 400.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    try {
      // One document only; aliases are capped by the library, so a "billion laughs" body fails fast.
      const doc = YAML.parseDocument(body as string);
      if (doc.errors.length) {
        const first = doc.errors[0];
        // The library's own wording names one of its functions; say what to do instead.
        const message =
          first.code === 'MULTIPLE_DOCS'
            ? `YAML body holds more than one document (the second starts at line ${first.linePos?.[0].line ?? '?'}); send one manifest per request, or apply the whole file with \`gatehouse apply -f\``
            : `YAML ${first.message.split('\n')[0]}`;
        return done(Object.assign(new SyntaxError(message), { statusCode: 400 }), undefined);
      }
      done(null, doc.toJS({ maxAliasCount: 50 }));
    } catch (error) {
      done(Object.assign(new SyntaxError(`YAML ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
  fastify.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));
  registerGzipBodies(fastify);
}

/**
 * `Content-Encoding: gzip` bodies (OpenLineage transports compress) are inflated before parsing.
 * The body limit applies to the inflated bytes, so a small bomb cannot expand past it; the
 * Content-Length check is made against the bytes actually received.
 */
function registerGzipBodies(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding === 'identity') return payload;
    if (encoding !== 'gzip' && encoding !== 'x-gzip') {
      throw Object.assign(new Error(`Content-Encoding ${encoding} is not supported (use gzip or none)`), { statusCode: 415 });
    }
    const inflated = createGunzip() as ReturnType<typeof createGunzip> & { receivedEncodedLength: number };
    inflated.receivedEncodedLength = 0;
    payload.on('data', (chunk: Buffer) => (inflated.receivedEncodedLength += chunk.length));
    payload.on('error', (error) => inflated.destroy(error));
    inflated.on('error', (error: Error & { statusCode?: number }) => {
      error.statusCode ??= 400;
      error.message = `The gzip body could not be inflated: ${error.message}`;
    });
    return payload.pipe(inflated);
  });
}
