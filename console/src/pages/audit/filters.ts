import type { AuditOutcome } from '../../api/enums';
import type { operations } from '../../api/schema';
import type { AuditSearch } from '../../searchParams';

/**
 * The audit page's filters, three ways: the URL (`AuditSearch`, validated by searchParams.ts; times
 * as RFC 3339 in UTC), the form (strings; times as `datetime-local` values, i.e. the browser's time
 * zone without an offset) and the API's query (times as full RFC 3339 date-times, which `from` and
 * `to` require: a date alone, allowed in a hand-written URL, is turned into its midnight UTC).
 */

export type AuditQuery = NonNullable<operations['AuditController_list']['parameters']['query']>;

export interface AuditFilterForm {
  principal: string;
  subjectType: string;
  subjectId: string;
  action: string;
  outcome: AuditOutcome | '';
  /** `datetime-local` value: `2026-12-07T14:30` or `2026-12-07T14:30:15`, local time. */
  from: string;
  to: string;
}

export const TEXT_FILTERS = ['principal', 'subjectType', 'subjectId', 'action'] as const;
export const PAGE_SIZE = 50;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An RFC 3339 date-time (or a date) as a `datetime-local` value in the browser's time zone; '' when absent or invalid. */
export function toLocalInput(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() || date.getMilliseconds() ? `${base}:${pad(date.getSeconds())}` : base;
}

/** A `datetime-local` value (local time) as RFC 3339 in UTC (`2026-12-07T13:30:00Z`); undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, frac] = m.slice(1);
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').padEnd(3, '0')));
  return Number.isNaN(date.getTime()) ? undefined : toRfc3339(date);
}

/** RFC 3339 in UTC, without milliseconds when there are none. */
function toRfc3339(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** A URL time (RFC 3339, or a date, or a date-time without offset, as searchParams.ts lets through) as the API's RFC 3339. */
export function toApiTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : toRfc3339(date);
}

export function formFromSearch(search: AuditSearch): AuditFilterForm {
  return {
    principal: search.principal ?? '',
    subjectType: search.subjectType ?? '',
    subjectId: search.subjectId ?? '',
    action: search.action ?? '',
    outcome: search.outcome ?? '',
    from: toLocalInput(search.from),
    to: toLocalInput(search.to),
  };
}

/** The URL's search for a submitted form: trimmed, empty fields left out, back on the first page. */
export function searchFromForm(form: AuditFilterForm): AuditSearch {
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return {
    principal: text(form.principal),
    subjectType: text(form.subjectType),
    subjectId: text(form.subjectId),
    action: text(form.action),
    outcome: form.outcome || undefined,
    from: fromLocalInput(form.from),
    to: fromLocalInput(form.to),
    cursor: undefined,
  };
}

/** What is wrong with the form before it goes anywhere, per field ('from' | 'to'); empty when fine. */
export function formErrors(form: AuditFilterForm): Partial<Record<'from' | 'to', string>> {
  const errors: Partial<Record<'from' | 'to', string>> = {};
  const from = form.from ? fromLocalInput(form.from) : undefined;
  const to = form.to ? fromLocalInput(form.to) : undefined;
  if (form.from && !from) errors.from = 'Enter a date and time.';
  if (form.to && !to) errors.to = 'Enter a date and time.';
  if (from && to && Date.parse(to) <= Date.parse(from)) errors.to = '“To” must be after “From”.';
  return errors;
}

/** The API's query for the URL's search. */
export function apiQuery(search: AuditSearch): AuditQuery {
  return {
    principal: search.principal,
    subjectType: search.subjectType,
    subjectId: search.subjectId,
    action: search.action,
    outcome: search.outcome,
    from: toApiTime(search.from),
    to: toApiTime(search.to),
    cursor: search.cursor,
    limit: PAGE_SIZE,
  };
}

/** Whether any filter is set (the cursor is not a filter). */
export function hasFilters(search: AuditSearch): boolean {
  return [...TEXT_FILTERS, 'outcome', 'from', 'to'].some((k) => search[k as keyof AuditSearch] !== undefined);
}

/** The browser's time zone, for the hint at the time inputs: "Europe/Paris (UTC+01:00)". */
export function timeZoneLabel(now = new Date()): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `${zone} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}
