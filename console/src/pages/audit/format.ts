import type { CsvRow } from '../../lib/csv';
import type { components } from '../../api/schema';

type AuditEntry = components['schemas']['AuditEntry'];

/** A hash or digest shortened for a table cell: its first 12 characters and an ellipsis (the full value goes in a title). */
export function shortHash(value: string, length = 12): string {
  const hex = value.startsWith('sha256:') ? value.slice('sha256:'.length) : value;
  return hex.length > length ? `${hex.slice(0, length)}…` : hex;
}

/** JSON as an auditor reads it: two-space indent, keys in the order recorded. */
export function formatJson(value: unknown): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

export const CSV_HEADER = ['seq', 'at', 'principal', 'action', 'subjectType', 'subjectId', 'outcome', 'requestId', 'policyVersion', 'hash', 'prevHash', 'before', 'after', 'details'];

/** The entries shown, as CSV rows (the header first), before/after/details as compact JSON. */
export function auditCsvRows(entries: readonly AuditEntry[]): CsvRow[] {
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  return [
    CSV_HEADER,
    ...entries.map((e) => [e.seq, e.at, e.principal, e.action, e.subject.type, e.subject.id, e.outcome, e.requestId, e.policyVersion, e.hash, e.prevHash, json(e.before), json(e.after), json(e.details)]),
  ];
}
