import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../auth/session';
import { fakeFetch, json, problem } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { promotionDetail } from './testing';

const ID = '0b6f3c1e-1111-4222-8333-444455556666';
const FIONA = { id: 'fiona', name: 'Fiona Finance', kind: 'person', teams: ['finance'], roles: [] };
const ORDERS = 'dataset:postgres://warehouse:5432:analytics.public.orders';
const AUDIT = { seq: '14', at: '2026-03-01T10:05:00Z', principal: 'fiona', action: 'promotion.acknowledge', subject: { type: 'Promotion', id: ID }, outcome: 'succeeded', requestId: 'req-9', policyVersion: 'pv', before: null, after: null, details: null, hash: 'abcdef0123456789abcd', prevHash: 'ff' };
const path = (r: Request) => new URL(r.url).pathname;

type Detail = ReturnType<typeof promotionDetail>;
type Gate = Detail['gates'][number];

const reader = (product: string, owner: string, acknowledgedBy: { principal: string; comment: string; at: string }[] = [], stewards: string[] = []) => ({
  product,
  title: product,
  owner,
  stewards,
  tier: 2,
  columns: {},
  changes: [0],
  acknowledgedBy,
});

/** The breaking-change gate as the server reports it, with who has acknowledged so far. */
function breakingGate(acknowledged: boolean): Gate {
  const downstream = [reader('churn', 'team:data-science', [], ['dora@example.com']), reader('revenue', 'team:finance', acknowledged ? [{ principal: 'fiona', comment: 'we switch to net_amount', at: '2026-03-01T10:05:00Z' }] : [])];
  return {
    check: 'breakingChangesAcknowledged',
    hard: true,
    status: 'pending',
    message: `1 breaking change(s) against r1 wait for the acknowledgement of ${acknowledged ? 'churn' : 'churn, revenue'}`,
    evidence: {
      environment: 'prod',
      owner: 'team:sales-data',
      baseline: 1,
      changeSet: 'sha256:0123',
      breaking: [{ rule: 'field-removed', level: 'breaking', output: ORDERS, field: 'amount', message: 'field amount removed from analytics.public.orders' }],
      downstream,
      acknowledged: acknowledged ? ['revenue'] : [],
      waitingFor: acknowledged ? ['churn'] : ['churn', 'revenue'],
      truncated: false,
    } as never,
  };
}

function withGate(acknowledged: boolean, acknowledge: Detail['actions']['acknowledge']): Detail {
  const base = promotionDetail({ state: 'blocked', stateReason: 'waiting for acknowledgements' });
  return { ...base, gates: [base.gates[0]!, breakingGate(acknowledged), base.gates[1]!], actions: { ...base.actions, acknowledge } };
}

function server(initial: Detail) {
  let current = initial;
  let etag = 1;
  const posted: unknown[] = [];
  fakeFetch(async (r) => {
    const p = path(r);
    if (p === '/api/v1/me') return json(FIONA);
    if (p === `/api/v1/promotions/${ID}` && r.method === 'GET') {
      const tag = `W/"${etag}"`;
      return r.headers.get('if-none-match') === tag ? new Response(null, { status: 304, headers: { etag: tag } }) : json(current, 200, { etag: tag });
    }
    if (p === `/api/v1/promotions/${ID}/acknowledgements`) {
      const body = (await r.json()) as { downstream: string; comment: string };
      posted.push(body);
      if (body.downstream !== 'revenue') return problem(400, 'validation_failed', 'Validation failed', { errors: [{ field: 'downstream', message: `${body.downstream} is not a downstream product these breaking changes reach` }] });
      current = withGate(true, { allowed: false, reason: 'No downstream product waits for your acknowledgement.', rule: null, products: [] });
      etag += 1;
      const { plan: _plan, actions: _actions, ...promotion } = current;
      return json({ ...promotion, audit: AUDIT }, 201);
    }
    if (p.startsWith('/api/v1/data-products/')) return json({ product: 'orders-daily', truncated: false, downstream: [], changes: [], environments: [] });
    return new Response(null, { status: 404 });
  });
  return { posted };
}

const downstreamItem = (product: string) => document.querySelector<HTMLElement>(`[data-downstream="${product}"]`)!;

describe('acknowledging breaking changes on the decision screen', () => {
  it('shows who has and has not acknowledged, and acknowledges for my product with a comment', async () => {
    const { posted } = server(withGate(false, { allowed: true, reason: null, rule: null, products: ['revenue'] }));
    signIn('ghs_fiona');
    renderApp(`/promotions/${ID}`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Breaking changes' })).toBeTruthy();
    const changes = screen.getByRole('list', { name: 'Breaking changes' });
    expect(changes.textContent).toContain('field-removed: field amount removed from analytics.public.orders');
    expect(downstreamItem('revenue').dataset.acknowledged).toBe('false');
    expect(downstreamItem('revenue').textContent).toContain('Not acknowledged yet');
    expect(downstreamItem('churn').textContent).toContain('stewards dora@example.com');
    expect(document.querySelector('[data-action="acknowledge"]')!.textContent).toBe('✓You may acknowledge the breaking changes for revenue.');

    await userEvent.type(screen.getByLabelText('Acknowledgement comment'), 'we switch to net_amount');
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge breaking changes' }));
    expect(posted).toEqual([{ downstream: 'revenue', comment: 'we switch to net_amount' }]);
    const receipts = await screen.findByRole('status', { name: 'Receipts' });
    await waitFor(() => expect(receipts.textContent).toContain('Acknowledged for revenue'));
    await waitFor(() => expect(downstreamItem('revenue').dataset.acknowledged).toBe('true'));
    expect(downstreamItem('revenue').textContent).toContain('fiona');
    expect(downstreamItem('revenue').textContent).toContain('“we switch to net_amount”');
    expect(downstreamItem('churn').dataset.acknowledged).toBe('false');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Acknowledge breaking changes' }).getAttribute('aria-disabled')).toBe('true'));
  });

  it('refused: the button is disabled with the server’s reason', async () => {
    const reason = 'members of team:sales-data, the producing team, do not acknowledge for team:finance';
    server(withGate(false, { allowed: false, reason, rule: null, products: [] }));
    signIn('ghs_sally');
    renderApp(`/promotions/${ID}`);
    const button = await screen.findByRole('button', { name: 'Acknowledge breaking changes' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toBe(reason);
    expect(within(document.querySelector<HTMLElement>('[data-action="acknowledge"]')!).getByText(/You may not acknowledge the breaking changes/)).toBeTruthy();
    expect(screen.queryByLabelText('Acknowledgement comment')).toBeNull();
  });

  it('with several products to acknowledge for: a choice, and the server’s field error shown at it', async () => {
    const { posted } = server(withGate(false, { allowed: true, reason: null, rule: null, products: ['churn', 'revenue'] }));
    signIn('ghs_fiona');
    renderApp(`/promotions/${ID}`);
    const button = await screen.findByRole('button', { name: 'Acknowledge breaking changes' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const select = screen.getByLabelText('Downstream product');
    await userEvent.selectOptions(select, 'churn');
    await userEvent.click(button);
    expect(posted).toEqual([{ downstream: 'churn', comment: '' }]);
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(select.getAttribute('aria-describedby')!)!.textContent).toContain('churn is not a downstream product these breaking changes reach');
  });

  it('without the gate: no acknowledgement section', async () => {
    server(promotionDetail());
    signIn('ghs_fiona');
    renderApp(`/promotions/${ID}`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Your decision' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: 'Breaking changes' })).toBeNull();
    expect(document.querySelector('[data-action="acknowledge"]')).toBeNull();
  });
});
