import type { EnvironmentGatePolicy, RuleSpec } from './policy-files.schema';

/** A rule with where it came from, so decisions can name the rule that decided them. */
export interface SourcedRule extends RuleSpec {
  role: string;
  file: string;
  /** Path of the rule inside its file, e.g. `roles[2].rules[0]`. */
  path: string;
}

export interface RoleDefinition {
  name: string;
  description?: string;
  file: string;
  rules: SourcedRule[];
}

/** A validated, immutable set of policies; `version` is a digest of their content. */
export interface PolicySet {
  version: string;
  loadedAt: string;
  directory: string;
  files: string[];
  roles: Map<string, RoleDefinition>;
  /** Per environment, its gates as written (resolve them for a product with resolveGates). */
  gates: Map<string, EnvironmentGatePolicy>;
}

/** One problem in a policy file: the file, the path inside it, and what is wrong. */
export interface PolicyProblem {
  file: string;
  path: string;
  message: string;
}

export class PolicyLoadError extends Error {
  constructor(readonly problems: PolicyProblem[]) {
    super(`Invalid policy set:\n${problems.map((p) => `  ${p.file}: ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'PolicyLoadError';
  }
}
