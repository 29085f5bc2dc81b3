import type { PromotionState, RunStatus, SlaStatus } from '../api/enums';
import type { GateStatus } from '../api/models';

/**
 * A status as text with a colour and a shape (never colour alone): promotion states, gate
 * statuses, run statuses and SLA freshness. Unknown values are shown as they are, neutral.
 */

export type Tone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

export type { GateStatus, PromotionState, RunStatus, SlaStatus };
export type KnownStatus = PromotionState | GateStatus | RunStatus | SlaStatus;

const STATUSES: Record<KnownStatus, { label: string; tone: Tone }> = {
  requested: { label: 'Requested', tone: 'info' },
  blocked: { label: 'Blocked', tone: 'danger' },
  awaiting_approval: { label: 'Awaiting approval', tone: 'warning' },
  approved: { label: 'Approved', tone: 'success' },
  executing: { label: 'Executing', tone: 'progress' },
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  rejected: { label: 'Rejected', tone: 'danger' },
  expired: { label: 'Expired', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  rolled_back: { label: 'Rolled back', tone: 'warning' },
  passed: { label: 'Passed', tone: 'success' },
  pending: { label: 'Pending', tone: 'neutral' },
  overridden: { label: 'Overridden', tone: 'warning' },
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'progress' },
  fresh: { label: 'Fresh', tone: 'success' },
  breached: { label: 'Breached', tone: 'danger' },
};

export function statusInfo(status: string): { label: string; tone: Tone } {
  return (STATUSES as Record<string, { label: string; tone: Tone }>)[status] ?? { label: status.replace(/_/g, ' '), tone: 'neutral' };
}

interface StatusBadgeProps {
  status: KnownStatus | (string & {});
  /** Replaces the label (the tone still follows the status). */
  label?: string;
  /** Extra words for screen readers, e.g. "Gate freshness:". */
  context?: string;
}

export function StatusBadge({ status, label, context }: StatusBadgeProps) {
  const info = statusInfo(status);
  return (
    <span className={`badge badge--${info.tone}`} data-status={status}>
      {context && <span className="visually-hidden">{context} </span>}
      {label ?? info.label}
    </span>
  );
}
