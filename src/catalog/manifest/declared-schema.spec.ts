import { DomainError } from '../../common/errors/domain-error';
import { manifest } from '../../../test/support/manifests';
import { parseManifest } from './parse-manifest';

const OUTPUT = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders' };
const withSchema = (schema: unknown) => manifest('orders', { spec: { outputs: [{ ...OUTPUT, schema }] } });

function fieldErrors(input: unknown): Record<string, string> {
  try {
    parseManifest(input);
  } catch (error) {
    if (error instanceof DomainError) return Object.fromEntries(error.errors.map((e) => [e.field, e.message]));
    throw error;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('declared output schemas', () => {
  it('accepts ODCS properties with nested objects and array items, and stores them as given', () => {
    const schema = [
      { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true, unique: true, primaryKey: true },
      { name: 'email', logicalType: 'string', classification: 'restricted', description: 'Buyer e-mail' },
      { name: 'address', logicalType: 'object', properties: [{ name: 'city', logicalType: 'string' }] },
      { name: 'lines', logicalType: 'array', items: { logicalType: 'object', properties: [{ name: 'sku', logicalType: 'string', required: true }] } },
    ];
    expect(parseManifest(withSchema(schema)).spec.outputs[0].schema).toEqual(schema);
    // an output without a schema stays without one (manifests written before schemas keep their digest)
    expect(parseManifest(manifest('orders')).spec.outputs[0]).not.toHaveProperty('schema');
  });

  it.each([
    ['spec.outputs[0].schema[2].logicalType', [{ name: 'a' }, { name: 'b' }, { name: 'c', logicalType: 'varchar' }], /one of string, date, timestamp/],
    ['spec.outputs[0].schema[0].name', [{ logicalType: 'string' }], /field name/],
    ['spec.outputs[0].schema[0].name', [{ name: 'a.b' }], /dot/],
    ['spec.outputs[0].schema[1].name', [{ name: 'a' }, { name: 'a' }], /repeats field a/],
    ['spec.outputs[0].schema[0].required', [{ name: 'a', required: 'yes' }], /true or false/],
    ['spec.outputs[0].schema[0].classification', [{ name: 'a', classification: 'secret' }], /public, internal/],
    ['spec.outputs[0].schema[0].properties', [{ name: 'a', logicalType: 'string', properties: [{ name: 'b' }] }], /only an object/],
    ['spec.outputs[0].schema[0].items', [{ name: 'a', logicalType: 'object', items: { logicalType: 'string' } }], /only an array/],
    ['spec.outputs[0].schema[0].properties[0].logicalType', [{ name: 'a', logicalType: 'object', properties: [{ name: 'b', logicalType: 'int' }] }], /one of/],
    ['spec.outputs[0].schema[0].items.properties[1].name', [{ name: 'a', logicalType: 'array', items: { properties: [{ name: 'x' }, { name: 'x' }] } }], /repeats/],
    ['spec.outputs[0].schema[0].pii', [{ name: 'a', pii: true }], /unknown field/],
  ])('names %s when it is wrong', (field, schema, message) => {
    const errors = fieldErrors(withSchema(schema));
    expect(Object.keys(errors)).toContain(field);
    expect(errors[field]).toMatch(message);
  });

  it('stops nesting at five levels, naming where', () => {
    const nest = (depth: number): object => ({ name: `l${depth}`, logicalType: 'object', properties: depth < 6 ? [nest(depth + 1)] : [] });
    const errors = fieldErrors(withSchema([nest(1)]));
    expect(errors['spec.outputs[0].schema[0].properties[0].properties[0].properties[0].properties[0].properties']).toMatch(/deeper than 5/);
  });
});
