import type { Facets } from '../openlineage/openlineage.types';

/** A column of a dataset as the lineage view lists it. */
export interface DatasetField {
  /** Nested fields are named by their path: `address.city`, `items._element.sku`. */
  name: string;
  type: string | null;
  description: string | null;
}

interface FacetField {
  name?: unknown;
  type?: unknown;
  description?: unknown;
  fields?: unknown;
}

/** The `schema` facet's fields, nested ones flattened after their parent; [] without a usable facet. */
export function datasetFields(facets: Facets): DatasetField[] {
  const schema = (facets as Record<string, { fields?: unknown } | undefined>).schema;
  const out: DatasetField[] = [];
  const visit = (fields: unknown, prefix: string) => {
    if (!Array.isArray(fields)) return;
    for (const f of fields as FacetField[]) {
      if (!f || typeof f.name !== 'string') continue;
      const name = prefix + f.name;
      out.push({ name, type: typeof f.type === 'string' ? f.type : null, description: typeof f.description === 'string' ? f.description : null });
      visit(f.fields, `${name}.`);
    }
  };
  visit(schema?.fields, '');
  return out;
}
