import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../auth/session';
import { fakeFetch, json, problem } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { promotion, run } from './fixtures';
import type { Promotion } from './model';

const ALICE = { id: 'alice', name: 'Alice Approver', kind: 'person', teams: ['platform'], roles: ['approver'] };
const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();

interface Answers {
  me?: unknown;
  awaiting?: Promotion[] | (() => Response);
  acknowledging?: Promotion[];
  breaches?: unknown[];
  failed?: Promotion[];
  rejected?: Promotion[];
  runs?: unknown[];
}

function server(answers: Answers = {}) {
  return fakeFetch((r) => {
    const url = new URL(r.url);
    const q = url.searchParams;
    switch (url.pathname) {
      case '/api/v1/me':
        return json(answers.me ?? ALICE);
      case '/api/v1/promotions':
        if (q.get('awaitingAcknowledgement') === 'true') return json({ items: answers.acknowledging ?? [], nextCursor: null });
        if (q.get('awaitingMe') === 'true') return typeof answers.awaiting === 'function' ? answers.awaiting() : json({ items: answers.awaiting ?? [], nextCursor: null });
        if (q.get('mine') === 'true' && q.get('state') === 'failed') return json({ items: answers.failed ?? [], nextCursor: null });
        if (q.get('mine') === 'true' && q.get('state') === 'rejected') return json({ items: answers.rejected ?? [], nextCursor: null });
        break;
      case '/api/v1/sla':
        if (q.get('status') === 'breached' && q.get('mine') === 'true') return json({ evaluatedAt: ago(60_000), items: answers.breaches ?? [] });
        break;
      case '/api/v1/runs':
        if (q.get('status') === 'failed' && q.get('mine') === 'true') return json({ items: answers.runs ?? [], nextCursor: null });
        break;
    }
    return problem(404, 'not_found', 'Not found');
  });
}

const section = (name: RegExp) => screen.getByRole('region', { name });

afterEach(() => {
  vi.useRealTimers();
});

describe('the home page', () => {
  it('greets the person with their teams and roles', async () => {
    server();
    signIn('ghs_alice');
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    await screen.findByText('Alice Approver', { selector: 'strong' });
    expect(document.querySelector('.page__description')!.textContent).toBe('Hello, Alice Approver — team platform · role approver.');
    expect(document.title).toBe('Home · Gatehouse');
  });

  it('lists the promotions waiting for my decision with requester, age and time left, linked to each promotion', async () => {
    const waiting = promotion('7f1c0c6e-0000-4000-8000-000000000001', 'awaiting_approval', ago(2 * HOUR + 5 * 60_000), {
      revision: 3,
      from: 'staging',
      to: 'prod',
      requestedBy: 'olga',
      completedAt: null,
      expiresAt: ahead(5 * HOUR + 30_000),
    });
    const later = promotion('7f1c0c6e-0000-4000-8000-000000000002', 'awaiting_approval', ago(HOUR), {
      product: 'customer-360',
      revision: 1,
      from: 'dev',
      to: 'staging',
      completedAt: null,
      expiresAt: ahead(3 * 24 * HOUR + 30_000),
    });
    server({ awaiting: [waiting, later] });
    signIn('ghs_alice');
    const app = renderApp('/');
    const link = await screen.findByRole('link', { name: 'orders-daily r3' });
    const region = section(/Waiting for my decision/);
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('Waiting for my decision (2)');
    const row = link.closest('tr')!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['staging →to prod', 'olga', '2 hours 5 minutes', '▲ 5 hours left', 'Awaiting approval']);
    expect(row.querySelector('.home-expiry--soon')).toBeTruthy();
    const other = within(screen.getByRole('link', { name: 'customer-360 r1' }).closest('tr')!).getAllByRole('cell');
    expect(other[3]!.textContent).toBe('3 days left');

    await userEvent.click(link);
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/promotions/${waiting.id}`));
  });

  it('lists the breaking changes waiting for my acknowledgement, with the products still waiting, only when there are any', async () => {
    const gate = { check: 'breakingChangesAcknowledged', hard: true, status: 'pending', message: '1 breaking change(s) against r1 wait for the acknowledgement of churn, revenue', evidence: { waitingFor: ['churn', 'revenue'] } as never } as const;
    const waiting = promotion('7f1c0c6e-0000-4000-8000-000000000009', 'blocked', ago(HOUR), { product: 'orders', revision: 2, requestedBy: 'carol', completedAt: null, gates: [gate] });
    server({ acknowledging: [waiting] });
    signIn('ghs_alice');
    const app = renderApp('/');
    const link = await screen.findByRole('link', { name: 'orders r2' });
    const region = section(/Breaking changes waiting for my acknowledgement/);
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('Breaking changes waiting for my acknowledgement (1)');
    expect(within(link.closest('tr')!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['staging →to prod', 'carol', 'churn, revenue']);
    await userEvent.click(link);
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/promotions/${waiting.id}`));
  });

  it('shows no acknowledgement section when nothing waits for me', async () => {
    server();
    signIn('ghs_alice');
    renderApp('/');
    expect(await screen.findByText('Nothing is waiting for your decision.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Breaking changes waiting/ })).toBeNull();
  });

  it('asks for the waiting promotions again every 15 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let calls = 0;
    const first = promotion('7f1c0c6e-0000-4000-8000-000000000003', 'awaiting_approval', ago(HOUR), { completedAt: null, expiresAt: ahead(48 * HOUR) });
    server({
      awaiting: () => {
        calls += 1;
        const items = calls === 1 ? [] : [first];
        return json({ items, nextCursor: null });
      },
    });
    signIn('ghs_alice');
    renderApp('/');
    expect(await screen.findByText('Nothing is waiting for your decision.')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(15_500);
    expect(await screen.findByRole('link', { name: 'orders-daily r3' })).toBeTruthy();
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('keeps the list it has when a refresh fails, and says so', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let calls = 0;
    const first = promotion('7f1c0c6e-0000-4000-8000-000000000007', 'awaiting_approval', ago(HOUR), { completedAt: null, expiresAt: ahead(48 * HOUR) });
    server({
      awaiting: () => {
        calls += 1;
        return calls === 1 ? json({ items: [first], nextCursor: null }) : problem(503, 'unavailable', 'Service unavailable');
      },
    });
    signIn('ghs_alice');
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'orders-daily r3' })).toBeTruthy();
    await vi.advanceTimersByTimeAsync(15_500);
    expect(await screen.findByText(/Could not refresh the list just now/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'orders-daily r3' })).toBeTruthy();
  });

  it('shows my products in SLA breach: since when, the late outputs, a link to the SLA tab', async () => {
    server({
      breaches: [
        {
          product: 'orders-daily',
          environment: 'prod',
          freshness: 'PT4H',
          status: 'breached',
          breachesAt: ahead(HOUR),
          outputs: [
            { output: 'dataset:postgres://warehouse:5432:analytics.public.orders_daily', status: 'stale', lastProducedAt: ago(7 * HOUR), deadline: ago(3 * HOUR) },
            { output: 'dataset:postgres://warehouse:5432:analytics.public.orders_totals', status: 'fresh', lastProducedAt: ago(3 * HOUR), deadline: ahead(HOUR) },
          ],
        },
      ],
    });
    signIn('ghs_olga');
    renderApp('/');
    const link = await screen.findByRole('link', { name: 'orders-daily' });
    expect(link.getAttribute('href')).toBe('/products/orders-daily?tab=sla');
    const cells = within(link.closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['prod', '3 hours ago', 'analytics.public.orders_daily last produced 7 hours ago, due 3 hours ago', '4 hours']);
    expect(within(section(/My products in SLA breach/)).getByRole('heading', { level: 2 }).textContent).toBe('My products in SLA breach (1)');
  });

  it('shows recent failed and rejected promotions and failed runs, newest first, with why', async () => {
    const failed = promotion('7f1c0c6e-0000-4000-8000-000000000004', 'failed', ago(5 * HOUR), { stateReason: 'the Airflow run failed' });
    const rejected = promotion('7f1c0c6e-0000-4000-8000-000000000005', 'rejected', ago(HOUR), {
      from: 'dev',
      to: 'staging',
      approvals: [{ principal: 'bob', decision: 'reject', comment: 'wrong revision', at: ago(HOUR), expiresAt: ahead(HOUR), valid: true }],
    });
    const old = promotion('7f1c0c6e-0000-4000-8000-000000000006', 'failed', ago(30 * 24 * HOUR));
    server({ failed: [failed, old], rejected: [rejected], runs: [run('2b1c0c6e-0000-4000-8000-000000000001', ago(3 * HOUR))] });
    signIn('ghs_olga');
    renderApp('/');
    const region = await waitFor(() => {
      const r = section(/Recent failures/);
      expect(within(r).getByRole('heading', { level: 2 }).textContent).toBe('Recent failures (3)');
      return r;
    });
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['Promotion rejected', 'Run failed', 'Promotion failed']);
    expect(rows[0]!.textContent).toContain('bob: wrong revision');
    expect(rows[1]!.textContent).toContain('task extract failed');
    expect(within(rows[1]!).getByRole('link', { name: 'orders-daily' }).getAttribute('href')).toBe('/products/orders-daily?tab=runs');
    expect(within(rows[2]!).getByRole('link', { name: /r3 staging/ }).getAttribute('href')).toBe(`/promotions/${failed.id}`);
    expect(rows[2]!.textContent).toContain('the Airflow run failed');
  });

  it('says so when a section is empty', async () => {
    server({ me: { id: 'sam', name: 'Sam Steward', kind: 'person', teams: [], roles: [] } });
    signIn('ghs_sam');
    renderApp('/');
    expect(await screen.findByText('Nothing is waiting for your decision.')).toBeTruthy();
    expect(await screen.findByText('No product of yours is in breach of its SLA.')).toBeTruthy();
    expect(await screen.findByText(/Nothing of yours failed or was rejected in the last 14 days/)).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.page__description')!.textContent).toBe('Hello, Sam Steward — no teams · no roles.'));
  });

  it('shows a failed section as a problem with a way to try again, the others still', async () => {
    server({ awaiting: () => problem(503, 'unavailable', 'Service unavailable') });
    signIn('ghs_alice');
    renderApp('/');
    const alert = await screen.findByRole('alert', { name: 'Service unavailable' });
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(await screen.findByText('No product of yours is in breach of its SLA.')).toBeTruthy();
  });
});
