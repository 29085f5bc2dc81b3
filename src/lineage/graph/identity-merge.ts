import type { Facets } from '../openlineage/openlineage.types';
import type { NodeRow } from './lineage-graph.repository';

/**
 * One node from the rows of a dataset's identities (see lineage-alias.repository.ts): the canonical row's identity,
 * and of each facet the one set by the latest event, whichever identity it was reported for (as ingestion merges
 * facets of one node); at equal times the canonical row's wins. Null when the canonical row is missing.
 */
export function mergeIdentities(canonical: string, rows: readonly NodeRow[]): NodeRow | null {
  const own = rows.find((r) => r.id === canonical);
  if (!own) return null;
  if (rows.length === 1) return own;
  const facets: Facets = { ...own.facets };
  const facetTimes: Record<string, string> = { ...own.facetTimes };
  let updatedAt = own.updatedAt;
  for (const row of rows) {
    if (row === own) continue;
    if (row.updatedAt > updatedAt) updatedAt = row.updatedAt;
    for (const [name, facet] of Object.entries(row.facets)) {
      const at = row.facetTimes[name];
      const current = facetTimes[name];
      if (current !== undefined && (at === undefined || Date.parse(at) <= Date.parse(current))) continue;
      facets[name] = facet;
      if (at !== undefined) facetTimes[name] = at;
    }
  }
  return { ...own, facets, facetTimes, updatedAt };
}
