/** One difference between two manifests, at a dotted path such as `spec.sla.freshness`. */
export interface ManifestChange {
  path: string;
  op: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarArray = (v: unknown): v is unknown[] => Array.isArray(v) && v.every((x) => !isObject(x) && !Array.isArray(x));
const join = (base: string, key: string | number) => (typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key);

/**
 * Structural diff: objects by key, arrays of objects by position, arrays of scalars (tags,
 * stewards, asset keys) as one value, because their whole list is what a reviewer reads.
 */
export function diffManifests(before: unknown, after: unknown, path = ''): ManifestChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const p = join(path, key);
      if (!(key in after) || after[key] === undefined) return before[key] === undefined ? [] : [{ path: p, op: 'removed' as const, before: before[key] }];
      if (!(key in before) || before[key] === undefined) return [{ path: p, op: 'added' as const, after: after[key] }];
      return diffManifests(before[key], after[key], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after) && !(isScalarArray(before) && isScalarArray(after))) {
    const changes: ManifestChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= after.length) changes.push({ path: join(path, i), op: 'removed', before: before[i] });
      else if (i >= before.length) changes.push({ path: join(path, i), op: 'added', after: after[i] });
      else changes.push(...diffManifests(before[i], after[i], join(path, i)));
    }
    return changes;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(root)', op: 'changed', before, after }];
}
