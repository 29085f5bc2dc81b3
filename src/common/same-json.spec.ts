import { canonicalJson } from './canonical-json';
import { sameJson } from './same-json';

describe('sameJson', () => {
  const cases: [unknown, unknown][] = [
    [{ a: 1, b: [1, { c: 'x', d: null }] }, { b: [1, { d: null, c: 'x' }], a: 1 }],
    [{ a: 1, gone: undefined }, { a: 1 }],
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: 1, b: 2 }, { a: 1 }],
    [{ a: undefined }, { b: undefined }],
    [[1, 2], [2, 1]],
    [[1, 2], [1, 2, 3]],
    [[], {}],
    [{}, []],
    [{ a: '1' }, { a: 1 }],
    [null, {}],
    [{ a: { b: { c: [true] } } }, { a: { b: { c: [false] } } }],
    ['x', 'x'],
    [0, -0],
    [{ constructor: 1 }, {}],
  ];
  it.each(cases)('agrees with comparing canonical JSON: %j vs %j', (a, b) => {
    expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
    expect(sameJson(b, a)).toBe(canonicalJson(a) === canonicalJson(b));
  });
});
