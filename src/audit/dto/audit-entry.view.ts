import type { SealedEntry } from '../audit.types';

/** An audit entry as the API returns it; seq is a string because it is a 64-bit integer. */
export interface AuditEntryView {
  seq: string;
  at: string;
  principal: string;
  action: string;
  subject: { type: string; id: string | null };
  outcome: string;
  requestId: string | null;
  policyVersion: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  hash: string;
  prevHash: string;
}

export function toAuditEntryView(entry: SealedEntry): AuditEntryView {
  return {
    seq: entry.seq.toString(),
    at: entry.at.toISOString(),
    principal: entry.principalId,
    action: entry.action,
    subject: { type: entry.subjectType, id: entry.subjectId },
    outcome: entry.outcome,
    requestId: entry.requestId,
    policyVersion: entry.policyVersion,
    before: entry.before,
    after: entry.after,
    details: entry.details,
    hash: entry.hash,
    prevHash: entry.prevHash,
  };
}
