import { describe, expect, it } from 'vitest';
import { validateAuditSearch, validateCatalogSearch, validateProductSearch, validatePromotionsSearch } from '../searchParams';
import { optionalDateTime, optionalInt, parseFlatSearch, safeNext, stringifyFlatSearch } from './search';

describe('search params', () => {
  it('are flat strings both ways, leaving out empty values', () => {
    expect(parseFlatSearch('?q=orders%20daily&tier=2&cursor=a%2Bb')).toEqual({ q: 'orders daily', tier: '2', cursor: 'a+b' });
    expect(stringifyFlatSearch({ q: 'orders daily', tier: 2, cursor: undefined, tag: '' })).toBe('?q=orders+daily&tier=2');
    expect(stringifyFlatSearch({})).toBe('');
  });

  it('validate per route, dropping what does not fit', () => {
    expect(validateCatalogSearch({ q: ' ', tier: '9', classification: 'restricted', status: 'gone' })).toMatchObject({ q: undefined, tier: undefined, classification: 'restricted', status: undefined });
    expect(validateProductSearch({ tab: 'runs', from: '2', to: 'x' })).toEqual({ tab: 'runs', from: 2, to: undefined });
    expect(validateProductSearch({ tab: 'secrets' }).tab).toBeUndefined();
    expect(validatePromotionsSearch({ state: 'awaiting_approval', product: 'orders' })).toMatchObject({ state: 'awaiting_approval', product: 'orders' });
    expect(validatePromotionsSearch({ state: 'sleeping' }).state).toBeUndefined();
    expect(validateAuditSearch({ outcome: 'denied', from: '2026-01-01T00:00:00Z', to: 'yesterday' })).toMatchObject({ outcome: 'denied', from: '2026-01-01T00:00:00Z', to: undefined });
  });

  it('parse integers and date-times strictly', () => {
    expect(optionalInt('3', 1, 4)).toBe(3);
    expect(optionalInt('3.5', 1, 4)).toBeUndefined();
    expect(optionalInt('0', 1, 4)).toBeUndefined();
    expect(optionalDateTime('2026-02-30')).toBeUndefined();
    expect(optionalDateTime('2026-02-28')).toBe('2026-02-28');
  });

  it('only allow a same-origin console path as next', () => {
    expect(safeNext('/catalog?q=x#top')).toBe('/catalog?q=x#top');
    expect(safeNext('//evil.example/')).toBeUndefined();
    expect(safeNext('/\\evil.example')).toBeUndefined();
    expect(safeNext('https://evil.example/')).toBeUndefined();
    expect(safeNext('javascript:alert(1)')).toBeUndefined();
    expect(safeNext('/sign-in?next=/x')).toBeUndefined();
    expect(safeNext('/auth/callback')).toBeUndefined();
    expect(safeNext('/sign-inx')).toBe('/sign-inx');
  });
});
