import { ChainVerifier } from './audit-chain';
import { GENESIS, GENESIS_HASH, hashEntry, sealAfter } from './audit-hash';
import type { AuditDraft, SealedEntry } from './audit.types';

const draft = (overrides: Partial<AuditDraft> = {}): AuditDraft => ({
  principalId: 'admin',
  action: 'data-product.update',
  subjectType: 'DataProduct',
  subjectId: 'orders-daily',
  outcome: 'succeeded',
  requestId: 'req-1',
  policyVersion: null,
  before: { spec: { tier: 1 } },
  after: { spec: { tier: 2 } },
  details: null,
  ...overrides,
});

const at = new Date('2026-11-24T08:00:00.123Z');

describe('audit hash', () => {
  it('starts the chain at the genesis hash and numbers entries from 1', () => {
    const first = sealAfter(GENESIS, draft(), at);
    expect(first).toMatchObject({ seq: 1n, prevHash: GENESIS_HASH, at });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const second = sealAfter(first, draft(), at);
    expect(second).toMatchObject({ seq: 2n, prevHash: first.hash });
    expect(second.hash).not.toBe(first.hash);
  });

  it('does not depend on key order in before, after and details', () => {
    const a = sealAfter(GENESIS, draft({ after: { a: 1, b: { c: 2, d: 3 } } }), at);
    const b = sealAfter(GENESIS, draft({ after: { b: { d: 3, c: 2 }, a: 1 } }), at);
    expect(a.hash).toBe(b.hash);
  });

  it('treats absent and null alike, as the database stores them', () => {
    const sealed = sealAfter(GENESIS, draft({ details: null }), at);
    expect(hashEntry({ ...sealed, details: undefined })).toBe(sealed.hash);
  });

  it.each<[string, () => object]>([
    ['seq', () => ({ seq: 7n })],
    ['at', () => ({ at: new Date(at.getTime() + 1) })],
    ['principal', () => ({ principalId: 'mallory' })],
    ['action', () => ({ action: 'data-product.retire' })],
    ['subject type', () => ({ subjectType: 'Principal' })],
    ['subject id', () => ({ subjectId: 'other' })],
    ['outcome', () => ({ outcome: 'denied' })],
    ['request id', () => ({ requestId: null })],
    ['policy version', () => ({ policyVersion: 'v2' })],
    ['before', () => ({ before: { spec: { tier: 3 } } })],
    ['after', () => ({ after: null })],
    ['details', () => ({ details: { note: 'x' } })],
    ['prevHash', () => ({ prevHash: 'f'.repeat(64) })],
  ])('changes when %s changes', (_field, change) => {
    const sealed = sealAfter(GENESIS, draft(), at);
    expect(hashEntry({ ...sealed, ...change() })).not.toBe(sealed.hash);
  });
});

/** A chain of n entries as Gatehouse writes it. */
function chain(n: number): SealedEntry[] {
  const entries: SealedEntry[] = [];
  for (let i = 0; i < n; i++) entries.push(sealAfter(entries[i - 1] ?? GENESIS, draft({ subjectId: `p${i + 1}` }), at));
  return entries;
}

function verify(entries: SealedEntry[]) {
  const verifier = new ChainVerifier();
  for (const entry of entries) {
    const broken = verifier.check(entry);
    if (broken) return { valid: false, entries: verifier.entries, broken };
  }
  return { valid: true, entries: verifier.entries, head: verifier.head };
}

describe('ChainVerifier', () => {
  it('accepts an intact chain and reports its length and head', () => {
    const entries = chain(5);
    expect(verify(entries)).toEqual({ valid: true, entries: 5, head: entries[4].hash });
    expect(verify([])).toEqual({ valid: true, entries: 0, head: GENESIS_HASH });
  });

  it('reports an entry edited in place as altered, at that entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], after: { spec: { tier: 4 } } };
    const result = verify(entries);
    expect(result).toMatchObject({ valid: false, entries: 2, broken: { seq: '3', reason: 'altered', expected: entries[2].hash } });
    expect(result.broken!.actual).toBe(hashEntry(entries[2]));
  });

  it('reports an edited hash or prevHash as altered too', () => {
    const byHash = chain(3);
    byHash[1] = { ...byHash[1], hash: 'a'.repeat(64) };
    expect(verify(byHash).broken).toMatchObject({ seq: '2', reason: 'altered' });
    const byLink = chain(3);
    byLink[1] = { ...byLink[1], prevHash: 'b'.repeat(64) };
    expect(verify(byLink).broken).toMatchObject({ seq: '2', reason: 'altered' });
  });

  it('reports deleted entries as removed, at the first missing seq', () => {
    const entries = chain(6);
    expect(verify([...entries.slice(0, 2), ...entries.slice(4)]).broken).toMatchObject({
      seq: '3',
      reason: 'removed',
      detail: expect.stringContaining('entries 3 to 4 are missing'),
      expected: entries[1].hash,
      actual: entries[4].prevHash,
    });
    expect(verify(entries.slice(1)).broken).toMatchObject({ seq: '1', reason: 'removed', expected: GENESIS_HASH });
  });

  it('reports a self-consistent entry that does not link as inserted', () => {
    const entries = chain(3);
    // Appended by hand with the next seq and a correct hash, but chained onto the wrong entry.
    const forged = sealAfter(entries[0], draft({ principalId: 'mallory' }), at);
    const placed = { ...forged, seq: 4n, hash: hashEntry({ ...forged, seq: 4n }) };
    expect(verify([...entries, placed]).broken).toMatchObject({
      seq: '4',
      reason: 'inserted',
      expected: entries[2].hash,
      actual: entries[0].hash,
    });
  });

  it('reports an entry that links to the head but skips seqs, or goes backwards, as inserted', () => {
    const entries = chain(2);
    const skipping = { ...sealAfter(entries[1], draft(), at), seq: 9n };
    expect(verify([...entries, { ...skipping, hash: hashEntry(skipping) }]).broken).toMatchObject({ seq: '9', reason: 'inserted' });
    const backwards = { ...sealAfter(GENESIS, draft(), at), seq: -1n };
    expect(verify([{ ...backwards, hash: hashEntry(backwards) }, ...entries]).broken).toMatchObject({ seq: '-1', reason: 'inserted' });
  });
});
