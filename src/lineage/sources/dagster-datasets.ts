/**
 * The datasets of Gatehouse's Dagster events: what each asset is called and what it is known to hold, from Dagster's
 * standard metadata (definition metadata, overridden key by key by the metadata of the asset's latest
 * materialization in the run).
 *
 * Identity, following the OpenLineage naming spec (see dataset-naming.ts):
 * - `dagster/uri` (`s3://lake/raw/orders.parquet`, `file:///data/orders.json`…) names the dataset itself;
 * - else `dagster/table_name` (legacy `dagster/relation_identifier`), a qualified `db.schema.table`, in the namespace
 *   the instance's storage mapping gives the asset's `dagster/storage_kind` or one of its kinds (else its default);
 * - else the asset key joined by `/` in the instance's namespace, as before any of this metadata existed.
 * A dataset named physically carries the `symlinks` facet with the asset-key identity, so the asset stays findable
 * and lineage treats both names as one node.
 *
 * Facets: `dagster/column_schema` → `schema` (nested types as nested fields), `dagster/column_lineage` →
 * `columnLineage` (the upstream columns under their assets' identities), `dagster/row_count` → the output facet
 * `outputStatistics`.
 */
import type { AssetMetadata, ColumnLineage, MetadataValue, RunActivity } from '../../../adapters/core/orchestrator.port';
import type { DatasetStorage } from '../../orchestrators/orchestrators-file';
import { datasetOfTable, datasetOfUri } from '../openlineage/dataset-naming';
import type { DatasetRef, Facet, Facets } from '../openlineage/openlineage.types';
import type { DatasetName } from '../projection/run-projection';
import { schemaFields } from '../openlineage/schema-fields';

const SYMLINKS_SCHEMA = 'https://openlineage.io/spec/facets/1-0-1/SymlinksDatasetFacet.json#/$defs/SymlinksDatasetFacet';
const SCHEMA_SCHEMA = 'https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet';
const COLUMN_LINEAGE_SCHEMA = 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet';
const OUTPUT_STATISTICS_SCHEMA = 'https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet';

/** Dagster's standard metadata keys Gatehouse reads. */
export const DAGSTER_METADATA = {
  uri: 'dagster/uri',
  tableName: 'dagster/table_name',
  relationIdentifier: 'dagster/relation_identifier',
  storageKind: 'dagster/storage_kind',
  columnSchema: 'dagster/column_schema',
  columnLineage: 'dagster/column_lineage',
  rowCount: 'dagster/row_count',
} as const;

export type FacetMaker = (schemaURL: string, fields: Record<string, unknown>) => Facet;

/** An asset key as a dataset name in the instance's namespace: its parts joined by `/`. */
export const keyName = (key: readonly string[]): string => key.join('/');

/** The physical identity the metadata gives an asset, or null when it gives none (see the file comment). */
export function physicalDataset(metadata: AssetMetadata, kinds: readonly string[], storage: DatasetStorage | undefined): DatasetName | null {
  const uri = textOf(metadata[DAGSTER_METADATA.uri]);
  const byUri = uri ? datasetOfUri(uri) : null;
  if (byUri) return byUri;
  const table = textOf(metadata[DAGSTER_METADATA.tableName]) ?? textOf(metadata[DAGSTER_METADATA.relationIdentifier]);
  const namespace = table && storage ? storageNamespace(storage, textOf(metadata[DAGSTER_METADATA.storageKind]), kinds) : undefined;
  return table && namespace ? datasetOfTable(namespace, table) : null;
}

function storageNamespace(storage: DatasetStorage, storageKind: string | null, kinds: readonly string[]): string | undefined {
  const byKind = new Map(Object.entries(storage.kinds).map(([kind, namespace]) => [kind.toLowerCase(), namespace]));
  const candidates = storageKind ? [storageKind, ...kinds] : kinds;
  for (const kind of candidates) {
    const namespace = byKind.get(kind.toLowerCase());
    if (namespace) return namespace;
  }
  return storage.default;
}

function textOf(value: MetadataValue | undefined): string | null {
  return value?.kind === 'text' && value.text.trim() ? value.text.trim() : null;
}

/** Names and describes the assets of one activity (built once per activity: every event names them the same way). */
export class DagsterDatasets {
  private readonly definitions: Map<string, { kinds: string[]; metadata: AssetMetadata }>;
  /** Definition metadata with the run's materialization metadata over it, for the assets the run materialized. */
  private readonly materialized = new Map<string, AssetMetadata>();

  constructor(
    activity: RunActivity,
    private readonly options: { namespace: string; storage?: DatasetStorage; facet: FacetMaker },
  ) {
    this.definitions = new Map(activity.definitions.map((d) => [JSON.stringify(d.assetKey), { kinds: d.kinds, metadata: d.metadata }]));
    for (const m of activity.materializations) {
      const id = JSON.stringify(m.assetKey);
      this.materialized.set(id, { ...(this.materialized.get(id) ?? this.definitions.get(id)?.metadata ?? {}), ...m.metadata });
    }
  }

  /**
   * The dataset of an asset. `asMaterialized`: as the run's materializations describe it (final events), else as its
   * definition does (START, which must not change while the run goes on).
   */
  dataset(key: readonly string[], asMaterialized: boolean): DatasetRef {
    const metadata = this.metadataOf(key, asMaterialized);
    const logical = this.logical(key);
    const physical = physicalDataset(metadata, this.kindsOf(key), this.options.storage);
    const facets: Facets = {};
    if (physical) facets.symlinks = this.options.facet(SYMLINKS_SCHEMA, { identifiers: [{ ...logical, type: 'TABLE' }] });
    const schema = metadata[DAGSTER_METADATA.columnSchema];
    if (schema?.kind === 'tableSchema' && schema.columns.length) facets.schema = this.options.facet(SCHEMA_SCHEMA, { fields: schemaFields(schema.columns) });
    const lineage = metadata[DAGSTER_METADATA.columnLineage];
    if (lineage?.kind === 'columnLineage' && lineage.columns.length) facets.columnLineage = this.options.facet(COLUMN_LINEAGE_SCHEMA, { fields: this.columnFields(lineage.columns, asMaterialized) });
    return { ...(physical ?? logical), ...(Object.keys(facets).length ? { facets } : {}) };
  }

  /** Output facets of a materialized asset: `outputStatistics` when Dagster reported a row count. */
  outputFacets(key: readonly string[]): Facets {
    const rows = this.materialized.get(JSON.stringify(key))?.[DAGSTER_METADATA.rowCount];
    if (rows?.kind !== 'number' || !Number.isInteger(rows.value) || rows.value < 0) return {};
    return { outputStatistics: this.options.facet(OUTPUT_STATISTICS_SCHEMA, { rowCount: rows.value }) };
  }

  /** What an asset is called (see dataset), without its facets. */
  identity(key: readonly string[], asMaterialized: boolean): DatasetName {
    return physicalDataset(this.metadataOf(key, asMaterialized), this.kindsOf(key), this.options.storage) ?? this.logical(key);
  }

  private logical(key: readonly string[]): DatasetName {
    return { namespace: this.options.namespace, name: keyName(key) };
  }

  private metadataOf(key: readonly string[], asMaterialized: boolean): AssetMetadata {
    const id = JSON.stringify(key);
    return (asMaterialized ? this.materialized.get(id) : undefined) ?? this.definitions.get(id)?.metadata ?? {};
  }

  private kindsOf(key: readonly string[]): string[] {
    return this.definitions.get(JSON.stringify(key))?.kinds ?? [];
  }

  /** The facet's `fields`: each column with the columns it comes from, under the identities of their assets. */
  private columnFields(columns: readonly ColumnLineage[], asMaterialized: boolean): Record<string, { inputFields: { namespace: string; name: string; field: string }[] }> {
    const fields: Record<string, { inputFields: { namespace: string; name: string; field: string }[] }> = {};
    for (const { column, from } of columns) {
      fields[column] = {
        inputFields: from.map((dep) => {
          const { namespace, name } = this.identity(dep.assetKey, asMaterialized);
          return { namespace, name, field: dep.column };
        }),
      };
    }
    return fields;
  }
}
