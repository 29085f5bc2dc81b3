import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/session';
import { fakeFetch, json, problem } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { promotionDetail } from './promotion/testing';

const ID = '0b6f3c1e-1111-4222-8333-444455556666';
const ALICE = { id: 'alice', name: 'Alice Approver', kind: 'person', teams: ['platform'], roles: ['approver'] };
const path = (r: Request) => new URL(r.url).pathname;
const AUDIT = { seq: '12', at: '2026-03-01T10:05:00Z', principal: 'alice', action: 'promotion.approve', subject: { type: 'Promotion', id: ID }, outcome: 'succeeded', requestId: 'req-9', policyVersion: 'pv', before: null, after: null, details: null, hash: '0123456789abcdef0123', prevHash: 'ff' };

/** The server: the promotion (changing after an approval), the product, its impact and diff. */
function server(initial = promotionDetail()) {
  let current = initial;
  let etag = 1;
  const posted: unknown[] = [];
  const fake = fakeFetch(async (r) => {
    const p = path(r);
    if (p === '/api/v1/me') return json(ALICE);
    if (p === `/api/v1/promotions/${ID}` && r.method === 'GET') {
      const tag = `W/"${etag}"`;
      return r.headers.get('if-none-match') === tag ? new Response(null, { status: 304, headers: { etag: tag } }) : json(current, 200, { etag: tag });
    }
    if (p === `/api/v1/promotions/${ID}/approvals`) {
      const body = (await r.json()) as { decision: string; comment: string };
      posted.push(body);
      if (body.decision === 'reject' && !body.comment.trim()) return problem(400, 'validation_failed', 'Validation failed', { errors: [{ field: 'comment', message: 'a rejection must say why' }] });
      const decided = { allowed: false, reason: `alice already decided on promotion ${ID}.`, rule: null };
      current = { ...current, state: 'approved', stateReason: null, actions: { ...current.actions, approve: decided, reject: decided } };
      etag += 1;
      const { plan: _plan, actions: _actions, ...promotion } = current;
      return json({ ...promotion, audit: AUDIT }, 201);
    }
    if (p === '/api/v1/data-products/orders-daily/impact')
      return json({ product: 'orders-daily', truncated: false, downstream: [{ product: { name: 'customer-360', title: 'Customer 360', owner: 'team:sales-data', stewards: ['sam@example.com'], tier: 1, classification: 'confidential' }, distance: 0, path: [] }] });
    if (p === '/api/v1/data-products/orders-daily')
      return json({ name: 'orders-daily', revision: 3, environments: [{ environment: 'dev', revision: 3, status: 'deployed', lastGoodRevision: 3, updatedAt: null }, { environment: 'staging', revision: 3, status: 'deployed', lastGoodRevision: 3, updatedAt: null }, { environment: 'prod', revision: 1, status: 'deployed', lastGoodRevision: 1, updatedAt: null }] });
    if (p === '/api/v1/data-products/orders-daily/diff') return json({ product: 'orders-daily', from: 1, to: 3, changes: [{ path: 'spec.tier', op: 'changed', before: 1, after: 2 }] });
    return new Response(null, { status: 404 });
  });
  return { fake, posted };
}

describe('the decision screen', () => {
  it('leads with the plan, shows the changes, gates, downstream and what I may do', async () => {
    server();
    signIn('ghs_alice');
    renderApp(`/promotions/${ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Promote orders-daily r3 to prod' })).toBeTruthy();
    expect(screen.getByTestId('plan-summary').textContent).toBe('Promote orders-daily r3 from staging to prod, replacing r1; triggers Airflow DAG orders_daily on airflow-prod');
    expect(document.querySelector('.promotion-state')!.textContent).toContain('Awaiting approval');
    expect(screen.getByRole('heading', { level: 2, name: 'Changes in prod' })).toBeTruthy();
    expect(await screen.findByText(/spec\.tier/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Gates' })).toBeTruthy();
    const downstream = await screen.findByRole('link', { name: 'customer-360' });
    expect(downstream.getAttribute('href')).toBe('/products/customer-360');
    expect(document.querySelector('[data-action="approve"]')!.textContent).toContain('You may approve.');
    expect(screen.getByRole('button', { name: 'Approve' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('approves with a comment and shows the audit receipt; the buttons then say I decided', async () => {
    const { posted } = server();
    signIn('ghs_alice');
    renderApp(`/promotions/${ID}`);
    await userEvent.type(await screen.findByLabelText('Comment'), 'ship it');
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const receipts = await screen.findByRole('status', { name: 'Receipts' });
    await waitFor(() => expect(receipts.textContent).toContain('Recorded as audit entry #12, hash 0123456789ab…'));
    expect(receipts.textContent).toContain('Approved.');
    expect(posted).toEqual([{ decision: 'approve', comment: 'ship it' }]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Approve' }).getAttribute('aria-disabled')).toBe('true'));
    expect(screen.getAllByText(`alice already decided on promotion ${ID}.`).length).toBeGreaterThan(0);
    // the page followed the new state and announced it
    await waitFor(() => expect(document.querySelector('.promotion-state')!.textContent).toContain('Approved'));
    expect(screen.getByTestId('state-announcement').textContent).toBe('The promotion is now approved. It was awaiting approval.');
  });

  it('a rejection needs a reason: the error is at the comment field, nothing is sent', async () => {
    const { posted } = server();
    signIn('ghs_alice');
    renderApp(`/promotions/${ID}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Reject…' }));
    const comment = screen.getByLabelText('Comment');
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(comment.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    expect(error.textContent).toBe('A rejection must say why: write the reason in the comment.');
    expect(document.activeElement).toBe(comment);
    expect(posted).toEqual([]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('refused: the Approve button is disabled with the server’s reason', async () => {
    const refused = { allowed: false, reason: 'the requester may not approve their own promotion', rule: null };
    server(promotionDetail({ actions: { ...promotionDetail().actions, approve: refused, reject: refused } }));
    signIn('ghs_olga');
    renderApp(`/promotions/${ID}`);
    const approve = await screen.findByRole('button', { name: 'Approve' });
    expect(approve.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(approve.getAttribute('aria-describedby')!)!.textContent).toBe('the requester may not approve their own promotion');
    expect(within(document.querySelector<HTMLElement>('[data-action="approve"]')!).getByText(/You may not approve/)).toBeTruthy();
  });
});
