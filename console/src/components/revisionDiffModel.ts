import type { components } from '../api/schema';

/**
 * Turns the API's structural diff of two manifests (`GET …/diff`: dotted paths, arrays of
 * objects by index, arrays of scalars as one value) into what a reviewer reads: changes grouped
 * by area, each with a label and its before and after, lists as added and removed items, and
 * the changes that matter for governance flagged. Pure: RevisionDiff renders it, tests check it.
 */

export type ManifestChange = components['schemas']['ManifestChange'];
export type Manifest = components['schemas']['Manifest'];
type Output = Manifest['spec']['outputs'][number];
type Binding = Manifest['spec']['bindings'][number];

export type ChangeOp = ManifestChange['op'];

export type AreaId = 'ownership' | 'classification' | 'sla' | 'outputs' | 'bindings' | 'metadata';

export const AREAS: readonly { id: AreaId; label: string }[] = [
  { id: 'ownership', label: 'Ownership' },
  { id: 'classification', label: 'Classification & privacy' },
  { id: 'sla', label: 'SLA' },
  { id: 'outputs', label: 'Outputs' },
  { id: 'bindings', label: 'Bindings' },
  { id: 'metadata', label: 'Description & metadata' },
];

export const OP_LABELS: Record<ChangeOp, string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** Items of a list of scalars (stewards, tags, asset keys) that were added, removed or kept. */
export interface ListChange {
  added: string[];
  removed: string[];
  kept: string[];
}

export interface DiffItem {
  /** Unique within the diff. */
  key: string;
  op: ChangeOp;
  /** What changed, in words: "Owner", "SLA freshness", "Output". */
  field: string;
  /** The manifest path, for those who read paths. */
  path: string;
  /** Before and after as text (absent for an added or a removed value respectively). */
  before?: string;
  after?: string;
  /** For lists of scalars: the items added and removed. */
  list?: ListChange;
  /** Set when the change is governance-relevant (see `flags`). */
  flag?: FlagKind;
}

export type FlagKind = 'owner-changed' | 'classification-raised' | 'classification-lowered' | 'pii-on' | 'pii-off' | 'output-removed' | 'sla-loosened' | 'sla-removed';

export interface Flag {
  kind: FlagKind;
  /** One sentence: "Owner changed: team:a → team:b". */
  message: string;
}

export interface DiffGroup {
  area: AreaId;
  label: string;
  items: DiffItem[];
}

export interface DescribedDiff {
  groups: DiffGroup[];
  flags: Flag[];
  /** Number of items shown. */
  count: number;
}

const FIELD_LABELS: Record<string, string> = {
  apiVersion: 'API version',
  kind: 'Kind',
  'metadata.name': 'Name',
  'metadata.title': 'Title',
  'metadata.domain': 'Domain',
  'metadata.owner': 'Owner',
  'metadata.stewards': 'Stewards',
  'metadata.tags': 'Tags',
  'spec.description': 'Description',
  'spec.tier': 'Tier',
  'spec.classification': 'Classification',
  'spec.containsPii': 'Contains personal data (PII)',
  'spec.sla': 'SLA',
  'spec.sla.freshness': 'SLA freshness',
  'spec.sla.schedule': 'SLA schedule',
  'spec.outputs': 'Outputs',
  'spec.bindings': 'Bindings',
};

const CLASSIFICATION_RANK: Record<string, number> = { public: 0, internal: 1, confidential: 2, restricted: 3 };

/** The area a manifest path belongs to. */
export function areaOf(path: string): AreaId {
  if (path === 'metadata.owner' || path === 'metadata.stewards') return 'ownership';
  if (path === 'spec.classification' || path === 'spec.containsPii') return 'classification';
  if (path === 'spec.sla' || path.startsWith('spec.sla.')) return 'sla';
  if (/^spec\.outputs(?:$|[.[])/.test(path)) return 'outputs';
  if (/^spec\.bindings(?:$|[.[])/.test(path)) return 'bindings';
  return 'metadata';
}

/** Whether showing this diff well needs the two manifests (outputs and bindings are compared as sets). */
export function needsManifests(changes: readonly ManifestChange[]): boolean {
  return changes.some((c) => {
    const area = areaOf(c.path);
    return area === 'outputs' || area === 'bindings';
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isScalarList = (v: unknown): v is (string | number | boolean | null)[] => Array.isArray(v) && v.every(isScalar);

export function outputLabel(o: Output | Record<string, unknown>): string {
  return `${String(o.name)} (${String(o.namespace)})`;
}

export function bindingLabel(b: Binding | Record<string, unknown>): string {
  const on = `on ${String(b.orchestrator)}`;
  if ('dag' in b && b.dag !== undefined) return `DAG ${String(b.dag)}${'task' in b && b.task ? `, task ${String(b.task)}` : ''} ${on}`;
  if ('asset' in b && Array.isArray(b.asset)) return `asset ${b.asset.join('/')} ${on}`;
  return JSON.stringify(b);
}

/** A value as a reviewer reads it. */
export function formatValue(value: unknown, path = ''): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (isScalarList(value)) return value.length ? value.map((v) => formatValue(v)).join(', ') : '(none)';
  if (isObject(value)) {
    if (path === 'spec.sla' && typeof value.freshness === 'string') return `freshness ${value.freshness}${value.schedule ? `, schedule ${String(value.schedule)}` : ''}`;
    if (/^spec\.outputs\[\d+\]$/.test(path) && 'name' in value) return outputLabel(value);
    if (/^spec\.bindings\[\d+\]$/.test(path) && 'orchestrator' in value) return bindingLabel(value);
  }
  return JSON.stringify(value);
}

/** "spec.outputs[1].name" → "Output 2 name"; known paths by their label; others as they are. */
export function fieldLabel(path: string): string {
  const known = FIELD_LABELS[path];
  if (known) return known;
  const indexed = /^spec\.(outputs|bindings)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (indexed) {
    const what = indexed[1] === 'outputs' ? 'Output' : 'Binding';
    const rest = indexed[3] ? ` ${indexed[3].replace(/\./g, ' ')}` : '';
    return `${what} ${Number(indexed[2]) + 1}${rest}`;
  }
  return path;
}

function listChange(before: unknown, after: unknown): ListChange {
  const b = (Array.isArray(before) ? before : []).map((v) => formatValue(v));
  const a = (Array.isArray(after) ? after : []).map((v) => formatValue(v));
  return { added: a.filter((x) => !b.includes(x)), removed: b.filter((x) => !a.includes(x)), kept: a.filter((x) => b.includes(x)) };
}

/** ISO 8601 duration in seconds (months as 30 days, years as 365); null when it is not one. */
export function durationSeconds(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((x) => (x ? Number(x) : 0)) as [number, number, number, number, number, number, number];
  return ((((y * 365 + mo * 30 + w * 7 + d) * 24 + h) * 60 + mi) * 60) + s;
}

function itemFor(change: ManifestChange, index: number): DiffItem {
  const base = { key: `${change.path}#${index}`, op: change.op, field: fieldLabel(change.path), path: change.path };
  const before = 'before' in change ? change.before : undefined;
  const after = 'after' in change ? change.after : undefined;
  if ((change.op === 'changed' && isScalarList(before) && isScalarList(after)) || (change.op === 'added' && isScalarList(after)) || (change.op === 'removed' && isScalarList(before))) {
    return { ...base, list: listChange(before, after), ...(change.op !== 'added' ? { before: formatValue(before) } : {}), ...(change.op !== 'removed' ? { after: formatValue(after) } : {}) };
  }
  return {
    ...base,
    ...(change.op !== 'added' ? { before: formatValue(before, change.path) } : {}),
    ...(change.op !== 'removed' ? { after: formatValue(after, change.path) } : {}),
  };
}

/** Outputs or bindings compared as sets (by identity), from the two manifests. */
function setItems<T>(area: 'outputs' | 'bindings', before: readonly T[], after: readonly T[], label: (x: T) => string): DiffItem[] {
  const b = before.map(label);
  const a = after.map(label);
  const field = area === 'outputs' ? 'Output' : 'Binding';
  const path = `spec.${area}`;
  const items: DiffItem[] = [
    ...b.filter((x) => !a.includes(x)).map((x, i): DiffItem => ({ key: `${path}-removed-${i}`, op: 'removed', field, path, before: x })),
    ...a.filter((x) => !b.includes(x)).map((x, i): DiffItem => ({ key: `${path}-added-${i}`, op: 'added', field, path, after: x })),
  ];
  if (!items.length && b.join('\n') !== a.join('\n')) {
    items.push({ key: `${path}-order`, op: 'changed', field: `Order of ${area}`, path, before: b.join('; '), after: a.join('; ') });
  }
  return items;
}

/** Marks the governance-relevant items and says why. */
function flagOf(item: DiffItem): Flag | null {
  const { path, op, before, after } = item;
  if (path === 'metadata.owner' && op === 'changed') return { kind: 'owner-changed', message: `Owner changed: ${before} → ${after}` };
  if (path === 'spec.classification' && op === 'changed') {
    const b = CLASSIFICATION_RANK[before ?? ''];
    const a = CLASSIFICATION_RANK[after ?? ''];
    if (b !== undefined && a !== undefined && a !== b) {
      return a > b
        ? { kind: 'classification-raised', message: `Classification raised: ${before} → ${after}` }
        : { kind: 'classification-lowered', message: `Classification lowered: ${before} → ${after}` };
    }
  }
  if (path === 'spec.containsPii' && op === 'changed') {
    return after === 'yes' ? { kind: 'pii-on', message: 'Personal data (PII) turned on' } : { kind: 'pii-off', message: 'Personal data (PII) turned off' };
  }
  if (areaOf(path) === 'outputs' && op === 'removed' && (path === 'spec.outputs' || /^spec\.outputs\[\d+\]$/.test(path))) {
    return { kind: 'output-removed', message: `Output removed: ${before}` };
  }
  // Without the manifests: an output whose name or namespace changed is no longer produced.
  if (/^spec\.outputs\[\d+\]\.(name|namespace)$/.test(path) && op === 'changed') {
    return { kind: 'output-removed', message: `${item.field} changed: ${before} is no longer produced` };
  }
  if (path === 'spec.sla' && op === 'removed') return { kind: 'sla-removed', message: `SLA removed (was ${before})` };
  if (path === 'spec.sla.freshness' && op === 'changed') {
    const b = durationSeconds(before);
    const a = durationSeconds(after);
    if (b !== null && a !== null && a > b) return { kind: 'sla-loosened', message: `SLA loosened: freshness ${before} → ${after}` };
  }
  return null;
}

/**
 * Groups, labels and flags the changes. With `manifests` (the two revisions' manifests), outputs
 * and bindings are compared by identity (an output removed is named, not "output 2 changed").
 */
export function describeDiff(changes: readonly ManifestChange[], manifests?: { before: Manifest; after: Manifest } | null): DescribedDiff {
  const byArea = new Map<AreaId, DiffItem[]>(AREAS.map((a) => [a.id, []]));
  changes.forEach((change, index) => {
    const area = areaOf(change.path);
    if (manifests && (area === 'outputs' || area === 'bindings')) return; // compared as sets below
    byArea.get(area)!.push(itemFor(change, index));
  });
  if (manifests) {
    const touched = (area: AreaId) => changes.some((c) => areaOf(c.path) === area);
    if (touched('outputs')) byArea.get('outputs')!.push(...setItems('outputs', manifests.before.spec.outputs, manifests.after.spec.outputs, outputLabel));
    if (touched('bindings')) byArea.get('bindings')!.push(...setItems('bindings', manifests.before.spec.bindings, manifests.after.spec.bindings, bindingLabel));
  }
  const flags: Flag[] = [];
  const groups: DiffGroup[] = [];
  let count = 0;
  for (const { id, label } of AREAS) {
    const items = byArea.get(id)!.map((item) => {
      const flag = flagOf(item);
      if (!flag) return item;
      flags.push(flag);
      return { ...item, flag: flag.kind };
    });
    if (items.length) {
      groups.push({ area: id, label, items });
      count += items.length;
    }
  }
  return { groups, flags, count };
}
