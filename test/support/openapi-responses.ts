import Ajv2020 from 'ajv/dist/2020';
import type { TestApp } from './test-app';

/** The parts of Gatehouse's OpenAPI document the response checks read. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  components: { schemas: Record<string, object> };
}

/** The formats the document uses, checked (ajv ignores formats it is not given). */
const FORMATS: Record<string, (value: string) => boolean> = {
  'date-time': (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  uri: (v) => URL.canParse(v),
};

export type ResponseCheck = (method: string, path: string, body: unknown, status?: number) => string[];

/**
 * Checks real answers against the response schemas of Gatehouse's own OpenAPI document, so a
 * documented shape cannot drift from what the service sends: `check(method, pathTemplate, body,
 * status)`. Without a status it is the 200 answer, or the only success answer the operation
 * documents (a 201 of a create). Answers the problems found (none when the body matches).
 * Resolves `#/components/...` refs.
 */
export async function documentedResponses(t: TestApp): Promise<ResponseCheck> {
  const doc = (await t.request('GET', '/openapi.json', { token: null })).body as OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true, formats: FORMATS });
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return (method, path, body, given) => {
    const responses = doc.paths[path]?.[method.toLowerCase()]?.responses ?? {};
    const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
    const status = given ?? (success.length === 1 ? Number(success[0]) : 200);
    const key = `${method.toUpperCase()} ${path} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      const schema = responses[String(status)]?.content?.['application/json']?.schema;
      if (!schema) return [`${key} documents no JSON schema`];
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/')));
      compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  };
}
