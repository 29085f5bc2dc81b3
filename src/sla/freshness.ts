import type { ProductIdentity } from '../catalog/data-product.types';
import { parseIsoDuration } from '../catalog/manifest/iso-duration';

export type OutputStatus = 'fresh' | 'stale' | 'missing';
export type FreshnessStatus = 'fresh' | 'breached';

export interface OutputFreshness {
  /** The dataset's lineage node id. */
  output: string;
  lastProducedAt: string | null;
  /** When it is (or was) due again: last production + freshness, or registration + freshness if never produced. */
  deadline: string;
  status: OutputStatus;
}

export interface ProductFreshness {
  product: string;
  environment: string;
  freshness: string;
  status: FreshnessStatus;
  /** The earliest deadline still ahead (when the product will breach if nothing is produced), else null. */
  breachesAt: string | null;
  outputs: OutputFreshness[];
}

/** Last successful production per output dataset in one environment. */
export type Productions = Map<string, Date>;

/**
 * Freshness of one product in one environment at `now`. An output is fresh while its last
 * production is younger than `sla.freshness`; one never produced gets that long from the product's
 * registration before it counts as missing (and breaching).
 */
export function productFreshness(product: ProductIdentity, environment: string, outputs: string[], productions: Productions, now: Date): ProductFreshness | null {
  const freshness = product.sla?.freshness;
  const window = freshness ? parseIsoDuration(freshness) : undefined;
  if (!freshness || !window || !outputs.length) return null;
  const states = outputs.map((output): OutputFreshness => {
    const produced = productions.get(output) ?? null;
    const deadline = new Date((produced ?? product.createdAt).getTime() + window);
    const status: OutputStatus = deadline > now ? 'fresh' : produced ? 'stale' : 'missing';
    return { output, lastProducedAt: produced?.toISOString() ?? null, deadline: deadline.toISOString(), status };
  });
  const ahead = states.filter((s) => s.status === 'fresh').map((s) => s.deadline).sort();
  return {
    product: product.name,
    environment,
    freshness,
    status: states.every((s) => s.status === 'fresh') ? 'fresh' : 'breached',
    breachesAt: ahead[0] ?? null,
    outputs: states,
  };
}
