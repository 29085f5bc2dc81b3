import type { Prisma } from '../generated/prisma/client';

export const AUDIT_OUTCOMES = ['succeeded', 'failed', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What a feature reports when it changes state or a policy denies something. */
export interface AuditRecord {
  /** `<subject>.<verb>`, e.g. `data-product.update`. */
  action: string;
  subjectType: string;
  subjectId?: string;
  outcome: AuditOutcome;
  /** Secrets in before, after and details are redacted before anything is stored. */
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
  /** Defaults to the principal of the current request, or `anonymous` outside one. */
  principalId?: string;
  policyVersion?: string;
}

/**
 * The transaction a state change runs in (`prisma.$transaction(async (tx) => …)`). Pass it to
 * `AuditService.record` and the entry commits or rolls back together with the change.
 */
export type AuditTransaction = Prisma.TransactionClient;

/**
 * Options for a transaction that appends to the audit trail. Every append takes the chain's lock,
 * so under a burst of audited writes each transaction queues behind the others, first for a pool
 * connection and then for the lock; Prisma's defaults (2 s to get a connection, 5 s in all) would
 * turn a burst on a loaded machine into errors. Promotions use longer budgets for the same reason.
 */
export const AUDITED_TRANSACTION = { maxWait: 10_000, timeout: 30_000 } as const;

/** An entry's content before it is placed in the chain: redacted, JSON-only, attributed. */
export interface AuditDraft {
  principalId: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  policyVersion: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

/** Everything the hash covers: the draft, its place in the chain and its time. */
export interface ChainedContent extends AuditDraft {
  seq: bigint;
  at: Date;
  prevHash: string;
}

/** An entry as stored. Entries read back may have been tampered with, so nothing is trusted. */
export interface SealedEntry extends ChainedContent {
  hash: string;
}

export interface AuditQuery {
  principal?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  limit: number;
  /** Only entries older (smaller seq) than this one. */
  before?: bigint;
}

export interface AuditPage {
  items: SealedEntry[];
  /** The seq to continue from (exclusive), or null on the last page. */
  next: bigint | null;
}
