import { useId } from 'react';
import type { components } from '../api/schema';
import { GateEvidence, gateLabel } from './GateEvidence';
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

const ORDER: GateResult['status'][] = ['failed', 'pending', 'overridden', 'passed'];
const STATUS_WORDS: Record<GateResult['status'], string> = { failed: 'failed', pending: 'pending', overridden: 'overridden', passed: 'passed' };

/** "1 failed, 1 pending, 3 passed" (most urgent first). */
export function gateSummary(gates: GateResult[]): string {
  if (!gates.length) return 'No gates apply.';
  const parts = ORDER.map((s) => [s, gates.filter((g) => g.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_WORDS[s]}`);
  return `${gates.length} gate${gates.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

/**
 * Every gate of a promotion (or of a dry run) with its status (words and colour), whether it is
 * hard (blocks) or soft (only warns), its message, its evidence in words (runs and SLA with links
 * to the product's tabs, who approved and who lapsed, the freeze window) and the raw evidence in a
 * disclosure; and the policy version that decided. Shows what the server sent, decides nothing.
 */
export function GateList({ gates, policyVersion, product, headingLevel = 2 }: GateListProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const GateHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="gate-list" aria-labelledby={headingId}>
      <Heading id={headingId} className="gate-list__heading">
        Gates
      </Heading>
      <p className="gate-list__summary">
        {gateSummary(gates)}
        {policyVersion && (
          <>
            {' '}
            Evaluated by policy version <code className="policy-version">{policyVersion}</code>.
          </>
        )}
      </p>
      {gates.length === 0 ? (
        <p className="empty-state">No gates apply to promotions into this environment.</p>
      ) : (
        <ol className="gate-list__items">
          {gates.map((gate) => {
            const label = gateLabel(gate.check);
            const raw = gate.evidence && Object.keys(gate.evidence).length > 0;
            return (
              <li key={gate.check} className={`gate gate--${gate.status}`} data-check={gate.check} data-status={gate.status}>
                <div className="gate__head">
                  <GateHeading className="gate__title">{label}</GateHeading>
                  <StatusBadge status={gate.status} context={`${label}:`} />
                  <span className={gate.hard ? 'gate__kind gate__kind--hard' : 'gate__kind'}>{gate.hard ? 'Hard gate: blocks' : 'Soft gate: only warns'}</span>
                </div>
                <p className="gate__message">{gate.message}</p>
                <GateEvidence gate={gate} product={product} />
                {raw && (
                  <details className="gate__raw">
                    <summary>
                      Raw evidence<span className="visually-hidden"> of {label}</span>
                    </summary>
                    {/* focusable, so a long line can be scrolled with the keyboard */}
                    <pre tabIndex={0}>
                      <code>{JSON.stringify(gate.evidence, null, 2)}</code>
                    </pre>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
