import { resolveGates } from './gate-resolution';
import { environmentGatePolicySchema } from './policy-files.schema';
import { matchesProduct, type ProductAttributes } from './product-conditions';

const product = (overrides: Partial<ProductAttributes> = {}): ProductAttributes => ({
  name: 'orders',
  domain: 'sales',
  owner: 'team:sales-data',
  tags: ['finance', 'daily'],
  tier: 2,
  classification: 'internal',
  containsPii: false,
  ...overrides,
});

const prod = environmentGatePolicySchema.parse({
  checks: ['ownerDeclared', 'approvals'],
  softChecks: ['outputsFresh'],
  approvals: { required: 1, fromRoles: ['approver'], expireAfter: 'P3D' },
  rules: [
    { when: { tier: 1 }, checks: { add: ['breakingChangesAcknowledged'] }, approvals: { required: 2 } },
    { when: { tier: { gte: 4 } }, checks: { add: [], remove: ['approvals'] }, softChecks: [] },
    { when: { containsPii: true }, approvals: { piiRequiresSteward: true, stewardRole: 'steward' } },
    { when: { tags: { has: 'critical' }, tier: 1 }, approvals: { required: 3 }, breakGlassRoles: [] },
  ],
});

describe('resolveGates', () => {
  it('gives a product no entry matches the environment’s own gates', () => {
    const resolved = resolveGates(prod, product())!;
    expect(resolved.matched).toEqual([]);
    expect(resolved.gates).toEqual({
      checks: ['ownerDeclared', 'approvals'],
      softChecks: ['outputsFresh'],
      approvals: expect.objectContaining({ required: 1, fromRoles: ['approver'], expireAfter: 'P3D', expireRequestsAfter: 'P30D' }),
      freezeWindows: [],
      breakGlassRoles: ['admin'],
    });
    expect(resolved.gates).not.toHaveProperty('rules');
  });

  it('adds the breaking-change gate and a second approval for tier 1, keeping the other approval settings', () => {
    const { gates, matched } = resolveGates(prod, product({ tier: 1 }))!;
    expect(matched).toEqual([0]);
    expect(gates.checks).toEqual(['ownerDeclared', 'approvals', 'breakingChangesAcknowledged']);
    expect(gates.approvals).toMatchObject({ required: 2, fromRoles: ['approver'], expireAfter: 'P3D' });
  });

  it('removes approvals and soft checks for tier 4', () => {
    const { gates, matched } = resolveGates(prod, product({ tier: 4 }))!;
    expect(matched).toEqual([1]);
    expect(gates.checks).toEqual(['ownerDeclared']);
    expect(gates.softChecks).toEqual([]);
  });

  it('applies every matching entry in order: each changes only what it names, the last one wins', () => {
    const { gates, matched } = resolveGates(prod, product({ tier: 1, tags: ['critical'], containsPii: true }))!;
    expect(matched).toEqual([0, 2, 3]);
    expect(gates.approvals).toMatchObject({ required: 3, piiRequiresSteward: true, stewardRole: 'steward', fromRoles: ['approver'] });
    expect(gates.breakGlassRoles).toEqual([]);
    expect(gates.checks).toContain('breakingChangesAcknowledged');
  });

  it('replaces the checks with a list, and starts approvals from the defaults where the environment has none', () => {
    const staging = environmentGatePolicySchema.parse({ checks: ['ownerDeclared'], rules: [{ when: { classification: { in: ['confidential', 'restricted'] } }, checks: ['ownerDeclared', 'approvals'], approvals: { required: 1 } }] });
    const unmatched = resolveGates(staging, product())!.gates;
    expect([unmatched.checks, unmatched.approvals]).toEqual([['ownerDeclared'], undefined]);
    const { gates } = resolveGates(staging, product({ classification: 'restricted' }))!;
    expect(gates.checks).toEqual(['ownerDeclared', 'approvals']);
    expect(gates.approvals).toEqual({ required: 1, fromRoles: [], fromTeams: [], requesterMayApprove: false, serviceAccountsMayApprove: false, piiRequiresSteward: true, stewardRole: 'steward', expireAfter: 'P7D', expireRequestsAfter: 'P30D' });
  });

  it('has nothing for an environment without gates', () => {
    expect(resolveGates(undefined, product())).toBeUndefined();
  });
});

describe('matchesProduct', () => {
  it.each<[string, Record<string, unknown>, Partial<ProductAttributes>, boolean]>([
    ['equality', { tier: 1 }, { tier: 1 }, true],
    ['equality, not matching', { tier: 1 }, { tier: 2 }, false],
    ['a range', { tier: { gte: 3, lte: 4 } }, { tier: 4 }, true],
    ['in', { classification: { in: ['confidential', 'restricted'] } }, { classification: 'internal' }, false],
    ['not', { domain: { not: 'sales' } }, { domain: 'marketing' }, true],
    ['a tag', { tags: { has: 'finance' } }, {}, true],
    ['some tags', { tags: { hasSome: ['gold', 'daily'] } }, {}, true],
    ['every tag', { tags: { hasEvery: ['gold', 'daily'] } }, {}, false],
    ['the owner by prefix', { owner: { startsWith: 'team:sales' } }, {}, true],
    ['PII', { containsPii: true }, { containsPii: true }, true],
    ['OR', { OR: [{ tier: 1 }, { containsPii: true }] }, { tier: 3, containsPii: true }, true],
    ['NOT', { NOT: { domain: 'sales' } }, {}, false],
    ['two fields (both must hold)', { tier: 1, domain: 'sales' }, { tier: 1, domain: 'hr' }, false],
  ])('%s', (_what, conditions, overrides, expected) => {
    expect(matchesProduct(conditions, product(overrides))).toBe(expected);
  });
});
