import { stringify } from 'yaml';
import { manifest } from '../support/manifests';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

describe('data-product catalog (HTTP)', () => {
  let t: TestApp;
  /** Real answers against the schemas the OpenAPI document gives them. */
  let documented: ResponseCheck;
  beforeAll(async () => {
    t = await startTestApp({ bodyLimitBytes: 64 * 1024 });
    documented = await documentedResponses(t);
  });
  afterAll(() => t.close());

  const put = (name: string, body: unknown, headers: Record<string, string> = {}) => t.request('PUT', `/api/v1/data-products/${name}`, { body, headers });

  describe('create and apply', () => {
    it('creates with POST, returning the product, its ETag and location', async () => {
      const r = await t.request('POST', '/api/v1/data-products', { body: manifest('created-by-post') });
      expect(r.status).toBe(201);
      expect(r.headers.get('location')).toBe('/api/v1/data-products/created-by-post');
      expect(r.headers.get('etag')).toBe('"r1"');
      expect(r.body).toMatchObject({ name: 'created-by-post', revision: 1, status: 'active', owner: 'team:sales-data', createdBy: 'admin' });
      expect(r.body.digest).toMatch(/^sha256:/);
      expect(documented('POST', '/api/v1/data-products', r.body, 201)).toEqual([]);
      const again = await t.request('POST', '/api/v1/data-products', { body: manifest('created-by-post') });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('already_exists');
    });

    it('applies YAML idempotently: created, then unchanged, then updated', async () => {
      const yaml = stringify(manifest('orders-daily'));
      const first = await t.request('PUT', '/api/v1/data-products/orders-daily', { raw: yaml, headers: { 'content-type': 'application/yaml' } });
      expect(first.status).toBe(201);
      expect(first.headers.get('gatehouse-apply-result')).toBe('created');
      expect(documented('PUT', '/api/v1/data-products/{name}', first.body, 201)).toEqual([]);
      const second = await t.request('PUT', '/api/v1/data-products/orders-daily', { raw: yaml, headers: { 'content-type': 'application/yaml' } });
      expect(second.status).toBe(200);
      expect(second.headers.get('gatehouse-apply-result')).toBe('unchanged');
      expect(second.body.revision).toBe(1);
      expect(documented('PUT', '/api/v1/data-products/{name}', second.body)).toEqual([]);
      const third = await put('orders-daily', manifest('orders-daily', { spec: { tier: 2 } }));
      expect(third.headers.get('gatehouse-apply-result')).toBe('updated');
      expect(third.body.revision).toBe(2);
      expect(third.headers.get('etag')).toBe('"r2"');
    });

    it('treats key order as irrelevant to identity', async () => {
      const m = manifest('key-order');
      await put('key-order', m);
      const reordered = { spec: m.spec, metadata: m.metadata, kind: m.kind, apiVersion: m.apiVersion };
      expect((await put('key-order', reordered)).headers.get('gatehouse-apply-result')).toBe('unchanged');
    });

    it('takes the name from the URL and refuses a contradicting one', async () => {
      const m = manifest('from-url');
      const { name: _n, ...metadata } = m.metadata;
      expect((await put('from-url', { ...m, metadata })).status).toBe(201);
      const r = await put('other-name', manifest('from-url'));
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ field: 'metadata.name', message: expect.stringContaining('other-name') }]);
    });
  });

  describe('validation', () => {
    it('names every bad field and writes nothing', async () => {
      const r = await put('bad-product', manifest('bad-product', { metadata: { owner: 'bob' }, spec: { tier: 9, sla: { freshness: 'soon' }, surprise: true } }));
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['metadata.owner', 'spec.sla.freshness', 'spec.surprise', 'spec.tier']);
      expect((await t.request('GET', '/api/v1/data-products/bad-product')).status).toBe(404);
    });

    it('refuses text PostgreSQL cannot store, JSON or YAML, naming the field, and writes nothing', async () => {
      // JSON and YAML escapes, as a client would send them: both parse into JavaScript strings.
      const json = JSON.stringify(manifest('unstorable', { metadata: { title: 'SURROGATE-HERE' }, spec: { description: 'NUL-HERE' } }))
        .replace('NUL-HERE', 'a \\u0000 b')
        .replace('SURROGATE-HERE', 'c \\ud800 d');
      const r = await t.request('PUT', '/api/v1/data-products/unstorable', { raw: json, headers: { 'content-type': 'application/json' } });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([
        { field: 'metadata.title', message: 'must not contain a lone UTF-16 surrogate (\\ud800–\\udfff without its pair): PostgreSQL cannot store it' },
        { field: 'spec.description', message: 'must not contain the NUL character (\\u0000): PostgreSQL cannot store it' },
      ]);
      const yaml = stringify(manifest('unstorable', { spec: { description: 'NUL-HERE' } })).replace('NUL-HERE', '"a \\0 b"');
      const y = await t.request('PUT', '/api/v1/data-products/unstorable', { raw: yaml, headers: { 'content-type': 'application/yaml' } });
      expect(y.status).toBe(400);
      expect(y.body.errors).toEqual([{ field: 'spec.description', message: expect.stringContaining('NUL character') }]);
      expect((await t.request('GET', '/api/v1/data-products/unstorable')).status).toBe(404);
    });

    it('answers malformed JSON and YAML with 400, unknown media types with 415, large bodies with 413', async () => {
      const json = await t.request('PUT', '/api/v1/data-products/x', { raw: '{"apiVersion":', headers: { 'content-type': 'application/json' } });
      expect(json.status).toBe(400);
      expect(json.body.code).toBe('malformed_body');
      const yaml = await t.request('PUT', '/api/v1/data-products/x', { raw: 'a: [1\n b', headers: { 'content-type': 'application/yaml' } });
      expect(yaml.status).toBe(400);
      expect(yaml.body.code).toBe('malformed_body');
      // A multi-document file (the CLI applies those) is refused with what to do instead.
      const twoDocs = await t.request('POST', '/api/v1/data-products', { raw: 'a: 1\n---\nb: 2\n', headers: { 'content-type': 'application/yaml' } });
      expect(twoDocs.status).toBe(400);
      expect(twoDocs.body.code).toBe('malformed_body');
      expect(twoDocs.body.detail).toContain('more than one document (the second starts at line 2); send one manifest per request, or apply the whole file with `gatehouse apply -f`');
      const text = await t.request('PUT', '/api/v1/data-products/x', { raw: 'hello', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      const big = await t.request('POST', '/api/v1/data-products', { raw: JSON.stringify({ pad: 'x'.repeat(100_000) }), headers: { 'content-type': 'application/json' } });
      expect(big.status).toBe(413);
      expect(big.body.code).toBe('payload_too_large');
    });

    it('validates path and query parameters', async () => {
      expect((await t.request('GET', '/api/v1/data-products/Not_A_Slug')).body.errors[0].field).toBe('name');
      const q = await t.request('GET', '/api/v1/data-products?tier=7&limit=0&colour=red');
      expect(q.status).toBe(400);
      expect(q.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.colour', 'query.limit', 'query.tier']);
      expect((await t.request('GET', '/api/v1/data-products?cursor=%%%')).status).toBe(400);
    });
  });

  describe('revisions, diff and concurrency', () => {
    it('records immutable revisions and diffs them', async () => {
      await put('revised', manifest('revised'));
      const patched = await t.request('PATCH', '/api/v1/data-products/revised', { body: { spec: { tier: 3, sla: null } }, headers: { 'content-type': 'application/merge-patch+json' } });
      expect(documented('PATCH', '/api/v1/data-products/{name}', patched.body)).toEqual([]);
      const list = await t.request('GET', '/api/v1/data-products/revised/revisions');
      expect(documented('GET', '/api/v1/data-products/{name}/revisions', list.body)).toEqual([]);
      expect(list.body.items.map((r: { number: number }) => r.number)).toEqual([1, 2]);
      expect(list.body.items[0]).toMatchObject({ author: 'admin', digest: expect.stringMatching(/^sha256:/) });
      const one = await t.request('GET', '/api/v1/data-products/revised/revisions/1');
      expect(one.body.manifest.spec.tier).toBe(1);
      expect(documented('GET', '/api/v1/data-products/{name}/revisions/{number}', one.body)).toEqual([]);
      expect((await t.request('GET', '/api/v1/data-products/revised/revisions/9')).status).toBe(404);
      const diff = await t.request('GET', '/api/v1/data-products/revised/diff?from=1&to=2');
      expect(diff.body.changes).toEqual([
        { path: 'spec.sla', op: 'removed', before: { freshness: 'PT6H', schedule: '0 2 * * *' } },
        { path: 'spec.tier', op: 'changed', before: 1, after: 3 },
      ]);
      expect(documented('GET', '/api/v1/data-products/{name}/diff', diff.body)).toEqual([]);
      // an added value is documented too (and a change without its values is not)
      const added = await t.request('GET', '/api/v1/data-products/revised/diff?from=2&to=1');
      expect(added.body.changes[0]).toEqual({ path: 'spec.sla', op: 'added', after: { freshness: 'PT6H', schedule: '0 2 * * *' } });
      expect(documented('GET', '/api/v1/data-products/{name}/diff', added.body)).toEqual([]);
      expect(documented('GET', '/api/v1/data-products/{name}/diff', { ...diff.body, changes: [{ path: 'spec.tier', op: 'changed' }] })).not.toEqual([]);
    });

    it('refuses a stale If-Match with 412 and accepts the current one', async () => {
      await put('guarded', manifest('guarded'));
      const ok = await t.request('PATCH', '/api/v1/data-products/guarded', { body: { spec: { tier: 2 } }, headers: { 'if-match': '"r1"' } });
      expect(ok.status).toBe(200);
      const stale = await t.request('PATCH', '/api/v1/data-products/guarded', { body: { spec: { tier: 3 } }, headers: { 'if-match': '"r1"' } });
      expect(stale.status).toBe(412);
      expect(stale.body.currentEtag).toBe('"r2"');
      expect((await put('guarded', manifest('guarded'), { 'if-match': '"r1"' })).status).toBe(412);
      expect((await put('guarded', manifest('guarded'), { 'if-none-match': '*' })).status).toBe(412);
      expect((await t.request('GET', '/api/v1/data-products/guarded')).body.spec).toBeUndefined();
      expect((await t.request('GET', '/api/v1/data-products/guarded')).body.tier).toBe(2);
    });

    it('never loses a write under concurrent updates', async () => {
      await put('contended', manifest('contended', { metadata: { tags: [] } }));
      const tags = Array.from({ length: 8 }, (_, i) => `t${i}`);
      // Each writer adds its own tag on top of whatever it reads; without If-Match, losers retry.
      const results = await Promise.all(
        tags.map(async (tag) => {
          for (;;) {
            const current = await t.request('GET', '/api/v1/data-products/contended');
            const r = await t.request('PATCH', '/api/v1/data-products/contended', {
              body: { metadata: { tags: [...current.body.tags, tag] } },
              headers: { 'if-match': current.headers.get('etag')! },
            });
            if (r.status !== 412) return r.status;
          }
        }),
      );
      expect(results).toEqual(tags.map(() => 200));
      const final = await t.request('GET', '/api/v1/data-products/contended');
      expect([...final.body.tags].sort()).toEqual(tags);
      expect(final.body.revision).toBe(1 + tags.length);
    });

    it('serialises unconditional concurrent applies into distinct revisions', async () => {
      await put('racing', manifest('racing'));
      const statuses = await Promise.all([1, 2, 3, 4].map((tier) => put('racing', manifest('racing', { spec: { tier } }))));
      expect(statuses.every((r) => r.status === 200)).toBe(true);
      const revisions = await t.request('GET', '/api/v1/data-products/racing/revisions');
      const numbers = revisions.body.items.map((r: { number: number }) => r.number);
      expect(numbers).toEqual([...Array(numbers.length).keys()].map((i) => i + 1));
    });

    it('keeps the name immutable in a patch', async () => {
      await put('fixed-name', manifest('fixed-name'));
      const r = await t.request('PATCH', '/api/v1/data-products/fixed-name', { body: { metadata: { name: 'renamed' } } });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ field: 'metadata.name', message: 'is immutable' }]);
    });

    it('refuses a merge patch nested too deep or holding text PostgreSQL cannot store, before merging it', async () => {
      await put('deep-patch', manifest('deep-patch'));
      const deep = `{"spec":{"description":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}}`;
      const r = await t.request('PATCH', '/api/v1/data-products/deep-patch', { raw: deep, headers: { 'content-type': 'application/merge-patch+json' } });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ field: `spec.description${'.a'.repeat(510)}`, message: 'is nested more than 512 levels deep' }]);
      const nul = await t.request('PATCH', '/api/v1/data-products/deep-patch', { raw: '{"spec":{"description":"a\\u0000b"}}', headers: { 'content-type': 'application/merge-patch+json' } });
      expect(nul.status).toBe(400);
      expect(nul.body.errors).toEqual([{ field: 'spec.description', message: 'must not contain the NUL character (\\u0000): PostgreSQL cannot store it' }]);
    });
  });

  describe('retire and environments', () => {
    it('retires a product, keeps its history and refuses further changes', async () => {
      await put('old-product', manifest('old-product'));
      const r = await t.request('DELETE', '/api/v1/data-products/old-product');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'retired', retiredAt: expect.any(String) });
      expect(r.headers.get('etag')).toBe('"r1-retired"');
      expect(documented('DELETE', '/api/v1/data-products/{name}', r.body)).toEqual([]);
      expect((await t.request('GET', '/api/v1/data-products/old-product/revisions')).body.items).toHaveLength(1);
      const change = await put('old-product', manifest('old-product', { spec: { tier: 4 } }));
      expect(change.status).toBe(409);
      expect(change.body.code).toBe('product_retired');
      const names = async (status: string) =>
        (await t.request('GET', `/api/v1/data-products?status=${status}&limit=200`)).body.items.map((p: { name: string }) => p.name);
      expect(await names('active')).not.toContain('old-product');
      expect(await names('retired')).toEqual(['old-product']);
    });

    it('shows every configured environment on the product', async () => {
      await put('env-view', manifest('env-view'));
      const r = await t.request('GET', '/api/v1/data-products/env-view/environments');
      expect(r.body.items.map((e: { environment: string; status: string }) => [e.environment, e.status])).toEqual([
        ['dev', 'not_deployed'],
        ['staging', 'not_deployed'],
        ['prod', 'not_deployed'],
      ]);
      expect(documented('GET', '/api/v1/data-products/{name}/environments', r.body)).toEqual([]);
      const product = await t.request('GET', '/api/v1/data-products/env-view');
      expect(product.body.environments).toEqual(r.body.items);
      expect(documented('GET', '/api/v1/data-products/{name}', product.body)).toEqual([]);
    });
  });

  describe('listing', () => {
    beforeAll(async () => {
      const specs: [string, Record<string, unknown>, Record<string, unknown>][] = [
        ['list-a', { owner: 'team:alpha', domain: 'marketing', tags: ['web'] }, { tier: 2, classification: 'public', description: 'Clickstream sessions' }],
        ['list-b', { owner: 'team:alpha', domain: 'marketing', tags: ['web', 'pii'] }, { tier: 1, classification: 'internal' }],
        ['list-c', { owner: 'team:beta', domain: 'finance', title: 'Ledger SNAPSHOT' }, { tier: 2, classification: 'restricted' }],
      ];
      for (const [name, metadata, spec] of specs) await put(name, manifest(name, { metadata, spec }));
    });
    const names = async (query: string) =>
      (await t.request('GET', `/api/v1/data-products?${query}`)).body.items.map((p: { name: string }) => p.name);

    it('filters by owner, domain, tag, classification, tier and free text', async () => {
      expect(await names('owner=team:alpha')).toEqual(['list-a', 'list-b']);
      expect(await names('domain=marketing&tier=1')).toEqual(['list-b']);
      expect(await names('tag=pii')).toEqual(['list-b']);
      expect(await names('classification=restricted')).toEqual(['list-c']);
      expect(await names('q=clickstream')).toEqual(['list-a']);
      expect(await names('q=snapshot')).toEqual(['list-c']);
      expect(await names('q=100%25')).toEqual([]);
    });

    it('pages with an opaque cursor in a stable order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await t.request('GET', `/api/v1/data-products?${query}`);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        expect(documented('GET', '/api/v1/data-products', page.body)).toEqual([]);
        seen.push(...page.body.items.map((p: { name: string }) => p.name));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(['list-a', 'list-b', 'list-c', 'orders-daily']));
    });
  });
});
