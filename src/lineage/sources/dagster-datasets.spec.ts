import type { AssetMetadata, RunActivity } from '../../../adapters/core/orchestrator.port';
import { physicalDataset } from './dagster-datasets';
import { dagsterRunEvents } from './dagster-lineage';

const NS = 'dagster-prod';
const PRODUCER = 'https://github.com/acme/gatehouse/tree/0.1.0';
const WAREHOUSE = 'postgres://warehouse:5432';
const storage = { kinds: { postgres: WAREHOUSE, Snowflake: 'snowflake://acme-prod' }, default: 'bigquery' };
const text = (t: string) => ({ kind: 'text' as const, text: t });
const RAW = ['hybrid', 'raw_orders'];
const MART = ['hybrid', 'customer_orders'];

describe('physicalDataset', () => {
  it('dagster/uri names the dataset itself, whatever the storage mapping', () => {
    expect(physicalDataset({ 'dagster/uri': text('s3://lake/raw/orders.parquet'), 'dagster/table_name': text('a.b.c') }, ['postgres'], storage)).toEqual({ namespace: 's3://lake', name: 'raw/orders.parquet' });
  });

  it('dagster/table_name (or the legacy dagster/relation_identifier) lives where dagster/storage_kind, else a kind, else the default says', () => {
    const table = { 'dagster/table_name': text('warehouse.public.customer_orders') };
    expect(physicalDataset(table, ['python', 'postgres'], storage)).toEqual({ namespace: WAREHOUSE, name: 'warehouse.public.customer_orders' });
    expect(physicalDataset({ ...table, 'dagster/storage_kind': text('snowflake') }, ['postgres'], storage)).toEqual({ namespace: 'snowflake://acme-prod', name: 'warehouse.public.customer_orders' });
    expect(physicalDataset({ 'dagster/relation_identifier': text('p.d.t') }, ['python'], storage)).toEqual({ namespace: 'bigquery', name: 'p.d.t' });
  });

  it('none: no metadata, a table without a storage to put it in, a URI Gatehouse cannot name', () => {
    expect(physicalDataset({}, ['postgres'], storage)).toBeNull();
    expect(physicalDataset({ 'dagster/table_name': text('a.b.c') }, ['postgres'], undefined)).toBeNull();
    expect(physicalDataset({ 'dagster/table_name': text('a.b.c') }, ['duckdb'], { kinds: { postgres: WAREHOUSE } })).toBeNull();
    expect(physicalDataset({ 'dagster/uri': text('orders.csv'), 'dagster/table_name': { kind: 'number', value: 3 } }, [], storage)).toBeNull();
  });
});

/** The hybrid fixture's run (test/fixtures/hybrid/dagster): a file asset, then a warehouse table built from it. */
function run(materialized: { raw?: AssetMetadata; mart?: AssetMetadata } = {}): RunActivity {
  return {
    runId: '3d285da9-6765-445f-af12-4174eed95d74',
    gatehouseRunId: null,
    target: { kind: 'assets', assetKeys: [RAW, MART] },
    jobName: '__ASSET_JOB',
    status: 'succeeded',
    nativeStatus: 'SUCCESS',
    startedAt: '2026-12-07T17:40:44.086Z',
    endedAt: '2026-12-07T17:40:52.249Z',
    updatedAt: '2026-12-07T17:40:52.249Z',
    tags: {},
    materializations: [
      { assetKey: RAW, at: '2026-12-07T17:40:47.590Z', metadata: materialized.raw ?? { 'dagster/row_count': { kind: 'number', value: 6 } } },
      {
        assetKey: MART,
        at: '2026-12-07T17:40:51.215Z',
        metadata: materialized.mart ?? {
          'dagster/row_count': { kind: 'number', value: 3 },
          'dagster/column_lineage': { kind: 'columnLineage', columns: [{ column: 'total', from: [{ assetKey: RAW, column: 'amount' }] }] },
        },
      },
    ],
    checks: [],
    dependencies: [
      { assetKey: RAW, upstream: [] },
      { assetKey: MART, upstream: [RAW] },
    ],
    definitions: [
      {
        assetKey: RAW,
        kinds: ['json', 'python'],
        metadata: {
          'dagster/uri': text('file:///tmp/hybrid/raw_orders.json'),
          'dagster/column_schema': { kind: 'tableSchema', columns: [{ name: 'amount', type: 'double', description: 'EUR' }, { name: 'shipping', type: 'struct<city:string>', description: null }] },
        },
      },
      { assetKey: MART, kinds: ['postgres', 'python'], metadata: { 'dagster/table_name': text('warehouse.public.customer_orders') } },
    ],
    error: null,
  };
}

const symlinkTo = (name: string) => ({
  _producer: PRODUCER,
  _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/SymlinksDatasetFacet.json#/$defs/SymlinksDatasetFacet',
  identifiers: [{ namespace: NS, name, type: 'TABLE' }],
});

describe('dagsterRunEvents with Dagster’s standard metadata', () => {
  const options = { namespace: NS, producer: PRODUCER, storage: { kinds: { postgres: WAREHOUSE } } };

  it('names assets physically, with the asset key as their symlink, and turns metadata into schema, columnLineage and outputStatistics', () => {
    const [start, complete] = dagsterRunEvents(run(), options);
    for (const event of [start, complete]) {
      expect(event.outputs.map((d) => [d.namespace, d.name])).toEqual([
        ['postgres://warehouse:5432', 'warehouse.public.customer_orders'],
        ['file', '/tmp/hybrid/raw_orders.json'],
      ]);
      expect(event.outputs[0].facets!.symlinks).toEqual(symlinkTo('hybrid/customer_orders'));
      expect(event.outputs[1].facets!.symlinks).toEqual(symlinkTo('hybrid/raw_orders'));
      expect(event.outputs[1].facets!.schema).toEqual({
        _producer: PRODUCER,
        _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet',
        fields: [
          { name: 'amount', type: 'double', description: 'EUR' },
          { name: 'shipping', type: 'struct', fields: [{ name: 'city', type: 'string' }] },
        ],
      });
      // the mart reads the file, under the same identity
      expect(event.inputs.map((d) => [d.namespace, d.name])).toEqual([['file', '/tmp/hybrid/raw_orders.json']]);
    }
    // only what the run reported: row counts and column lineage come with the materializations
    expect(start.outputs[0].facets!.columnLineage).toBeUndefined();
    expect(start.outputs[0].outputFacets).toBeUndefined();
    expect(complete.outputs[0].facets!.columnLineage).toEqual({
      _producer: PRODUCER,
      _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet',
      fields: { total: { inputFields: [{ namespace: 'file', name: '/tmp/hybrid/raw_orders.json', field: 'amount' }] } },
    });
    expect(complete.outputs.map((d) => d.outputFacets!.outputStatistics)).toEqual([
      { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet', rowCount: 3 },
      { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet', rowCount: 6 },
    ]);
  });

  it('materialization metadata wins over the definition’s: the final event names what the run reported', () => {
    const moved = run({ mart: { 'dagster/uri': text('s3://lake/marts/customer_orders/') } });
    const [start, complete] = dagsterRunEvents(moved, options);
    expect([start.outputs[0].namespace, start.outputs[0].name]).toEqual([WAREHOUSE, 'warehouse.public.customer_orders']);
    const mart = complete.outputs.find((d) => (d.facets?.symlinks?.identifiers as { name: string }[] | undefined)?.[0].name === 'hybrid/customer_orders')!;
    expect([mart.namespace, mart.name]).toEqual(['s3://lake', 'marts/customer_orders/']);
  });

  it('without a storage for its kind, a table asset keeps its asset-key identity (and no symlink)', () => {
    const [, complete] = dagsterRunEvents(run(), { namespace: NS, producer: PRODUCER });
    const mart = complete.outputs.find((d) => d.name === 'hybrid/customer_orders')!;
    expect(mart.namespace).toBe(NS);
    expect(mart.facets?.symlinks).toBeUndefined();
  });

  it('stays deterministic and shares no objects between events', () => {
    const a = dagsterRunEvents(run(), options);
    expect(JSON.stringify(dagsterRunEvents(run(), options))).toBe(JSON.stringify(a));
    (a[0].outputs[1].facets!.schema.fields as unknown[]).push('x');
    expect(a[1].outputs[1].facets!.schema.fields).toHaveLength(2);
  });
});
