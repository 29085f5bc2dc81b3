import { subject as asSubject } from '@casl/ability';
import type { CompiledAbility } from './ability.factory';

/** The rule that decided, named so an operator can find it in the policy files. */
export interface RuleReference {
  role: string;
  file: string;
  path: string;
  action: string | string[];
  subject: string | string[];
  inverted: boolean;
  conditions?: Record<string, unknown>;
  fields?: string | string[];
  reason?: string;
}

export interface Decision {
  allowed: boolean;
  action: string;
  subjectType: string;
  field?: string;
  /** Why: the deciding rule's reason, or a sentence saying no rule allows it. */
  reason: string;
  decidingRule: RuleReference | null;
  /** Every rule for this action and subject whose conditions match. */
  matchedRules: RuleReference[];
  policyVersion: string;
}

/** Decides one action on a subject type or record (and optionally one field), with the why. */
export function decide(
  compiled: CompiledAbility,
  policyVersion: string,
  action: string,
  subjectType: string,
  record?: Record<string, unknown>,
  field?: string,
): Decision {
  const target = record ? asSubject(subjectType, { ...record }) : subjectType;
  const { ability, sourceOf } = compiled;
  const allowed = field ? ability.can(action, target, field) : ability.can(action, target);
  const deciding = field ? ability.relevantRuleFor(action, target, field) : ability.relevantRuleFor(action, target);
  const candidates = field ? ability.rulesFor(action, subjectType, field) : ability.rulesFor(action, subjectType);
  const matched = candidates.filter((rule) => !record || !rule.conditions || rule.matchesConditions(target as never));
  const ref = (origin: object): RuleReference => {
    const s = sourceOf.get(origin)!;
    return { role: s.role, file: s.file, path: s.path, action: s.action, subject: s.subject, inverted: s.inverted, conditions: s.conditions, fields: s.fields, reason: s.reason };
  };
  const decidingRule = deciding ? ref(deciding.origin) : null;
  const what = `${action} ${subjectType}${field ? `.${field}` : ''}`;
  const reason = decidingRule
    ? (decidingRule.reason ?? `${decidingRule.inverted ? 'denied' : 'allowed'} by role ${decidingRule.role} (${decidingRule.file} ${decidingRule.path})`)
    : `no rule of the principal's roles allows ${what}`;
  return { allowed, action, subjectType, field, reason, decidingRule, matchedRules: matched.map((r) => ref(r.origin)), policyVersion };
}
