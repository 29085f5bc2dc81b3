import { describe, expect, it } from 'vitest';
import { validateAuditSearch } from '../../searchParams';
import { apiQuery, formErrors, formFromSearch, fromLocalInput, hasFilters, PAGE_SIZE, searchFromForm, toApiTime, toLocalInput, type AuditFilterForm } from './filters';

const empty: AuditFilterForm = { principal: '', subjectType: '', subjectId: '', action: '', outcome: '', from: '', to: '' };

describe('audit filter times', () => {
  it('turn a datetime-local value (local time) into RFC 3339 in UTC, and back', () => {
    const local = new Date(2026, 11, 7, 14, 30); // whatever the machine's time zone
    expect(fromLocalInput('2026-12-07T14:30')).toBe(local.toISOString().replace('.000Z', 'Z'));
    expect(toLocalInput(fromLocalInput('2026-12-07T14:30'))).toBe('2026-12-07T14:30');
    expect(toLocalInput(fromLocalInput('2026-12-07T14:30:15'))).toBe('2026-12-07T14:30:15');
    expect(fromLocalInput('2026-12-07T14:30:15.250')).toBe(new Date(2026, 11, 7, 14, 30, 15, 250).toISOString());
  });

  it('refuse what is not a datetime-local value', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('yesterday')).toBeUndefined();
    expect(fromLocalInput('2026-12-07')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('nonsense')).toBe('');
  });

  it('send the API full RFC 3339 date-times, even for a date alone in a hand-written URL', () => {
    expect(toApiTime('2026-12-07')).toBe('2026-12-07T00:00:00Z');
    expect(toApiTime('2026-12-07T10:00:00+02:00')).toBe('2026-12-07T08:00:00Z');
    expect(toApiTime('2026-12-07T10:00:00.5Z')).toBe('2026-12-07T10:00:00.500Z');
    expect(toApiTime(undefined)).toBeUndefined();
  });
});

describe('audit filters', () => {
  it('go from the form to the URL trimmed, without empty fields, back on the first page', () => {
    const search = searchFromForm({ ...empty, principal: ' olga ', action: 'promotion.request', outcome: 'denied', from: '2026-12-07T00:00' });
    expect(search).toEqual({
      principal: 'olga',
      subjectType: undefined,
      subjectId: undefined,
      action: 'promotion.request',
      outcome: 'denied',
      from: fromLocalInput('2026-12-07T00:00'),
      to: undefined,
      cursor: undefined,
    });
    // what the URL then holds passes the route's validator unchanged
    expect(validateAuditSearch(search as Record<string, unknown>)).toEqual(search);
  });

  it('fill the form from the URL', () => {
    const form = formFromSearch({ subjectType: 'DataProduct', subjectId: 'orders-daily', outcome: 'succeeded', to: '2026-12-07T10:00:00Z' });
    expect(form).toEqual({ ...empty, subjectType: 'DataProduct', subjectId: 'orders-daily', outcome: 'succeeded', to: toLocalInput('2026-12-07T10:00:00Z') });
  });

  it('check the time range before submitting', () => {
    expect(formErrors(empty)).toEqual({});
    expect(formErrors({ ...empty, from: '2026-12-07T10:00', to: '2026-12-07T09:00' })).toEqual({ to: '“To” must be after “From”.' });
    expect(formErrors({ ...empty, from: '2026-12-07T10:00', to: '2026-12-07T10:00' }).to).toBeDefined();
    expect(formErrors({ ...empty, from: 'garbage' })).toEqual({ from: 'Enter a date and time.' });
  });

  it('become the API query with the page size and cursor', () => {
    expect(apiQuery({ action: 'promotion.request', from: '2026-12-01', cursor: 'c2' })).toEqual({
      principal: undefined,
      subjectType: undefined,
      subjectId: undefined,
      action: 'promotion.request',
      outcome: undefined,
      from: '2026-12-01T00:00:00Z',
      to: undefined,
      cursor: 'c2',
      limit: PAGE_SIZE,
    });
  });

  it('know whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ cursor: 'c2' })).toBe(false);
    expect(hasFilters({ outcome: 'failed' })).toBe(true);
  });
});
