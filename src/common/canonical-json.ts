/**
 * JSON with object keys sorted at every level and undefined members left out, so equal values
 * always serialise to the same text. Digests and hash chains are computed over it, so its output
 * is a stored format: changing it invalidates every digest and audit hash already written
 * (canonical-json.spec.ts pins it).
 *
 * Built in one pass with string concatenation: every ingested lineage event is digested through
 * it, and the earlier entries/filter/sort/map version cost as much CPU as the rest of validation.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // an undefined element is left empty, as the first implementation's join() did
      if (value[i] !== undefined) out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // sort() without a comparator orders by UTF-16 code units, as `<` on strings does
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}
