/**
 * Search parameters: flat strings in the URL (`?q=orders&tier=2`, exactly what the API takes),
 * typed per route by small hand-written validators (no schema library in the bundle). A value
 * that does not validate is dropped, never an error: a hand-edited URL still opens the page.
 */

export type RawSearch = Record<string, unknown>;

/** Router option: `?a=1&b=x` → `{a: '1', b: 'x'}` (a repeated key gives its last value). */
export function parseFlatSearch(search: string): RawSearch {
  const out: RawSearch = {};
  for (const [k, v] of new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)) out[k] = v;
  return out;
}

/** Router option: the reverse; undefined, null and '' are left out. */
export function stringifyFlatSearch(search: RawSearch): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A non-empty string (trimmed length > 0), at most `max` characters; numbers are turned into strings. */
export function optionalString(value: unknown, max = 400): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && text.trim() !== '' && text.length <= max ? text : undefined;
}

/** One of the allowed values. */
export function optionalEnum<const T extends readonly string[]>(value: unknown, allowed: T): T[number] | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T[number]) : undefined;
}

/** An integer in [min, max], from a number or a decimal string. */
export function optionalInt(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** An ISO 8601 date or date-time (what the API's `from` / `to` filters take), a real calendar day. */
export function optionalDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (!m || Number.isNaN(Date.parse(value))) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d ? value : undefined;
}

/**
 * A path of this console to go to after signing in: same origin only (starts with one `/`,
 * not `//` or `/\`), never the sign-in pages themselves. Anything else gives undefined.
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/^\/(sign-in|auth\/callback)(?=[/?#]|$)/.test(value)) return undefined;
  return value.length <= 2000 ? value : undefined;
}
