import { Injectable } from '@nestjs/common';
import { requestContext } from '../common/logging/logger';
import { ChainBreak, ChainVerifier } from './audit-chain';
import { AuditRepository } from './audit.repository';
import type { AuditPage, AuditQuery, AuditRecord, AuditTransaction, SealedEntry } from './audit.types';
import { redact } from './redact';

/** Entries read per query while verifying: bounded memory whatever the length of the trail. */
const VERIFY_BATCH = 1000;

export type VerifyReport =
  | { valid: true; entries: number; head: string }
  | { valid: false; entries: number; firstInvalid: ChainBreak };

/** The append-only, hash-chained audit trail every feature writes to. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  /**
   * Appends an entry attributed to the current request (principal and request id) unless a
   * principal is given. With `tx` it commits or rolls back with the caller's change; call it as
   * the last statement of that transaction. Answers the entry as sealed into the chain (a receipt).
   */
  record(entry: AuditRecord, tx?: AuditTransaction): Promise<SealedEntry> {
    const context = requestContext.getStore();
    return this.entries.append(
      {
        principalId: entry.principalId ?? context?.principal?.id ?? 'anonymous',
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId ?? null,
        outcome: entry.outcome,
        requestId: context?.requestId ?? null,
        policyVersion: entry.policyVersion ?? context?.policyVersion ?? null,
        before: redact(entry.before) ?? null,
        after: redact(entry.after) ?? null,
        details: redact(entry.details) ?? null,
      },
      tx,
    );
  }

  list(query: AuditQuery): Promise<AuditPage> {
    return this.entries.list(query);
  }

  /** Recomputes the whole chain from the first entry and reports the first break. */
  async verify(): Promise<VerifyReport> {
    const verifier = new ChainVerifier();
    for await (const entry of this.entries.inOrder(VERIFY_BATCH)) {
      const firstInvalid = verifier.check(entry);
      if (firstInvalid) return { valid: false, entries: verifier.entries + 1, firstInvalid };
    }
    return { valid: true, entries: verifier.entries, head: verifier.head };
  }
}
