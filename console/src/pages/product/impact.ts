import type { components } from '../../api/schema';
import type { CsvRow } from '../../lib/csv';
import { nodeName } from '../../lib/nodeId';

export type ImpactReport = components['schemas']['ImpactReport'];
export type ImpactEntry = ImpactReport['downstream'][number];

/**
 * The impact tab's model: downstream products nearest first, grouped by owner, the owners to
 * warn, and the CSV of what is shown.
 */

/** Nearest first (distance 0 is fed directly by the product), then by name. */
export function byDistance(entries: readonly ImpactEntry[]): ImpactEntry[] {
  return [...entries].sort((a, b) => a.distance - b.distance || a.product.name.localeCompare(b.product.name));
}

export interface OwnerGroup {
  owner: string;
  /** The owner's products, nearest first. */
  entries: ImpactEntry[];
  /** The nearest of them (groups are ordered by it, so the most exposed owner comes first). */
  nearest: number;
}

/** One group per owner: the owner nearest to the change first, ties by owner. */
export function groupByOwner(entries: readonly ImpactEntry[]): OwnerGroup[] {
  const groups = new Map<string, ImpactEntry[]>();
  for (const e of byDistance(entries)) {
    const list = groups.get(e.product.owner);
    if (list) list.push(e);
    else groups.set(e.product.owner, [e]);
  }
  return [...groups.entries()]
    .map(([owner, list]) => ({ owner, entries: list, nearest: list[0]!.distance }))
    .sort((a, b) => a.nearest - b.nearest || a.owner.localeCompare(b.owner));
}

/** The distinct owners, in the order of the groups; stewards are listed after them, distinct too. */
export function ownersToWarn(entries: readonly ImpactEntry[]): { owners: string[]; stewards: string[] } {
  const owners = groupByOwner(entries).map((g) => g.owner);
  const stewards = [...new Set(byDistance(entries).flatMap((e) => e.product.stewards))];
  return { owners, stewards };
}

/** What "Copy owners" puts on the clipboard: one owner per line. */
export function ownersText(entries: readonly ImpactEntry[]): string {
  return ownersToWarn(entries).owners.join('\n');
}

/** "fed directly" for distance 0, else how many products lie between. */
export function distanceLabel(distance: number): string {
  if (distance === 0) return 'fed directly';
  return `through ${distance} product${distance === 1 ? '' : 's'}`;
}

/** The path as short names: `orders_daily → build_customer_360 → customer_360`. */
export function pathLabel(path: readonly string[]): string {
  return path.map(nodeName).join(' → ');
}

export const IMPACT_CSV_HEADER = ['distance', 'product', 'title', 'owner', 'stewards', 'tier', 'classification', 'path'] as const;

/** The CSV rows (header first), nearest first; the path keeps the full node ids. */
export function impactCsvRows(entries: readonly ImpactEntry[]): CsvRow[] {
  return [
    IMPACT_CSV_HEADER,
    ...byDistance(entries).map((e) => [e.distance, e.product.name, e.product.title, e.product.owner, e.product.stewards.join(' '), e.product.tier, e.product.classification, e.path.join(' > ')]),
  ];
}
