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
        return done(Object.assign(new SyntaxError(`YAML ${first.message.split('\n')[0]}`), { statusCode: 400 }), undefined);
      }
      done(null, doc.toJS({ maxAliasCount: 50 }));
    } catch (error) {
      done(Object.assign(new SyntaxError(`YAML ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
  fastify.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));
}
