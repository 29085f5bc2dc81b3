import { canonicalJson } from '../../common/canonical-json';
import type { FieldError } from '../../common/errors/domain-error';
import { parseIsoDuration } from '../../catalog/manifest/iso-duration';
import { CLASSIFICATIONS, SLUG, type Binding, type Manifest, type ManifestInput } from '../../catalog/manifest/manifest.schema';

/** A JSON object as the standards' documents hold them. */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** What an export needs besides the manifest: the revision it comes from and the product's lifecycle state. */
export interface ExportSource {
  manifest: Manifest;
  revision: number;
  status: 'active' | 'retired';
}

/** A standard's `version` for a revision: the revision is the major version (a breaking change needs a new revision). */
export const versionOf = (revision: number) => `${revision}.0.0`;

/** The id an ODPS document of a product carries. */
export const productDocumentId = (product: string) => `urn:gatehouse:data-product:${product}`;

/** The id of the ODCS contract of one output: stable across revisions, unique per product and OpenLineage identity. */
export const contractId = (product: string, output: { namespace: string; name: string }) => `urn:gatehouse:contract:${product}:${output.namespace}/${output.name}`;

/**
 * Custom properties carrying what the standards have no field for. The product's travel on both
 * an ODPS document and each ODCS contract, the OpenLineage identity on an ODCS schema object and
 * an ODPS output port.
 */
export const CUSTOM = {
  product: 'gatehouseProduct',
  tier: 'gatehouseTier',
  classification: 'gatehouseClassification',
  containsPii: 'gatehouseContainsPii',
  bindings: 'gatehouseBindings',
  freshness: 'gatehouseFreshness',
  schedule: 'gatehouseSchedule',
  namespace: 'openlineageNamespace',
  name: 'openlineageName',
} as const;
const GATEHOUSE_PRODUCT_PROPERTIES: string[] = [CUSTOM.product, CUSTOM.tier, CUSTOM.classification, CUSTOM.containsPii, CUSTOM.bindings, CUSTOM.freshness, CUSTOM.schedule];
const IDENTITY_PROPERTIES: string[] = [CUSTOM.namespace, CUSTOM.name];

export const custom = (property: string, value: unknown) => ({ property, value });

/** The product-level custom properties of an export. */
export function productCustomProperties(m: Manifest): Json[] {
  return [
    custom(CUSTOM.product, m.metadata.name),
    custom(CUSTOM.tier, m.spec.tier),
    custom(CUSTOM.classification, m.spec.classification),
    custom(CUSTOM.containsPii, m.spec.containsPii),
    ...(m.spec.bindings.length > 0 ? [custom(CUSTOM.bindings, m.spec.bindings)] : []),
  ];
}

export const identityCustomProperties = (o: { namespace: string; name: string }) => [custom(CUSTOM.namespace, o.namespace), custom(CUSTOM.name, o.name)];

/** `customProperties` as a map, and the entries that are not Gatehouse's (kept as they are). */
export function readCustomProperties(value: unknown, own: 'product' | 'identity' | 'both'): { values: Map<string, unknown>; others: unknown[] } {
  const names = own === 'product' ? GATEHOUSE_PRODUCT_PROPERTIES : own === 'identity' ? IDENTITY_PROPERTIES : [...GATEHOUSE_PRODUCT_PROPERTIES, ...IDENTITY_PROPERTIES];
  const values = new Map<string, unknown>();
  const others: unknown[] = [];
  for (const entry of Array.isArray(value) ? value : []) {
    if (isObject(entry) && typeof entry.property === 'string' && names.includes(entry.property) && !values.has(entry.property)) values.set(entry.property, entry.value);
    else others.push(entry);
  }
  return { values, others };
}

/** The owning team and stewards as an ODCS 3.1 / ODPS 1.0 team. */
export function teamOf(m: Manifest): Json {
  return {
    name: m.metadata.owner,
    members: [{ username: m.metadata.owner, role: 'owner' }, ...m.metadata.stewards.map((username) => ({ username, role: 'steward' }))],
  };
}

/** The product's own fields a standard's document describes (ODPS, or an ODCS contract when nothing else names the product). */
export interface ProductFields {
  metadata: Partial<ManifestInput['metadata']>;
  spec: Partial<Pick<ManifestInput['spec'], 'description' | 'tier' | 'classification' | 'containsPii' | 'bindings' | 'sla'>>;
}

/** Reads the product's fields from a document's root (name, domain, tags, team, description.purpose, Gatehouse's custom properties). */
export function productFieldsOf(doc: Json, customs: Map<string, unknown>): ProductFields {
  const metadata: ProductFields['metadata'] = {};
  const spec: ProductFields['spec'] = {};
  if (typeof doc.name === 'string') metadata.title = doc.name;
  if (typeof doc.domain === 'string') metadata.domain = doc.domain;
  if (Array.isArray(doc.tags)) metadata.tags = doc.tags as string[];
  const members = teamMembers(doc.team);
  const owner = members.find((m) => m.role === 'owner')?.username ?? (isObject(doc.team) && typeof doc.team.name === 'string' ? doc.team.name : undefined);
  if (owner !== undefined) metadata.owner = owner;
  if (doc.team !== undefined) metadata.stewards = members.filter((m) => m.role === 'steward').map((m) => m.username);
  if (isObject(doc.description) && typeof doc.description.purpose === 'string') spec.description = doc.description.purpose;
  if (customs.has(CUSTOM.tier)) spec.tier = customs.get(CUSTOM.tier) as number;
  if (customs.has(CUSTOM.classification)) spec.classification = customs.get(CUSTOM.classification) as Manifest['spec']['classification'];
  if (customs.has(CUSTOM.containsPii)) spec.containsPii = customs.get(CUSTOM.containsPii) as boolean;
  if (customs.has(CUSTOM.bindings)) spec.bindings = customs.get(CUSTOM.bindings) as Binding[];
  return { metadata, spec };
}

function teamMembers(team: unknown): { username: string; role?: string }[] {
  // ODCS 3.1 and ODPS 1.0: an object with members; ODCS before 3.1: the array of members.
  const members = isObject(team) ? team.members : team;
  return (Array.isArray(members) ? members : []).flatMap((m) =>
    isObject(m) && typeof m.username === 'string' ? [{ username: m.username, role: typeof m.role === 'string' ? normaliseRole(m.role) : undefined }] : [],
  );
}

/** Roles are free text in both standards: owner / data owner / product owner, steward / data steward. */
function normaliseRole(role: string): string {
  const r = role.toLowerCase().replace(/[\s_-]+/g, '');
  if (r === 'owner' || r === 'dataowner' || r === 'productowner') return 'owner';
  if (r === 'steward' || r === 'datasteward') return 'steward';
  return role;
}

/** The name of the product a document belongs to: Gatehouse's custom property, else `fallback` when it is a product name. */
export function productNameOf(customs: Map<string, unknown>, fallback: { field: string; value: unknown }): string | FieldError {
  const named = customs.get(CUSTOM.product);
  if (typeof named === 'string' && SLUG.test(named)) return named;
  if (named !== undefined) return { field: 'customProperties', message: `${CUSTOM.product} must be a product name (lower-case letters, digits and dashes)` };
  if (typeof fallback.value === 'string' && SLUG.test(fallback.value)) return fallback.value;
  return { field: 'customProperties', message: `names no Gatehouse product: add the custom property ${CUSTOM.product}, or set ${fallback.field} to the product's name` };
}

/** Applies product fields over a manifest (the document's values win). */
export function withProductFields(base: ManifestInput, fields: ProductFields): ManifestInput {
  return { ...base, metadata: { ...base.metadata, ...fields.metadata }, spec: { ...base.spec, ...fields.spec } };
}

/** A minimal manifest to merge a document's fields into when nothing else describes the product. */
export function emptyManifest(name: string): ManifestInput {
  return { apiVersion: 'gatehouse/v1', kind: 'DataProduct', metadata: { name } as ManifestInput['metadata'], spec: { outputs: [] } as unknown as ManifestInput['spec'] };
}

export const isClassification = (v: unknown): v is Manifest['spec']['classification'] => (CLASSIFICATIONS as readonly unknown[]).includes(v);

// ---- SLA ----

const UNITS: [string, number, RegExp][] = [
  ['d', 86_400_000, /^(d|days?)$/i],
  ['h', 3_600_000, /^(h|hrs?|hours?)$/i],
  ['m', 60_000, /^(m|min|mins|minutes?)$/i],
  ['s', 1000, /^(s|secs?|seconds?)$/i],
];
const WEEK = /^(w|wk|weeks?)$/i;

/** Freshness (an ISO 8601 duration) as ODCS `latency`: a whole number in the largest unit that divides it. */
export function latencyOf(freshness: string): { value: number; unit: string } {
  const ms = parseIsoDuration(freshness) ?? 0;
  const [unit, size] = UNITS.find(([, size]) => ms % size === 0) ?? ['s', 1000];
  return { value: unit === 's' ? ms / 1000 : ms / size, unit };
}

/** An ODCS latency/freshness value and unit in milliseconds (`4`+`d`, `"1h"`, `"PT6H"`), or undefined when it cannot be read. */
export function latencyMs(value: unknown, unit: unknown): number | undefined {
  if (typeof value === 'string') {
    const iso = parseIsoDuration(value.trim());
    if (iso !== undefined) return iso > 0 ? iso : undefined;
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)?$/i.exec(value.trim());
    if (!m) return undefined;
    return latencyMs(Number(m[1]), m[2] ?? unit);
  }
  if (typeof value !== 'number' || !(value > 0)) return undefined;
  const u = typeof unit === 'string' ? unit.trim() : 'd';
  if (WEEK.test(u)) return value * 7 * 86_400_000;
  const size = UNITS.find(([, , pattern]) => pattern.test(u))?.[1];
  return size === undefined ? undefined : value * size;
}

/** Milliseconds as the shortest ISO 8601 duration of days, hours, minutes and seconds. */
export function isoDuration(ms: number): string {
  let s = Math.round(ms / 1000);
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}` || 'PT0S';
}
