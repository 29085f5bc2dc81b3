import type { Principal } from '../auth/principal';

/** The principal attributes a policy may refer to as `${principal.<name>}`. */
export function principalVariables(principal: Principal): Record<string, unknown> {
  return {
    id: principal.id,
    name: principal.name,
    kind: principal.kind,
    roles: principal.roles,
    teams: principal.teams,
    // Data products name their owner `team:<slug>`; principals list plain team slugs.
    teamRefs: principal.teams.map((team) => `team:${team}`),
  };
}

export const VARIABLE_NAMES = new Set(Object.keys(principalVariables({ id: '', name: '', kind: 'person', roles: [], teams: [] })));
const WHOLE = /^\$\{principal\.([a-zA-Z]+)\}$/;
const ANY = /\$\{principal\.([a-zA-Z]+)\}/g;

/** Names used in `${principal.x}` placeholders that do not exist. */
export function unknownVariables(value: unknown): string[] {
  const found: string[] = [];
  walk(value, (text) => {
    for (const match of text.matchAll(ANY)) if (!VARIABLE_NAMES.has(match[1])) found.push(match[1]);
  });
  return found;
}

/**
 * Replaces placeholders in rule conditions. A string that is exactly one placeholder takes the
 * value itself (so `${principal.teamRefs}` becomes an array); embedded ones are stringified.
 */
export function interpolate<T>(value: T, variables: Record<string, unknown>): T {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return variables[whole[1]] as T;
    return value.replace(ANY, (_, name: string) => String(variables[name] ?? '')) as T;
  }
  if (Array.isArray(value)) return value.flatMap((item) => {
    const replaced = interpolate(item, variables);
    // `in: ["${principal.teamRefs}", "team:platform"]` flattens the team list into the array.
    return typeof item === 'string' && WHOLE.test(item) && Array.isArray(replaced) ? replaced : [replaced];
  }) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, variables)])) as T;
  }
  return value;
}

function walk(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => walk(v, visit));
}
