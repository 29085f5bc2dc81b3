import type { DeclaredProperty } from '../../catalog/manifest/declared-schema';
import { logicalTypeOf, observedFields, schemaDrift } from './schema-drift';

const DECLARED: DeclaredProperty[] = [
  { name: 'id', logicalType: 'integer', physicalType: 'BIGINT' },
  { name: 'email', logicalType: 'string' },
  { name: 'address', logicalType: 'object', properties: [{ name: 'city', logicalType: 'string' }] },
  { name: 'lines', logicalType: 'array', items: { logicalType: 'object', properties: [{ name: 'sku', logicalType: 'string' }] } },
];

describe('schema drift', () => {
  it('finds nothing when the observed schema matches, types spelled as engines spell them', () => {
    const observed = [
      { name: 'id', type: 'bigint' },
      { name: 'email', type: 'VARCHAR(320)' },
      { name: 'address', type: 'struct', fields: [{ name: 'city', type: 'string' }] },
      { name: 'lines', type: 'array', fields: [{ name: '_element', type: 'struct', fields: [{ name: 'sku', type: 'text' }] }] },
    ];
    expect(schemaDrift(DECLARED, observed)).toEqual([]);
  });

  it('reports a missing field, a differing type and an undeclared field, nested ones by dotted path', () => {
    const observed = [
      { name: 'id', type: 'INTEGER' },
      { name: 'email', type: 'bigint' },
      { name: 'address', type: 'struct', fields: [{ name: 'zip', type: 'string' }] },
      { name: 'lines', type: 'array', fields: [{ name: '_element', type: 'struct', fields: [{ name: 'sku', type: 'int' }] }] },
      { name: 'extra' },
    ];
    expect(schemaDrift(DECLARED, observed)).toEqual([
      { kind: 'type', field: 'id', declared: 'BIGINT', observed: 'INTEGER' },
      { kind: 'type', field: 'email', declared: 'string', observed: 'bigint' },
      { kind: 'missing', field: 'address.city', declared: 'string', observed: null },
      { kind: 'undeclared', field: 'address.zip', declared: null, observed: 'string' },
      { kind: 'type', field: 'lines._element.sku', declared: 'string', observed: 'int' },
      { kind: 'undeclared', field: 'extra', declared: null, observed: null },
    ]);
  });

  it('does not call an untellable type drift', () => {
    expect(schemaDrift([{ name: 'g', logicalType: 'string' }], [{ name: 'g', type: 'geography' }])).toEqual([]);
    expect(schemaDrift([{ name: 'g', logicalType: 'string' }], [{ name: 'g' }])).toEqual([]);
  });

  it('reads every schema facet version and ignores deleted or malformed ones', () => {
    // 1-0-0: flat fields
    expect(observedFields({ _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/SchemaDatasetFacet.json', fields: [{ name: 'a', type: 'int' }] })).toEqual([{ name: 'a', type: 'int' }]);
    // 1-2-0: nested fields and ordinal positions
    expect(observedFields({ fields: [{ name: 's', type: 'struct', ordinal_position: 1, fields: [{ name: 'x', type: 'int' }] }] })).toEqual([{ name: 's', type: 'struct', fields: [{ name: 'x', type: 'int' }] }]);
    expect(observedFields({ _deleted: true, fields: [] })).toBeNull();
    expect(observedFields({ fields: 'nope' })).toBeNull();
    expect(observedFields({ fields: [{ type: 'int' }, { name: 'ok', type: 3 }] })).toEqual([{ name: 'ok' }]);
  });

  it.each([
    ['BIGINT', 'integer'], ['int64', 'integer'], ['DECIMAL(10,2)', 'number'], ['double precision', 'number'], ['character varying(10)', 'string'],
    ['timestamp with time zone', 'timestamp'], ['TIMESTAMP_NTZ', 'timestamp'], ['struct<a:int>', 'object'], ['array<string>', 'array'], ['BOOL', 'boolean'], ['geography', null],
  ])('reads %s as %s', (type, logical) => expect(logicalTypeOf(type)).toBe(logical));
});
