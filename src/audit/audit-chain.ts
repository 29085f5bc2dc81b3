import { GENESIS, hashEntry, type ChainLink } from './audit-hash';
import type { SealedEntry } from './audit.types';

export type BreakReason = 'altered' | 'removed' | 'inserted';

/** The first place where the stored chain differs from what Gatehouse wrote. */
export interface ChainBreak {
  /** The altered or inserted entry, or the first missing seq of a removal. */
  seq: string;
  reason: BreakReason;
  detail: string;
  /** altered: the stored (sealed) hash; removed and inserted: the hash of the entry before. */
  expected: string;
  /** altered: the hash of the content as stored now; removed and inserted: the entry's prevHash. */
  actual: string;
}

/**
 * Checks a chain entry by entry in ascending seq order, holding only the last good link, so a
 * chain of any length is verified in batches.
 *
 * Gatehouse appends under a lock, giving each entry seq = previous seq + 1 and prevHash = the
 * previous entry's hash, then hashes every field. Each entry is compared with the last good one:
 *
 * 1. altered — its stored hash is not the hash of its stored content: a field was edited in place.
 * 2. removed — its seq skips ahead and its prevHash does not link to the previous entry: the
 *    entries in the gap were deleted. Reported at the first missing seq.
 * 3. inserted — its content hashes correctly but its place in the chain is one Gatehouse never
 *    writes: a contiguous seq with a prevHash that does not link (a row added by hand after the
 *    last entry, or spliced in by renumbering), a skipped seq that nevertheless links to the
 *    previous hash, or a seq that does not increase.
 *
 * Limits, inherent to a keyless chain: someone able to write the table and recompute hashes can
 * rewrite the whole tail consistently, and deleting the newest entries leaves no gap. Recording
 * the `head` and entry count that verify returns somewhere else detects both.
 */
export class ChainVerifier {
  private last: ChainLink = GENESIS;
  private count = 0;

  /** Entries that verified so far. */
  get entries(): number {
    return this.count;
  }

  /** The hash of the newest verified entry (the genesis value for an empty chain). */
  get head(): string {
    return this.last.hash;
  }

  /** Checks the next entry; returns the break it finds, or undefined and moves on. */
  check(entry: SealedEntry): ChainBreak | undefined {
    const recomputed = hashEntry(entry);
    if (recomputed !== entry.hash) {
      return {
        seq: entry.seq.toString(),
        reason: 'altered',
        detail: `entry ${entry.seq} was changed after it was written: its content no longer matches its hash`,
        expected: entry.hash,
        actual: recomputed,
      };
    }
    const expectedSeq = this.last.seq + 1n;
    const linked = entry.prevHash === this.last.hash;
    if (entry.seq === expectedSeq && linked) {
      this.last = { seq: entry.seq, hash: entry.hash };
      this.count++;
      return undefined;
    }
    if (entry.seq > expectedSeq && !linked) {
      const range = entry.seq - 1n === expectedSeq ? `entry ${expectedSeq} is` : `entries ${expectedSeq} to ${entry.seq - 1n} are`;
      return this.broken(entry, expectedSeq, 'removed', `${range} missing: entry ${entry.seq} follows ${this.lastName()} but does not link to it`);
    }
    const why = entry.seq === expectedSeq ? `its prevHash does not link to ${this.lastName()}` : `its seq cannot follow ${this.lastName()}`;
    return this.broken(entry, entry.seq, 'inserted', `entry ${entry.seq} was not appended by Gatehouse: ${why}`);
  }

  private lastName(): string {
    return this.last.seq === GENESIS.seq ? 'the start of the trail' : `entry ${this.last.seq}`;
  }

  private broken(entry: SealedEntry, seq: bigint, reason: BreakReason, detail: string): ChainBreak {
    return { seq: seq.toString(), reason, detail, expected: this.last.hash, actual: entry.prevHash };
  }
}
