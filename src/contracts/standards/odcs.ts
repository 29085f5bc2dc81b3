/**
 * One output's contract as an ODCS v3.1.0 document, and such a document merged back into a
 * manifest. Pure: no I/O, no framework.
 *
 * What maps: the declared schema (properties one to one), the product SLA (freshness as `latency`,
 * the schedule as `frequency` with a cron scheduler), the output's quality rules, and the product's
 * own fields (name, domain, team, tags, description) with Gatehouse's custom properties (product,
 * tier, classification, personal data, bindings; the OpenLineage identity on the schema object).
 * Everything else an imported contract carries (servers, support, price, roles, other SLA
 * properties, other custom properties, property options and examples, …) is kept verbatim in the
 * output's `extensions.odcs`, and an export writes it back: import(export(m)) is m, and
 * export(import(c)) is c but for the fields Gatehouse sets itself (apiVersion, kind, version and
 * status come from the revision).
 */
import type { FieldError } from '../../common/errors/domain-error';
import { LOGICAL_TYPES, type DeclaredItems, type DeclaredProperty } from '../../catalog/manifest/declared-schema';
import type { DatasetIdentity, DeclaredOutput, JsonValue, Manifest, ManifestInput } from '../../catalog/manifest/manifest.schema';
import { parseIsoDuration } from '../../catalog/manifest/iso-duration';
import {
  contractId,
  CUSTOM,
  custom,
  emptyManifest,
  type ExportSource,
  identityCustomProperties,
  isClassification,
  isObject,
  isoDuration,
  type Json,
  latencyMs,
  latencyOf,
  productCustomProperties,
  productFieldsOf,
  productNameOf,
  readCustomProperties,
  sameJson,
  teamOf,
  versionOf,
  withProductFields,
} from './common';

export const ODCS_API_VERSION = 'v3.1.0';
/** The ODCS versions an import reads (3.0 and 3.2 differ from 3.1 only in fields kept verbatim). */
const READABLE = /^v3\.\d+\.\d+$/;

/** Root fields an export derives from the revision; an imported document's values are not kept. */
const DERIVED_ROOT = ['apiVersion', 'kind', 'version', 'status'];

/** Is this parsed document an ODCS contract? */
export const isOdcsDocument = (body: unknown): body is Json => isObject(body) && body.kind === 'DataContract';

/** The output's contract as ODCS v3.1.0 (a plain object, ready for YAML or JSON). */
export function exportContract(source: ExportSource, identity: DatasetIdentity): Json {
  const m = source.manifest;
  const output = m.spec.outputs.find((o) => o.namespace === identity.namespace && o.name === identity.name);
  if (!output) throw new Error(`${m.metadata.name} declares no output ${identity.namespace}/${identity.name}`);
  const kept = (isObject(output.extensions?.odcs) ? output.extensions.odcs : {}) as Json;
  const keptSchema = (isObject(kept.schema) ? kept.schema : {}) as Json;
  const keptProperties = (isObject(kept.properties) ? kept.properties : {}) as Record<string, Json>;

  const schemaObject: Json = {
    name: schemaObjectName(output.name),
    physicalName: output.name,
    physicalType: 'table',
    logicalType: 'object',
    ...without(keptSchema, ['properties', 'quality', 'customProperties']),
    ...(output.schema ? { properties: output.schema.map((p) => exportProperty(p, p.name, keptProperties)) } : {}),
    ...(output.quality ? { quality: output.quality } : {}),
    customProperties: [...identityCustomProperties(output), ...(Array.isArray(keptSchema.customProperties) ? keptSchema.customProperties : [])],
  };
  const description = { ...(isObject(kept.description) ? kept.description : {}), ...(m.spec.description ? { purpose: m.spec.description } : {}) };
  const sla = slaPropertiesOf(m);
  const keptSla = Array.isArray(kept.slaProperties) ? kept.slaProperties : [];
  const customProperties = [
    ...productCustomProperties(m),
    ...(m.spec.sla && isoDuration(parseIsoDuration(m.spec.sla.freshness) ?? 0) !== m.spec.sla.freshness ? [custom(CUSTOM.freshness, m.spec.sla.freshness)] : []),
    ...(Array.isArray(kept.customProperties) ? kept.customProperties : []),
  ];
  const own: Json = {
    apiVersion: ODCS_API_VERSION,
    kind: 'DataContract',
    id: contractIdOf(m, output),
    name: contractName(m, output),
    version: versionOf(source.revision),
    status: source.status,
    domain: m.metadata.domain,
    dataProduct: m.metadata.name,
    ...(m.metadata.tags.length > 0 ? { tags: m.metadata.tags } : {}),
    ...(Object.keys(description).length > 0 ? { description } : {}),
    team: teamOf(m),
    schema: [schemaObject],
    ...(sla.length + keptSla.length > 0 ? { slaProperties: [...sla, ...keptSla] } : {}),
    customProperties,
  };
  // Kept root fields come back: an imported contract's own id and name replace Gatehouse's, the rest follows.
  const extra = without(kept, ['schema', 'properties', 'description', 'slaProperties', 'customProperties', ...DERIVED_ROOT, ...PRODUCT_ROOT]);
  return { ...own, ...extra };
}

/** The id an output's contract is exported with: an imported contract's own id when it had one, else Gatehouse's. */
export function contractIdOf(m: Manifest, output: Manifest['spec']['outputs'][number]): string {
  const kept = isObject(output.extensions?.odcs) ? output.extensions.odcs : {};
  return typeof kept.id === 'string' ? kept.id : contractId(m.metadata.name, output);
}

const schemaObjectName = (datasetName: string) => datasetName.split('.').pop() || datasetName;
const contractName = (m: Manifest, output: DatasetIdentity) => `${m.metadata.title}: ${output.name}`;

function slaPropertiesOf(m: Manifest): Json[] {
  const sla = m.spec.sla;
  if (!sla) return [];
  return [
    { property: 'latency', ...latencyOf(sla.freshness) },
    ...(sla.schedule ? [{ property: 'frequency', value: sla.schedule, scheduler: 'cron', schedule: sla.schedule }] : []),
  ];
}

const PROPERTY_FIELDS = ['logicalType', 'physicalType', 'required', 'unique', 'primaryKey', 'classification', 'description'] as const;

function exportProperty(p: DeclaredItems & { name?: string }, path: string, kept: Record<string, Json>): Json {
  const extra = kept[path] ?? {};
  const out: Json = { ...(p.name !== undefined ? { name: p.name } : {}), ...without(extra, ['name', 'properties', 'items']) };
  for (const field of PROPERTY_FIELDS) if (p[field] !== undefined) out[field] = p[field];
  if (p.properties) out.properties = p.properties.map((c) => exportProperty(c, `${path}.${c.name}`, kept));
  if (p.items) out.items = exportProperty(p.items, `${path}._element`, kept);
  return out;
}

const without = (o: Json, keys: string[]): Json => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

// ---- import ----

export interface ContractImport {
  product: string;
  identity: DatasetIdentity;
  /** The contract's SLA when it declares one (`latency`/`freshness`, `frequency`). */
  sla?: { freshness: string; schedule?: string };
  /** Paths (from the contract's root) of what is kept verbatim in the output's `extensions.odcs`. */
  kept: string[];
  /** The contract's product fields that differ from the product's, which win (not applied, not kept). */
  differences: string[];
}

export type ImportOutcome = { ok: true; manifest: ManifestInput; contract: ContractImport } | { ok: false; errors: FieldError[] };

/** The product an ODCS contract belongs to: Gatehouse's custom property, else `dataProduct`. */
export function contractProduct(doc: Json): string | FieldError {
  return productNameOf(readCustomProperties(doc.customProperties, 'product').values, { field: 'dataProduct', value: doc.dataProduct });
}

/** The root fields that describe the product rather than the contract. */
const PRODUCT_ROOT = ['domain', 'team', 'tags', 'dataProduct'];

/**
 * Merges an ODCS contract into the manifest of the product it belongs to (`base`; null when nothing
 * else describes the product, which the contract's own product fields then do): the output it
 * describes gets its schema, quality rules and kept fields, the product its SLA. The output is
 * found by the OpenLineage identity in the schema object's custom properties, else by its
 * `physicalName`, else it is the product's only output; an identity the product does not have yet
 * adds the output. Field errors name the contract's fields.
 */
export function importContract(doc: Json, base: ManifestInput | null): ImportOutcome {
  const errors: FieldError[] = [];
  if (typeof doc.apiVersion !== 'string' || !READABLE.test(doc.apiVersion)) errors.push({ field: 'apiVersion', message: `must be an ODCS v3 version (${ODCS_API_VERSION} is written)` });
  const product = contractProduct(doc);
  if (typeof product !== 'string') errors.push(product);
  const schemas = Array.isArray(doc.schema) ? doc.schema : doc.schema === undefined ? [] : null;
  if (schemas === null) errors.push({ field: 'schema', message: 'must be a list of schema objects' });
  else if (schemas.length > 1) errors.push({ field: 'schema[1]', message: 'a Gatehouse contract describes one output: write one contract per schema object' });
  else if (schemas.length === 1 && !isObject(schemas[0])) errors.push({ field: 'schema[0]', message: 'must be a schema object' });
  if (errors.length > 0 || typeof product !== 'string') return { ok: false, errors };

  const rootCustom = readCustomProperties(doc.customProperties, 'product');
  let manifest: ManifestInput = base ? structuredClone(base) : withProductFields(emptyManifest(product), productFieldsOf(doc, rootCustom.values));
  const schemaObject = (schemas?.[0] ?? {}) as Json;
  const identity = outputOf(schemaObject, manifest);
  if ('field' in identity) return { ok: false, errors: [identity] };

  const kept: Json = {};
  const outputs = [...((manifest.spec.outputs ?? []) as Manifest['spec']['outputs'])];
  let index = outputs.findIndex((o) => o.namespace === identity.namespace && o.name === identity.name);
  if (index < 0) index = outputs.push({ namespace: identity.namespace, name: identity.name }) - 1;
  // The contract replaces what an earlier import kept of it.
  const output = { ...outputs[index] };
  if (output.extensions?.odcs !== undefined) {
    const { odcs: _replaced, ...others } = output.extensions;
    output.extensions = others;
  }

  // The schema object: its properties, quality and identity map; the rest is kept.
  if (Array.isArray(schemaObject.properties)) {
    const properties: Record<string, Json> = {};
    output.schema = schemaObject.properties.map((p, i) => importProperty(p, isObject(p) && typeof p.name === 'string' ? p.name : `[${i}]`, properties) as DeclaredProperty);
    if (Object.keys(properties).length > 0) kept.properties = properties;
  }
  if (Array.isArray(schemaObject.quality)) output.quality = schemaObject.quality as NonNullable<DeclaredOutput['quality']>;
  const derivedObject: Json = { name: schemaObjectName(identity.name), physicalName: identity.name, physicalType: 'table', logicalType: 'object' };
  const schemaRest: Json = {};
  for (const [key, value] of Object.entries(schemaObject)) {
    if (key === 'customProperties' || (key === 'properties' && Array.isArray(value)) || (key === 'quality' && Array.isArray(value))) continue;
    if (key in derivedObject && sameJson(derivedObject[key], value)) continue;
    schemaRest[key] = value;
  }
  const objectCustom = readCustomProperties(schemaObject.customProperties, 'identity');
  if (objectCustom.others.length > 0) schemaRest.customProperties = objectCustom.others;
  if (Object.keys(schemaRest).length > 0) kept.schema = schemaRest;

  // The SLA: latency (or freshness) and frequency map to the product's SLA, other properties are kept.
  const sla = importSla(doc.slaProperties, rootCustom.values, kept);
  if (sla.freshness !== undefined || sla.schedule !== undefined) {
    const current = manifest.spec.sla;
    const freshness = sla.freshness ?? current?.freshness;
    const schedule = sla.schedule ?? current?.schedule;
    if (freshness !== undefined) manifest = { ...manifest, spec: { ...manifest.spec, sla: { freshness, ...(schedule !== undefined ? { schedule } : {}) } } };
    else kept.slaProperties = [...((kept.slaProperties as unknown[]) ?? []), ...(Array.isArray(doc.slaProperties) ? doc.slaProperties.filter((e) => isObject(e) && e.property === 'frequency') : [])];
  }
  outputs[index] = output;
  manifest = { ...manifest, spec: { ...manifest.spec, outputs } };

  // Root fields, against what an export of the merged manifest says: the contract's own that differ are kept, the product's are reported.
  const comparable = exportContract({ manifest: asManifest(manifest), revision: 1, status: 'active' }, identity);
  const differences: string[] = [];
  if (isObject(doc.description)) {
    const rest = without(doc.description, ['purpose']);
    if (Object.keys(rest).length > 0) kept.description = rest;
    if (doc.description.purpose !== undefined && doc.description.purpose !== (manifest.spec.description ?? '')) differences.push('description.purpose');
  }
  const exportedCustom = readCustomProperties(comparable.customProperties, 'product').values;
  for (const [property, value] of rootCustom.values) {
    if (property !== CUSTOM.freshness && !sameJson(exportedCustom.get(property), value)) differences.push(`customProperties.${property}`);
  }
  if (rootCustom.others.length > 0) kept.customProperties = rootCustom.others;
  for (const [key, value] of Object.entries(doc)) {
    if (['schema', 'description', 'slaProperties', 'customProperties', ...DERIVED_ROOT].includes(key) || sameJson(comparable[key], value)) continue;
    if (PRODUCT_ROOT.includes(key)) differences.push(key);
    else kept[key] = value;
  }

  const extensions = { ...(output.extensions ?? {}) };
  delete extensions.odcs;
  if (Object.keys(kept).length > 0) extensions.odcs = kept as JsonValue;
  const merged = { ...output, extensions };
  if (Object.keys(extensions).length === 0) delete (merged as Partial<typeof merged>).extensions;
  outputs[index] = merged;
  manifest = { ...manifest, spec: { ...manifest.spec, outputs } };
  const contractSla = manifest.spec.sla && (sla.freshness !== undefined || sla.schedule !== undefined) ? manifest.spec.sla : undefined;
  return { ok: true, manifest, contract: { product, identity, ...(contractSla ? { sla: contractSla } : {}), kept: keptPaths(kept), differences } };
}

/** The manifest as the export reads it (defaults an input may still leave out filled in). */
function asManifest(m: ManifestInput): Manifest {
  return {
    ...m,
    metadata: { stewards: [], tags: [], ...m.metadata },
    spec: { description: '', outputs: [], bindings: [], ...m.spec },
  } as Manifest;
}

function outputOf(schemaObject: Json, manifest: ManifestInput): DatasetIdentity | FieldError {
  const ids = readCustomProperties(schemaObject.customProperties, 'identity').values;
  const [namespace, name] = [ids.get(CUSTOM.namespace), ids.get(CUSTOM.name)];
  if (typeof namespace === 'string' && typeof name === 'string') return { namespace, name };
  const outputs = (manifest.spec.outputs ?? []) as DatasetIdentity[];
  const physical = typeof schemaObject.physicalName === 'string' ? schemaObject.physicalName : undefined;
  const matching = physical === undefined ? [] : outputs.filter((o) => o.name === physical || o.name.endsWith(`.${physical}`));
  const only = matching.length === 1 ? matching[0] : matching.length === 0 && outputs.length === 1 ? outputs[0] : undefined;
  if (only) return { namespace: only.namespace, name: only.name };
  return {
    field: 'schema[0].customProperties',
    message: `names no single output of ${manifest.metadata.name}: add the custom properties ${CUSTOM.namespace} and ${CUSTOM.name} (the output's OpenLineage dataset)`,
  };
}

/** A property's mapped fields; what Gatehouse does not model (or cannot read) is kept under its dotted path. */
function importProperty(p: unknown, path: string, kept: Record<string, Json>, named = true): DeclaredItems & { name?: string } {
  if (!isObject(p)) return p as DeclaredProperty;
  const out: Json = {};
  const rest: Json = {};
  for (const [key, value] of Object.entries(p)) {
    if (key === 'name' && named) out.name = value;
    else if ((key === 'properties' && Array.isArray(value)) || (key === 'items' && isObject(value))) continue;
    else if (mappable(key, value)) out[key] = value;
    else rest[key] = value;
  }
  if (Array.isArray(p.properties)) out.properties = p.properties.map((c, i) => importProperty(c, `${path}.${isObject(c) && typeof c.name === 'string' ? c.name : `[${i}]`}`, kept));
  if (isObject(p.items)) out.items = importProperty(p.items, `${path}._element`, kept, false);
  if (Object.keys(rest).length > 0) kept[path] = rest;
  return out as DeclaredItems & { name?: string };
}

function mappable(key: string, value: unknown): boolean {
  switch (key) {
    case 'logicalType':
      return (LOGICAL_TYPES as readonly unknown[]).includes(value);
    case 'physicalType':
    case 'description':
      return typeof value === 'string';
    case 'required':
    case 'unique':
    case 'primaryKey':
      return typeof value === 'boolean';
    case 'classification':
      return isClassification(value);
    default:
      return false;
  }
}

function importSla(value: unknown, customs: Map<string, unknown>, kept: Json): { freshness?: string; schedule?: string } {
  const found: { freshness?: string; schedule?: string } = {};
  const rest: unknown[] = [];
  for (const entry of Array.isArray(value) ? value : []) {
    const e = isObject(entry) ? entry : {};
    const only = (allowed: string[]) => Object.keys(e).every((k) => allowed.includes(k));
    if ((e.property === 'latency' || e.property === 'freshness') && found.freshness === undefined && only(['property', 'value', 'unit'])) {
      const ms = latencyMs(e.value, e.unit);
      if (ms !== undefined) {
        const spelled = customs.get(CUSTOM.freshness);
        found.freshness = typeof spelled === 'string' && parseIsoDuration(spelled) === ms ? spelled : isoDuration(ms);
        continue;
      }
    }
    const cron = e.scheduler === undefined || e.scheduler === 'cron';
    if (e.property === 'frequency' && found.schedule === undefined && typeof e.schedule === 'string' && cron && (e.value === undefined || e.value === e.schedule) && only(['property', 'value', 'scheduler', 'schedule'])) {
      found.schedule = e.schedule;
      continue;
    }
    rest.push(entry);
  }
  if (rest.length > 0) kept.slaProperties = rest;
  return found;
}

function keptPaths(kept: Json): string[] {
  return Object.entries(kept).flatMap(([key, value]) => {
    if (key === 'properties' && isObject(value)) return Object.entries(value).flatMap(([path, fields]) => Object.keys(fields as Json).map((f) => `schema[0].properties ${path}: ${f}`));
    if (key === 'schema' && isObject(value)) return Object.keys(value).map((f) => `schema[0].${f}`);
    return [key];
  });
}
