import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../api/schema';
import { renderInRouter } from '../pages/promotion/testing';
import { GateList, gateSummary } from './GateList';

type GateResult = components['schemas']['GateResult'];
const gate = (g: Omit<GateResult, 'evidence'> & { evidence: Record<string, unknown> }) => g as unknown as GateResult;

const GATES: GateResult[] = [
  gate({ check: 'ownerDeclared', hard: true, status: 'passed', message: 'owner team:sales-data', evidence: { owner: 'team:sales-data' } }),
  gate({
    check: 'sourceRevisionSucceeded',
    hard: true,
    status: 'failed',
    message: 'the last run of revision 3 in staging failed',
    evidence: { environment: 'staging', revision: 3, run: { id: 'run-42', status: 'failed', endedAt: '2026-03-01T10:00:00Z' } },
  }),
  gate({
    check: 'outputsFresh',
    hard: false,
    status: 'failed',
    message: 'outputs out of their PT6H SLA in staging',
    evidence: { environment: 'staging', freshness: 'PT6H', status: 'breached', breachesAt: null, outputs: [{ output: 'dataset:pg:orders', lastProducedAt: null, deadline: '2026-03-01T00:00:00Z', status: 'missing' }] },
  }),
  gate({
    check: 'approvals',
    hard: true,
    status: 'pending',
    message: 'waiting for 1 more approval(s) of 2',
    evidence: { required: 2, approvedBy: ['alice'], lapsed: [{ principal: 'bob', why: 'the product changed after this approval' }], rejectedBy: [] },
  }),
  gate({
    check: 'noFreezeWindow',
    hard: true,
    status: 'overridden',
    message: 'break-glass by admin: hotfix for the quarter close (was: change freeze until …)',
    evidence: {
      window: { cron: '0 18 * * FRI', duration: 'PT62H', timezone: 'UTC', reason: 'weekend change freeze' },
      openedAt: '2026-02-27T18:00:00Z',
      closesAt: '2026-03-02T08:00:00Z',
      override: { check: 'noFreezeWindow', by: 'admin', reason: 'hotfix for the quarter close', at: '2026-02-28T09:00:00Z' },
    },
  }),
];

const item = (check: string) => document.querySelector<HTMLElement>(`[data-check="${check}"]`)!;

describe('GateList', () => {
  it('shows every gate with its status in words and a tone, hard or soft, its message, and the policy version', async () => {
    renderInRouter(<GateList gates={GATES} policyVersion="pv-0123456789" product="orders-daily" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Gates' })).toBeTruthy();
    expect(screen.getByText(/5 gates: 2 failed, 1 pending, 1 overridden, 1 passed\./)).toBeTruthy();
    expect(screen.getByText('pv-0123456789').closest('p')!.textContent).toContain('Evaluated by policy version pv-0123456789');

    const statuses = { ownerDeclared: ['Passed', 'success'], sourceRevisionSucceeded: ['Failed', 'danger'], approvals: ['Pending', 'neutral'], noFreezeWindow: ['Overridden', 'warning'] } as const;
    for (const [check, [label, tone]] of Object.entries(statuses)) {
      const badge = item(check).querySelector('.badge')!;
      expect(badge.textContent).toContain(label);
      expect(badge.className).toContain(`badge--${tone}`);
      expect(item(check).className).toContain('gate--');
    }
    // the gate's name is its heading, the badge says which gate for screen readers
    expect(within(item('approvals')).getByRole('heading', { level: 3, name: 'Approvals' })).toBeTruthy();
    expect(item('approvals').querySelector('.badge')!.textContent).toBe('Approvals: Pending');

    expect(within(item('ownerDeclared')).getByText('Hard gate: blocks')).toBeTruthy();
    expect(within(item('outputsFresh')).getByText('Soft gate: only warns')).toBeTruthy();
    expect(within(item('sourceRevisionSucceeded')).getByText('the last run of revision 3 in staging failed')).toBeTruthy();
  });

  it('renders the evidence readably: the run with a link to the runs tab, SLA with a link to the SLA tab', async () => {
    renderInRouter(<GateList gates={GATES} product="orders-daily" />);
    await screen.findByText('run-42');
    const run = within(item('sourceRevisionSucceeded'));
    expect(run.getByText('run-42').tagName).toBe('CODE');
    expect(run.getByText('staging')).toBeTruthy();
    expect(run.getByText('r3')).toBeTruthy();
    expect(run.getByText('Run status').nextElementSibling!.textContent).toBe('Failed');
    expect(run.getByText('Ended').nextElementSibling!.querySelector('time')!.getAttribute('datetime')).toBe('2026-03-01T10:00:00.000Z');
    expect(run.getByRole('link', { name: 'Runs of orders-daily' }).getAttribute('href')).toBe('/products/orders-daily?tab=runs');

    const sla = within(item('outputsFresh'));
    expect(sla.getByText('Breached')).toBeTruthy();
    expect(sla.getByText('dataset:pg:orders')).toBeTruthy();
    expect(sla.getByText('Missing').className).toBe('badge badge--danger');
    expect(sla.getByRole('link', { name: 'SLA of orders-daily' }).getAttribute('href')).toBe('/products/orders-daily?tab=sla');
  });

  it('shows who approved, who lapsed and why, the freeze window and the break-glass override', async () => {
    renderInRouter(<GateList gates={GATES} product="orders-daily" />);
    await screen.findByRole('heading', { name: 'Gates' });
    const approvals = within(item('approvals'));
    expect(approvals.getByText('1 of 2 approvals')).toBeTruthy();
    expect(approvals.getByRole('progressbar', { name: 'Approvals: 1 of 2 approvals' })).toBeTruthy();
    expect(approvals.getByText('alice')).toBeTruthy();
    expect(approvals.getByText('bob').closest('li')!.textContent).toBe('bob: the product changed after this approval');

    const freeze = within(item('noFreezeWindow'));
    expect(freeze.getByText('weekend change freeze')).toBeTruthy();
    expect(freeze.getByText('0 18 * * FRI').closest('dd')!.textContent).toBe('0 18 * * FRI for PT62H (UTC)');
    expect(freeze.getByText('Break-glass override').closest('p')!.textContent).toContain('“hotfix for the quarter close”');
  });

  it('keeps the raw evidence in a disclosure', async () => {
    renderInRouter(<GateList gates={GATES} product="orders-daily" />);
    await screen.findByRole('heading', { name: 'Gates' });
    const details = item('sourceRevisionSucceeded').querySelector('details')!;
    expect(details.open).toBe(false);
    await userEvent.click(within(details).getByText('Raw evidence'));
    expect(details.open).toBe(true);
    expect(JSON.parse(details.querySelector('pre')!.textContent!)).toEqual({ environment: 'staging', revision: 3, run: { id: 'run-42', status: 'failed', endedAt: '2026-03-01T10:00:00Z' } });
    // named per gate for screen readers
    expect(details.querySelector('summary')!.textContent).toBe('Raw evidence of Revision ran successfully');
  });

  it('says when no gate applies, and summarises', async () => {
    renderInRouter(<GateList gates={[]} headingLevel={3} />);
    expect(await screen.findByRole('heading', { level: 3, name: 'Gates' })).toBeTruthy();
    expect(screen.getByText('No gates apply to promotions into this environment.')).toBeTruthy();
    expect(gateSummary([GATES[0]!])).toBe('1 gate: 1 passed.');
  });
});
