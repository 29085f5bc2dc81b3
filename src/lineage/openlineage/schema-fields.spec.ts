import { schemaFields } from './schema-fields';

const column = (name: string, type: string, description: string | null = null) => ({ name, type, description });

describe('schemaFields', () => {
  it('flat columns keep their types and descriptions (none when empty)', () => {
    expect(schemaFields([column('order_id', 'integer', 'Order number'), column('amount', 'decimal(10,2)'), column('note', 'varchar(20)', '')])).toEqual([
      { name: 'order_id', type: 'integer', description: 'Order number' },
      { name: 'amount', type: 'decimal(10,2)' },
      { name: 'note', type: 'varchar(20)' },
    ]);
  });

  it('nested types become nested fields, as the schema facet documents them (struct members, array _element, map key and value)', () => {
    const fields = schemaFields([
      column('shipping', 'struct<city:string,zip:string>', 'Where it was shipped'),
      column('phones', 'ARRAY<STRING>'),
      column('attributes', 'map<string, array<int>>'),
      column('address', 'row(street varchar, geo row(lat double, lon double))'),
      column('lines', 'array<struct<sku: string, `unit price`: decimal(10,2)>>'),
    ]);
    expect(fields).toEqual([
      { name: 'shipping', type: 'struct', description: 'Where it was shipped', fields: [{ name: 'city', type: 'string' }, { name: 'zip', type: 'string' }] },
      { name: 'phones', type: 'array', fields: [{ name: '_element', type: 'STRING' }] },
      { name: 'attributes', type: 'map', fields: [{ name: 'key', type: 'string' }, { name: 'value', type: 'array', fields: [{ name: '_element', type: 'int' }] }] },
      {
        name: 'address',
        type: 'struct',
        fields: [
          { name: 'street', type: 'varchar' },
          { name: 'geo', type: 'struct', fields: [{ name: 'lat', type: 'double' }, { name: 'lon', type: 'double' }] },
        ],
      },
      {
        name: 'lines',
        type: 'array',
        fields: [{ name: '_element', type: 'struct', fields: [{ name: 'sku', type: 'string' }, { name: 'unit price', type: 'decimal(10,2)' }] }],
      },
    ]);
  });

  it('a type that does not parse is kept as spelled', () => {
    for (const type of ['struct<a:int', 'array<int, int>', 'map<string>', 'struct<>', 'struct<a:int>>', 'array(int>']) {
      expect(schemaFields([column('x', type)])).toEqual([{ name: 'x', type }]);
    }
  });
});
