import { randomBytes } from 'node:crypto';
import { TokenService } from '../../src/auth/token.service';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field).sort();

describe('principals and API tokens (HTTP)', () => {
  let t: TestApp;
  /** The answer every refused token gets. */
  let unauthorized: { detail: string };
  /** Real answers against the schemas the OpenAPI document gives them. */
  let documented: ResponseCheck;

  const createPrincipal = (body: object) => t.request('POST', '/api/v1/principals', { body });
  const issue = async (principal: string, extra: object = {}) => {
    const r = await t.request('POST', '/api/v1/tokens', { body: { principal, ...extra } });
    expect(r.status).toBe(201);
    return r.body as { id: string; token: string };
  };
  const expectRefused = async (token: string | null, headers: Record<string, string> = {}) => {
    const r = await t.request('GET', '/api/v1/data-products', { token, headers });
    expect(r.status).toBe(401);
    expect(r.body.detail).toBe(unauthorized.detail);
  };

  beforeAll(async () => {
    t = await startTestApp();
    unauthorized = (await t.request('GET', '/api/v1/data-products', { token: null })).body;
    documented = await documentedResponses(t);
  });
  afterAll(() => t.close());

  describe('principals', () => {
    it('creates people and service accounts', async () => {
      const ana = await createPrincipal({ id: 'ana@example.com', name: 'Ana Lopez', kind: 'person', teams: ['sales-data'], roles: ['steward'], email: 'ana@example.com' });
      expect(ana.status).toBe(201);
      expect(ana.headers.get('location')).toBe('/api/v1/principals/ana%40example.com');
      expect(ana.body).toMatchObject({
        id: 'ana@example.com',
        name: 'Ana Lopez',
        kind: 'person',
        teams: ['sales-data'],
        roles: ['steward'],
        email: 'ana@example.com',
        disabled: false,
        disabledAt: null,
        createdBy: 'admin',
      });
      const svc = await createPrincipal({ id: 'svc-airflow', name: 'Airflow', kind: 'service', roles: ['lineage-producer', 'lineage-producer'] });
      expect(svc.status).toBe(201);
      expect(svc.body).toMatchObject({ kind: 'service', teams: [], roles: ['lineage-producer'], email: null });
      const read = await t.request('GET', '/api/v1/principals/svc-airflow');
      expect(read.body).toEqual(svc.body);
      expect(documented('POST', '/api/v1/principals', ana.body, 201)).toEqual([]);
      expect(documented('GET', '/api/v1/principals/{id}', read.body)).toEqual([]);
    });

    it('refuses a duplicate id with 409 and the reserved admin id with 400', async () => {
      await createPrincipal({ id: 'dup', name: 'Dup', kind: 'person' });
      const again = await createPrincipal({ id: 'dup', name: 'Dup', kind: 'service' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('already_exists');
      const admin = await createPrincipal({ id: 'admin', name: 'Me', kind: 'person', roles: ['admin'] });
      expect(admin.status).toBe(400);
      expect(admin.body.errors).toEqual([{ field: 'id', message: expect.stringContaining('reserved') }]);
    });

    it('names every invalid field', async () => {
      const r = await createPrincipal({ id: 'Not An Id', name: '', kind: 'robot', teams: ['team:sales-data', 'ok'], roles: ['Admin'], email: 'nope', extra: 1 });
      expect(r.status).toBe(400);
      expect(fields(r.body)).toEqual(['email', 'extra', 'id', 'kind', 'name', 'roles[0]', 'teams[0]']);
      expect(r.body.errors.find((e: { field: string }) => e.field === 'teams[0]').message).toContain('plain team slug (sales-data)');
    });

    it('refuses text PostgreSQL cannot store in a validated body, naming the field', async () => {
      const raw = JSON.stringify({ id: 'unstorable-name', name: 'NUL-HERE', kind: 'person', teams: [], roles: [] }).replace('NUL-HERE', 'Ann \\u0000');
      const r = await t.request('POST', '/api/v1/principals', { raw, headers: { 'content-type': 'application/json' } });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ field: 'name', message: 'must not contain the NUL character (\\u0000): PostgreSQL cannot store it' }]);
      expect((await t.request('GET', '/api/v1/principals/unstorable-name')).status).toBe(404);
    });

    it('reads 404 for unknown principals and for the built-in administrator', async () => {
      expect((await t.request('GET', '/api/v1/principals/nobody')).status).toBe(404);
      const admin = await t.request('GET', '/api/v1/principals/admin');
      expect(admin.status).toBe(404);
      expect(admin.body.detail).toContain('built in');
      expect((await t.request('GET', '/api/v1/principals/NOT%20VALID')).status).toBe(400);
    });

    it('updates name, teams, roles and e-mail; null removes the e-mail', async () => {
      await createPrincipal({ id: 'bo@example.com', name: 'Bo', kind: 'person', email: 'bo@example.com' });
      const r = await t.request('PATCH', '/api/v1/principals/bo@example.com', { body: { name: 'Bo Berg', teams: ['finance'], roles: ['viewer'], email: null } });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ name: 'Bo Berg', teams: ['finance'], roles: ['viewer'], email: null, kind: 'person' });
      expect(documented('PATCH', '/api/v1/principals/{id}', r.body)).toEqual([]);
      const merge = await t.request('PATCH', '/api/v1/principals/bo@example.com', { raw: '{"roles":[]}', headers: { 'content-type': 'application/merge-patch+json' } });
      expect(merge.body).toMatchObject({ name: 'Bo Berg', teams: ['finance'], roles: [] });
      expect((await t.request('PATCH', '/api/v1/principals/bo@example.com', { body: {} })).status).toBe(400);
      // The kind is fixed at creation.
      expect(fields((await t.request('PATCH', '/api/v1/principals/bo@example.com', { body: { kind: 'service' } })).body)).toContain('kind');
      expect((await t.request('PATCH', '/api/v1/principals/ghost', { body: { name: 'x' } })).status).toBe(404);
      expect((await t.request('PATCH', '/api/v1/principals/admin', { body: { name: 'x' } })).status).toBe(404);
    });

    it('disables and enables, idempotently', async () => {
      await createPrincipal({ id: 'cy', name: 'Cy', kind: 'service' });
      const disabled = await t.request('POST', '/api/v1/principals/cy/disable');
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ disabled: true, disabledAt: expect.any(String) });
      expect(documented('POST', '/api/v1/principals/{id}/disable', disabled.body)).toEqual([]);
      const again = await t.request('POST', '/api/v1/principals/cy/disable');
      expect(again.body.disabledAt).toBe(disabled.body.disabledAt);
      const enabled = await t.request('POST', '/api/v1/principals/cy/enable');
      expect(enabled.body).toMatchObject({ disabled: false, disabledAt: null });
      expect(documented('POST', '/api/v1/principals/{id}/enable', enabled.body)).toEqual([]);
      expect((await t.request('POST', '/api/v1/principals/cy/enable')).status).toBe(200);
      expect((await t.request('POST', '/api/v1/principals/ghost/disable')).status).toBe(404);
    });

    it('lists with filters and cursor pagination, ordered by id', async () => {
      for (const [id, kind, teams, roles] of [
        ['list-a', 'person', ['blue'], ['viewer']],
        ['list-b', 'service', ['blue'], ['operator']],
        ['list-c', 'person', ['red'], ['viewer']],
      ] as const) {
        await createPrincipal({ id, name: id, kind, teams, roles });
      }
      await t.request('POST', '/api/v1/principals/list-c/disable');
      const ids = async (query: string) => (await t.request('GET', `/api/v1/principals?${query}`)).body.items.map((p: { id: string }) => p.id);
      expect(await ids('team=blue')).toEqual(['list-a', 'list-b']);
      expect(await ids('role=viewer')).toEqual(['list-a', 'list-c']);
      expect(await ids('role=viewer&disabled=false')).toEqual(['list-a']);
      expect(await ids('disabled=true&team=red')).toEqual(['list-c']);
      expect(await ids('kind=service&team=blue')).toEqual(['list-b']);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
          await t.request('GET', `/api/v1/principals?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        ).body;
        expect(page.items.length).toBeLessThanOrEqual(2);
        expect(documented('GET', '/api/v1/principals', page)).toEqual([]);
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...seen].sort());
      expect(seen).toEqual(expect.arrayContaining(['ana@example.com', 'list-a', 'list-b', 'list-c', 'svc-airflow']));

      const bad = await t.request('GET', '/api/v1/principals?cursor=%%%&kind=robot&disabled=maybe&limit=0');
      expect(bad.status).toBe(400);
      expect(fields(bad.body)).toEqual(['query.cursor', 'query.disabled', 'query.kind', 'query.limit']);
    });
  });

  describe('tokens', () => {
    beforeAll(async () => {
      await createPrincipal({ id: 'dee@example.com', name: 'Dee', kind: 'person', teams: ['sales-data'], roles: ['admin'] });
      await createPrincipal({ id: 'svc-dagster', name: 'Dagster', kind: 'service', teams: ['platform'], roles: ['operator'] });
    });

    it('issues a token shown once, which authenticates as the stored principal', async () => {
      const r = await t.request('POST', '/api/v1/tokens', { body: { principal: 'dee@example.com', description: 'laptop' } });
      expect(r.status).toBe(201);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.body).toMatchObject({
        id: expect.stringMatching(/^tok_[a-z0-9]{25}$/),
        token: expect.stringMatching(/^ghs_[A-Za-z0-9_-]{43}$/),
        principal: 'dee@example.com',
        description: 'laptop',
        status: 'active',
        expiresAt: null,
        createdAt: expect.any(String),
        createdBy: 'admin',
      });
      expect(documented('POST', '/api/v1/tokens', r.body, 201)).toEqual([]);
      const me = await t.request('GET', '/api/v1/me', { token: r.body.token });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ id: 'dee@example.com', kind: 'person', name: 'Dee', teams: ['sales-data'], roles: ['admin'] });
      expect(documented('GET', '/api/v1/me', me.body)).toEqual([]);
      const read = await t.request('GET', `/api/v1/tokens/${r.body.id}`);
      expect(read.body.lastUsedAt).toEqual(expect.any(String));
      expect(read.body.token).toBeUndefined();
      expect(documented('GET', '/api/v1/tokens/{id}', read.body)).toEqual([]);
    });

    it('authenticates a service account with kind service', async () => {
      const { token } = await issue('svc-dagster');
      expect(await t.app.get(TokenService).authenticate(token)).toEqual({
        id: 'svc-dagster',
        kind: 'service',
        name: 'Dagster',
        teams: ['platform'],
        roles: ['operator'],
      });
      expect((await t.request('GET', '/api/v1/data-products', { token })).status).toBe(200);
    });

    it('lists tokens without their secrets, filtered by principal, oldest first', async () => {
      const first = await issue('svc-dagster', { description: 'one' });
      const second = await issue('svc-dagster', { description: 'two' });
      const r = await t.request('GET', '/api/v1/tokens?principal=svc-dagster');
      expect(r.status).toBe(200);
      const ids = r.body.items.map((tok: { id: string }) => tok.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      expect(r.body.items.every((tok: { principal: string }) => tok.principal === 'svc-dagster')).toBe(true);
      expect(r.text).not.toContain(first.token);
      expect(r.text).not.toContain('hash');
      expect(Object.keys(r.body.items[0]).sort()).toEqual(
        ['createdAt', 'createdBy', 'description', 'expiresAt', 'id', 'lastUsedAt', 'principal', 'revokedAt', 'revokedBy', 'status'].sort(),
      );
      const page = await t.request('GET', '/api/v1/tokens?principal=svc-dagster&limit=1');
      expect(page.body.items).toHaveLength(1);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      expect(documented('GET', '/api/v1/tokens', r.body)).toEqual([]);
      expect(documented('GET', '/api/v1/tokens', page.body)).toEqual([]);
    });

    it('revokes idempotently; a revoked token is refused', async () => {
      const { id, token } = await issue('dee@example.com');
      const revoked = await t.request('DELETE', `/api/v1/tokens/${id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ id, status: 'revoked', revokedAt: expect.any(String), revokedBy: 'admin' });
      expect(documented('DELETE', '/api/v1/tokens/{id}', revoked.body)).toEqual([]);
      const again = await t.request('DELETE', `/api/v1/tokens/${id}`);
      expect(again.status).toBe(200);
      expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
      await expectRefused(token);
      expect((await t.request('DELETE', '/api/v1/tokens/tok_0000000000000000000000000')).status).toBe(404);
      expect((await t.request('DELETE', '/api/v1/tokens/not-a-token')).status).toBe(400);
    });

    it('refuses an expired token', async () => {
      const { token } = await issue('dee@example.com', { expiresAt: new Date(Date.now() + 1500).toISOString() });
      expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(200);
      await sleep(1600);
      await expectRefused(token);
    });

    it('refuses malformed and forged tokens with the same answer', async () => {
      await expectRefused(null, { authorization: 'Bearer' });
      await expectRefused(null, { authorization: 'Bearer a b' });
      await expectRefused(null, { authorization: 'Bearer ' });
      await expectRefused(null, { authorization: 'Token ghs_abc' });
      await expectRefused('garbage!');
      await expectRefused('ghs_tooshort');
      await expectRefused(`ghs_${randomBytes(32).toString('base64url')}`);
      await expectRefused('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
    });

    it('checks what a token is for: a principal that exists and is enabled, an expiry in the future', async () => {
      const missing = await t.request('POST', '/api/v1/tokens', { body: { principal: 'nobody' } });
      expect(missing.status).toBe(400);
      expect(fields(missing.body)).toEqual(['principal']);
      await createPrincipal({ id: 'off', name: 'Off', kind: 'person' });
      await t.request('POST', '/api/v1/principals/off/disable');
      const disabled = await t.request('POST', '/api/v1/tokens', { body: { principal: 'off' } });
      expect(disabled.status).toBe(409);
      expect(disabled.body.errors).toEqual([{ field: 'principal', message: 'is disabled' }]);
      const past = await t.request('POST', '/api/v1/tokens', { body: { principal: 'dee@example.com', expiresAt: '2020-01-01T00:00:00Z' } });
      expect(past.status).toBe(400);
      expect(fields(past.body)).toEqual(['expiresAt']);
      const noZone = await t.request('POST', '/api/v1/tokens', { body: { principal: 'dee@example.com', expiresAt: '2030-01-01T00:00:00', secret: 'x' } });
      expect(fields(noZone.body)).toEqual(['expiresAt', 'secret']);
    });

    it('issues further tokens for the bootstrap administrator', async () => {
      const { token } = await issue('admin');
      const me = await t.request('GET', '/api/v1/me', { token });
      expect(me.body).toMatchObject({ id: 'admin', kind: 'bootstrap', roles: ['admin'] });
      expect(documented('GET', '/api/v1/me', me.body)).toEqual([]);
    });

    it('stops every token of a disabled principal at once, and lets them work again when enabled', async () => {
      await createPrincipal({ id: 'eli@example.com', name: 'Eli', kind: 'person' });
      const one = await issue('eli@example.com');
      const two = await issue('eli@example.com');
      expect((await t.request('GET', '/api/v1/data-products', { token: one.token })).status).toBe(200);
      await t.request('POST', '/api/v1/principals/eli@example.com/disable');
      await expectRefused(one.token);
      await expectRefused(two.token);
      await t.request('POST', '/api/v1/principals/eli@example.com/enable');
      expect((await t.request('GET', '/api/v1/data-products', { token: two.token })).status).toBe(200);
    });

    it('applies role changes from the next request on', async () => {
      await createPrincipal({ id: 'fay@example.com', name: 'Fay', kind: 'person', roles: ['admin'] });
      const { token } = await issue('fay@example.com');
      expect((await t.request('GET', '/api/v1/principals', { token })).status).toBe(200);
      await t.request('PATCH', '/api/v1/principals/fay@example.com', { body: { roles: ['viewer'] } });
      expect((await t.request('GET', '/api/v1/principals', { token })).status).toBe(403);
    });
  });

  describe('management is for administrators', () => {
    let token: string;
    beforeAll(async () => {
      await createPrincipal({ id: 'gus@example.com', name: 'Gus', kind: 'person', teams: ['sales-data'], roles: ['viewer', 'steward'] });
      token = (await issue('gus@example.com')).token;
    });

    it.each([
      ['POST', '/api/v1/principals', { id: 'gus2', name: 'Gus 2', kind: 'person', roles: ['admin'] }],
      ['GET', '/api/v1/principals', undefined],
      ['GET', '/api/v1/principals/gus@example.com', undefined],
      ['PATCH', '/api/v1/principals/gus@example.com', { roles: ['admin'] }],
      ['POST', '/api/v1/principals/gus@example.com/disable', undefined],
      ['POST', '/api/v1/principals/gus@example.com/enable', undefined],
      ['POST', '/api/v1/tokens', { principal: 'gus@example.com' }],
      ['GET', '/api/v1/tokens', undefined],
      ['GET', '/api/v1/tokens?principal=gus@example.com', undefined],
      ['DELETE', '/api/v1/tokens/tok_0000000000000000000000000', undefined],
    ])('%s %s answers 403', async (method, path, body) => {
      const r = await t.request(method, path, { token, body });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('forbidden');
    });

    it('changed nothing while refusing', async () => {
      expect((await t.request('GET', '/api/v1/principals/gus@example.com')).body.roles).toEqual(['viewer', 'steward']);
      expect((await t.request('GET', '/api/v1/principals/gus2')).status).toBe(404);
    });
  });
});
