import { describe, expect, it } from 'vitest';
import { changedKeys, errorsByKey, keyOfErrorField, mergePatchOf, rebase, splitList, valuesOf } from './editForm';
import type { Manifest } from './queries';

const MANIFEST: Manifest = {
  apiVersion: 'gatehouse/v1',
  kind: 'DataProduct',
  metadata: { name: 'orders-daily', title: 'Daily orders', domain: 'sales', owner: 'team:sales-data', stewards: ['ana@example.com'], tags: ['finance'] },
  spec: { description: 'One row per order.', tier: 2, classification: 'internal', containsPii: false, sla: { freshness: 'PT4H', schedule: '0 2 * * *' }, outputs: [], bindings: [] },
};

describe('the edit form model', () => {
  it('splits lists on commas and new lines', () => {
    expect(splitList(' a@x.io, b@x.io\n\nc@x.io ,')).toEqual(['a@x.io', 'b@x.io', 'c@x.io']);
  });

  it('patches only what changed (nothing: an empty patch)', () => {
    const v = valuesOf(MANIFEST);
    expect(mergePatchOf(MANIFEST, v)).toEqual({});
    expect(mergePatchOf(MANIFEST, { ...v, stewards: 'ana@example.com,\n' })).toEqual({});
    expect(mergePatchOf(MANIFEST, { ...v, title: ' Orders ', tier: '1', stewards: 'ana@example.com, bo@example.com', containsPii: true })).toEqual({
      metadata: { title: 'Orders', stewards: ['ana@example.com', 'bo@example.com'] },
      spec: { tier: 1, containsPii: true },
    });
  });

  it('patches the SLA: a field, the schedule removed, the whole SLA removed or added', () => {
    const v = valuesOf(MANIFEST);
    expect(mergePatchOf(MANIFEST, { ...v, freshness: 'soon' })).toEqual({ spec: { sla: { freshness: 'soon' } } });
    expect(mergePatchOf(MANIFEST, { ...v, schedule: '' })).toEqual({ spec: { sla: { schedule: null } } });
    expect(mergePatchOf(MANIFEST, { ...v, schedule: '', freshness: '' })).toEqual({ spec: { sla: null } });
    const none = { ...MANIFEST, spec: { ...MANIFEST.spec, sla: undefined } };
    expect(mergePatchOf(none, { ...valuesOf(none), freshness: 'P1D' })).toEqual({ spec: { sla: { freshness: 'P1D' } } });
  });

  it('maps the server field errors to inputs, naming list items', () => {
    expect(keyOfErrorField('spec.sla.freshness')).toBe('freshness');
    expect(keyOfErrorField('spec.sla')).toBe('freshness');
    expect(keyOfErrorField('metadata.stewards[1]')).toBe('stewards');
    expect(keyOfErrorField('spec.outputs[0].name')).toBeNull();
    const v = { ...valuesOf(MANIFEST), stewards: 'ana@example.com\nbo' };
    expect(
      errorsByKey(
        [
          { field: 'metadata.stewards[1]', message: 'must be an e-mail address' },
          { field: 'spec.tier', message: 'must be a whole number' },
          { field: '(root)', message: 'odd' },
        ],
        v,
      ),
    ).toEqual({ byKey: { stewards: ['item 2 (bo): must be an e-mail address'], tier: ['must be a whole number'] }, shown: ['metadata.stewards[1]', 'spec.tier'] });
  });

  it('puts my changes on top of a newer revision, listing what we both changed', () => {
    const base = valuesOf(MANIFEST);
    const mine = { ...base, title: 'Mine', freshness: 'PT2H' };
    const theirs = { ...base, title: 'Theirs', description: 'Their text' };
    const { values, conflicts } = rebase(base, mine, theirs);
    expect(values).toEqual({ ...base, title: 'Mine', freshness: 'PT2H', description: 'Their text' });
    expect(conflicts).toEqual(['title']);
    expect(changedKeys(theirs, values)).toEqual(['title', 'freshness']);
  });
});
