import { nextState } from '../promotion-workflow';
import { ApprovalRecord, ApprovalRules, ineligibility, tallyApprovals } from './approvals';
import { openFreezeWindow } from './freeze-window';
import type { GateResult } from './gate.types';

const RULES: ApprovalRules = { required: 2, fromRoles: ['approver'], fromTeams: ['team:platform'], requesterMayApprove: false, serviceAccountsMayApprove: false, piiRequiresSteward: true, stewardRole: 'steward', expireAfter: 'P1D', expireRequestsAfter: 'P30D' };
const NOW = new Date('2026-11-27T12:00:00Z'); // a Friday
const approval = (principalId: string, extra: Partial<ApprovalRecord> = {}): ApprovalRecord => ({
  principalId, principalKind: 'person', roles: ['approver'], teams: [], decision: 'approve', digest: 'd1', createdAt: NOW, expiresAt: new Date(NOW.getTime() + 3_600_000), ...extra,
});

describe('freeze windows', () => {
  const weekend = [{ cron: '0 18 * * FRI', duration: 'PT62H', timezone: 'UTC', reason: 'weekend' }];
  it('is open from each opening for its duration, in its time zone', () => {
    expect(openFreezeWindow(weekend, NOW)).toBeNull();
    expect(openFreezeWindow(weekend, new Date('2026-11-28T03:00:00Z'))).toMatchObject({ openedAt: '2026-11-27T18:00:00.000Z', closesAt: '2026-11-30T08:00:00.000Z' });
    expect(openFreezeWindow(weekend, new Date('2026-11-30T08:00:00Z'))).toBeNull();
    const berlin = [{ cron: '0 18 * * FRI', duration: 'PT1H', timezone: 'Europe/Berlin', reason: 'x' }];
    expect(openFreezeWindow(berlin, new Date('2026-11-27T17:30:00Z'))).toMatchObject({ openedAt: '2026-11-27T17:00:00.000Z' });
  });
});

describe('approvals', () => {
  it('refuses the requester, service accounts and people outside the roles and teams', () => {
    expect(ineligibility(RULES, { id: 'carol', kind: 'person', roles: ['approver'], teams: [] }, 'carol', false)).toContain('requester');
    expect(ineligibility(RULES, { id: 'bot', kind: 'service', roles: ['approver'], teams: [] }, 'carol', false)).toContain('service accounts');
    expect(ineligibility(RULES, { id: 'eve', kind: 'person', roles: ['viewer'], teams: [] }, 'carol', false)).toContain('role approver, team team:platform');
    expect(ineligibility(RULES, { id: 'pat', kind: 'person', roles: [], teams: ['platform'] }, 'carol', false)).toBeNull();
    expect(ineligibility(RULES, { id: 'sam', kind: 'person', roles: ['steward'], teams: [] }, 'carol', true)).toBeNull();
  });

  it('needs a quorum of valid approvals and a steward for personal data; any rejection rejects', () => {
    expect(tallyApprovals(RULES, [approval('a')], 'd1', false, NOW)).toMatchObject({ status: 'pending', counted: ['a'] });
    expect(tallyApprovals(RULES, [approval('a'), approval('b')], 'd1', false, NOW).status).toBe('passed');
    const pii = tallyApprovals(RULES, [approval('a'), approval('b')], 'd1', true, NOW);
    expect(pii).toMatchObject({ status: 'pending', message: expect.stringContaining('steward') });
    expect(tallyApprovals(RULES, [approval('a'), approval('s', { roles: ['steward'] })], 'd1', true, NOW).status).toBe('passed');
    expect(tallyApprovals(RULES, [approval('a'), approval('b'), approval('c', { decision: 'reject' })], 'd1', false, NOW)).toMatchObject({ status: 'rejected', rejectedBy: ['c'] });
  });

  it('lets approvals lapse when they expire or the product changed', () => {
    const t = tallyApprovals(RULES, [approval('old', { expiresAt: NOW }), approval('stale', { digest: 'd0' }), approval('ok')], 'd1', false, NOW);
    expect(t.counted).toEqual(['ok']);
    expect(t.lapsed).toEqual([
      { principal: 'old', why: expect.stringContaining('expired') },
      { principal: 'stale', why: 'the product changed after this approval' },
    ]);
  });
});

describe('nextState', () => {
  const g = (check: GateResult['check'], status: GateResult['status'], hard = true): GateResult => ({ check, hard, status, message: `${check} ${status}`, evidence: {} });
  it('blocks on failed or pending hard gates, waits for approvals, ignores soft gates', () => {
    expect(nextState([g('ownerDeclared', 'failed'), g('approvals', 'pending')], null)).toEqual({ state: 'blocked', reason: 'ownerDeclared: ownerDeclared failed' });
    expect(nextState([g('sourceRevisionSucceeded', 'pending')], null).state).toBe('blocked');
    expect(nextState([g('outputsFresh', 'failed', false), g('approvals', 'pending')], null).state).toBe('awaiting_approval');
    expect(nextState([g('noFreezeWindow', 'overridden'), g('approvals', 'passed')], null).state).toBe('approved');
    expect(nextState([g('approvals', 'failed')], { status: 'rejected', message: 'rejected by x', counted: [], lapsed: [], rejectedBy: ['x'], stewardApproved: false }).state).toBe('rejected');
  });
});
