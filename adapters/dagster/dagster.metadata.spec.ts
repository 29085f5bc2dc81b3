import { toMetadata } from './dagster.metadata';

describe('toMetadata', () => {
  it('maps the entry kinds Gatehouse reads, by label, and leaves the others out', () => {
    expect(
      toMetadata([
        { __typename: 'UrlMetadataEntry', label: 'dagster/uri', url: 's3://lake/x' },
        { __typename: 'PathMetadataEntry', label: 'path', path: '/data/x' },
        { __typename: 'MarkdownMetadataEntry', label: 'notes', mdStr: '# hi' },
        { __typename: 'IntMetadataEntry', label: 'dagster/row_count', intValue: null, intRepr: '9007199254740993' },
        { __typename: 'FloatMetadataEntry', label: 'ratio', floatValue: 0.5 },
        { __typename: 'BoolMetadataEntry', label: 'ok', boolValue: false },
        { __typename: 'JsonMetadataEntry', label: 'config', jsonString: '{"a":[1]}' },
        { __typename: 'JsonMetadataEntry', label: 'broken', jsonString: '{' },
        { __typename: 'PipelineRunMetadataEntry', label: 'run' },
        { __typename: 'TextMetadataEntry', label: 'ok', text: 'a second entry of a label is ignored' },
      ]),
    ).toEqual({
      'dagster/uri': { kind: 'text', text: 's3://lake/x' },
      path: { kind: 'text', text: '/data/x' },
      notes: { kind: 'text', text: '# hi' },
      'dagster/row_count': { kind: 'number', value: 9007199254740993 },
      ratio: { kind: 'number', value: 0.5 },
      ok: { kind: 'boolean', value: false },
      config: { kind: 'json', value: { a: [1] } },
    });
    expect(toMetadata(undefined)).toEqual({});
  });
});
