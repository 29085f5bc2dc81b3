import { MAX_JSON_DEPTH, unstorableIn, unstorableJsonErrors } from './storable-json';

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
});
