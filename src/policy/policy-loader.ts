import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { canonicalJson } from '../common/canonical-json';
import { createHash } from 'node:crypto';
import { formatPath } from '../common/validation/zod-issues';
import { createPrismaAbility } from './casl';
import { interpolate, principalVariables, unknownVariables } from './interpolate';
import { EnvironmentGates, gatesDocumentSchema, rolesDocumentSchema } from './policy-files.schema';
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
  const gates = new Map<string, EnvironmentGates>();
  const gateFiles = new Map<string, string>();
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
          }
        }
      } else {
        problems.push({ file, path: `${at}kind`, message: 'must be Roles or PromotionGates' });
      }
    });
  }

  checkRoleReferences(roles, gates, gateFiles, problems);
  if (problems.length) throw new PolicyLoadError(problems);
  const version = `sha256:${createHash('sha256').update(canonicalJson(documents)).digest('hex').slice(0, 16)}`;
  return { version, loadedAt: now.toISOString(), directory, files: files.map((f) => basename(f)), roles, gates };
}

function validate<S extends z.ZodType>(schema: S, value: unknown, file: string, at: string, problems: PolicyProblem[]): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = formatPath(key === undefined ? issue.path : [...issue.path, key]);
      problems.push({ file, path: `${at}${path}`, message: key === undefined ? issue.message : 'unknown field' });
    }
  }
  return undefined;
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
  gates: Map<string, EnvironmentGates>,
  gateFiles: Map<string, string>,
  problems: PolicyProblem[],
): void {
  const known = (name: string) => roles.has(name) || name === AUTHENTICATED_ROLE;
  for (const [environment, spec] of gates) {
    const file = gateFiles.get(environment)!;
    const where = `environments.${environment}`;
    const referenced: [string, string][] = [
      ...(spec.approvals?.fromRoles ?? []).map((r, i) => [`${where}.approvals.fromRoles[${i}]`, r] as [string, string]),
      ...(spec.approvals ? [[`${where}.approvals.stewardRole`, spec.approvals.stewardRole] as [string, string]] : []),
      ...spec.breakGlassRoles.map((r, i) => [`${where}.breakGlassRoles[${i}]`, r] as [string, string]),
    ];
    for (const [path, role] of referenced) if (!known(role)) problems.push({ file, path, message: `names role ${role}, which no policy file defines` });
    if (spec.checks.includes('approvals') && !spec.approvals) {
      problems.push({ file, path: `${where}.approvals`, message: 'is required when checks include approvals' });
    }
  }
}
