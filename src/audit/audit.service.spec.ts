import { BOOTSTRAP_ADMIN } from '../auth/principal';
import { requestContext } from '../common/logging/logger';
import { GENESIS, sealAfter } from './audit-hash';
import type { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import type { AuditDraft, SealedEntry } from './audit.types';

/** A repository that keeps the drafts it is given and replays a prepared chain. */
function fakeRepository(stored: SealedEntry[] = []) {
  const drafts: AuditDraft[] = [];
  let read = 0;
  const repository = {
    append: async (draft: AuditDraft) => {
      drafts.push(draft);
      return sealAfter(GENESIS, draft, new Date());
    },
    inOrder: async function* () {
      for (const entry of stored) {
        read++;
        yield entry;
      }
    },
  };
  return { service: new AuditService(repository as unknown as AuditRepository), drafts, read: () => read };
}

const record = { action: 'token.create', subjectType: 'ApiToken', outcome: 'succeeded' as const };

describe('AuditService.record', () => {
  it('attributes an entry to the request it runs in', async () => {
    const { service, drafts } = fakeRepository();
    await requestContext.run({ requestId: 'req-42', principal: BOOTSTRAP_ADMIN }, () => service.record(record));
    expect(drafts[0]).toMatchObject({ principalId: 'admin', requestId: 'req-42', subjectId: null, policyVersion: null });
  });

  it('uses an explicit principal, and anonymous outside a request', async () => {
    const { service, drafts } = fakeRepository();
    await requestContext.run({ requestId: 'req-1', principal: BOOTSTRAP_ADMIN }, () => service.record({ ...record, principalId: 'ci-bot' }));
    await service.record(record);
    expect(drafts.map((d) => [d.principalId, d.requestId])).toEqual([
      ['ci-bot', 'req-1'],
      ['anonymous', null],
    ]);
  });

  it('stores before, after and details redacted', async () => {
    const { service, drafts } = fakeRepository();
    await service.record({ ...record, before: { secret: 's' }, after: { id: 't1', token: 'abc' }, details: { token: 'abc', note: 'n' } });
    expect(drafts[0]).toMatchObject({ before: { secret: '[redacted]' }, after: { id: 't1', token: '[redacted]' }, details: { token: '[redacted]', note: 'n' } });
  });
});

describe('AuditService.verify', () => {
  it('stops reading at the first break and counts the entries it examined', async () => {
    const first = sealAfter(GENESIS, draftOf('a'), new Date());
    const second = sealAfter(first, draftOf('b'), new Date());
    const third = sealAfter(second, draftOf('c'), new Date());
    const { service, read } = fakeRepository([first, { ...second, action: 'edited' }, third]);
    expect(await service.verify()).toMatchObject({ valid: false, entries: 2, firstInvalid: { seq: '2', reason: 'altered' } });
    expect(read()).toBe(2);
  });
});

function draftOf(subjectId: string): AuditDraft {
  return { principalId: 'admin', action: 'x', subjectType: 'T', subjectId, outcome: 'succeeded', requestId: null, policyVersion: null, before: null, after: null, details: null };
}
