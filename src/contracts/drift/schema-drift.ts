import type { DeclaredItems, DeclaredProperty, LogicalType } from '../../catalog/manifest/declared-schema';

/** A field as an OpenLineage `schema` facet reports it (every facet version: 1-0-x has no nested fields). */
export interface ObservedField {
  name: string;
  type?: string;
  fields?: ObservedField[];
}

/** One disagreement between the declared and the observed schema of an output. */
export interface DriftFinding {
  /** `missing`: declared, not observed; `type`: the types differ; `undeclared`: observed, not declared. */
  kind: 'missing' | 'type' | 'undeclared';
  /** Dotted path (array items are `_element`, as the facet names them). */
  field: string;
  /** The declared type (physical if declared, else logical); null when the field is not declared. */
  declared: string | null;
  /** The observed type; null when the field is not observed. */
  observed: string | null;
}

/**
 * The logical type of a type as engines and the facet spell it, or null when it is not one we
 * can tell (then only a declared physical type is compared).
 */
export function logicalTypeOf(type: string): LogicalType | null {
  const t = type.trim().toLowerCase().replace(/\s*\(.*$/s, '').replace(/<.*$/s, '');
  if (/^(tinyint|smallint|int|int2|int4|int8|int16|int32|int64|integer|bigint|long|short|byte|serial|bigserial|uint\d*)$/.test(t)) return 'integer';
  if (/^(decimal|numeric|number|float|float4|float8|float32|float64|double|double precision|real|bignumeric)$/.test(t)) return 'number';
  if (/^(varchar|char|character|character varying|nvarchar|nchar|text|string|str|uuid|json|jsonb|bpchar|citext)$/.test(t)) return 'string';
  if (/^(bool|boolean)$/.test(t)) return 'boolean';
  if (t === 'date') return 'date';
  if (/^(timestamp|timestamptz|timestamp_ntz|timestamp_ltz|timestamp_tz|datetime|timestamp with time zone|timestamp without time zone)$/.test(t)) return 'timestamp';
  if (/^(time|timetz|time with time zone|time without time zone)$/.test(t)) return 'time';
  if (/^(struct|row|record|object|map)$/.test(t)) return 'object';
  if (/^(array|list|repeated)$/.test(t)) return 'array';
  return null;
}

const normalised = (type: string) => type.replace(/\s+/g, '').toUpperCase();

/**
 * Where an observed schema disagrees with the declared one, level by level, by field name: a
 * declared field not observed, a type that differs (the declared physical type against the
 * observed one, else the declared logical type against the observed type's), an observed field
 * not declared. A field whose observed type cannot be told apart is not called drifting.
 */
export function schemaDrift(declared: DeclaredProperty[], observed: ObservedField[], prefix = ''): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const seen = new Map(observed.map((f) => [f.name, f]));
  const names = new Set(declared.map((p) => p.name));
  for (const property of declared) {
    const path = `${prefix}${property.name}`;
    const field = seen.get(property.name);
    if (!field) findings.push({ kind: 'missing', field: path, declared: declaredType(property), observed: null });
    else findings.push(...compare(property, field, path));
  }
  for (const field of observed) {
    if (!names.has(field.name)) findings.push({ kind: 'undeclared', field: `${prefix}${field.name}`, declared: null, observed: field.type ?? null });
  }
  return findings;
}

function compare(property: DeclaredItems, field: ObservedField, path: string): DriftFinding[] {
  const findings: DriftFinding[] = [];
  if (field.type) {
    const differs = property.physicalType
      ? normalised(property.physicalType) !== normalised(field.type) && !(isContainer(property) && logicalTypeOf(field.type) === property.logicalType)
      : property.logicalType !== undefined && logicalTypeOf(field.type) !== null && logicalTypeOf(field.type) !== property.logicalType;
    if (differs) findings.push({ kind: 'type', field: path, declared: declaredType(property), observed: field.type });
  }
  if (property.properties) findings.push(...schemaDrift(property.properties, field.fields ?? [], `${path}.`));
  if (property.items) {
    const element = (field.fields ?? []).find((f) => f.name === '_element');
    // a facet that does not spell out the element (no nested fields) cannot show drift in it
    if (element) findings.push(...compare(property.items, element, `${path}._element`));
  }
  return findings;
}

/** Objects and arrays are compared by their members; `STRUCT<…>` spelled differently is not drift. */
const isContainer = (p: DeclaredItems) => p.logicalType === 'object' || p.logicalType === 'array';

function declaredType(p: DeclaredItems): string | null {
  return p.physicalType ?? p.logicalType ?? null;
}

/**
 * The fields of a `schema` facet as sent, or null when it holds none we can read (a facet marked
 * `_deleted`, or not a schema facet). Fields without a string name are skipped.
 */
export function observedFields(facet: unknown): ObservedField[] | null {
  if (typeof facet !== 'object' || facet === null || (facet as { _deleted?: unknown })._deleted === true) return null;
  const fields = (facet as { fields?: unknown }).fields;
  return Array.isArray(fields) ? readFields(fields, 0) : null;
}

function readFields(fields: unknown[], depth: number): ObservedField[] {
  return fields.flatMap((f) => {
    if (typeof f !== 'object' || f === null || typeof (f as { name?: unknown }).name !== 'string') return [];
    const { name, type, fields: nested } = f as { name: string; type?: unknown; fields?: unknown };
    return [{ name, ...(typeof type === 'string' ? { type } : {}), ...(Array.isArray(nested) && depth < 20 ? { fields: readFields(nested, depth + 1) } : {}) }];
  });
}
