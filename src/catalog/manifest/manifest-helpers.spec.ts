import { cronProblem } from './cron';
import { diffManifests } from './diff';
import { canonicalJson } from '../../common/canonical-json';
import { manifestDigest } from './digest';
import { parseIsoDuration } from './iso-duration';
import { applyMergePatch } from './merge-patch';

describe('parseIsoDuration', () => {
  it.each([
    ['PT6H', 6 * 3600_000],
    ['P1D', 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['P1DT1H30M', 86_400_000 + 5_400_000],
    ['PT0.5S', 500],
  ])('%s', (text, ms) => expect(parseIsoDuration(text)).toBe(ms));
  it.each(['P', 'PT', '6H', 'P1M', 'P1Y', 'PT1H2D', 'P-1D', ''])('refuses %p', (text) => expect(parseIsoDuration(text)).toBeUndefined());
});

describe('cronProblem', () => {
  it.each(['0 2 * * *', '*/15 * * * MON-FRI', '@daily', '@hourly'])('accepts %p', (e) => expect(cronProblem(e)).toBeUndefined());
  it.each(['61 * * * *', '* * *', '0 0 2 * * *', 'nonsense'])('refuses %p', (e) => expect(cronProblem(e)).toEqual(expect.any(String)));
});

describe('canonical digest', () => {
  it('ignores key order but not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(manifestDigest({ a: 1, b: 2 })).toBe(manifestDigest({ b: 2, a: 1 }));
    expect(manifestDigest({ t: [1, 2] })).not.toBe(manifestDigest({ t: [2, 1] }));
    expect(manifestDigest({})).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('applyMergePatch (RFC 7396)', () => {
  it('merges objects, deletes with null, replaces arrays', () => {
    expect(applyMergePatch({ a: { b: 1, c: 2 }, t: [1] }, { a: { c: null, d: 3 }, t: [2] })).toEqual({ a: { b: 1, d: 3 }, t: [2] });
  });
  it('replaces a non-object target', () => {
    expect(applyMergePatch('x', { a: 1 })).toEqual({ a: 1 });
  });
});

describe('diffManifests', () => {
  it('reports changed, added and removed paths', () => {
    const before = { spec: { tier: 1, sla: { freshness: 'PT6H' }, outputs: [{ name: 'a' }] }, metadata: { tags: ['x'] } };
    const after = { spec: { tier: 2, outputs: [{ name: 'b' }, { name: 'c' }] }, metadata: { tags: ['x', 'y'], title: 'T' } };
    expect(diffManifests(before, after)).toEqual([
      { path: 'metadata.tags', op: 'changed', before: ['x'], after: ['x', 'y'] },
      { path: 'metadata.title', op: 'added', after: 'T' },
      { path: 'spec.outputs[0].name', op: 'changed', before: 'a', after: 'b' },
      { path: 'spec.outputs[1]', op: 'added', after: { name: 'c' } },
      { path: 'spec.sla', op: 'removed', before: { freshness: 'PT6H' } },
      { path: 'spec.tier', op: 'changed', before: 1, after: 2 },
    ]);
  });
  it('is empty for equal manifests', () => {
    expect(diffManifests({ a: [{ b: 1 }] }, { a: [{ b: 1 }] })).toEqual([]);
  });
});
