import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/database/project-paths';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

describe('policies over HTTP: active set, reload, evaluate', () => {
  let t: TestApp;
  let dir: string;
  /** Real answers against the schemas the OpenAPI document gives them. */
  let documented: ResponseCheck;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatehouse-policies-'));
    await cp(join(projectRoot(), 'policies'), dir, { recursive: true });
    t = await startTestApp({ policyDir: dir });
    documented = await documentedResponses(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the active policy set with its version', async () => {
    const r = await t.request('GET', '/api/v1/policies');
    expect(r.status).toBe(200);
    expect(r.body.version).toMatch(/^sha256:/);
    expect(r.body.roles.map((role: { name: string }) => role.name)).toContain('admin');
    expect(r.body.gates.prod.approvals.required).toBe(2);
    expect(documented('GET', '/api/v1/policies', r.body)).toEqual([]);
  });

  it('explains a decision about an inline principal and resource', async () => {
    const r = await t.request('POST', '/api/v1/policy/evaluate', {
      body: {
        principal: { id: 'sam@example.com', teams: ['sales-data'] },
        action: 'update',
        subject: { type: 'DataProduct', name: 'orders-daily', owner: 'team:sales-data', classification: 'restricted' },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ allowed: true, decidingRule: { role: 'authenticated', file: 'roles.yaml' }, policyVersion: expect.any(String) });
    expect(r.body.matchedRules.length).toBeGreaterThan(0);
    const denied = await t.request('POST', '/api/v1/policy/evaluate', {
      body: { principal: { id: 'zoe@example.com' }, action: 'read', subject: { type: 'DataProduct', classification: 'restricted', owner: 'team:other' } },
    });
    expect(denied.body).toMatchObject({ allowed: false, decidingRule: null, reason: expect.stringContaining('no rule') });
    expect(documented('POST', '/api/v1/policy/evaluate', r.body)).toEqual([]);
    expect(documented('POST', '/api/v1/policy/evaluate', denied.body)).toEqual([]);
  });

  it('answers in the documented shape for a stored principal, a loaded record and a field, and a subject type', async () => {
    await t.request('POST', '/api/v1/principals', { body: { id: 'ed@example.com', name: 'Ed', kind: 'person', teams: ['ops'], email: 'ed@example.com' } });
    const stored = await t.request('POST', '/api/v1/policy/evaluate', {
      body: { principal: 'ed@example.com', action: 'read', subject: { type: 'Principal', id: 'ed@example.com' }, field: 'email' },
    });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ field: 'email', principal: { id: 'ed@example.com', kind: 'person' }, subject: { type: 'Principal', id: 'ed@example.com' } });
    expect(documented('POST', '/api/v1/policy/evaluate', stored.body)).toEqual([]);
    const type = await t.request('POST', '/api/v1/policy/evaluate', { body: { principal: 'admin', action: 'reload', subject: 'Policy' } });
    expect(type.body).toMatchObject({ allowed: true, subject: 'Policy', principal: { id: 'admin', kind: 'bootstrap' } });
    expect(documented('POST', '/api/v1/policy/evaluate', type.body)).toEqual([]);
  });

  it('validates evaluate requests field by field', async () => {
    const r = await t.request('POST', '/api/v1/policy/evaluate', { body: { principal: 'admin', action: 'fly', subject: 'Dataset', extra: 1 } });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'extra', 'subject']);
  });

  it('keeps the last good set when a reload finds errors, and takes a good one', async () => {
    const before = (await t.request('GET', '/api/v1/policies')).body.version;
    await writeFile(join(dir, 'broken.yaml'), 'apiVersion: gatehouse/v1\nkind: Roles\nroles:\n  - name: x\n    rules:\n      - { action: fly, subject: DataProduct }\n');
    const refused = await t.request('POST', '/api/v1/policies/reload');
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'broken.yaml: roles[0].rules[0].action', message: expect.any(String) }]);
    expect(refused.body.activeVersion).toBe(before);
    expect((await t.request('GET', '/api/v1/policies')).body.version).toBe(before);

    await writeFile(join(dir, 'broken.yaml'), 'apiVersion: gatehouse/v1\nkind: Roles\nroles:\n  - name: reader\n    rules:\n      - { action: read, subject: DataProduct }\n');
    const ok = await t.request('POST', '/api/v1/policies/reload');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ previousVersion: before, changed: true });
    expect(documented('POST', '/api/v1/policies/reload', ok.body)).toEqual([]);
    expect((await t.request('GET', '/api/v1/policies')).body.roles.map((r: { name: string }) => r.name)).toContain('reader');
    const audit = await t.request('GET', '/api/v1/audit?action=policy.reload');
    expect(audit.body.items.map((e: { outcome: string }) => e.outcome)).toEqual(['succeeded', 'failed']);
  });

  it('applies a reload to the next request of a principal whose route decisions were already made', async () => {
    await t.request('POST', '/api/v1/principals', { body: { id: 'rita@example.com', name: 'rita', kind: 'person', teams: [], roles: ['audit-peek'] } });
    const token = (await t.request('POST', '/api/v1/tokens', { body: { principal: 'rita@example.com' } })).body.token as string;
    expect((await t.request('GET', '/api/v1/audit', { token })).status).toBe(403);
    await writeFile(join(dir, 'audit-peek.yaml'), 'apiVersion: gatehouse/v1\nkind: Roles\nroles:\n  - name: audit-peek\n    rules:\n      - { action: read, subject: AuditEntry }\n');
    expect((await t.request('POST', '/api/v1/policies/reload')).status).toBe(200);
    expect((await t.request('GET', '/api/v1/audit', { token })).status).toBe(200);
    await rm(join(dir, 'audit-peek.yaml'));
    expect((await t.request('POST', '/api/v1/policies/reload')).status).toBe(200);
    expect((await t.request('GET', '/api/v1/audit', { token })).status).toBe(403);
  });
});
