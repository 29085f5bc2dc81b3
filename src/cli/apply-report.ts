import type { ApplyFailure, ApplyOutcome } from './gatehouse-client';

/** What happened to one manifest; `name` is absent when the manifest could not be named. */
export type ManifestResult =
  | { outcome: ApplyOutcome; name: string; source: string }
  | { outcome: 'error'; name?: string; source: string; failure: ApplyFailure };

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** Wide enough for the longest word, "unchanged", and a gap: the names line up. */
const OUTCOME_WIDTH = 10;
/** Names are padded to the longest in the run, up to this, so one long name does not push every line. */
const MAX_NAME_WIDTH = 40;

export const emptyTally = (): Tally => ({ created: 0, updated: 0, unchanged: 0, failed: 0 });

export function nameColumnWidth(names: string[]): number {
  return Math.min(MAX_NAME_WIDTH, Math.max(0, ...names.map((n) => n.length)));
}

/**
 * `created   orders-daily   (products/orders.yaml)`, or for a failure
 * `error     orders-daily (products/orders.yaml): detail` and one `  - field: message` line per field.
 */
export function formatResult(result: ManifestResult, nameWidth: number): string {
  const outcome = result.outcome.padEnd(OUTCOME_WIDTH);
  if (result.outcome !== 'error') return `${outcome}${result.name.padEnd(nameWidth)}   (${result.source})\n`;
  const subject = result.name ? `${result.name} (${result.source})` : result.source;
  const fields = result.failure.errors.map((e) => `  - ${e.field}: ${e.message}\n`).join('');
  return `${outcome}${subject}: ${result.failure.detail}\n${fields}`;
}

export function count(tally: Tally, result: ManifestResult): void {
  if (result.outcome === 'error') tally.failed++;
  else tally[result.outcome]++;
}

export function formatSummary(tally: Tally): string {
  return `${tally.created} created, ${tally.updated} updated, ${tally.unchanged} unchanged, ${tally.failed} failed\n`;
}
