import type { components } from '../../api/schema';

/**
 * What the home page derives from the API's answers, kept apart from the components so it can be
 * tested on its own: the late outputs of a breached SLA state and since when it is breached, and
 * one list of recent failures out of failed and rejected promotions and failed runs.
 */

export type Promotion = components['schemas']['Promotion'];
export type SlaState = components['schemas']['SlaState'];
export type SlaOutput = SlaState['outputs'][number];
export type Run = components['schemas']['Run'];

/** The outputs that make a state breached (stale, or never produced past the deadline). */
export function lateOutputs(state: SlaState): SlaOutput[] {
  return state.outputs.filter((o) => o.status !== 'fresh');
}

/**
 * Since when the product is in breach: the earliest deadline among its late outputs. (`breachesAt`
 * is the next deadline still ahead, of an output that is fresh now: when it breaches further, not
 * since when.) Null when no output is late, which a breached state never is.
 */
export function breachedSince(state: SlaState): string | null {
  const deadlines = lateOutputs(state)
    .map((o) => o.deadline)
    .filter((d) => !Number.isNaN(Date.parse(d)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return deadlines[0] ?? null;
}

/**
 * A lineage dataset id (`dataset:<namespace>:<name>`) as a short label: the dataset name (the
 * namespace may itself hold colons, `postgres://warehouse:5432`, the name as a rule does not).
 */
export function outputLabel(id: string): string {
  const rest = id.startsWith('dataset:') ? id.slice('dataset:'.length) : id;
  const cut = rest.lastIndexOf(':');
  return cut >= 0 && cut < rest.length - 1 ? rest.slice(cut + 1) : rest;
}

/** Breached states, the longest-breached first. */
export function sortBreaches(states: readonly SlaState[]): SlaState[] {
  const key = (s: SlaState) => {
    const since = breachedSince(s);
    return since ? Date.parse(since) : Number.POSITIVE_INFINITY;
  };
  return states.filter((s) => s.status === 'breached').sort((a, b) => key(a) - key(b) || a.product.localeCompare(b.product) || a.environment.localeCompare(b.environment));
}

export type Failure =
  | { kind: 'promotion'; id: string; at: string; product: string; promotion: Promotion }
  | { kind: 'run'; id: string; at: string; product: string | null; run: Run };

/** When a promotion ended (failed or rejected): its completion, else its last change. */
function promotionTime(p: Promotion): string {
  return p.completedAt ?? p.updatedAt;
}

/** When a run failed: its end, else its last change. */
function runTime(r: Run): string {
  return r.endedAt ?? r.updatedAt;
}

/**
 * Failed and rejected promotions and failed runs as one list, newest first, at most `limit`
 * (each list the API gave is already newest first; a promotion seen in two lists counts once).
 */
export function recentFailures(promotions: readonly Promotion[], runs: readonly Run[], limit = 15): Failure[] {
  const seen = new Set<string>();
  const items: Failure[] = [];
  for (const p of promotions) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    items.push({ kind: 'promotion', id: p.id, at: promotionTime(p), product: p.product, promotion: p });
  }
  for (const r of runs) items.push({ kind: 'run', id: r.id, at: runTime(r), product: r.product, run: r });
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, limit);
}

/** "Failed", "Rejected" (promotion) or "Run failed" — what happened, in words. */
export function failureLabel(f: Failure): string {
  if (f.kind === 'run') return 'Run failed';
  const what = f.promotion.kind === 'rollback' ? 'Rollback' : 'Promotion';
  return f.promotion.state === 'rejected' ? `${what} rejected` : `${what} failed`;
}
