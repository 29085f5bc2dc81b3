import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { promotionDetail } from '../pages/promotion/testing';
import { EligibilityPanel } from './EligibilityPanel';

const action = (name: string) => document.querySelector<HTMLElement>(`[data-action="${name}"]`)!;

describe('EligibilityPanel', () => {
  it('says what I may do, before any button is pressed', () => {
    const p = promotionDetail();
    render(<EligibilityPanel actions={p.actions} approvals={p.approvals} gates={p.gates} />);
    expect(screen.getByRole('heading', { level: 2, name: 'What you may do' })).toBeTruthy();
    expect(action('approve').textContent).toBe('✓You may approve.');
    expect(action('approve').dataset.allowed).toBe('true');
    expect(action('reject').textContent).toContain('You may reject.');
    expect(action('evaluate').textContent).toContain('You may re-evaluate the gates.');
    // refused by a workflow rule: the server's reason, no policy rule to name
    expect(action('cancel').textContent).toBe('✕You may not cancel: only the requester or an admin cancels a promotion');
    expect(action('cancel').dataset.allowed).toBe('false');
    expect(within(action('cancel')).queryByText(/Deciding rule/)).toBeNull();
  });

  it('when refused by the policy: the reason and the deciding rule', () => {
    const refused = { allowed: false, reason: 'the requester may not approve their own promotion', rule: null };
    const byPolicy = { allowed: false, reason: 'no rule of your roles allows approve on Promotion', rule: { role: 'owner', file: 'roles.yaml', path: 'roles[1].rules[0]' } };
    const p = promotionDetail({
      actions: {
        ...promotionDetail().actions,
        approve: byPolicy,
        reject: refused,
        override: { allowed: false, reason: 'break-glass in prod is for the roles admin', rule: null, checks: [] },
      },
    });
    render(<EligibilityPanel actions={p.actions} approvals={p.approvals} gates={p.gates} />);
    expect(action('approve').textContent).toContain('You may not approve: no rule of your roles allows approve on Promotion');
    expect(within(action('approve')).getByText('owner · roles.yaml · roles[1].rules[0]').tagName).toBe('CODE');
    expect(action('reject').textContent).toContain('You may not reject: the requester may not approve their own promotion');
    expect(action('override').textContent).toContain('You may not override a failed gate (break-glass): break-glass in prod is for the roles admin');
  });

  it('when I already decided: says so; shows the quorum and every approval with whether it counts', () => {
    const decided = { allowed: false, reason: 'alice already decided on promotion 0b6f3c1e.', rule: null };
    const p = promotionDetail({
      actions: { ...promotionDetail().actions, approve: decided, reject: decided },
      gates: [
        {
          check: 'approvals',
          hard: true,
          status: 'pending',
          message: 'waiting for 1 more approval(s) of 2',
          evidence: { required: 2, approvedBy: ['alice'], lapsed: [{ principal: 'carol', why: 'expired at 2026-03-01T00:00:00.000Z' }], rejectedBy: [] } as never,
        },
      ],
      approvals: [
        { principal: 'alice', decision: 'approve', comment: 'looks good', at: '2026-03-01T10:00:00Z', expiresAt: '2099-03-02T10:00:00Z', valid: true },
        { principal: 'carol', decision: 'approve', comment: '', at: '2026-02-20T10:00:00Z', expiresAt: '2026-03-01T00:00:00Z', valid: false },
      ],
    });
    render(<EligibilityPanel actions={p.actions} approvals={p.approvals} gates={p.gates} />);
    expect(action('approve').textContent).toContain('You may not approve: alice already decided on promotion 0b6f3c1e.');
    expect(screen.getByRole('progressbar', { name: 'Approvals: 1 of 2 approvals' }).getAttribute('value')).toBe('1');
    const list = screen.getByRole('list', { name: 'Approvals' });
    const [alice, carol] = within(list).getAllByRole('listitem');
    expect(alice!.textContent).toContain('alice');
    expect(alice!.textContent).toContain('Approved');
    expect(alice!.textContent).toContain('counts');
    expect(alice!.textContent).toContain('“looks good”');
    expect(carol!.textContent).toContain('lapsed: expired at 2026-03-01T00:00:00.000Z');
  });

  it('a rejection, and an environment without approvals', () => {
    const p = promotionDetail({
      gates: [{ check: 'approvals', hard: true, status: 'failed', message: 'rejected by bob', evidence: { required: 2, approvedBy: [], lapsed: [], rejectedBy: ['bob'] } as never }],
      approvals: [{ principal: 'bob', decision: 'reject', comment: 'tier change not agreed', at: '2026-03-01T10:00:00Z', expiresAt: '2099-03-02T10:00:00Z', valid: false }],
    });
    const { unmount } = render(<EligibilityPanel actions={p.actions} approvals={p.approvals} gates={p.gates} />);
    expect(screen.getByText(/Rejected by bob/).textContent).toBe('Rejected by bob: any rejection rejects the promotion.');
    expect(screen.getByText('Rejected')).toBeTruthy();
    expect(screen.queryByText(/lapsed/)).toBeNull();
    unmount();
    render(<EligibilityPanel actions={p.actions} approvals={[]} gates={[]} headingLevel={3} />);
    expect(screen.getByRole('heading', { level: 3, name: 'What you may do' })).toBeTruthy();
    expect(screen.getByText('Promotions into this environment need no approvals.')).toBeTruthy();
    expect(screen.getByText('No one has decided yet.')).toBeTruthy();
  });
});
