/** One successful production of a product's output. */
export interface TimelineProduction {
  at: string;
  /** The output as the product names it (lineage node id). */
  dataset: string;
  runId: string | null;
}

/** A moment an output had to be produced again by: its production before (or the product's registration) plus the freshness. */
export interface TimelineDeadline {
  at: string;
  dataset: string;
  /** The `at` of the production that met it (the first one after the production it follows, in time); null when none did. */
  metBy: string | null;
  /** `pending`: still ahead and not met yet. */
  state: 'met' | 'missed' | 'pending';
}

/**
 * The deadlines of one output between `from` and `to` under a rolling freshness window, as productFreshness (freshness.ts)
 * counts them: each production (or, before the first, the product's registration) sets the next deadline a window
 * later, met by the next production at or before it. `productions` must be oldest first and include the ones in the
 * window before `from` that set deadlines inside it.
 */
export function outputDeadlines(
  dataset: string,
  productions: readonly TimelineProduction[],
  window: { ms: number; registeredAt: Date; from: Date; to: Date; now: Date },
): TimelineDeadline[] {
  const own = productions.filter((p) => p.dataset === dataset).map((p) => Date.parse(p.at));
  const starts = [...(own.length && own[0] <= window.registeredAt.getTime() ? [] : [window.registeredAt.getTime()]), ...own];
  const deadlines: TimelineDeadline[] = [];
  for (const [i, start] of starts.entries()) {
    const due = start + window.ms;
    if (due < window.from.getTime() || due > window.to.getTime()) continue;
    const next = starts[i + 1];
    const met = next !== undefined && next <= due;
    const state = met ? 'met' : due > window.now.getTime() ? 'pending' : 'missed';
    deadlines.push({ at: new Date(due).toISOString(), dataset, metBy: met ? new Date(next).toISOString() : null, state });
  }
  return deadlines;
}
