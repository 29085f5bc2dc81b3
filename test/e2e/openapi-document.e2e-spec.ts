import type { OpenApiDocument } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every `$ref` in a JSON value, with where it is. */
function refsIn(value: unknown, at: string, found: { ref: string; at: string }[] = []): { ref: string; at: string }[] {
  if (Array.isArray(value)) value.forEach((item, i) => refsIn(item, `${at}/${i}`, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push({ ref: child, at });
      else refsIn(child, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, found);
    }
  }
  return found;
}

/** Resolves a local JSON pointer (`#/components/schemas/X`) in the document. */
function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), document);
}

/** Generated clients (the console's types) need a schema for every answer a caller reads. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp();
    const r = await t.request('GET', '/openapi.json', { token: null });
    expect(r.status).toBe(200);
    document = r.body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => ({ path, method, responses: operation.responses ?? {} })),
    );

  it('documents a schema for every success answer of every operation', () => {
    expect(operations().length).toBeGreaterThan(40);
    const undocumented = operations()
      .flatMap(({ path, method, responses }) => {
        const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
        if (!success.length) return [`${method.toUpperCase()} ${path}: no 2xx answer documented`];
        return success
          .filter(([status, response]) => status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema && Object.keys(media.schema).length))
          .map(([status]) => `${method.toUpperCase()} ${path}: ${status} has no schema`);
      });
    expect(undocumented).toEqual([]);
  });

  it('documents JSON answers with named schemas, so that generated clients get named types', () => {
    const inline = operations()
      .flatMap(({ path, method, responses }) =>
        Object.entries(responses)
          .filter(([status, response]) => /^2\d\d$/.test(status) && response.content?.['application/json'])
          .filter(([, response]) => !('$ref' in (response.content!['application/json'].schema ?? {})))
          .map(([status]) => `${method.toUpperCase()} ${path}: ${status}`),
      );
    expect(inline).toEqual([]);
  });

  it('resolves every $ref', () => {
    const refs = refsIn(document, '#');
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter(({ ref }) => resolve(document, ref) === undefined)).toEqual([]);
  });
});
