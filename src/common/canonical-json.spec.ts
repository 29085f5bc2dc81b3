import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalForm, canonicalJson } from './canonical-json';

/** The first implementation, kept here as the definition of the stored format. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonicalJson (a stored format: digests and audit hashes are computed over it)', () => {
  it('sorts keys at every level, leaves undefined members out, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: undefined, c: 'x' }], é: null, A: true })).toBe('{"A":true,"a":[3,{"c":"x"}],"b":1,"é":null}');
    expect(canonicalJson([1, undefined, 'two'])).toBe('[1,,"two"]');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('orders keys by UTF-16 code units (upper case, digits, astral characters)', () => {
    const value = { b: 1, B: 2, '10': 3, '9': 4, '\u{1F600}': 5, '\uFFFF': 6, _: 7 };
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('gives the same text as the first implementation for every JSON fixture in the repository', () => {
    const files = readdirSync(join(__dirname, '..', '..', 'test', 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const value: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', file), 'utf8'));
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });

  it('keeps a known digest', () => {
    const event = { eventType: 'START', eventTime: '2026-11-29T02:00:00Z', run: { runId: '0b6a4a8e-1111-4444-8888-123456789abc', facets: {} }, job: { namespace: 'n', name: 'j' }, inputs: [], outputs: [] };
    expect(createHash('sha256').update(canonicalJson(event)).digest('hex')).toBe(createHash('sha256').update(reference(event)).digest('hex'));
    expect(createHash('sha256').update(canonicalJson(event)).digest('hex').slice(0, 16)).toMatchInlineSnapshot(`"a49d528d849e3773"`);
  });

  it('gives the first implementation\'s text where a sorted copy cannot express it', () => {
    const awkward: unknown[] = [
      { '10': 1, '9': 2, $: 3, '0': 4, '01': 5, '4294967295': 6, '4294967294': 7, a: { '2': [] } },
      JSON.parse('{"b": 1, "__proto__": {"x": 1}, "a": {"__proto__": null}}'),
      { a: [1, undefined, 2] },
      { when: new Date(0), nested: [new Map([[1, 2]])], fn: () => 1 },
      [undefined],
      { a: Object.assign(Object.create(null) as object, { z: 1, y: 2 }) },
    ];
    for (const value of awkward) expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalForm(awkward[0]).plainJson).toBe(false);
    expect(canonicalForm(awkward[2]).plainJson).toBe(false);
  });

  it('matches the first implementation on random JSON values, and its fast text is the same JSON value', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    const keys = ['a', 'B', '_x', '$ref', '0', '7', '12', '1a', 'é', '\u{1F600}', 'aa', 'a b', '', 'Z', '-1'];
    const value = (depth: number): unknown => {
      const kind = depth > 3 ? Math.floor(random() * 4) : Math.floor(random() * 6);
      if (kind === 0) return pick(['', 'x', 'quote " and \\', '\u2028', 'ünï']);
      if (kind === 1) return pick([0, -1.5, 1e21, 42]);
      if (kind === 2) return pick([true, false]);
      if (kind === 3) return null;
      if (kind === 4) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--) out[pick(keys)] = random() < 0.1 ? undefined : value(depth + 1);
      return out;
    };
    for (let i = 0; i < 3000; i++) {
      const v = value(0);
      expect(canonicalJson(v)).toBe(reference(v));
      const { text, plainJson } = canonicalForm(v);
      expect(text).toBe(reference(v));
      if (plainJson) expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      // The same value with its keys inserted in sorted order (as OpenLineage's Python client
      // sends them), whole and in part: the parts in order are serialised as they are, not copied.
      const sorted = keysInOrder(v, () => true);
      const part = keysInOrder(v, () => random() < 0.5);
      const before = JSON.stringify(sorted);
      expect(canonicalJson(sorted)).toBe(reference(v));
      expect(canonicalJson(part)).toBe(reference(v));
      expect(JSON.stringify(sorted)).toBe(before);
    }
  });

  it('serialises a value whose keys are in order without copying it', () => {
    const inOrder = { a: 1, b: { c: [1, { d: 2, e: 'x' }], f: null } };
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      expect(canonicalForm(inOrder)).toEqual({ text: '{"a":1,"b":{"c":[1,{"d":2,"e":"x"}],"f":null}}', plainJson: true });
      expect(stringify.mock.calls[0][0]).toBe(inOrder);
      stringify.mockClear();
      const outOfOrder = { b: inOrder.b, a: 1 };
      expect(canonicalJson(outOfOrder)).toBe(canonicalJson(inOrder));
      const copy = stringify.mock.calls[0][0] as Record<string, unknown>;
      expect(copy).not.toBe(outOfOrder);
      expect(copy.b).toBe(inOrder.b);
    } finally {
      stringify.mockRestore();
    }
  });
});

/** A copy of `value` whose objects list their keys in sorted order where `sortHere` says so (undefined members kept). */
function keysInOrder(value: unknown, sortHere: () => boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => keysInOrder(v, sortHere));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (sortHere()) keys.sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = keysInOrder((value as Record<string, unknown>)[key], sortHere);
  return out;
}
