import { describe, expect, it } from 'vitest';
import { validateLineageSearch } from '../../searchParams';
import { decodeExpansions, decodeList, decodePath, encodeExpansions, encodeList, withExpansion, withoutExpansionsOf } from './urlState';

describe('lineage URL state', () => {
  it('round-trips lists whose items hold commas and percent signs', () => {
    const ids = ['dataset:postgres://db:5432:a,b', 'job:ns:100%', 'dataset:s3://bucket:x%2Cy'];
    const text = encodeList(ids)!;
    expect(text.split(',')).toHaveLength(3);
    expect(decodeList(text)).toEqual(ids);
    expect(encodeList([])).toBeUndefined();
    expect(decodeList(undefined)).toEqual([]);
  });

  it('encodes expansions compactly, hops only when more than one', () => {
    const list = [
      { kind: 'u' as const, node: 'dataset:ns:a' },
      { kind: 'd' as const, node: 'job:ns:b', hops: 3 },
      { kind: 'n' as const, node: 'dataset:ns:c' },
    ];
    const text = encodeExpansions(list)!;
    expect(text).toBe('u:dataset:ns:a,d3:job:ns:b,n:dataset:ns:c');
    expect(decodeExpansions(text)).toEqual(list);
    expect(decodeExpansions('x:dataset:ns:a,u:,u0:dataset:ns:b,d2:job:ns:c')).toEqual([{ kind: 'd', node: 'job:ns:c', hops: 2 }]);
  });

  it('expanding the same node the same way again goes one hop further; removing drops its expansions', () => {
    let list = withExpansion([], { kind: 'u', node: 'a' });
    list = withExpansion(list, { kind: 'u', node: 'a' });
    list = withExpansion(list, { kind: 'd', node: 'a' });
    expect(list).toEqual([{ kind: 'u', node: 'a', hops: 2 }, { kind: 'd', node: 'a' }]);
    expect(withoutExpansionsOf(list, 'a', 'u')).toEqual([{ kind: 'd', node: 'a' }]);
    expect(withoutExpansionsOf(list, 'a')).toEqual([]);
  });

  it('reads a path as its two ends only', () => {
    expect(decodePath(encodeList(['dataset:ns:a', 'job:ns:b']))).toEqual(['dataset:ns:a', 'job:ns:b']);
    expect(decodePath('dataset:ns:a')).toBeNull();
  });

  it('validates the search: invalid values are dropped, never thrown', () => {
    expect(
      validateLineageSearch({ node: 'dataset:ns:a', direction: 'sideways', depth: '11', layout: 'tb', view: 'table', expanded: 'q:zzz', path: 'only-one', columns: 'dataset:ns:a' }),
    ).toEqual({
      product: undefined,
      node: 'dataset:ns:a',
      direction: undefined,
      depth: undefined,
      expanded: undefined,
      groups: undefined,
      selected: undefined,
      field: undefined,
      path: undefined,
      columns: 'dataset:ns:a',
      layout: 'tb',
      view: 'table',
    });
    expect(validateLineageSearch({ depth: '3', direction: 'upstream', expanded: 'u:a,bad,d2:b' })).toMatchObject({ depth: 3, direction: 'upstream', expanded: 'u:a,d2:b' });
  });
});
