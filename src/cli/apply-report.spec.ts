import { count, emptyTally, formatResult, formatSummary, ManifestResult, nameColumnWidth } from './apply-report';

describe('apply report', () => {
  it('lines up outcome, name and file', () => {
    const width = nameColumnWidth(['orders-daily', 'kpis']);
    expect(formatResult({ outcome: 'created', name: 'orders-daily', source: 'products/orders.yaml' }, width)).toBe(
      'created   orders-daily   (products/orders.yaml)\n',
    );
    expect(formatResult({ outcome: 'unchanged', name: 'kpis', source: 'products/kpis.yaml' }, width)).toBe(
      'unchanged kpis           (products/kpis.yaml)\n',
    );
  });

  it('caps the name column so one long name does not push every line', () => {
    expect(nameColumnWidth(['x'.repeat(63)])).toBe(40);
    expect(nameColumnWidth([])).toBe(0);
  });

  it('prints a failure with its detail and one indented line per field', () => {
    const failure = { detail: 'The data product manifest is invalid.', errors: [{ field: 'spec.tier', message: 'must be 1 to 4' }, { field: 'metadata.owner', message: 'must be a team' }] };
    expect(formatResult({ outcome: 'error', name: 'bad', source: 'p/bad.yaml', failure }, 12)).toBe(
      'error     bad (p/bad.yaml): The data product manifest is invalid.\n  - spec.tier: must be 1 to 4\n  - metadata.owner: must be a team\n',
    );
  });

  it('names the file when the manifest has no name', () => {
    const failure = { detail: 'invalid YAML at line 3, column 1: Tabs are not allowed as indentation', errors: [] };
    expect(formatResult({ outcome: 'error', source: 'p/broken.yaml', failure }, 12)).toBe(`error     p/broken.yaml: ${failure.detail}\n`);
  });

  it('sums up', () => {
    const tally = emptyTally();
    const results: ManifestResult[] = [
      ...Array(3).fill({ outcome: 'created', name: 'a', source: 'a' }),
      { outcome: 'updated', name: 'b', source: 'b' },
      ...Array(5).fill({ outcome: 'unchanged', name: 'c', source: 'c' }),
      ...Array(2).fill({ outcome: 'error', source: 'd', failure: { detail: 'x', errors: [] } }),
    ];
    results.forEach((r) => count(tally, r));
    expect(formatSummary(tally)).toBe('3 created, 1 updated, 5 unchanged, 2 failed\n');
  });
});
