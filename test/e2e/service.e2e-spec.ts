import { requestContext } from '../../src/common/logging/logger';
import { DataProductsService } from '../../src/catalog/data-products.service';
import { documentedResponses } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

describe('service foundation (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness without a token', async () => {
    const live = await t.request('GET', '/health', { token: null });
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await t.request('GET', '/health/ready', { token: null });
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.database.migrations.pending).toEqual([]);
    expect(ready.body.database.migrations.applied).toBeGreaterThan(0);
    const documented = await documentedResponses(t);
    expect(documented('GET', '/health', live.body)).toEqual([]);
    expect(documented('GET', '/health/ready', ready.body)).toEqual([]);
  });

  it('refuses /api/v1 without a valid token, with the same answer for missing and wrong tokens', async () => {
    const missing = await t.request('GET', '/api/v1/data-products', { token: null });
    const wrong = await t.request('GET', '/api/v1/data-products', { token: 'not-the-token-at-all' });
    const malformed = await t.request('GET', '/api/v1/data-products', { token: null, headers: { authorization: 'Basic abc' } });
    for (const r of [missing, wrong, malformed]) {
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.headers.get('www-authenticate')).toContain('Bearer');
      expect(r.body.detail).toBe(missing.body.detail);
    }
  });

  it('returns RFC 9457 problems with a request id for unknown routes', async () => {
    const r = await t.request('GET', '/api/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 404, detail: expect.any(String) });
    expect(r.body.requestId).toBe(r.headers.get('x-request-id'));
  });

  it('answers 405 with Allow when the path exists but not with that method', async () => {
    const put = await t.request('PUT', '/api/v1/me');
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    expect(put.headers.get('content-type')).toContain('application/problem+json');
    expect(put.body).toMatchObject({ code: 'method_not_allowed', status: 405, allowed: ['GET', 'HEAD'] });
    expect(put.body.requestId).toBe(put.headers.get('x-request-id'));
    // Path parameters and a query string do not matter; the method list is the path's.
    const del = await t.request('DELETE', '/api/v1/data-products/some-product/revisions?limit=1');
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect((await t.request('DELETE', '/api/v1/lineage', { token: null })).headers.get('allow')).toBe('GET, HEAD, POST');
    // An unknown path stays 404, and so does a route's own "not found".
    expect((await t.request('PUT', '/api/v1/nothing-here')).status).toBe(404);
    const missing = await t.request('GET', '/api/v1/data-products/no-such-product');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('answers a URL Fastify cannot route with a problem naming it, as every other error', async () => {
    const badEncoding = await t.request('GET', '/api/v1/data-products/a%ED%A0%80b');
    expect(badEncoding.status).toBe(400);
    expect(badEncoding.headers.get('content-type')).toContain('application/problem+json');
    expect(badEncoding.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'url', message: 'must be valid percent-encoded UTF-8' }] });
    expect(badEncoding.body.requestId).toEqual(expect.any(String));
    const longSegment = await t.request('GET', `/api/v1/principals/${'a'.repeat(150)}`);
    expect(longSegment.status).toBe(400);
    expect(longSegment.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'url', message: 'has a path segment longer than 100 characters' }] });
  });

  it('answers what the HTTP parser refuses (headers over its limit) with a problem too, and goes on serving', async () => {
    const tooLong = await t.request('GET', `/api/v1/lineage?nodeId=${'x'.repeat(20_000)}`);
    expect(tooLong.status).toBe(431);
    expect(tooLong.headers.get('content-type')).toBe('application/problem+json');
    expect(tooLong.body).toMatchObject({ code: 'headers_too_large', status: 431, title: 'Request headers too large' });
    expect((await t.request('GET', '/health')).status).toBe(200);
  });

  it('keeps a caller-supplied request id', async () => {
    const r = await t.request('GET', '/health', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(r.headers.get('x-request-id')).toBe('trace-abc-123');
  });

  it('serves OpenAPI 3.1 describing every endpoint, and Swagger UI', async () => {
    const doc = await t.request('GET', '/openapi.json', { token: null });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of ['/health', '/health/ready', '/metrics', '/api/v1/data-products', '/api/v1/data-products/{name}', '/api/v1/data-products/{name}/revisions']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    const ui = await t.request('GET', '/docs', { token: null });
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it("documents every operation's problem+json errors and the validation of its path parameters", async () => {
    type Operation = { parameters?: { in: string; name: string; schema: Record<string, unknown> }[]; security?: unknown[]; requestBody?: unknown; responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
    const doc = (await t.request('GET', '/openapi.json', { token: null })).body as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { required: string[] }> } };
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail', 'code']);
    const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations++;
        const where = `${method.toUpperCase()} ${path}`;
        expect({ where, content: op.responses.default?.content }).toEqual({ where, content: problem });
        const params = op.parameters ?? [];
        const expected = [
          ...(params.length || op.requestBody ? ['400'] : []),
          ...(op.security?.length ? ['401', '403'] : []),
          ...(params.some((p) => p.in === 'path') ? ['404'] : []),
          ...(op.requestBody ? ['413', '415'] : []),
        ];
        for (const status of expected) expect({ where, status, content: op.responses[status]?.content }).toEqual({ where, status, content: problem });
        // A path parameter's schema says what is accepted: a pattern, a number range or a description.
        for (const p of params.filter((x) => x.in === 'path')) expect({ where, name: p.name, constrained: Object.keys(p.schema).length > 1 }).toEqual({ where, name: p.name, constrained: true });
      }
    }
    expect(operations).toBeGreaterThan(40);
    expect(doc.paths['/api/v1/data-products/{name}'].get.parameters![0].schema.pattern).toBe('^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$');
    expect(doc.paths['/api/v1/lineage'].post.requestBody).toBeDefined();
  });

  it('exports Prometheus metrics with request counts and latencies by route template', async () => {
    await t.request('GET', '/api/v1/data-products');
    const r = await t.request('GET', '/metrics', { token: null });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain');
    expect(r.text).toMatch(/gatehouse_http_requests_total\{method="GET",route="\/api\/v1\/data-products",status="200"\} \d+/);
    expect(r.text).toContain('gatehouse_http_request_duration_seconds_bucket');
    const doc = (await t.request('GET', '/openapi.json', { token: null })).body;
    expect(doc.paths['/metrics'].get.responses['200'].content).toEqual({ 'text/plain': { schema: { type: 'string' } } });
  });

  it('makes the request id and the authenticated principal visible to services', async () => {
    const service = t.app.get(DataProductsService);
    const original = service.list.bind(service);
    let seen: unknown;
    const spy = jest.spyOn(service, 'list').mockImplementation(async (query, actor) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen = requestContext.getStore();
      return original(query, actor);
    });
    await t.request('GET', '/api/v1/data-products', { headers: { 'x-request-id': 'ctx-1' } });
    spy.mockRestore();
    expect(seen).toMatchObject({ requestId: 'ctx-1', principal: { id: 'admin' } });
  });
});
