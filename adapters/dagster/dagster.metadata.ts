import { AssetMetadata, MetadataValue } from '../core/orchestrator.port';
import { GqlAssetKey } from './dagster.mapping';

/** A MetadataEntry as METADATA_ENTRIES asks for it (dagster.documents.ts); members Gatehouse does not read have a label only. */
export interface GqlMetadataEntry {
  __typename: string;
  label: string;
  text?: string;
  url?: string;
  path?: string;
  mdStr?: string;
  intValue?: number | null;
  intRepr?: string;
  floatValue?: number | null;
  boolValue?: boolean | null;
  jsonString?: string;
  schema?: { columns?: { name: string; type: string; description?: string | null }[] | null } | null;
  lineage?: { columnName: string; columnDeps?: { assetKey: GqlAssetKey; columnName: string }[] | null }[] | null;
}

/**
 * Metadata entries by label, as the port's values. An integer too large for GraphQL's Int comes as `intRepr` only;
 * JSON that does not parse and entries of other kinds are left out (so is a label's second entry: Dagster keeps one).
 */
export function toMetadata(entries: readonly GqlMetadataEntry[] | null | undefined): AssetMetadata {
  const metadata: AssetMetadata = {};
  for (const entry of entries ?? []) {
    const value = valueOf(entry);
    if (value && !(entry.label in metadata)) metadata[entry.label] = value;
  }
  return metadata;
}

function valueOf(e: GqlMetadataEntry): MetadataValue | null {
  switch (e.__typename) {
    case 'TextMetadataEntry':
      return typeof e.text === 'string' ? { kind: 'text', text: e.text } : null;
    case 'UrlMetadataEntry':
      return typeof e.url === 'string' ? { kind: 'text', text: e.url } : null;
    case 'PathMetadataEntry':
      return typeof e.path === 'string' ? { kind: 'text', text: e.path } : null;
    case 'MarkdownMetadataEntry':
      return typeof e.mdStr === 'string' ? { kind: 'text', text: e.mdStr } : null;
    case 'IntMetadataEntry': {
      const value = typeof e.intValue === 'number' ? e.intValue : Number(e.intRepr);
      return Number.isFinite(value) ? { kind: 'number', value } : null;
    }
    case 'FloatMetadataEntry':
      return typeof e.floatValue === 'number' && Number.isFinite(e.floatValue) ? { kind: 'number', value: e.floatValue } : null;
    case 'BoolMetadataEntry':
      return typeof e.boolValue === 'boolean' ? { kind: 'boolean', value: e.boolValue } : null;
    case 'JsonMetadataEntry':
      return jsonValue(e.jsonString);
    case 'TableSchemaMetadataEntry':
      return { kind: 'tableSchema', columns: (e.schema?.columns ?? []).map((c) => ({ name: c.name, type: c.type, description: c.description?.trim() || null })) };
    case 'TableColumnLineageMetadataEntry':
      return {
        kind: 'columnLineage',
        columns: (e.lineage ?? []).map((l) => ({ column: l.columnName, from: (l.columnDeps ?? []).map((d) => ({ assetKey: [...d.assetKey.path], column: d.columnName })) })),
      };
    default:
      return null;
  }
}

function jsonValue(text: string | undefined): MetadataValue | null {
  if (typeof text !== 'string') return null;
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return null;
  }
}
