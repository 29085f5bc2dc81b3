import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json';

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
});
