import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startTestApp, TestApp } from '../support/test-app';

/** A GET whose body is not decoded (fetch would undo the compression). */
function raw(url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** The built console served on the API's origin, beside an API that behaves exactly as without it. */
describe('the console on the same origin as the API', () => {
  let t: TestApp;
  let dir: string;
  const page = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
  const script = `console.log(${JSON.stringify('x'.repeat(2000))});`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), page);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({ oidc: { issuer: 'https://idp.example.com/realms/x', audience: 'gatehouse', consoleClientId: 'gatehouse-console', consoleScopes: 'openid profile', algorithms: ['RS256'], claims: { id: 'sub', name: 'name', teams: 'groups', roles: 'roles' } } }, { consoleDir: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / and every client-side route with the page, never cached, under a strict CSP', async () => {
    for (const path of ['/', '/catalog', '/products/orders-daily?tab=revisions', '/promotions/0b8f2c1e-1111-4e5f-9aaa-123456789abc']) {
      const r = await fetch(`${t.baseUrl}${path}`);
      expect([path, r.status]).toEqual([path, 200]);
      expect(await r.text()).toBe(page);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = r.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("connect-src 'self' https://idp.example.com");
    }
  });

  it('serves hashed assets for a year, compressed when asked, and other files revalidated', async () => {
    const plain = await fetch(`${t.baseUrl}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await plain.text()).toBe(script);
    const zipped = await raw(`${t.baseUrl}/assets/index-abc123.js`, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).toString()).toBe(script);
    const again = await fetch(`${t.baseUrl}/assets/index-abc123.js`, { headers: { 'if-none-match': plain.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const icon = await fetch(`${t.baseUrl}/favicon.svg`);
    expect([icon.status, icon.headers.get('cache-control'), icon.headers.get('content-type')]).toEqual([200, 'no-cache', 'image/svg+xml']);
    const missing = await fetch(`${t.baseUrl}/assets/index-old.js`);
    expect([missing.status, missing.headers.get('content-type')]).toEqual([404, 'application/problem+json; charset=utf-8']);
  });

  it('leaves the API, the docs and the probes as they are: an unknown API path stays a 404 problem', async () => {
    for (const path of ['/api/v1/nope', '/api', '/health/nope', '/metrics/x', '/robots.txt']) {
      const r = await fetch(`${t.baseUrl}${path}`);
      expect([path, r.status, r.headers.get('content-type')]).toEqual([path, 404, 'application/problem+json; charset=utf-8']);
    }
    expect((await fetch(`${t.baseUrl}/api/v1/data-products`)).status).toBe(401);
    expect((await fetch(`${t.baseUrl}/health`)).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await fetch(`${t.baseUrl}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/docs`)).status).toBe(200);
    // a client-side path asked with another method is not the page
    const post = await fetch(`${t.baseUrl}/catalog`, { method: 'POST' });
    expect([post.status, post.headers.get('content-type')]).toEqual([404, 'application/problem+json; charset=utf-8']);
  });

  it('tells the console how to sign in, without a token', async () => {
    const r = await t.request('GET', '/api/v1/auth/options', { token: null });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ token: true, oidc: { issuer: 'https://idp.example.com/realms/x', clientId: 'gatehouse-console', scopes: 'openid profile' } });
  });
});
