import Ajv2020 from 'ajv/dist/2020';
import type { TestApp } from './test-app';

/**
 * Checks real answers against the 200 response schemas of Gatehouse's own OpenAPI document, so a
 * documented shape cannot drift from what the service sends. Resolves `#/components/...` refs.
 */
export async function documentedResponses(t: TestApp): Promise<(method: string, path: string, body: unknown) => string[]> {
  const doc = (await t.request('GET', '/openapi.json', { token: null })).body as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
    components: { schemas: Record<string, object> };
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  return (method, path, body) => {
    const ok = doc.paths[path]?.[method.toLowerCase()]?.responses['200'];
    const schema = ok?.content?.['application/json']?.schema;
    if (!schema) return [`${method} ${path} documents no JSON schema for 200`];
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/')));
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
  };
}
