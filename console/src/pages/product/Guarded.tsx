import type { ReactNode } from 'react';
import { DisabledReason } from '../../components/DisabledReason';

interface GuardedProps {
  /** Why not, as the server said (null: allowed). */
  reason: string | null;
  /** The server has not answered yet. */
  pending?: boolean;
  /** The button's words while not available. */
  label: string;
  /** What to show when allowed (a link styled as a button). */
  children: ReactNode;
}

/**
 * An action that is a link when the server allows it, and a disabled button with the server's
 * reason next to it when not (DisabledReason). While the server is being asked it is disabled
 * without a reason.
 */
export function Guarded({ reason, pending, label, children }: GuardedProps) {
  if (reason) return <DisabledReason reason={reason}>{label}</DisabledReason>;
  if (pending) {
    return (
      <button type="button" className="button" aria-disabled="true" aria-busy="true">
        {label}
      </button>
    );
  }
  return <>{children}</>;
}
