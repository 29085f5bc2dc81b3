import { planManifests } from './apply-plan';
import type { ManifestDocument } from './manifest-files';

const doc = (file: string, body: unknown, index = 1, count = 1, line = 1): ManifestDocument => ({ file, index, count, line, body });
const named = (name: unknown) => ({ kind: 'DataProduct', metadata: { name } });

describe('planManifests', () => {
  it('names each manifest after metadata.name and keeps file order', () => {
    const plan = planManifests([
      { ok: true, documents: [doc('a.yaml', named('one'), 1, 2), doc('a.yaml', named('two'), 2, 2)] },
      { ok: true, documents: [doc('b.yaml', named('three'))] },
    ]);
    expect(plan).toEqual([
      { ready: true, name: 'one', source: 'a.yaml', body: named('one') },
      { ready: true, name: 'two', source: 'a.yaml', body: named('two') },
      { ready: true, name: 'three', source: 'b.yaml', body: named('three') },
    ]);
  });

  it('fails a file that could not be read as one entry', () => {
    expect(planManifests([{ ok: false, file: 'x.yaml', problem: 'invalid YAML at line 1, column 1: oops' }])).toEqual([
      { ready: false, source: 'x.yaml', failure: { detail: 'invalid YAML at line 1, column 1: oops', errors: [] } },
    ]);
  });

  it.each([
    [{ metadata: {} }, 'metadata.name', 'is required'],
    [{ kind: 'DataProduct' }, 'metadata.name', 'is required'],
    [named(2024), 'metadata.name', 'must be a string (quote it in YAML)'],
    [['a', 'b'], '(root)', 'must be a DataProduct manifest object'],
    ['just text', '(root)', 'must be a DataProduct manifest object'],
  ])('fails %p locally, pointing at the document', (body, field, message) => {
    const [entry] = planManifests([{ ok: true, documents: [doc('a.yaml', named('ok'), 1, 2), doc('a.yaml', body, 2, 2, 14)] }]).slice(1);
    expect(entry).toEqual({
      ready: false,
      source: 'a.yaml (document 2, line 14)',
      failure: { detail: 'The manifest cannot be applied without a name.', errors: [{ field, message }] },
    });
  });

  it('refuses a product defined twice, the second time', () => {
    const plan = planManifests([{ ok: true, documents: [doc('a.yaml', named('one'))] }, { ok: true, documents: [doc('b.yaml', named('one'))] }]);
    expect(plan[0].ready).toBe(true);
    expect(plan[1]).toEqual({
      ready: false,
      name: 'one',
      source: 'b.yaml',
      failure: { detail: 'The product is defined more than once.', errors: [{ field: 'metadata.name', message: 'one is already defined in a.yaml' }] },
    });
  });
});
