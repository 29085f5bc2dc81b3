import type { Principal } from '../auth/principal';
import { AppAbility, createPrismaAbility } from './casl';
import { interpolate, principalVariables } from './interpolate';
import type { PolicySet, SourcedRule } from './policy-set';
import { AUTHENTICATED_ROLE } from './policy-vocabulary';

/** An ability plus, for each of its rules (CASL's `rule.origin`), the policy rule it came from. */
export interface CompiledAbility {
  ability: AppAbility;
  sourceOf: Map<object, SourcedRule>;
}

/**
 * The rules that apply to a principal: the `authenticated` role's, then each assigned role's in
 * the order the policy files define them. As in CASL, a later rule overrides an earlier one.
 */
export function compileAbility(policy: PolicySet, principal: Principal): CompiledAbility {
  const assigned = new Set([AUTHENTICATED_ROLE, ...principal.roles]);
  const sources = [...policy.roles.values()].filter((role) => assigned.has(role.name)).flatMap((role) => role.rules);
  const variables = principalVariables(principal);
  const raw = sources.map((rule) => ({
    action: rule.action,
    subject: rule.subject,
    conditions: rule.conditions ? interpolate(rule.conditions, variables) : undefined,
    fields: rule.fields,
    inverted: rule.inverted,
    reason: rule.reason,
  }));
  const sourceOf = new Map<object, SourcedRule>(raw.map((r, i) => [r, sources[i]]));
  return { ability: createPrismaAbility(raw as never) as AppAbility, sourceOf };
}

/** Abilities are pure functions of (policy version, principal); cache them per request-free key. */
export class AbilityCache {
  private readonly entries = new Map<string, CompiledAbility>();

  constructor(private readonly capacity = 2000) {}

  get(policy: PolicySet, principal: Principal): CompiledAbility {
    const key = [policy.version, principal.id, principal.kind, principal.roles.join(','), principal.teams.join(',')].join('|');
    let compiled = this.entries.get(key);
    if (!compiled) {
      if (this.entries.size >= this.capacity) this.entries.clear();
      compiled = compileAbility(policy, principal);
      this.entries.set(key, compiled);
    }
    return compiled;
  }

  clear(): void {
    this.entries.clear();
  }
}
