import type { Facets } from '../openlineage/openlineage.types';
import { identifiersIn, newAliasClaims, NodeFacetsWrite } from './symlink-aliases';

const symlinks = (...names: [string, string][]): Facets => ({
  symlinks: { _producer: 'https://p', _schemaURL: 'https://s', identifiers: names.map(([namespace, name]) => ({ namespace, name, type: 'TABLE' })) },
});
const dataset = (facets: Facets): NodeFacetsWrite => ({ type: 'DATASET', facets });
const TABLE = 'dataset:postgres://warehouse:5432:warehouse.public.orders';
const ASSET = 'dataset:dagster-prod:marts/orders';

describe('newAliasClaims', () => {
  it('each identifier of a dataset’s symlinks is claimed by it; jobs, itself and facets being deleted claim nothing', () => {
    const writes = new Map<string, NodeFacetsWrite[]>([
      [TABLE, [dataset(symlinks(['dagster-prod', 'marts/orders'], ['postgres://warehouse:5432', 'warehouse.public.orders']))]],
      ['job:airflow:load', [{ type: 'JOB', facets: symlinks(['x', 'y']) }]],
      ['dataset:s3://lake:orders', [dataset({ symlinks: { _producer: 'https://p', _schemaURL: 'https://s', _deleted: true, identifiers: [{ namespace: 'a', name: 'b' }] } })]],
    ]);
    expect(newAliasClaims(writes, () => undefined)).toEqual([{ alias: ASSET, nodeId: TABLE }]);
  });

  it('nothing when the stored node lists the identifier already: producers resending their facets cost no statement', () => {
    const writes = new Map([[TABLE, [dataset(symlinks(['dagster-prod', 'marts/orders'])), dataset(symlinks(['dagster-prod', 'marts/orders']))]]]);
    expect(newAliasClaims(writes, (id) => (id === TABLE ? symlinks(['dagster-prod', 'marts/orders']) : undefined))).toEqual([]);
    // a new identifier beside the stored one is claimed
    const more = new Map([[TABLE, [dataset(symlinks(['dagster-prod', 'marts/orders'], ['glue', 'table/db/orders']))]]]);
    expect(newAliasClaims(more, () => symlinks(['dagster-prod', 'marts/orders']))).toEqual([{ alias: 'dataset:glue:table/db/orders', nodeId: TABLE }]);
  });

  it('within one call: the first claim of an identity wins, a chain goes to its end, and no cycle is formed', () => {
    const writes = new Map([
      ['dataset:s3://lake:orders', [dataset(symlinks(['dagster-prod', 'marts/orders']))]],
      [TABLE, [dataset(symlinks(['dagster-prod', 'marts/orders'], ['s3://lake', 'orders']))]],
      ['dataset:glue:t', [dataset(symlinks(['postgres://warehouse:5432', 'warehouse.public.orders']))]],
    ]);
    // s3 claims the asset; the table claims s3 (taking the asset along); the Glue table claims the table (taking both)
    expect(newAliasClaims(writes, () => undefined)).toEqual([
      { alias: ASSET, nodeId: 'dataset:glue:t' },
      { alias: TABLE, nodeId: 'dataset:glue:t' },
      { alias: 'dataset:s3://lake:orders', nodeId: 'dataset:glue:t' },
    ]);
    const mutual = new Map([
      [TABLE, [dataset(symlinks(['dagster-prod', 'marts/orders']))]],
      [ASSET, [dataset(symlinks(['postgres://warehouse:5432', 'warehouse.public.orders']))]],
    ]);
    expect(newAliasClaims(mutual, () => undefined)).toEqual([{ alias: ASSET, nodeId: TABLE }]);
  });

  it('identifiersIn reads only well-formed identifiers', () => {
    expect(identifiersIn({ symlinks: { _producer: 'p', _schemaURL: 's', identifiers: [{ namespace: 'a' }, { namespace: 'n', name: 'm' }, null] } } as unknown as Facets)).toEqual(['dataset:n:m']);
    expect(identifiersIn({ symlinks: { _producer: 'p', _schemaURL: 's', identifiers: 'x' } })).toEqual([]);
    expect(identifiersIn(undefined)).toEqual([]);
  });
});
