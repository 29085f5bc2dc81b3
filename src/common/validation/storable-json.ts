import type { FieldError } from '../errors/domain-error';
import { formatPath } from './zod-issues';

/**
 * Input nested deeper than this is refused. The walks that validate, digest and compare JSON
 * recurse, and so does PostgreSQL's JSON parser: a body of `[[[[…` within the size limit would
 * otherwise exhaust a stack (a 500 from Node, or an error from the write). OpenLineage facets,
 * Spark's logical plans included, stay far below it.
 */
export const MAX_JSON_DEPTH = 512;

/**
 * What in a string PostgreSQL cannot store in text or jsonb, or undefined: the NUL character, and
 * a lone UTF-16 surrogate (`"\ud800"` in JSON, which JavaScript accepts). Input carrying either is
 * refused with its field instead of failing inside a write as a 500.
 */
export function unstorableIn(text: string): string | undefined {
  if (text.includes('\u0000')) return 'the NUL character (\\u0000)';
  if (!text.isWellFormed()) return 'a lone UTF-16 surrogate (\\ud800–\\udfff without its pair)';
  return undefined;
}

/**
 * False when a JSON text, as JSON.stringify writes it, certainly holds nothing that unstorableIn
 * finds and nests less than MAX_JSON_DEPTH deep: JSON.stringify writes the NUL character and lone
 * surrogates as `\u` escapes, and every level opens with `{` or `[`. True means "walk the value to
 * be sure": the `\u` may be an escaped backslash before a `u`, the brackets may be inside strings.
 * A few native searches, against a walk over every string and key of the value.
 */
export function jsonTextMayBeUnstorable(text: string): boolean {
  if (text.includes('\\u')) return true;
  let opened = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1)) if (++opened >= MAX_JSON_DEPTH) return true;
  }
  return false;
}

/** The problem for a string value, and for an object key, that holds `what`. */
export const unstorableValue = (what: string) => `must not contain ${what}: PostgreSQL cannot store it`;
export const unstorableKey = (what: string) => `has a key with ${what}: PostgreSQL cannot store it`;
export const TOO_DEEP = `is nested more than ${MAX_JSON_DEPTH} levels deep`;

/**
 * Every string and key in a parsed input that PostgreSQL cannot store, and any part nested too
 * deep, at most `max`, named as zod errors are.
 */
export function unstorableJsonErrors(value: unknown, prefix = '', max = 20): FieldError[] {
  const errors: FieldError[] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (errors.length >= max) return;
    if (typeof v === 'string') {
      const what = unstorableIn(v);
      if (what) errors.push({ field: formatPath(path, prefix), message: unstorableValue(what) });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    // path.length is the number of containers around v
    if (path.length >= MAX_JSON_DEPTH) return void errors.push({ field: formatPath(path, prefix), message: TOO_DEEP });
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    for (const [key, member] of Object.entries(v)) {
      const what = unstorableIn(key);
      if (what) errors.push({ field: formatPath(path, prefix), message: unstorableKey(what) });
      else walk(member, [...path, key]);
    }
  };
  walk(value, []);
  return errors.slice(0, max);
}
