import { join } from 'node:path';
import type { Principal } from '../auth/principal';
import { projectRoot } from '../database/project-paths';
import { compileAbility } from './ability.factory';
import { decide } from './decision';
import { loadPolicySet } from './policy-loader';
import type { PolicySet } from './policy-set';

const person = (id: string, roles: string[] = [], teams: string[] = []): Principal => ({ id, name: id, kind: 'person', roles, teams });
const product = (classification: string, owner = 'team:sales-data', stewards: string[] = []) => ({
  name: 'p',
  owner,
  classification,
  stewards,
  tier: 1,
  domain: 'sales',
  tags: [],
  containsPii: false,
});

const PRINCIPALS = {
  anyone: person('zoe@example.com'),
  member: person('sam@example.com', [], ['sales-data']),
  steward: person('ana@example.com', ['steward']),
  listedSteward: person('lee@example.com'),
  viewer: person('vic@example.com', ['viewer']),
  editor: person('eve@example.com', ['editor']),
  approver: person('abe@example.com', ['approver']),
  auditor: person('aud@example.com', ['auditor']),
  admin: person('root@example.com', ['admin']),
  ci: { ...person('svc-ci', ['lineage-producer']), kind: 'service' as const },
};
type Who = keyof typeof PRINCIPALS;

describe('shipped policies: roles × actions × subjects', () => {
  let policy: PolicySet;
  beforeAll(async () => {
    policy = await loadPolicySet(join(projectRoot(), 'policies'), ['dev', 'staging', 'prod']);
  });
  const check = (who: Who, action: string, subjectType: string, record?: Record<string, unknown>, field?: string) =>
    decide(compileAbility(policy, PRINCIPALS[who]), policy.version, action, subjectType, record, field);

  it.each<[Who, string, string, boolean]>([
    ['anyone', 'read', 'public', true],
    ['anyone', 'read', 'internal', true],
    ['anyone', 'read', 'confidential', false],
    ['anyone', 'read', 'restricted', false],
    ['member', 'read', 'restricted', true],
    ['member', 'update', 'restricted', true],
    ['member', 'retire', 'confidential', true],
    ['anyone', 'update', 'public', false],
    ['viewer', 'read', 'confidential', true],
    ['viewer', 'read', 'restricted', false],
    ['steward', 'read', 'restricted', true],
    ['listedSteward', 'read', 'restricted', true],
    ['approver', 'read', 'confidential', true],
    ['approver', 'update', 'internal', false],
    ['admin', 'read', 'restricted', true],
    ['admin', 'retire', 'restricted', true],
  ])('%s may %s a %s data product: %s', (who, action, classification, allowed) => {
    const stewards = who === 'listedSteward' ? ['lee@example.com'] : [];
    expect(check(who, action, 'DataProduct', product(classification, 'team:sales-data', stewards)).allowed).toBe(allowed);
  });

  it.each<[Who, string, string, boolean]>([
    ['anyone', 'read', 'AuditEntry', false],
    ['auditor', 'read', 'AuditEntry', true],
    ['admin', 'read', 'AuditEntry', true],
    ['anyone', 'manage', 'Principal', false],
    ['admin', 'create', 'ApiToken', true],
    ['anyone', 'reload', 'Policy', false],
    ['admin', 'reload', 'Policy', true],
    ['anyone', 'evaluate', 'Policy', true],
    ['anyone', 'ingest', 'Lineage', false],
    ['ci', 'ingest', 'Lineage', true],
    ['anyone', 'approve', 'Promotion', false],
    ['approver', 'approve', 'Promotion', true],
    ['steward', 'approve', 'Promotion', true],
    ['anyone', 'request', 'Promotion', true],
  ])('%s may %s %s: %s', (who, action, subjectType, allowed) => {
    expect(check(who, action, subjectType).allowed).toBe(allowed);
  });

  describe('field restrictions', () => {
    it.each<[Who, string, boolean]>([
      ['editor', 'description', true],
      ['editor', 'tags', true],
      ['editor', 'owner', false],
      ['editor', 'classification', false],
      ['steward', 'classification', true],
      ['steward', 'owner', false],
      ['member', 'owner', true],
    ])('%s may update field %s of an internal product: %s', (who, field, allowed) => {
      expect(check(who, 'update', 'DataProduct', product('internal'), field).allowed).toBe(allowed);
    });
  });

  it('names the deciding rule and its reason', () => {
    const allowed = check('member', 'update', 'DataProduct', product('restricted'));
    expect(allowed.decidingRule).toMatchObject({ role: 'authenticated', file: 'roles.yaml', path: expect.stringMatching(/^roles\[0\]\.rules\[\d\]$/) });
    expect(allowed.reason).toContain('owning team');
    const denied = check('anyone', 'read', 'DataProduct', product('restricted'));
    expect(denied.allowed).toBe(false);
    expect(denied.decidingRule).toBeNull();
    expect(denied.reason).toContain('no rule');
    expect(denied.policyVersion).toBe(policy.version);
  });
});
