import { api, data } from '../../api/client';
import type { components, operations } from '../../api/schema';
import type { CsvRow } from '../../lib/csv';
import type { CatalogSearch } from '../../searchParams';

export type ProductSummary = components['schemas']['DataProductSummary'];
export type ProductPage = components['schemas']['DataProductPage'];
export type ListQuery = NonNullable<operations['DataProductsController_list']['parameters']['query']>;

/** Rows per page on screen; the CSV export asks for the API's maximum. */
export const PAGE_SIZE = 50;
export const EXPORT_PAGE_SIZE = 200;

/** The filter keys of the catalog (everything in its URL but the cursor). */
export const FILTER_KEYS = ['q', 'owner', 'domain', 'tier', 'classification', 'tag', 'status'] as const;
export type CatalogFilter = Pick<CatalogSearch, (typeof FILTER_KEYS)[number]>;

/** The filter part of the URL's search (undefined values left out, so query keys are stable). */
export function filterOf(search: CatalogSearch): CatalogFilter {
  const out: CatalogFilter = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

export function hasFilter(search: CatalogSearch): boolean {
  return Object.keys(filterOf(search)).length > 0;
}

/** The list API's query for the URL's search: the same names and values. */
export function listQueryOf(search: CatalogSearch, limit = PAGE_SIZE): ListQuery {
  return { ...filterOf(search), limit, ...(search.cursor ? { cursor: search.cursor } : {}) };
}

export function catalogPageQuery(search: CatalogSearch) {
  const query = listQueryOf(search);
  return {
    queryKey: ['catalog', query] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => data(api.GET('/api/v1/data-products', { params: { query }, signal })),
  };
}

export interface ExportProgress {
  /** Products read so far. */
  products: number;
  /** Pages read so far. */
  pages: number;
}

/**
 * Every product matching the filter, read page by page (limit 200, following nextCursor) and
 * never all at once: `onProgress` is called after each page, and `signal` stops it.
 */
export async function fetchAllProducts(filter: CatalogFilter, options: { onProgress?: (p: ExportProgress) => void; signal?: AbortSignal } = {}): Promise<ProductSummary[]> {
  const items: ProductSummary[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const query: ListQuery = { ...filter, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
    const page = await data(api.GET('/api/v1/data-products', { params: { query }, ...(options.signal ? { signal: options.signal } : {}) }));
    items.push(...page.items);
    pages += 1;
    options.onProgress?.({ products: items.length, pages });
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
}

/** The environments of a list, in the configured order (every product lists all of them). */
export function environmentsOf(items: readonly ProductSummary[]): string[] {
  return items[0]?.environments.map((e) => e.environment) ?? [];
}

/** The CSV of products: a header row, then one row per product with what each environment runs. */
export function productCsvRows(items: readonly ProductSummary[]): CsvRow[] {
  const environments = environmentsOf(items);
  const header = [
    'name',
    'title',
    'owner',
    'domain',
    'tier',
    'classification',
    'containsPii',
    'status',
    'revision',
    'stewards',
    'tags',
    ...environments.flatMap((env) => [`${env} revision`, `${env} status`]),
    'updatedAt',
  ];
  const rows = items.map((p): CsvRow => {
    const byEnv = new Map(p.environments.map((e) => [e.environment, e]));
    return [
      p.name,
      p.title,
      p.owner,
      p.domain,
      p.tier,
      p.classification,
      p.containsPii,
      p.status,
      p.revision,
      p.stewards.join('; '),
      p.tags.join('; '),
      ...environments.flatMap((env) => {
        const e = byEnv.get(env);
        return [e?.revision ?? null, e?.status ?? null];
      }),
      p.updatedAt,
    ];
  });
  return [header, ...rows];
}

/** `catalog-2026-03-01.csv`, or `catalog-owner-team-sales-data-2026-03-01.csv` with a filter. */
export function exportFilename(filter: CatalogFilter, now = new Date()): string {
  const parts = Object.entries(filter)
    .map(([k, v]) => `${k}-${String(v)}`)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `catalog-${parts ? `${parts}-` : ''}${now.toISOString().slice(0, 10)}.csv`;
}
