import { Link } from '@tanstack/react-router';
import { StatusBadge } from '../../components/StatusBadge';
import type { PromotionReceipt } from './queries';

/** The receipts region's id: focus goes there after a confirmed action. */
export const RECEIPTS_ID = 'promotion-receipts';

export interface ReceiptEntry {
  /** What was done, in words: "Approved", "Gates re-evaluated"… */
  label: string;
  receipt: PromotionReceipt;
  /** A key of the entry (several actions may give receipts on one page). */
  key: number;
}

/** "Recorded as audit entry #<seq>, hash <first 12>…" (or that no entry came back). */
export function auditLine(receipt: PromotionReceipt): string {
  const audit = receipt.audit;
  if (!audit) return 'The server returned no audit entry for this action.';
  return `Recorded as audit entry #${audit.seq}, hash ${audit.hash.slice(0, 12)}…`;
}

/**
 * The receipts of the actions taken on this page, newest first, in a polite live region so the
 * outcome of an action is announced: what was done, the audit entry that records it, and the
 * state the promotion is in afterwards.
 */
export function Receipts({ entries }: { entries: ReceiptEntry[] }) {
  return (
    <div id={RECEIPTS_ID} className="receipts" role="status" aria-live="polite" aria-label="Receipts" tabIndex={-1}>
      {entries.map(({ label, receipt, key }) => (
        <div key={key} className="receipt" data-action-receipt={label}>
          <p className="receipt__title">
            <span className="receipt__mark" aria-hidden="true">
              ✓
            </span>
            <strong>{label}.</strong> The promotion is now <StatusBadge status={receipt.state} />.
          </p>
          <p className="receipt__audit">
            {auditLine(receipt)}
          </p>
          <p className="receipt__more">
            <Link to="/audit" search={{ subjectType: 'Promotion', subjectId: receipt.id }}>
              Audit trail of this promotion
            </Link>
          </p>
        </div>
      ))}
    </div>
  );
}
