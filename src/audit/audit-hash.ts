import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import type { AuditDraft, ChainedContent, SealedEntry } from './audit.types';

/** The prevHash of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** The last entry of a chain, as far as the next entry needs it. */
export interface ChainLink {
  seq: bigint;
  hash: string;
}

export const GENESIS: ChainLink = { seq: 0n, hash: GENESIS_HASH };

/**
 * SHA-256 (hex) over the canonical JSON of every stored field except the hash itself. Absent
 * values are hashed as null, as the database stores them; seq is a decimal string and `at` an
 * ISO 8601 string with milliseconds (the column's precision), so a row read back hashes exactly
 * as it did when it was written.
 */
export function hashEntry(entry: ChainedContent): string {
  const content = {
    seq: entry.seq.toString(),
    at: entry.at.toISOString(),
    principalId: entry.principalId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    outcome: entry.outcome,
    requestId: entry.requestId ?? null,
    policyVersion: entry.policyVersion ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    details: entry.details ?? null,
    prevHash: entry.prevHash,
  };
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/**
 * Places a draft after `previous`: the next seq (seqs are contiguous, so a gap always means a
 * removal), a link to the previous hash, and the hash over all of it.
 */
export function sealAfter(previous: ChainLink, draft: AuditDraft, at: Date): SealedEntry {
  const content: ChainedContent = { ...draft, seq: previous.seq + 1n, at, prevHash: previous.hash };
  return { ...content, hash: hashEntry(content) };
}
