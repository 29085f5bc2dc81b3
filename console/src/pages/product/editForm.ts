import type { Classification } from '../../api/enums';
import type { FieldProblem } from '../../api/problem';
import type { Manifest } from './queries';

/**
 * The edit form's model: the editable fields of a manifest as form values, the JSON merge patch
 * (RFC 7396) of what the user changed, which input each of the server's field errors belongs
 * to, and putting the user's changes on top of a newer revision after a 412.
 */

export interface EditValues {
  title: string;
  description: string;
  domain: string;
  owner: string;
  /** One per line (commas also separate). */
  stewards: string;
  tags: string;
  /** "1" … "4". */
  tier: string;
  classification: Classification;
  containsPii: boolean;
  freshness: string;
  schedule: string;
}

export type EditKey = keyof EditValues;

export const EDIT_KEYS: readonly EditKey[] = ['title', 'description', 'domain', 'owner', 'stewards', 'tags', 'tier', 'classification', 'containsPii', 'freshness', 'schedule'];

export const FIELD_NAMES: Record<EditKey, string> = {
  title: 'Title',
  description: 'Description',
  domain: 'Domain',
  owner: 'Owner',
  stewards: 'Stewards',
  tags: 'Tags',
  tier: 'Tier',
  classification: 'Classification',
  containsPii: 'Contains personal data',
  freshness: 'SLA freshness',
  schedule: 'SLA schedule',
};

/** The manifest path of each input (what the server's field errors name). */
export const FIELD_PATHS: Record<EditKey, string> = {
  title: 'metadata.title',
  description: 'spec.description',
  domain: 'metadata.domain',
  owner: 'metadata.owner',
  stewards: 'metadata.stewards',
  tags: 'metadata.tags',
  tier: 'spec.tier',
  classification: 'spec.classification',
  containsPii: 'spec.containsPii',
  freshness: 'spec.sla.freshness',
  schedule: 'spec.sla.schedule',
};

/** The policy field a change of each input touches (`update` rules may list fields). */
export const POLICY_FIELDS: Record<EditKey, string> = {
  title: 'title',
  description: 'description',
  domain: 'domain',
  owner: 'owner',
  stewards: 'stewards',
  tags: 'tags',
  tier: 'tier',
  classification: 'classification',
  containsPii: 'containsPii',
  freshness: 'sla',
  schedule: 'sla',
};

export function valuesOf(manifest: Manifest): EditValues {
  const { metadata, spec } = manifest;
  return {
    title: metadata.title,
    description: spec.description,
    domain: metadata.domain,
    owner: metadata.owner,
    stewards: metadata.stewards.join('\n'),
    tags: metadata.tags.join('\n'),
    tier: String(spec.tier),
    classification: spec.classification,
    containsPii: spec.containsPii,
    freshness: spec.sla?.freshness ?? '',
    schedule: spec.sla?.schedule ?? '',
  };
}

/** "a, b\nc" → ["a", "b", "c"] (trimmed, empty items dropped; repeats kept: the server says they repeat). */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether two values of one input mean the same (lists compared as lists, text trimmed). */
export function sameValue(key: EditKey, a: EditValues, b: EditValues): boolean {
  const x = a[key];
  const y = b[key];
  if (key === 'stewards' || key === 'tags') return sameList(splitList(String(x)), splitList(String(y)));
  if (typeof x === 'string' && typeof y === 'string' && key !== 'description') return x.trim() === y.trim();
  return x === y;
}

/** The inputs whose value differs between `from` and `to`. */
export function changedKeys(from: EditValues, to: EditValues): EditKey[] {
  return EDIT_KEYS.filter((k) => !sameValue(k, from, to));
}

export interface MergePatch {
  metadata?: Record<string, unknown>;
  spec?: Record<string, unknown>;
}

/**
 * The JSON merge patch taking `base` to the form's values: only what changed. An emptied SLA
 * (both fields) removes it (`sla: null`); an emptied schedule removes the schedule. The server
 * validates everything; nothing is checked here.
 */
export function mergePatchOf(base: Manifest, values: EditValues): MergePatch {
  const current = valuesOf(base);
  const changed = new Set(changedKeys(current, values));
  const metadata: Record<string, unknown> = {};
  const spec: Record<string, unknown> = {};
  if (changed.has('title')) metadata.title = values.title.trim();
  if (changed.has('domain')) metadata.domain = values.domain.trim();
  if (changed.has('owner')) metadata.owner = values.owner.trim();
  if (changed.has('stewards')) metadata.stewards = splitList(values.stewards);
  if (changed.has('tags')) metadata.tags = splitList(values.tags);
  if (changed.has('description')) spec.description = values.description;
  if (changed.has('tier')) spec.tier = /^\d+$/.test(values.tier.trim()) ? Number(values.tier) : values.tier;
  if (changed.has('classification')) spec.classification = values.classification;
  if (changed.has('containsPii')) spec.containsPii = values.containsPii;
  if (changed.has('freshness') || changed.has('schedule')) {
    const freshness = values.freshness.trim();
    const schedule = values.schedule.trim();
    if (!freshness && !schedule) {
      spec.sla = null;
    } else if (!base.spec.sla) {
      spec.sla = { ...(freshness ? { freshness } : {}), ...(schedule ? { schedule } : {}) };
    } else {
      const sla: Record<string, unknown> = {};
      if (changed.has('freshness')) sla.freshness = freshness || null;
      if (changed.has('schedule')) sla.schedule = schedule || null;
      spec.sla = sla;
    }
  }
  return { ...(Object.keys(metadata).length ? { metadata } : {}), ...(Object.keys(spec).length ? { spec } : {}) };
}

/** The input a server field error belongs to (`metadata.stewards[1]` → stewards, `spec.sla` → freshness), or null. */
export function keyOfErrorField(field: string): EditKey | null {
  if (field === 'spec.sla') return 'freshness';
  const base = field.replace(/\[\d+\]$/, '');
  return EDIT_KEYS.find((k) => FIELD_PATHS[k] === base) ?? null;
}

/** The server's field errors per input, list items named ("item 2, bo@x: must be an e-mail address"). */
export function errorsByKey(errors: readonly FieldProblem[], values: EditValues): { byKey: Partial<Record<EditKey, string[]>>; shown: string[] } {
  const byKey: Partial<Record<EditKey, string[]>> = {};
  const shown: string[] = [];
  for (const e of errors) {
    const key = keyOfErrorField(e.field);
    if (!key) continue;
    shown.push(e.field);
    const index = /\[(\d+)\]$/.exec(e.field);
    let message = e.message;
    if (index && (key === 'stewards' || key === 'tags')) {
      const i = Number(index[1]);
      const item = splitList(values[key])[i];
      message = `item ${i + 1}${item ? ` (${item})` : ''}: ${e.message}`;
    }
    (byKey[key] ??= []).push(message);
  }
  return { byKey, shown };
}

/**
 * After a 412: the user's changes (from `base`, the revision they edited, to `mine`) laid over
 * `theirs` (the form values of the current revision). Inputs both changed keep the user's value
 * and are listed as conflicts, for the user to look at before saving again.
 */
export function rebase(base: EditValues, mine: EditValues, theirs: EditValues): { values: EditValues; conflicts: EditKey[] } {
  const values = { ...theirs };
  const conflicts: EditKey[] = [];
  for (const key of changedKeys(base, mine)) {
    (values as Record<EditKey, unknown>)[key] = mine[key];
    if (!sameValue(key, base, theirs) && !sameValue(key, mine, theirs)) conflicts.push(key);
  }
  return { values, conflicts };
}
