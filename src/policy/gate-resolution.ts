import { approvalsSchema, type ChecksEdit, type ConditionalGates, type EnvironmentGatePolicy, type EnvironmentGates } from './policy-files.schema';
import type { GateCheck } from './policy-vocabulary';
import { matchesProduct, type ProductAttributes } from './product-conditions';

/** The gates one product passes into an environment, and which of the environment's `rules` entries made them so. */
export interface ResolvedGates {
  gates: EnvironmentGates;
  /** Indexes into the environment's `rules` of the entries whose `when` matched, in the order applied. */
  matched: number[];
}

/**
 * An environment's gates for one product: the environment's own gates, refined by each `rules`
 * entry whose `when` matches the product, in the order written. An entry changes only what it
 * names, so a later matching entry wins over an earlier one for the same setting.
 */
export function resolveGates(policy: EnvironmentGatePolicy | undefined, product: ProductAttributes): ResolvedGates | undefined {
  if (!policy) return undefined;
  const { rules, ...base } = policy;
  let gates: EnvironmentGates = base;
  const matched: number[] = [];
  rules.forEach((rule, index) => {
    if (!matchesProduct(rule.when, product)) return;
    gates = refine(gates, rule);
    matched.push(index);
  });
  return { gates, matched };
}

/** The gates with one entry applied; an entry's approvals on gates without any start from the defaults (the loader makes sure they name `required`). */
export function refine(gates: EnvironmentGates, rule: ConditionalGates): EnvironmentGates {
  const { checks, softChecks, approvals, freezeWindows, breakGlassRoles } = rule;
  return {
    checks: edit(gates.checks, checks),
    softChecks: edit(gates.softChecks, softChecks),
    approvals: !approvals ? gates.approvals : gates.approvals ? { ...gates.approvals, ...definedOnly(approvals) } : approvalsSchema.parse(definedOnly(approvals)),
    freezeWindows: freezeWindows ?? gates.freezeWindows,
    breakGlassRoles: breakGlassRoles ?? gates.breakGlassRoles,
  };
}

function edit(list: GateCheck[], change: ChecksEdit | undefined): GateCheck[] {
  if (!change) return list;
  if (Array.isArray(change)) return [...change];
  return [...list.filter((c) => !change.remove.includes(c)), ...change.add.filter((c) => !list.includes(c) && !change.remove.includes(c))];
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
