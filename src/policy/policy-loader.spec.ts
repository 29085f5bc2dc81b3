import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../database/project-paths';
import { loadPolicySet } from './policy-loader';
import { PolicyLoadError, PolicyProblem } from './policy-set';

const ENVIRONMENTS = ['dev', 'staging', 'prod'];
const ROLES_HEADER = 'apiVersion: gatehouse/v1\nkind: Roles\nroles:\n';

async function problemsOf(files: Record<string, string>): Promise<PolicyProblem[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gatehouse-policy-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    await loadPolicySet(dir, ENVIRONMENTS);
    return [];
  } catch (error) {
    if (error instanceof PolicyLoadError) return error.problems;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prod gates (roles from the shipped roles file) with `rules` entries. */
const gates = (rules: string, base = 'checks: [ownerDeclared, approvals]\n    approvals: { required: 1, fromRoles: [approver] }') => ({
  'roles.yaml': readFileSync(join(projectRoot(), 'policies', 'roles.yaml'), 'utf8'),
  'g.yaml': `apiVersion: gatehouse/v1\nkind: PromotionGates\nenvironments:\n  prod:\n    ${base}\n    rules:\n${rules}`,
});
const role = (body: string) => `${ROLES_HEADER}  - name: editor\n    rules:\n${body}`;

describe('loadPolicySet', () => {
  it('loads the shipped policies with a stable version digest', async () => {
    const a = await loadPolicySet(join(projectRoot(), 'policies'), ENVIRONMENTS);
    const b = await loadPolicySet(join(projectRoot(), 'policies'), ENVIRONMENTS);
    expect(a.version).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(a.version).toBe(b.version);
    expect([...a.roles.keys()]).toEqual(expect.arrayContaining(['authenticated', 'viewer', 'editor', 'steward', 'approver', 'admin']));
    expect(a.gates.get('prod')?.approvals?.required).toBe(2);
  });

  it.each<[string, Record<string, string>, Partial<PolicyProblem>]>([
    ['an empty folder', {}, { path: '(directory)', message: expect.stringContaining('no *.yaml') }],
    ['YAML syntax', { 'r.yaml': 'roles: [a\n b' }, { file: 'r.yaml', path: expect.stringContaining('line') }],
    ['an unknown kind', { 'r.yaml': 'apiVersion: gatehouse/v1\nkind: Rolez\n' }, { path: 'kind' }],
    ['a wrong apiVersion', { 'r.yaml': 'apiVersion: v2\nkind: Roles\nroles: []\n' }, { path: 'apiVersion' }],
    ['an unknown action', { 'r.yaml': role('      - { action: fly, subject: DataProduct }\n') }, { path: 'roles[0].rules[0].action' }],
    ['an unknown subject', { 'r.yaml': role('      - { action: read, subject: Dataset }\n') }, { path: 'roles[0].rules[0].subject' }],
    ['an unknown rule field', { 'r.yaml': role('      - { action: read, subject: DataProduct, when: x }\n') }, { path: 'roles[0].rules[0].when', message: 'unknown field' }],
    ['a bad role name', { 'r.yaml': `${ROLES_HEADER}  - name: Editor\n    rules:\n      - { action: read, subject: DataProduct }\n` }, { path: 'roles[0].name' }],
    ['a role without rules', { 'r.yaml': `${ROLES_HEADER}  - name: empty\n    rules: []\n` }, { path: 'roles[0].rules' }],
    ['an unknown condition operator', { 'r.yaml': role('      - { action: read, subject: DataProduct, conditions: { tier: { near: 1 } } }\n') }, { path: 'roles[0].rules[0].conditions' }],
    ['an unknown placeholder', { 'r.yaml': role('      - { action: read, subject: DataProduct, conditions: { owner: "${principal.team}" } }\n') }, { message: expect.stringContaining('principal.team') }],
    ['conditions on a non-record subject', { 'r.yaml': role('      - { action: read, subject: Policy, conditions: { a: 1 } }\n') }, { message: expect.stringContaining('Policy') }],
    [
      'a duplicate role',
      { 'a.yaml': role('      - { action: read, subject: DataProduct }\n'), 'b.yaml': role('      - { action: read, subject: DataProduct }\n') },
      { file: 'b.yaml', path: 'roles[0].name', message: expect.stringContaining('a.yaml') },
    ],
    ['gates for an unknown environment', { 'g.yaml': 'apiVersion: gatehouse/v1\nkind: PromotionGates\nenvironments:\n  qa: { checks: [ownerDeclared] }\n' }, { path: 'environments.qa' }],
    ['an unknown gate check', { 'g.yaml': 'apiVersion: gatehouse/v1\nkind: PromotionGates\nenvironments:\n  prod: { checks: [vibes] }\n' }, { path: 'environments.prod.checks[0]' }],
    ['a bad freeze cron', { 'g.yaml': 'apiVersion: gatehouse/v1\nkind: PromotionGates\nenvironments:\n  prod:\n    freezeWindows: [{ cron: "99 * * * *", duration: PT1H, reason: x }]\n' }, { path: 'environments.prod.freezeWindows[0].cron' }],
    ['a bad time zone', { 'g.yaml': 'apiVersion: gatehouse/v1\nkind: PromotionGates\nenvironments:\n  prod:\n    freezeWindows: [{ cron: "0 18 * * FRI", duration: PT1H, timezone: Mars/Olympus, reason: x }]\n' }, { path: 'environments.prod.freezeWindows[0].timezone' }],
    ['approvals from an undefined role', { 'g.yaml': 'apiVersion: gatehouse/v1\nkind: PromotionGates\nenvironments:\n  prod:\n    checks: [approvals]\n    approvals: { required: 1, fromRoles: [wizard] }\n' }, { path: 'environments.prod.approvals.fromRoles[0]' }],
    ['an approvals check without approvals', { 'g.yaml': 'apiVersion: gatehouse/v1\nkind: PromotionGates\nenvironments:\n  prod: { checks: [approvals], breakGlassRoles: [] }\n' }, { path: 'environments.prod.approvals' }],
    ['an unknown field in a product condition', gates('      - { when: { tierr: 1 }, checks: [ownerDeclared] }\n'), { file: 'g.yaml', path: 'environments.prod.rules[0].when.tierr', message: expect.stringContaining('unknown field') }],
    ['an unknown operator in a product condition', gates('      - { when: { tier: { near: 1 } } }\n'), { path: 'environments.prod.rules[0].when.tier.near', message: 'unknown operator for a number' }],
    ['a wrong type in a product condition', gates('      - { when: { tier: one } }\n'), { path: 'environments.prod.rules[0].when.tier', message: expect.stringContaining('must be a number') }],
    ['a wrong type inside an operator', gates('      - { when: { tier: { in: [1, two] } } }\n'), { path: 'environments.prod.rules[0].when.tier.in[1]', message: 'must be a number' }],
    ['an unknown classification in a condition', gates('      - { when: { classification: secret } }\n'), { path: 'environments.prod.rules[0].when.classification', message: expect.stringContaining('public, internal') }],
    ['a scalar operator on tags', gates('      - { when: { tags: { startsWith: fin } } }\n'), { path: 'environments.prod.rules[0].when.tags.startsWith', message: 'unknown operator for a list of tags' }],
    ['a bad condition inside OR', gates('      - { when: { OR: [{ tier: 1 }, { pii: true }] } }\n'), { path: 'environments.prod.rules[0].when.OR[1].pii' }],
    ['an entry without a condition', gates('      - { checks: [ownerDeclared] }\n'), { path: 'environments.prod.rules[0].when' }],
    ['an unknown check in an entry', gates('      - { when: { tier: 1 }, checks: { add: [vibes] } }\n'), { path: 'environments.prod.rules[0].checks.add[0]' }],
    ['an unknown field in an entry', gates('      - { when: { tier: 1 }, approval: { required: 2 } }\n'), { path: 'environments.prod.rules[0].approval', message: 'unknown field' }],
    ['entry approvals from an undefined role', gates('      - { when: { tier: 1 }, approvals: { fromRoles: [wizard] } }\n'), { path: 'environments.prod.rules[0].approvals.fromRoles[0]' }],
    ['entry approvals without required where the environment has none', gates('      - { when: { tier: 1 }, approvals: { fromRoles: [approver] } }\n', 'checks: [ownerDeclared]'), { path: 'environments.prod.rules[0].approvals.required' }],
    ['an entry adding the approvals check where there are no approvals', gates('      - { when: { tier: 1 }, checks: { add: [approvals] } }\n', 'checks: [ownerDeclared]'), { path: 'environments.prod.rules[0].approvals' }],
  ])('reports %s with file and path', async (_what, files, expected) => {
    const problems = await problemsOf(files);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
  });
});

describe('conditional gates', () => {
  it('loads rules entries with their conditions as written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatehouse-policy-'));
    try {
      await writeFile(join(dir, 'roles.yaml'), readFileSync(join(projectRoot(), 'policies', 'roles.yaml'), 'utf8'));
      await writeFile(
        join(dir, 'g.yaml'),
        'apiVersion: gatehouse/v1\nkind: PromotionGates\nenvironments:\n  prod:\n    checks: [ownerDeclared]\n    rules:\n      - description: tier 1 waits for two approvals\n        when: { tier: 1, OR: [{ tags: { has: gold } }, { containsPii: true }] }\n        checks: { add: [approvals] }\n        approvals: { required: 2, fromRoles: [approver] }\n      - { when: { tier: { gte: 4 } }, checks: [] }\n',
      );
      const set = await loadPolicySet(dir, ENVIRONMENTS);
      expect(set.gates.get('prod')!.rules).toEqual([
        expect.objectContaining({ description: 'tier 1 waits for two approvals', when: { tier: 1, OR: [{ tags: { has: 'gold' } }, { containsPii: true }] }, checks: { add: ['approvals'], remove: [] }, approvals: { required: 2, fromRoles: ['approver'] } }),
        expect.objectContaining({ when: { tier: { gte: 4 } }, checks: [] }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
