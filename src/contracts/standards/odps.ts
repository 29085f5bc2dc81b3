/**
 * A product as an ODPS v1.0.0 document (Bitol's Open Data Product Standard), and such a document
 * merged back into a manifest. Pure: no I/O, no framework.
 *
 * ODPS has no schema, quality, SLA or servers: those live in the ODCS contract behind each output
 * port, which `contractId` names (odcs.ts). What maps: name, domain, tags, team, description.purpose,
 * Gatehouse's custom properties (product, tier, classification, personal data, bindings, freshness
 * and schedule), and one output port per output with its OpenLineage identity in the port's custom
 * properties. Everything else (input and management ports, support, other custom properties, a
 * port's description, sbom, input contracts, …) is kept verbatim in `spec.extensions.odps` and each
 * output's `extensions.odpsPort`, and an export writes it back.
 */
import type { FieldError } from '../../common/errors/domain-error';
import type { DeclaredOutput, JsonValue, Manifest, ManifestInput } from '../../catalog/manifest/manifest.schema';
import {
  CUSTOM,
  custom,
  emptyManifest,
  type ExportSource,
  identityCustomProperties,
  isObject,
  type Json,
  productCustomProperties,
  productDocumentId,
  productFieldsOf,
  productNameOf,
  readCustomProperties,
  sameJson,
  teamOf,
  versionOf,
  withProductFields,
} from './common';
import { contractIdOf } from './odcs';

export const ODPS_API_VERSION = 'v1.0.0';
const READABLE = ['v1.0.0', 'v0.9.0'];
const DERIVED_ROOT = ['apiVersion', 'kind', 'version', 'status'];
const MAPPED_ROOT = ['id', 'name', 'domain', 'tags', 'team', 'description', 'customProperties', 'outputPorts'];
const MAPPED_PORT = ['name', 'version', 'contractId', 'customProperties'];

/** Is this parsed document an ODPS product (not a Gatehouse manifest, whose kind is the same)? */
export const isOdpsDocument = (body: unknown): body is Json =>
  isObject(body) && body.kind === 'DataProduct' && typeof body.apiVersion === 'string' && /^v\d+\.\d+\.\d+$/.test(body.apiVersion);

/** The product as ODPS v1.0.0 (a plain object, ready for YAML or JSON). */
export function exportProduct(source: ExportSource): Json {
  const m = source.manifest;
  const kept = (isObject(m.spec.extensions?.odps) ? m.spec.extensions.odps : {}) as Json;
  const version = versionOf(source.revision);
  const description = { ...(isObject(kept.description) ? kept.description : {}), ...(m.spec.description ? { purpose: m.spec.description } : {}) };
  const outputPorts = m.spec.outputs.map((o) => {
    const port = (isObject(o.extensions?.odpsPort) ? o.extensions.odpsPort : {}) as Json;
    return {
      name: o.name,
      version,
      contractId: contractIdOf(m, o),
      ...without(port, [...MAPPED_PORT]),
      customProperties: [...identityCustomProperties(o), ...(Array.isArray(port.customProperties) ? port.customProperties : [])],
    };
  });
  const customProperties = [
    ...productCustomProperties(m),
    ...(m.spec.sla ? [custom(CUSTOM.freshness, m.spec.sla.freshness), ...(m.spec.sla.schedule ? [custom(CUSTOM.schedule, m.spec.sla.schedule)] : [])] : []),
    ...(Array.isArray(kept.customProperties) ? kept.customProperties : []),
  ];
  return {
    apiVersion: ODPS_API_VERSION,
    kind: 'DataProduct',
    id: typeof kept.id === 'string' ? kept.id : productDocumentId(m.metadata.name),
    name: m.metadata.title,
    version,
    status: source.status,
    domain: m.metadata.domain,
    ...(m.metadata.tags.length > 0 ? { tags: m.metadata.tags } : {}),
    ...(Object.keys(description).length > 0 ? { description } : {}),
    team: teamOf(m),
    ...without(kept, [...MAPPED_ROOT, ...DERIVED_ROOT]),
    outputPorts,
    customProperties,
  };
}

const without = (o: Json, keys: string[]): Json => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

export type ProductImportOutcome =
  | { ok: true; manifest: ManifestInput; product: string; kept: string[]; differences: string[] }
  | { ok: false; errors: FieldError[] };

/** The product an ODPS document describes: Gatehouse's custom property, else its `id` when that is a product name. */
export function odpsProduct(doc: Json): string | FieldError {
  return productNameOf(readCustomProperties(doc.customProperties, 'product').values, { field: 'id', value: doc.id });
}

/**
 * Merges an ODPS document into a product's manifest (`base`, or null for a new product): the
 * product's fields become the document's, and its outputs are the output ports (an output already
 * declared keeps its schema, quality and ODCS fields). Field errors name the document's fields.
 */
export function importProduct(doc: Json, base: ManifestInput | null): ProductImportOutcome {
  const errors: FieldError[] = [];
  if (typeof doc.apiVersion !== 'string' || !READABLE.includes(doc.apiVersion)) errors.push({ field: 'apiVersion', message: `must be an ODPS version (${READABLE.join(' or ')})` });
  const product = odpsProduct(doc);
  if (typeof product !== 'string') errors.push(product);
  const ports = Array.isArray(doc.outputPorts) ? doc.outputPorts : doc.outputPorts === undefined ? [] : null;
  if (ports === null) errors.push({ field: 'outputPorts', message: 'must be a list of output ports' });
  const outputs: DeclaredOutput[] = [];
  const previous = (base?.spec.outputs ?? []) as DeclaredOutput[];
  (ports ?? []).forEach((port, i) => {
    const p = isObject(port) ? port : {};
    const ids = readCustomProperties(p.customProperties, 'identity');
    const [namespace, name] = [ids.values.get(CUSTOM.namespace), ids.values.get(CUSTOM.name) ?? p.name];
    if (typeof namespace !== 'string' || typeof name !== 'string') {
      errors.push({ field: `outputPorts[${i}].customProperties`, message: `must name the output's OpenLineage dataset (${CUSTOM.namespace}, and ${CUSTOM.name} unless the port's name is the dataset name)` });
      return;
    }
    const existing = previous.find((o) => o.namespace === namespace && o.name === name);
    const rest: Json = without(p, MAPPED_PORT);
    if (ids.values.get(CUSTOM.name) !== undefined && p.name !== name) rest.name = p.name;
    if (ids.others.length > 0) rest.customProperties = ids.others;
    const extensions: Record<string, JsonValue> = { ...(existing?.extensions ?? {}) };
    delete extensions.odpsPort;
    if (Object.keys(rest).length > 0) extensions.odpsPort = rest as JsonValue;
    const output: DeclaredOutput = { ...(existing ?? {}), namespace, name };
    if (Object.keys(extensions).length > 0) output.extensions = extensions;
    else delete output.extensions;
    outputs.push(output);
  });
  if (errors.length > 0 || typeof product !== 'string') return { ok: false, errors };

  const rootCustom = readCustomProperties(doc.customProperties, 'product');
  let manifest = withProductFields(base ? structuredClone(base) : emptyManifest(product), productFieldsOf(doc, rootCustom.values));
  const freshness = rootCustom.values.get(CUSTOM.freshness);
  const schedule = rootCustom.values.get(CUSTOM.schedule);
  if (typeof freshness === 'string') manifest.spec.sla = { freshness, ...(typeof schedule === 'string' ? { schedule } : {}) };
  manifest = { ...manifest, spec: { ...manifest.spec, outputs } };

  const kept: Json = {};
  const exported = exportProduct({ manifest: asManifest(manifest), revision: 1, status: 'active' });
  // Mapped fields that still differ (a team member who is neither owner nor steward) are reported; the rest is kept.
  const differences: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (DERIVED_ROOT.includes(key) || ['description', 'customProperties', 'outputPorts'].includes(key) || sameJson(exported[key], value)) continue;
    if (['name', 'domain', 'tags', 'team'].includes(key)) differences.push(key);
    else kept[key] = value;
  }
  if (isObject(doc.description)) {
    const rest = without(doc.description, ['purpose']);
    if (Object.keys(rest).length > 0) kept.description = rest;
  }
  if (rootCustom.others.length > 0) kept.customProperties = rootCustom.others;
  const extensions: Record<string, JsonValue> = { ...(manifest.spec.extensions ?? {}) };
  delete extensions.odps;
  if (Object.keys(kept).length > 0) extensions.odps = kept as JsonValue;
  const spec = { ...manifest.spec, extensions };
  if (Object.keys(extensions).length === 0) delete (spec as Partial<typeof spec>).extensions;
  const portsKept = outputs.flatMap((o, i) => (isObject(o.extensions?.odpsPort) ? Object.keys(o.extensions.odpsPort).map((k) => `outputPorts[${i}].${k}`) : []));
  return { ok: true, manifest: { ...manifest, spec }, product, kept: [...Object.keys(kept), ...portsKept], differences };
}

function asManifest(m: ManifestInput): Manifest {
  return { ...m, metadata: { stewards: [], tags: [], ...m.metadata }, spec: { description: '', outputs: [], bindings: [], ...m.spec } } as Manifest;
}
