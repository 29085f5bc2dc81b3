import type { z } from 'zod';
import { FieldError } from '../errors/domain-error';

/** Renders a path as `spec.outputs[0].name`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** Turns zod issues into field errors; unknown keys become one error per key. */
export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: formatPath([...issue.path, key], prefix), message: 'unknown field' });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest instead of a vague "invalid input".
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
      for (const inner of best) out.push({ field: formatPath([...issue.path, ...inner.path], prefix), message: inner.message });
      continue;
    }
    out.push({ field: formatPath(issue.path, prefix), message: issue.message });
  }
  return out;
}

function depth(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): number {
  return Math.max(0, ...issues.map((i) => i.path.length)) - issues.length / 100;
}
