import type { components } from '../api/schema';
import { StatusBadge } from './StatusBadge';

type GateResult = components['schemas']['GateResult'];

export interface GateListProps {
  gates: GateResult[];
  /** The policy set that evaluated them. */
  policyVersion?: string;
  /** The product, for links from the evidence (its runs, its SLA). */
  product?: string;
  headingLevel?: 2 | 3;
}

/**
 * Every gate of a promotion (or of a dry run) with its status, message and evidence.
 * PLACEHOLDER with the final props: the full view replaces this body.
 */
export function GateList({ gates }: GateListProps) {
  return (
    <ul aria-label="Gates">
      {gates.map((g) => (
        <li key={g.check}>
          {g.check} <StatusBadge status={g.status} /> {g.message}
        </li>
      ))}
    </ul>
  );
}
