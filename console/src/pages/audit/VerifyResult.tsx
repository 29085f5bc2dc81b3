import { useEffect, useId, useRef } from 'react';
import type { components } from '../../api/schema';
import { absoluteTime } from '../../lib/time';
import { CopyButton } from './CopyButton';

export type VerifyReport = components['schemas']['AuditVerifyReport'];
export type ChainBreak = components['schemas']['AuditChainBreak'];

/** What each kind of break means, and what the two hashes the server names are. */
export const BREAKS: Record<ChainBreak['reason'], { title: string; explanation: string; expected: string; actual: string }> = {
  altered: {
    title: 'altered',
    explanation: 'The entry’s content no longer matches the hash it was sealed with: it was changed after it was written.',
    expected: 'Hash stored with the entry',
    actual: 'Hash of the entry’s content as stored now',
  },
  removed: {
    title: 'removed',
    explanation: 'One or more entries are missing: the entry after the gap does not link to the hash of the entry before it.',
    expected: 'Hash of the entry before',
    actual: 'What the next entry links to (its prevHash)',
  },
  inserted: {
    title: 'inserted',
    explanation: 'An entry was added that does not belong to the chain: it does not link to the entry before it, or its position is out of order.',
    expected: 'Hash of the entry before',
    actual: 'What the inserted entry links to (its prevHash)',
  },
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

interface VerifyResultProps {
  report: VerifyReport;
  /** When the server answered. */
  verifiedAt: Date;
}

/**
 * The answer of `GET /api/v1/audit/verify`: a valid chain with its entry count and the head hash
 * to keep elsewhere (and why), or the first broken entry and what broke.
 */
export function VerifyResult({ report, verifiedAt }: VerifyResultProps) {
  const headingId = useId();
  const headRef = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // a new result takes the keyboard focus, so screen readers read it out (the copy button's
  // message is the one live region inside)
  useEffect(() => heading.current?.focus(), [report, verifiedAt]);
  if (report.valid) {
    return (
      <section className="verify-result verify-result--valid" aria-labelledby={headingId}>
        <h2 id={headingId} ref={heading} tabIndex={-1} className="verify-result__title">
          <span aria-hidden="true">✓ </span>Chain valid
        </h2>
        <p>
          {report.entries === 0
            ? 'The audit trail is empty; the head is the chain’s fixed starting value.'
            : `All ${plural(report.entries, 'entry', 'entries')} verified: each entry’s hash matches its content and links to the entry before it.`}{' '}
          Checked {absoluteTime(verifiedAt)}.
        </p>
        <dl className="verify-result__facts">
          <dt>Head hash</dt>
          <dd>
            <code ref={headRef} className="verify-result__hash" data-testid="audit-head">
              {report.head}
            </code>
            <CopyButton value={report.head} label="Copy head hash" selectTarget={() => headRef.current} />
          </dd>
        </dl>
        <p className="verify-result__why">
          Keep this head hash somewhere Gatehouse cannot write to (a ticket, a signed message, another system), with the time. The chain
          proves that no entry up to the head was altered, removed or inserted, but it cannot by itself notice that its newest entries were
          cut off: a trail with its tail removed is still a valid chain, only with an older head. Comparing a later head against the one you
          kept shows it: the hash you kept must still be the head, or an entry of the trail.
        </p>
      </section>
    );
  }
  const broken = report.firstInvalid;
  const kind = BREAKS[broken.reason] ?? { title: broken.reason, explanation: '', expected: 'Expected', actual: 'Actual' };
  return (
    <section className="verify-result verify-result--broken" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="verify-result__title">
        <span aria-hidden="true">✕ </span>Chain broken at entry {broken.seq}: {kind.title}
      </h2>
      <p>{kind.explanation}</p>
      {broken.detail && <p className="verify-result__detail">{broken.detail}</p>}
      <dl className="verify-result__facts">
        <dt>First broken entry</dt>
        <dd>{broken.seq}</dd>
        <dt>{kind.expected}</dt>
        <dd>
          <code className="verify-result__hash">{broken.expected}</code>
        </dd>
        <dt>{kind.actual}</dt>
        <dd>
          <code className="verify-result__hash">{broken.actual}</code>
        </dd>
        <dt>Entries read</dt>
        <dd>{plural(report.entries, 'entry', 'entries')}, the broken one included</dd>
      </dl>
      <p>
        Entries before {broken.seq} are intact. Checked {absoluteTime(verifiedAt)}. Compare with a backup of the audit table and the head hashes
        kept elsewhere to find out what changed.
      </p>
    </section>
  );
}
