import { jsonTextMayBeUnstorable, MAX_JSON_DEPTH, unstorableIn, unstorableJsonErrors } from './storable-json';

describe('text PostgreSQL cannot store', () => {
  it('finds NUL and lone surrogates, and lets paired surrogates through', () => {
    expect(unstorableIn('plain ünïcode 😀')).toBeUndefined();
    expect(unstorableIn('a\u0000b')).toBe('the NUL character (\\u0000)');
    expect(unstorableIn('a\ud800')).toContain('lone UTF-16 surrogate');
    expect(unstorableIn('\udc00a')).toContain('lone UTF-16 surrogate');
  });

  it('names each value and key as zod errors are named, up to a bound', () => {
    const value = { ok: 'fine', list: ['x', 'y\u0000'], nested: { ['k\ud800']: 1, deeper: [{ v: '\udfff' }] } };
    expect(unstorableJsonErrors(value, 'query')).toEqual([
      { field: 'query.list[1]', message: 'must not contain the NUL character (\\u0000): PostgreSQL cannot store it' },
      { field: 'query.nested', message: expect.stringMatching(/^has a key with a lone UTF-16 surrogate/) },
      { field: 'query.nested.deeper[0].v', message: expect.stringMatching(/^must not contain a lone UTF-16 surrogate/) },
    ]);
    expect(unstorableJsonErrors(Array.from({ length: 30 }, () => '\u0000'), '', 5)).toHaveLength(5);
    expect(unstorableJsonErrors({ a: 1, b: [true, null, 'x'] })).toEqual([]);
  });

  it('refuses input nested deeper than the bound, where it gets too deep', () => {
    // Parsed from text, as a body is: JSON.parse itself takes any depth.
    const nest = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}"leaf"${']'.repeat(levels)}`);
    expect(unstorableJsonErrors({ a: nest(MAX_JSON_DEPTH - 1) })).toEqual([]);
    expect(unstorableJsonErrors({ a: nest(MAX_JSON_DEPTH) })).toEqual([
      { field: `a${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`, message: `is nested more than ${MAX_JSON_DEPTH} levels deep` },
    ]);
    expect(unstorableJsonErrors(nest(100_000))).toHaveLength(1);
  });

  it('rules text out from its JSON only when nothing unstorable can be in it', () => {
    expect(jsonTextMayBeUnstorable(JSON.stringify({ name: 'orders', tags: ['a', 'ünï 😀'], n: { m: [1, 2] } }))).toBe(false);
    expect(jsonTextMayBeUnstorable(JSON.stringify({ name: 'a\u0000b' }))).toBe(true);
    expect(jsonTextMayBeUnstorable(JSON.stringify({ ['k\ud800']: 1 }))).toBe(true);
    // An escaped backslash before a u is harmless, but only a walk can tell.
    expect(jsonTextMayBeUnstorable(JSON.stringify({ path: 'C:\\users' }))).toBe(true);
    const nest = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    expect(jsonTextMayBeUnstorable(nest(MAX_JSON_DEPTH - 1))).toBe(false);
    expect(jsonTextMayBeUnstorable(nest(MAX_JSON_DEPTH))).toBe(true);
    // Never "certainly storable" for anything the walk refuses (random values, with and without bad text).
    let seed = 11;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const strings = ['x', 'a\u0000', '\ud800', '\udfff\ud800', '😀', '\\u0000', 'ok'];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 4 || r < 0.4) return strings[Math.floor(random() * strings.length)];
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 3) }, () => [strings[Math.floor(random() * strings.length)], value(depth + 1)]));
    };
    for (let i = 0; i < 2000; i++) {
      const v = value(0);
      if (!jsonTextMayBeUnstorable(JSON.stringify(v))) expect(unstorableJsonErrors(v)).toEqual([]);
    }
  });
});
