import { manifestSchema, type Manifest } from '../../catalog/manifest/manifest.schema';
import { exportContract, importContract } from './odcs';
import { exportProduct, importProduct } from './odps';

const parse = (m: unknown): Manifest => manifestSchema.parse(m);

const ORDERS = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.orders' };
const LINES = { namespace: 'postgres://warehouse:5432', name: 'analytics.public.order_lines' };

const full = parse({
  apiVersion: 'gatehouse/v1',
  kind: 'DataProduct',
  metadata: { name: 'orders', title: 'Orders', domain: 'sales', owner: 'team:sales-data', stewards: ['ana@example.com', 'bo@example.com'], tags: ['finance'] },
  spec: {
    description: 'One row per order.',
    tier: 1,
    classification: 'confidential',
    containsPii: true,
    sla: { freshness: 'P1W', schedule: '0 2 * * *' },
    outputs: [
      {
        ...ORDERS,
        schema: [
          { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true, unique: true, primaryKey: true, description: 'The order' },
          {
            name: 'customer',
            logicalType: 'object',
            properties: [
              { name: 'email', logicalType: 'string', classification: 'restricted' },
              { name: 'tags', logicalType: 'array', items: { logicalType: 'string', physicalType: 'TEXT' } },
            ],
          },
        ],
        quality: [{ type: 'library', metric: 'rowCount', mustBeGreaterThan: 0 }],
      },
      { ...LINES },
    ],
    bindings: [{ orchestrator: 'airflow-prod', dag: 'orders' }, { orchestrator: 'dagster-prod', asset: ['sales', 'orders'] }],
  },
});

const minimal = parse({
  apiVersion: 'gatehouse/v1',
  kind: 'DataProduct',
  metadata: { name: 'tiny', title: 'Tiny', domain: 'ops', owner: 'team:ops' },
  spec: { tier: 4, classification: 'public', containsPii: false, outputs: [{ namespace: 's3://bucket', name: 'tiny' }] },
});

const source = (manifest: Manifest, revision = 3) => ({ manifest, revision, status: 'active' as const });

/** Export every output's contract and the product, import them all into nothing, then into the manifest itself. */
function roundTrip(m: Manifest): { fromNothing: Manifest; intoItself: Manifest } {
  const odps = exportProduct(source(m));
  const contracts = m.spec.outputs.map((o) => JSON.parse(JSON.stringify(exportContract(source(m), o))));
  const apply = (start: Manifest | null) => {
    const p = importProduct(JSON.parse(JSON.stringify(odps)), start);
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    let current = p.manifest;
    for (const c of contracts) {
      const r = importContract(c, current);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      current = r.manifest;
    }
    return parse(current);
  };
  return { fromNothing: apply(null), intoItself: apply(m) };
}

describe('ODCS and ODPS mapping', () => {
  it('exports an output as an ODCS v3.1.0 contract with Gatehouse-only fields in custom properties', () => {
    const c = exportContract(source(full), ORDERS);
    expect(c).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'urn:gatehouse:contract:orders:postgres://warehouse:5432/analytics.public.orders',
      version: '3.0.0',
      status: 'active',
      domain: 'sales',
      dataProduct: 'orders',
      description: { purpose: 'One row per order.' },
      team: { name: 'team:sales-data', members: [{ username: 'team:sales-data', role: 'owner' }, { username: 'ana@example.com', role: 'steward' }, { username: 'bo@example.com', role: 'steward' }] },
      slaProperties: [
        { property: 'latency', value: 7, unit: 'd' },
        { property: 'frequency', value: '0 2 * * *', scheduler: 'cron', schedule: '0 2 * * *' },
      ],
    });
    const [object] = c.schema as Record<string, unknown>[];
    expect(object).toMatchObject({ name: 'orders', physicalName: 'analytics.public.orders', physicalType: 'table', quality: [{ metric: 'rowCount' }] });
    expect(object.customProperties).toEqual([
      { property: 'openlineageNamespace', value: ORDERS.namespace },
      { property: 'openlineageName', value: ORDERS.name },
    ]);
    expect((object.properties as unknown[])[1]).toEqual(full.spec.outputs[0].schema![1]);
    const customs = Object.fromEntries((c.customProperties as { property: string; value: unknown }[]).map((p) => [p.property, p.value]));
    expect(customs).toEqual({
      gatehouseProduct: 'orders',
      gatehouseTier: 1,
      gatehouseClassification: 'confidential',
      gatehouseContainsPii: true,
      gatehouseBindings: full.spec.bindings,
      gatehouseFreshness: 'P1W',
    });
  });

  it('exports the product as ODPS v1.0.0 whose output ports name their contracts', () => {
    const p = exportProduct(source(full));
    expect(p).toMatchObject({ apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'urn:gatehouse:data-product:orders', name: 'Orders', version: '3.0.0', status: 'active', domain: 'sales' });
    expect((p.outputPorts as Record<string, unknown>[]).map((o) => [o.name, o.version, o.contractId])).toEqual([
      ['analytics.public.orders', '3.0.0', exportContract(source(full), ORDERS).id],
      ['analytics.public.order_lines', '3.0.0', exportContract(source(full), LINES).id],
    ]);
  });

  it.each([
    ['a product with every field', full],
    ['a minimal product', minimal],
  ])('imports its own export unchanged: %s', (_, m) => {
    const { fromNothing, intoItself } = roundTrip(m);
    expect(intoItself).toEqual(m);
    expect(fromNothing).toEqual(m);
  });

  it('keeps what a foreign contract carries that Gatehouse does not map, and exports it again', () => {
    const foreign = {
      apiVersion: 'v3.2.0',
      kind: 'DataContract',
      id: 'orders-contract',
      name: 'Orders contract',
      version: '1.4.0',
      status: 'draft',
      dataProduct: 'orders',
      tenant: 'acme',
      servers: [{ server: 'prod', type: 'postgres', host: 'warehouse', port: 5432, database: 'analytics', schema: 'public' }],
      description: { purpose: 'One row per order.', usage: 'Reporting' },
      schema: [
        {
          name: 'orders',
          physicalName: 'orders',
          businessName: 'Orders',
          properties: [
            { name: 'order_id', logicalType: 'integer', required: true, examples: [1, 2], logicalTypeOptions: { minimum: 1 } },
            { name: 'status', logicalType: 'string', classification: 'sensitive', quality: [{ metric: 'nullValues', mustBe: 0 }] },
            { name: 'attrs', logicalType: 'map' },
          ],
        },
      ],
      slaProperties: [
        { property: 'latency', value: '6h' },
        { property: 'availability', value: '99.9%' },
      ],
      customProperties: [{ property: 'costCenter', value: 'cc-42' }],
    };
    const r = importContract(structuredClone(foreign), full);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const m = parse(r.manifest);
    const output = m.spec.outputs[0];
    expect(r.contract.identity).toEqual(ORDERS);
    expect(output.schema).toEqual([{ name: 'order_id', logicalType: 'integer', required: true }, { name: 'status', logicalType: 'string' }, { name: 'attrs' }]);
    expect(m.spec.sla).toEqual({ freshness: 'PT6H', schedule: '0 2 * * *' });
    expect(output.quality).toEqual(full.spec.outputs[0].quality);
    expect(output.extensions?.odcs).toEqual({
      id: 'orders-contract',
      name: 'Orders contract',
      tenant: 'acme',
      servers: foreign.servers,
      description: { usage: 'Reporting' },
      schema: { physicalName: 'orders', businessName: 'Orders' },
      properties: {
        order_id: { examples: [1, 2], logicalTypeOptions: { minimum: 1 } },
        status: { classification: 'sensitive', quality: [{ metric: 'nullValues', mustBe: 0 }] },
        attrs: { logicalType: 'map' },
      },
      slaProperties: [{ property: 'availability', value: '99.9%' }],
      customProperties: [{ property: 'costCenter', value: 'cc-42' }],
    });
    expect(r.contract.kept).toEqual(expect.arrayContaining(['servers', 'tenant', 'slaProperties', 'schema[0].businessName', 'schema[0].properties status: classification']));

    // exported again: the kept fields are back where they were
    const again = exportContract(source(m), ORDERS);
    expect(again).toMatchObject({ id: 'orders-contract', name: 'Orders contract', tenant: 'acme', servers: foreign.servers, description: { purpose: 'One row per order.', usage: 'Reporting' } });
    const props = (again.schema as { properties: unknown[] }[])[0].properties;
    expect(props).toEqual([
      { name: 'order_id', examples: [1, 2], logicalTypeOptions: { minimum: 1 }, logicalType: 'integer', required: true },
      { name: 'status', classification: 'sensitive', quality: [{ metric: 'nullValues', mustBe: 0 }], logicalType: 'string' },
      { name: 'attrs', logicalType: 'map' },
    ]);
    expect(again.slaProperties).toEqual([{ property: 'latency', value: 6, unit: 'h' }, { property: 'frequency', value: '0 2 * * *', scheduler: 'cron', schedule: '0 2 * * *' }, { property: 'availability', value: '99.9%' }]);
    // and importing that export changes nothing
    const reimported = importContract(JSON.parse(JSON.stringify(again)), m);
    expect(reimported.ok && parse(reimported.manifest)).toEqual(m);
  });

  it('reports product fields a contract disagrees on without applying them', () => {
    const c = exportContract(source(full), ORDERS);
    const r = importContract({ ...c, domain: 'marketing', customProperties: [...(c.customProperties as unknown[]), { property: 'gatehouseTier', value: 2 }].filter((p) => (p as { value: unknown }).value !== 1) }, full);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.contract.differences).toEqual(['customProperties.gatehouseTier', 'domain']);
    expect(parse(r.manifest)).toEqual(full);
  });

  it('refuses a contract it cannot place, naming the field', () => {
    const c = exportContract(source(full), ORDERS);
    expect(importContract({ ...c, apiVersion: 'v2.2.0', customProperties: [], dataProduct: 'Not A Name' }, null)).toEqual({
      ok: false,
      errors: [
        { field: 'apiVersion', message: expect.stringContaining('ODCS v3') },
        { field: 'customProperties', message: expect.stringContaining('gatehouseProduct') },
      ],
    });
    const schema = [{ name: 'x', physicalName: 'unknown_table' }];
    expect(importContract({ ...c, schema }, full)).toEqual({ ok: false, errors: [{ field: 'schema[0].customProperties', message: expect.stringContaining('openlineageNamespace') }] });
    expect(importContract({ ...c, schema: [schema[0], schema[0]] }, full)).toMatchObject({ ok: false, errors: [{ field: 'schema[1]' }] });
  });

  it('keeps what an ODPS document carries that Gatehouse does not map', () => {
    const p = exportProduct(source(full));
    const ports = p.outputPorts as Record<string, unknown>[];
    const doc = {
      ...p,
      tenant: 'acme',
      inputPorts: [{ name: 'payments', version: '2.0.0', contractId: 'payments-contract' }],
      outputPorts: [{ ...ports[0], description: 'Orders, one row each', sbom: [{ url: 'https://example.com/sbom' }] }, ports[1]],
    };
    const r = importProduct(JSON.parse(JSON.stringify(doc)), full);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const m = parse(r.manifest);
    expect(m.spec.extensions).toEqual({ odps: { tenant: 'acme', inputPorts: doc.inputPorts } });
    expect(m.spec.outputs[0].extensions?.odpsPort).toEqual({ description: 'Orders, one row each', sbom: [{ url: 'https://example.com/sbom' }] });
    expect(m.spec.outputs[0].schema).toEqual(full.spec.outputs[0].schema);
    expect(JSON.parse(JSON.stringify(exportProduct(source(m))))).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(importProduct({ ...p, outputPorts: [{ name: 'x', version: '1.0.0' }] }, null)).toEqual({ ok: false, errors: [{ field: 'outputPorts[0].customProperties', message: expect.any(String) }] });
  });
});
