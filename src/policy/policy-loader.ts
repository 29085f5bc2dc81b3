import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { canonicalJson } from '../common/canonical-json';
import { createHash } from 'node:crypto';
import { formatPath } from '../common/validation/zod-issues';
import { createPrismaAbility } from './casl';
import { interpolate, principalVariables, unknownVariables } from './interpolate';
import { refine } from './gate-resolution';
import { EnvironmentGatePolicy, gatesDocumentSchema, rolesDocumentSchema } from './policy-files.schema';
import { PolicyLoadError, PolicyProblem, PolicySet, RoleDefinition, SourcedRule } from './policy-set';
import { AUTHENTICATED_ROLE, CONDITIONAL_SUBJECTS } from './policy-vocabulary';

const SAMPLE_VARIABLES = principalVariables({ id: 'probe', name: 'probe', kind: 'person', roles: ['probe'], teams: ['probe'] });

/**
 * Reads every *.yaml / *.yml in `directory` (one or more documents each), validates them alone
 * and together, and returns the policy set — or throws PolicyLoadError listing every problem.
 */
export async function loadPolicySet(directory: string, environments: string[], now = new Date()): Promise<PolicySet> {
  const problems: PolicyProblem[] = [];
  const roles = new Map<string, RoleDefinition>();
  const gates = new Map<string, EnvironmentGatePolicy>();
  const gateFiles = new Map<string, string>();
  const gatePaths = new Map<string, string>();
  const documents: unknown[] = [];

  let files: string[];
  try {
    files = (await readdir(directory)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (error) {
    throw new PolicyLoadError([{ file: directory, path: '(directory)', message: `cannot be read: ${(error as Error).message}` }]);
  }
  if (files.length === 0) throw new PolicyLoadError([{ file: directory, path: '(directory)', message: 'holds no *.yaml policy files' }]);

  for (const file of files) {
    const text = await readFile(join(directory, file), 'utf8');
    const parsed = YAML.parseAllDocuments(text);
    const docs = Array.isArray(parsed) ? parsed : [parsed];
    docs.forEach((doc, index) => {
      const at = docs.length > 1 ? `document ${index + 1}: ` : '';
      if (doc.errors.length) {
        for (const e of doc.errors) problems.push({ file, path: `${at}line ${e.linePos?.[0].line ?? '?'}`, message: e.message.split('\n')[0] });
        return;
      }
      const value = doc.toJS();
      if (value === null || value === undefined) return;
      documents.push({ file, value });
      const kind = (value as { kind?: unknown }).kind;
      if (kind === 'Roles') {
        const result = validate(rolesDocumentSchema, value, file, at, problems);
        result?.roles.forEach((role, i) => {
          const where = `${at}roles[${i}]`;
          if (roles.has(role.name)) {
            problems.push({ file, path: `${where}.name`, message: `role ${role.name} is already defined in ${roles.get(role.name)!.file}` });
            return;
          }
          const rules: SourcedRule[] = role.rules.map((rule, r) => ({ ...rule, role: role.name, file, path: `${where}.rules[${r}]` }));
          rules.forEach((rule) => checkRule(rule, problems));
          roles.set(role.name, { name: role.name, description: role.description, file, rules });
        });
      } else if (kind === 'PromotionGates') {
        const result = validate(gatesDocumentSchema, value, file, at, problems);
        for (const [environment, spec] of Object.entries(result?.environments ?? {})) {
          const where = `${at}environments.${environment}`;
          if (!environments.includes(environment)) {
            problems.push({ file, path: where, message: `is not a configured environment (GATEHOUSE_ENVIRONMENTS: ${environments.join(', ')})` });
          } else if (gates.has(environment)) {
            problems.push({ file, path: where, message: `gates for ${environment} are already defined in ${gateFiles.get(environment)}` });
          } else {
            gates.set(environment, spec);
            gateFiles.set(environment, file);
            gatePaths.set(environment, where);
          }
        }
      } else {
        problems.push({ file, path: `${at}kind`, message: 'must be Roles or PromotionGates' });
      }
    });
  }

  checkRoleReferences(roles, gates, gateFiles, gatePaths, problems);
  if (problems.length) throw new PolicyLoadError(problems);
  const version = `sha256:${createHash('sha256').update(canonicalJson(documents)).digest('hex').slice(0, 16)}`;
  return { version, loadedAt: now.toISOString(), directory, files: files.map((f) => basename(f)), roles, gates };
}

function validate<S extends z.ZodType>(schema: S, value: unknown, file: string, at: string, problems: PolicyProblem[]): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) for (const { path, message } of flatten(issue, [])) problems.push({ file, path: `${at}${formatPath(path)}`, message });
  return undefined;
}

/**
 * One problem per unknown key; for a value that matches no branch of a union, the problems of the
 * one branch whose type it has (`checks: [vibes]` is a list with a bad item, not "not an object"),
 * or the union's own message when it has the type of none or several.
 */
function flatten(issue: z.core.$ZodIssue, base: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], message: issue.message.startsWith('Unrecognized key') ? 'unknown field' : issue.message }));
  if (issue.code === 'invalid_union') {
    const typed = issue.errors.filter((branch) => !(branch.length === 1 && branch[0].path.length === 0 && branch[0].code === 'invalid_type'));
    if (typed.length === 1) return typed[0].flatMap((inner) => flatten(inner, path));
  }
  return [{ path, message: issue.message }];
}

/** Conditions must be valid Prisma filters on a record subject, with known placeholders. */
function checkRule(rule: SourcedRule, problems: PolicyProblem[]): void {
  if (!rule.conditions) return;
  const subjects = Array.isArray(rule.subject) ? rule.subject : [rule.subject];
  const notRecords = subjects.filter((s) => !CONDITIONAL_SUBJECTS.has(s));
  if (notRecords.length) {
    problems.push({ file: rule.file, path: `${rule.path}.conditions`, message: `conditions only apply to records; ${notRecords.join(', ')} has none` });
    return;
  }
  const unknown = unknownVariables(rule.conditions);
  if (unknown.length) {
    problems.push({ file: rule.file, path: `${rule.path}.conditions`, message: `unknown placeholder ${unknown.map((u) => `\${principal.${u}}`).join(', ')}` });
    return;
  }
  try {
    // Compile for a sample principal: catches unknown operators and malformed values.
    const conditions = interpolate(rule.conditions, SAMPLE_VARIABLES);
    const ability = createPrismaAbility([{ action: 'probe', subject: subjects[0], conditions }]);
    ability.can('probe', Object.assign(Object.create(null), { __caslSubjectType__: subjects[0] }));
  } catch (error) {
    problems.push({ file: rule.file, path: `${rule.path}.conditions`, message: (error as Error).message });
  }
}

function checkRoleReferences(
  roles: Map<string, RoleDefinition>,
  gates: Map<string, EnvironmentGatePolicy>,
  gateFiles: Map<string, string>,
  gatePaths: Map<string, string>,
  problems: PolicyProblem[],
): void {
  const known = (name: string) => roles.has(name) || name === AUTHENTICATED_ROLE;
  for (const [environment, policy] of gates) {
    const file = gateFiles.get(environment)!;
    const { rules, ...spec } = policy;
    const at = gatePaths.get(environment)!;
    const referencesOf = (where: string, approvals: { fromRoles?: string[]; stewardRole?: string } | undefined, breakGlassRoles: string[] | undefined): [string, string][] => [
      ...(approvals?.fromRoles ?? []).map((r, i) => [`${where}.approvals.fromRoles[${i}]`, r] as [string, string]),
      ...(approvals?.stewardRole ? [[`${where}.approvals.stewardRole`, approvals.stewardRole] as [string, string]] : []),
      ...(breakGlassRoles ?? []).map((r, i) => [`${where}.breakGlassRoles[${i}]`, r] as [string, string]),
    ];
    const referenced = [...referencesOf(at, spec.approvals, spec.breakGlassRoles), ...rules.flatMap((rule, i) => referencesOf(`${at}.rules[${i}]`, rule.approvals, rule.breakGlassRoles))];
    for (const [path, role] of referenced) if (!known(role)) problems.push({ file, path, message: `names role ${role}, which no policy file defines` });
    if (spec.checks.includes('approvals') && !spec.approvals) {
      problems.push({ file, path: `${at}.approvals`, message: 'is required when checks include approvals' });
    }
    rules.forEach((rule, i) => {
      const where = `${at}.rules[${i}]`;
      try {
        // Compile and run it once: what the schema lets through, CASL must accept too.
        const ability = createPrismaAbility([{ action: 'probe', subject: 'DataProduct', conditions: rule.when }]);
        ability.can('probe', Object.assign(Object.create(null), { __caslSubjectType__: 'DataProduct', tier: 1, tags: [] }));
      } catch (error) {
        problems.push({ file, path: `${where}.when`, message: (error as Error).message });
      }
      if (rule.approvals && !spec.approvals && rule.approvals.required === undefined) {
        problems.push({ file, path: `${where}.approvals.required`, message: `is required: ${environment} has no approvals of its own for this entry to change` });
        return;
      }
      const refined = refine(spec, rule);
      if (refined.checks.includes('approvals') && !refined.approvals) {
        problems.push({ file, path: `${where}.approvals`, message: `is required when checks include approvals (${environment} has none of its own)` });
      }
    });
  }
}
