import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../auth/session';
import { fakeFetch, json, problem } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import type { AuditEntry } from './AuditTable';
import { fromLocalInput } from './filters';

const AUDREY = { id: 'audrey', name: 'Audrey Auditor', kind: 'person', teams: ['audit'], roles: ['auditor'] };
const hash = (n: number) => n.toString(16).padStart(64, '0');

const entry = (seq: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  seq: String(seq),
  at: `2026-12-07T10:${String(seq).padStart(2, '0')}:00.000Z`,
  principal: 'olga',
  action: 'promotion.request',
  subject: { type: 'Promotion', id: `7f1c0c6e-0000-4000-8000-0000000000${String(seq).padStart(2, '0')}` },
  outcome: 'succeeded',
  requestId: `req-${seq}`,
  policyVersion: 'b'.repeat(64),
  before: null,
  after: { state: 'awaiting_approval', revision: 3 },
  details: { gates: ['ownerDeclared'] },
  hash: hash(seq),
  prevHash: hash(seq - 1),
  ...extra,
});

const path = (r: Request) => new URL(r.url).pathname;

function server(options: { audit?: (q: URLSearchParams) => Response; verify?: () => Response; me?: unknown } = {}) {
  return fakeFetch((r) => {
    const url = new URL(r.url);
    if (url.pathname === '/api/v1/me') return json(options.me ?? AUDREY);
    if (url.pathname === '/api/v1/audit') return options.audit ? options.audit(url.searchParams) : json({ items: [entry(2), entry(1)], nextCursor: null });
    if (url.pathname === '/api/v1/audit/verify') return options.verify ? options.verify() : json({ valid: true, entries: 2, head: hash(2) });
    return problem(404, 'not_found', 'Not found');
  });
}

const pageSearch = (app: ReturnType<typeof renderApp>) => app.router.state.matches.at(-1)!.search as Record<string, unknown>;

describe('the audit page', () => {
  it('lists entries with shortened hashes (full value in the title) and subjects linked', async () => {
    server();
    signIn('ghs_audrey');
    renderApp('/audit');
    const table = await screen.findByRole('table', { name: 'Audit entries, newest first' });
    const rows = within(table).getAllByRole('row').filter((r) => !r.hidden && r.querySelector('td'));
    expect(rows).toHaveLength(2);
    const cells = within(rows[0]!).getAllByRole('cell');
    expect(cells.map((c) => c.textContent).slice(1)).toEqual([
      '2',
      expect.stringContaining('2026'),
      'olga',
      'promotion.request',
      'Promotion 7f1c0c6e-0000-4000-8000-000000000002',
      'Succeeded',
      'bbbbbbbbbbbb…',
      '000000000000…',
    ]);
    expect(within(cells[8]!).getByText('000000000000…').getAttribute('title')).toBe(hash(2));
    expect(within(cells[5]!).getByRole('link').getAttribute('href')).toBe('/promotions/7f1c0c6e-0000-4000-8000-000000000002');
  });

  it('expands an entry to its before, after and details as JSON and its full hashes', async () => {
    server();
    signIn('ghs_audrey');
    renderApp('/audit');
    const toggle = await screen.findByRole('button', { name: 'Details of entry 2' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const detail = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(detail.hidden).toBe(true);
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(detail.hidden).toBe(false);
    expect(within(detail).getByText(hash(2))).toBeTruthy();
    expect(within(detail).getByText(hash(1))).toBeTruthy();
    expect(within(detail).getByLabelText('After (JSON)').textContent).toBe('{\n  "state": "awaiting_approval",\n  "revision": 3\n}');
    expect(within(detail).getByLabelText('Details (JSON)').textContent).toContain('"ownerDeclared"');
    expect(within(detail).getByText('Before').nextElementSibling!.textContent).toBe('none');
    await userEvent.click(toggle);
    expect(detail.hidden).toBe(true);
  });

  it('applies the filters on submit only, keeps them in the URL and sends them to the API as RFC 3339', async () => {
    const fake = server();
    signIn('ghs_audrey');
    const app = renderApp('/audit');
    await screen.findByRole('table');
    const before = fake.requests.filter((r) => path(r) === '/api/v1/audit').length;
    await userEvent.type(screen.getByLabelText('Action'), 'promotion.request');
    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'denied');
    await userEvent.type(screen.getByLabelText('From'), '2026-12-07T09:30');
    expect(fake.requests.filter((r) => path(r) === '/api/v1/audit').length).toBe(before);
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const from = fromLocalInput('2026-12-07T09:30')!;
    await waitFor(() => expect(pageSearch(app)).toMatchObject({ action: 'promotion.request', outcome: 'denied', from }));
    await waitFor(() => {
      const last = new URL(fake.requests.filter((r) => path(r) === '/api/v1/audit').at(-1)!.url).searchParams;
      expect(Object.fromEntries(last)).toEqual({ action: 'promotion.request', outcome: 'denied', from, limit: '50' });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(app.router.state.location.search).toEqual({}));
    expect((screen.getByLabelText('Action') as HTMLInputElement).value).toBe('');
  });

  it('fills the form from the URL and refuses a To before From', async () => {
    const fake = server();
    signIn('ghs_audrey');
    const app = renderApp('/audit?principal=olga&subjectType=DataProduct&subjectId=orders-daily');
    await screen.findByRole('table');
    expect((screen.getByLabelText('Principal') as HTMLInputElement).value).toBe('olga');
    expect((screen.getByLabelText('Subject type') as HTMLInputElement).value).toBe('DataProduct');
    expect(new URL(fake.requests.find((r) => path(r) === '/api/v1/audit')!.url).searchParams.get('subjectId')).toBe('orders-daily');
    await userEvent.type(screen.getByLabelText('From'), '2026-12-07T10:00');
    await userEvent.type(screen.getByLabelText('To'), '2026-12-07T09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const to = screen.getByLabelText('To');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('“To” must be after “From”.')).toBeTruthy();
    expect(document.activeElement).toBe(to);
    expect(pageSearch(app).from).toBeUndefined();
  });

  it('pages with the cursor', async () => {
    const fake = server({ audit: (q) => json(q.get('cursor') === 'c2' ? { items: [entry(1)], nextCursor: null } : { items: [entry(3), entry(2)], nextCursor: 'c2' }) });
    signIn('ghs_audrey');
    const app = renderApp('/audit');
    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pageSearch(app).cursor).toBe('c2'));
    expect(await screen.findByRole('button', { name: 'Details of entry 1' })).toBeTruthy();
    expect(new URL(fake.requests.at(-1)!.url).searchParams.get('cursor')).toBe('c2');
    await userEvent.click(screen.getByRole('button', { name: 'Back to first page' }));
    expect(await screen.findByRole('button', { name: 'Details of entry 3' })).toBeTruthy();
  });

  it('verifies the chain on request and shows the head hash', async () => {
    const fake = server();
    signIn('ghs_audrey');
    renderApp('/audit');
    await screen.findByRole('table');
    expect(fake.requests.some((r) => path(r) === '/api/v1/audit/verify')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    const result = await screen.findByRole('region', { name: /Chain valid/ });
    expect(within(result).getByText(hash(2))).toBeTruthy();
    expect(result.textContent).toContain('All 2 entries verified');
  });

  it('shows a broken chain as an alert naming the first broken entry', async () => {
    server({ verify: () => json({ valid: false, entries: 2, firstInvalid: { seq: '2', reason: 'altered', detail: 'hash mismatch', expected: hash(2), actual: hash(9) } }) });
    signIn('ghs_audrey');
    renderApp('/audit');
    await userEvent.click(await screen.findByRole('button', { name: 'Verify chain' }));
    const alert = await screen.findByRole('alert', { name: 'Chain broken at entry 2: altered' });
    expect(alert.textContent).toContain(hash(9));
  });

  it('shows "Not allowed" with the policy\'s reason to someone who may not read the trail', async () => {
    server({
      me: { id: 'olga', name: 'Olga Owner', kind: 'person', teams: ['sales-data'], roles: [] },
      audit: () => problem(403, 'forbidden', 'Forbidden', { detail: 'Not allowed to read AuditEntry.', reason: 'no rule of your roles allows read on AuditEntry', rule: null, policyVersion: 'p-1' }),
    });
    signIn('ghs_olga');
    renderApp('/audit');
    const alert = await screen.findByRole('alert', { name: 'Not allowed' });
    expect(alert.textContent).toContain('no rule of your roles allows read on AuditEntry');
    expect(screen.queryByRole('search')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Verify chain' })).toBeNull();
  });

  it('says when nothing matches', async () => {
    server({ audit: () => json({ items: [], nextCursor: null }) });
    signIn('ghs_audrey');
    renderApp('/audit?outcome=failed');
    expect(await screen.findByText('No entry matches these filters.')).toBeTruthy();
  });
});
