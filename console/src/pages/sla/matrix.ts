import type { components } from '../../api/schema';

export type SlaState = components['schemas']['SlaState'];

/** The usual promotion order first, then any other environment by name. */
const USUAL = ['dev', 'development', 'test', 'qa', 'staging', 'stage', 'preprod', 'prod', 'production'];
export function environmentOrder(a: string, b: string): number {
  const ia = USUAL.indexOf(a);
  const ib = USUAL.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a.localeCompare(b);
}

export interface SlaMatrix {
  environments: string[];
  rows: { product: string; freshness: string; cells: Record<string, SlaState | undefined>; breached: number }[];
}

/** Products × environments: a row per product (breached ones first, then by name), a column per environment. */
export function slaMatrix(items: readonly SlaState[]): SlaMatrix {
  const environments = [...new Set(items.map((i) => i.environment))].sort(environmentOrder);
  const byProduct = new Map<string, SlaState[]>();
  for (const item of items) byProduct.set(item.product, [...(byProduct.get(item.product) ?? []), item]);
  const rows = [...byProduct.entries()].map(([product, states]) => ({
    product,
    freshness: states[0]!.freshness,
    cells: Object.fromEntries(states.map((s) => [s.environment, s])),
    breached: states.filter((s) => s.status === 'breached').length,
  }));
  rows.sort((a, b) => Number(b.breached > 0) - Number(a.breached > 0) || a.product.localeCompare(b.product));
  return { environments, rows };
}
