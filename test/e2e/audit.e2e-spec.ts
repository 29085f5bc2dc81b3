import { hashEntry } from '../../src/audit/audit-hash';
import { AuditService } from '../../src/audit/audit.service';
import type { Principal } from '../../src/auth/principal';
import { PrismaService } from '../../src/database/prisma.service';
import { AccessControl } from '../../src/policy/access-control';
import { manifest } from '../support/manifests';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

interface EntryView {
  seq: string;
  at: string;
  principal: string;
  action: string;
  subject: { type: string; id: string | null };
  outcome: string;
  requestId: string | null;
  before: any;
  after: any;
  details: any;
  hash: string;
  prevHash: string;
}

describe('audit trail (HTTP)', () => {
  let t: TestApp;
  let db: PrismaService;
  /** Real answers against the schemas the OpenAPI document gives them. */
  let documented: ResponseCheck;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(PrismaService);
    documented = await documentedResponses(t);
  });
  afterAll(() => t.close());

  const entries = async (query = ''): Promise<EntryView[]> => {
    const r = await t.request('GET', `/api/v1/audit${query ? `?${query}` : ''}`);
    expect(r.status).toBe(200);
    expect(documented('GET', '/api/v1/audit', r.body)).toEqual([]);
    return r.body.items;
  };
  /** Valid or not, the report has the documented shape. */
  const verify = async () => {
    const r = await t.request('GET', '/api/v1/audit/verify');
    expect(documented('GET', '/api/v1/audit/verify', r.body)).toEqual([]);
    return r.body;
  };
  const count = async () => Number((await db.$queryRawUnsafe<{ n: string }[]>('SELECT count(*)::text AS n FROM audit_entry'))[0].n);
  const create = (name: string, requestId?: string) =>
    t.request('POST', '/api/v1/data-products', { body: manifest(name), headers: requestId ? { 'x-request-id': requestId } : {} });

  describe('recording', () => {
    it('records every catalog change with principal, request id, subject, before and after', async () => {
      expect((await create('audited', 'req-create-1')).status).toBe(201);
      const patch = await t.request('PATCH', '/api/v1/data-products/audited', { body: { spec: { tier: 2 } }, headers: { 'x-request-id': 'req-patch-1' } });
      expect(patch.status).toBe(200);
      const apply = await t.request('PUT', '/api/v1/data-products/audited', { body: manifest('audited', { spec: { tier: 3 } }) });
      expect(apply.headers.get('gatehouse-apply-result')).toBe('updated');
      expect((await t.request('DELETE', '/api/v1/data-products/audited', { headers: { 'x-request-id': 'req-retire-1' } })).status).toBe(200);

      const [retire, applied, patched, created] = await entries('subjectId=audited');
      expect(created).toMatchObject({
        principal: 'admin',
        action: 'data-product.create',
        subject: { type: 'DataProduct', id: 'audited' },
        outcome: 'succeeded',
        requestId: 'req-create-1',
        before: null,
        after: manifest('audited'),
        details: { revision: 1 },
        prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(patched).toMatchObject({ action: 'data-product.update', requestId: 'req-patch-1', before: { spec: { tier: 1 } }, after: { spec: { tier: 2 } }, details: { revision: 2 } });
      expect(applied).toMatchObject({ action: 'data-product.update', before: { spec: { tier: 2 } }, after: { spec: { tier: 3 } }, details: { revision: 3 } });
      expect(applied.requestId).toEqual(expect.any(String));
      expect(retire).toMatchObject({ action: 'data-product.retire', requestId: 'req-retire-1', before: { status: 'active' }, after: { status: 'retired' } });
      expect([created, patched, applied, retire].map((e) => Number(e.seq))).toEqual([1, 2, 3, 4].map((i) => Number(created.seq) + i - 1));
      expect(patched.prevHash).toBe(created.hash);
    });

    it('writes nothing for unchanged applies and failed requests', async () => {
      await create('quiet');
      const before = await count();
      expect((await t.request('PUT', '/api/v1/data-products/quiet', { body: manifest('quiet') })).headers.get('gatehouse-apply-result')).toBe('unchanged');
      expect((await create('quiet')).status).toBe(409);
      expect((await t.request('PATCH', '/api/v1/data-products/quiet', { body: { spec: { tier: 9 } } })).status).toBe(400);
      expect((await t.request('PUT', '/api/v1/data-products/retired-later', { body: { kind: 'nonsense' } })).status).toBe(400);
      expect(await count()).toBe(before);
    });

    it('rolls an entry back with the transaction it was recorded in, leaving no gap', async () => {
      const audit = t.app.get(AuditService);
      const before = await count();
      await expect(
        db.$transaction(async (tx) => {
          await audit.record({ action: 'test.rollback', subjectType: 'Test', outcome: 'succeeded' }, tx);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await count()).toBe(before);
      await audit.record({ action: 'test.after-rollback', subjectType: 'Test', outcome: 'succeeded' });
      expect(Number((await entries('action=test.after-rollback'))[0].seq)).toBe(before + 1);
      expect((await verify()).valid).toBe(true);
    });

    it('records every policy denial, although the request fails', async () => {
      const zoe: Principal = { id: 'zoe@example.com', kind: 'person', name: 'Zoe', roles: [], teams: [] };
      await expect(t.app.get(AccessControl).require(zoe, 'read', 'AuditEntry')).rejects.toMatchObject({ code: 'forbidden' });
      const [denied] = await entries('outcome=denied');
      expect(denied).toMatchObject({
        principal: 'zoe@example.com',
        action: 'audit-entry.read',
        subject: { type: 'AuditEntry', id: null },
        outcome: 'denied',
        policyVersion: expect.stringMatching(/^sha256:/),
        details: { reason: expect.any(String) },
      });
    });

    it('stores secrets redacted', async () => {
      await t.app.get(AuditService).record({ action: 'test.secret', subjectType: 'ApiToken', subjectId: 't1', outcome: 'succeeded', details: { token: 'abc', nested: { Password: 'p' }, note: 'kept' } });
      const [entry] = await entries('action=test.secret');
      expect(entry.details).toEqual({ token: '[redacted]', nested: { Password: '[redacted]' }, note: 'kept' });
      expect(entry.principal).toBe('anonymous');
      const raw = await db.$queryRawUnsafe<{ details: string }[]>(`SELECT details::text AS details FROM audit_entry WHERE action = 'test.secret'`);
      expect(raw[0].details).not.toContain('abc');
    });
  });

  describe('listing', () => {
    beforeAll(async () => {
      for (const name of ['list-one', 'list-two', 'list-three']) await create(name);
    });

    it('filters by principal, subject, action, outcome and time', async () => {
      expect((await entries('subjectType=DataProduct&subjectId=list-two')).map((e) => e.action)).toEqual(['data-product.create']);
      const creates = await entries('action=data-product.create&limit=200');
      expect(creates.every((e) => e.action === 'data-product.create')).toBe(true);
      expect(creates.map((e) => e.subject.id)).toEqual(expect.arrayContaining(['list-one', 'list-two', 'list-three', 'audited']));
      expect((await entries('principal=admin&limit=200')).length).toBe(creates.length + 3);
      expect((await entries('principal=admin&action=data-product.retire')).map((e) => e.subject.id)).toEqual(['audited']);
      expect(await entries('principal=nobody')).toEqual([]);
      expect((await entries('outcome=denied')).map((e) => e.principal)).toEqual(['zoe@example.com']);
      const [newest] = await entries();
      const at = encodeURIComponent(newest.at);
      expect((await entries(`from=${at}`)).map((e) => e.seq)).toContain(newest.seq);
      expect((await entries(`to=${at}`)).map((e) => e.seq)).not.toContain(newest.seq);
      expect(await entries('from=2999-01-01T00:00:00%2B02:00')).toEqual([]);
    });

    it('pages newest first with an opaque cursor', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await t.request('GET', `/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        expect(documented('GET', '/api/v1/audit', page.body)).toEqual([]);
        seen.push(...page.body.items.map((e: EntryView) => Number(e.seq)));
        cursor = page.body.nextCursor;
      } while (cursor);
      const n = await count();
      expect(seen).toEqual([...Array(n).keys()].map((i) => n - i));
    });

    it('validates every query parameter', async () => {
      const r = await t.request('GET', '/api/v1/audit?colour=red&limit=0&outcome=maybe&from=yesterday');
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.colour', 'query.from', 'query.limit', 'query.outcome']);
      expect((await t.request('GET', '/api/v1/audit?cursor=%%%')).status).toBe(400);
      const backwards = await t.request('GET', '/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
      expect(backwards.body.errors).toEqual([{ field: 'query.to', message: 'must be later than from' }]);
    });

    it('is documented in the OpenAPI document', async () => {
      const doc = (await t.request('GET', '/openapi.json', { token: null })).body;
      const list = doc.paths['/api/v1/audit'].get;
      expect(list.tags).toEqual(['audit']);
      expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(['principal', 'subjectType', 'subjectId', 'action', 'outcome', 'from', 'to', 'limit', 'cursor']);
      expect(doc.paths['/api/v1/audit/verify'].get.tags).toEqual(['audit']);
    });

    it('needs a bearer token', async () => {
      expect((await t.request('GET', '/api/v1/audit', { token: null })).status).toBe(401);
      expect((await t.request('GET', '/api/v1/audit/verify', { token: null })).status).toBe(401);
    });
  });

  describe('integrity', () => {
    it('keeps the chain intact under concurrent audited writes', async () => {
      const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => create(`concurrent-${i}`).then((r) => r.status)));
      expect(statuses).toEqual(statuses.map(() => 201));
      const seqs = (await db.$queryRawUnsafe<{ seq: string }[]>('SELECT a.seq::text AS seq FROM audit_entry a ORDER BY a.seq')).map((r) => Number(r.seq));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const [head] = await entries();
      expect(await verify()).toEqual({ valid: true, entries: seqs.length, head: head.hash });
    });

    /** Runs `tamper`, checks what verify says, then puts the row back as it was. */
    async function tampered(tamper: () => Promise<unknown>, restore: () => Promise<unknown>) {
      await tamper();
      const report = await verify();
      await restore();
      expect(await verify()).toMatchObject({ valid: true });
      return report;
    }
    const rowJson = async (seq: number) =>
      (await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(a)::text AS row FROM audit_entry a WHERE seq = ${seq}`))[0].row;
    const hashAt = async (seq: number) => JSON.parse(await rowJson(seq)).hash as string;
    const putBack = (json: string) => db.$executeRawUnsafe(`INSERT INTO audit_entry SELECT * FROM json_populate_record(NULL::audit_entry, $1::json)`, json);

    it('points at an entry edited in the database as altered', async () => {
      const original = await rowJson(5);
      const report = await tampered(
        () => db.$executeRawUnsafe(`UPDATE audit_entry SET after = '{"forged": true}' WHERE seq = 5`),
        async () => {
          await db.$executeRawUnsafe('DELETE FROM audit_entry WHERE seq = 5');
          await putBack(original);
        },
      );
      expect(report).toMatchObject({ valid: false, entries: 5, firstInvalid: { seq: '5', reason: 'altered', expected: JSON.parse(original).hash } });
    });

    it('points at a deleted entry as removed', async () => {
      const original = await rowJson(7);
      const report = await tampered(() => db.$executeRawUnsafe('DELETE FROM audit_entry WHERE seq = 7'), () => putBack(original));
      // Entry 8 follows entry 6 but still links to the hash of the deleted entry 7.
      expect(report).toMatchObject({
        valid: false,
        entries: 7,
        firstInvalid: { seq: '7', reason: 'removed', expected: await hashAt(6), actual: JSON.parse(original).hash },
      });
    });

    it('points at a forged row as inserted, even with a correctly computed hash', async () => {
      const head = await count();
      const first = { hash: await hashAt(1) };
      const forged = {
        seq: BigInt(head + 1),
        at: new Date(),
        principalId: 'mallory',
        action: 'data-product.create',
        subjectType: 'DataProduct',
        subjectId: 'backdoor',
        outcome: 'succeeded' as const,
        requestId: null,
        policyVersion: null,
        before: null,
        after: null,
        details: null,
        prevHash: first.hash,
      };
      const hash = hashEntry(forged);
      const report = await tampered(
        () =>
          db.$executeRawUnsafe(
            `INSERT INTO audit_entry (seq, at, principal_id, action, subject_type, subject_id, outcome, prev_hash, hash)
             VALUES ($1::bigint, $2::timestamptz, 'mallory', 'data-product.create', 'DataProduct', 'backdoor', 'succeeded', $3, $4)`,
            String(head + 1),
            forged.at.toISOString(),
            first.hash,
            hash,
          ),
        () => db.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = ${head + 1}`),
      );
      expect(report).toMatchObject({ valid: false, entries: head + 1, firstInvalid: { seq: String(head + 1), reason: 'inserted', actual: first.hash } });
      expect(report.firstInvalid.expected).toBe(await hashAt(head));
    });
  });
});
