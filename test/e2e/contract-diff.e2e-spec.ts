import { stringify } from 'yaml';
import { manifest } from '../support/manifests';
import { documentedResponses, ResponseCheck } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

const OUTPUT = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders' };
const SCHEMA = [
  { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true, primaryKey: true },
  { name: 'customer', logicalType: 'object', properties: [{ name: 'email', logicalType: 'string', classification: 'restricted' }] },
  { name: 'amount', logicalType: 'number', required: true },
];

/** Declared output schemas in manifests, and the diff classifying their changes (HTTP). */
describe('declared schemas and the classified diff (HTTP)', () => {
  let t: TestApp;
  let documented: ResponseCheck;
  beforeAll(async () => {
    t = await startTestApp();
    documented = await documentedResponses(t);
  });
  afterAll(() => t.close());

  const withSchema = (schema: unknown, spec: Record<string, unknown> = {}) => manifest('orders', { spec: { outputs: [{ ...OUTPUT, schema }], ...spec } });

  it('refuses an invalid declared schema naming every wrong field, writing nothing', async () => {
    const bad = [{ name: 'a' }, { name: 'a' }, { name: 'c', logicalType: 'varchar' }, { name: 'd', logicalType: 'string', items: { logicalType: 'string' } }];
    const r = await t.request('PUT', '/api/v1/data-products/orders', { raw: stringify(withSchema(bad)), headers: { 'content-type': 'application/yaml' } });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['spec.outputs[0].schema[2].logicalType', 'spec.outputs[0].schema[3].items']);
    const repeated = await t.request('PUT', '/api/v1/data-products/orders', { body: withSchema(bad.slice(0, 2)) });
    expect(repeated.body.errors).toEqual([expect.objectContaining({ field: 'spec.outputs[0].schema[1].name', message: 'repeats field a' })]);
    expect((await t.request('GET', '/api/v1/data-products/orders')).status).toBe(404);
  });

  it('stores a declared schema with the revision and classifies a removed field and a relaxed guarantee as breaking', async () => {
    const created = await t.request('PUT', '/api/v1/data-products/orders', { body: withSchema(SCHEMA) });
    expect(created.status).toBe(201);
    expect(created.body.manifest.spec.outputs[0].schema).toEqual(SCHEMA);
    expect(documented('PUT', '/api/v1/data-products/{name}', created.body, 201)).toEqual([]);

    const revised = [{ ...SCHEMA[0], required: false }, SCHEMA[1], { name: 'note', logicalType: 'string' }];
    expect((await t.request('PUT', '/api/v1/data-products/orders', { body: withSchema(revised, { classification: 'restricted' }) })).status).toBe(200);
    const diff = await t.request('GET', '/api/v1/data-products/orders/diff?from=1&to=2');
    expect(diff.status).toBe(200);
    expect(documented('GET', '/api/v1/data-products/{name}/diff', diff.body)).toEqual([]);
    const id = `dataset:${OUTPUT.namespace}:${OUTPUT.name}`;
    expect(diff.body.contract).toEqual({
      breaking: true,
      changes: [
        expect.objectContaining({ rule: 'classification-raised', level: 'breaking', output: null, field: null, before: 'confidential', after: 'restricted' }),
        expect.objectContaining({ rule: 'field-required-relaxed', level: 'breaking', output: id, field: 'order_id' }),
        expect.objectContaining({ rule: 'field-removed', level: 'breaking', output: id, field: 'amount' }),
        expect.objectContaining({ rule: 'field-added', level: 'safe', output: id, field: 'note' }),
      ],
    });
    // the other direction: additions are safe, the required field added back is for review
    const back = await t.request('GET', '/api/v1/data-products/orders/diff?from=2&to=1');
    expect(back.body.contract.changes.map((c: { rule: string }) => c.rule)).toEqual(['classification-lowered', 'field-required-tightened', 'field-removed', 'field-added-required']);
  });
});
