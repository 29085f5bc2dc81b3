import { useEffect, useRef, useState } from 'react';
import { statusInfo } from '../../components/StatusBadge';

/**
 * A polite live region that says when the promotion's state changes while the page is open
 * (someone else approved, the run ended…). The first state shown is not announced; the region
 * is always in the page, so screen readers pick up its changes.
 */
export function StateAnnouncer({ state, stateReason }: { state: string; stateReason: string | null }) {
  const previous = useRef<string | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (previous.current !== null && previous.current !== state) {
      setMessage(`The promotion is now ${statusInfo(state).label.toLowerCase()}${stateReason ? `: ${stateReason}` : ''}. It was ${statusInfo(previous.current).label.toLowerCase()}.`);
    }
    previous.current = state;
  }, [state, stateReason]);
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="state-announcement">
      {message}
    </p>
  );
}
