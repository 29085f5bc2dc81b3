import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/session';
import { ADMIN_ME, fakeFetch, json, problem } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { applyMergePatch, proposalValues, reviewedManifest } from './orchestrators/proposal';
import { OLGA, path, productAt } from './product/testing';
import type { Manifest } from './product/queries';

const PROPOSAL = {
  apiVersion: 'gatehouse/v1',
  kind: 'DataProduct',
  metadata: { name: 'returns-weekly', title: 'returns_weekly', domain: 'sales', owner: 'team:sales-data', stewards: ['ana@example.com'], tags: ['sales'] },
  spec: { description: '', tier: 3, classification: 'internal', containsPii: false, outputs: [], bindings: [{ orchestrator: 'airflow-prod', dag: 'returns_weekly' }] },
} as unknown as Manifest;

const ORCHESTRATOR = { name: 'airflow-prod', kind: 'airflow', environment: 'prod', baseUrl: 'http://airflow:8080', uiUrl: 'http://airflow:8080', lineageNamespace: 'airflow-prod', health: { healthy: true, version: '3.0.2', details: {} } };
const REPORT = {
  orchestrator: 'airflow-prod',
  discoveredAt: '2026-12-07T21:00:00Z',
  bound: 1,
  unbound: 1,
  items: [
    { discovered: { type: 'dag', dagId: 'orders_daily', owners: ['sales-data'], tags: [], schedule: '0 2 * * *', paused: false, description: null }, binding: { orchestrator: 'airflow-prod', dag: 'orders_daily' }, product: { name: 'orders-daily', revision: 3 }, proposedManifest: null, proposalProblems: [] },
    { discovered: { type: 'dag', dagId: 'returns_weekly', owners: ['sales-data', 'ana@example.com'], tags: ['sales'], schedule: null, paused: true, description: null }, binding: { orchestrator: 'airflow-prod', dag: 'returns_weekly' }, product: null, proposedManifest: PROPOSAL, proposalProblems: [] },
  ],
};

describe('proposal model', () => {
  it('merge patch (RFC 7396) and the reviewed manifest keep what the form does not show', () => {
    expect(applyMergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: [1] })).toEqual({ a: 1, b: { d: 3, e: 4 }, f: [1] });
    const values = { ...proposalValues(PROPOSAL), name: ' returns-weekly ', tier: '2', freshness: 'P7D' };
    const m = reviewedManifest(PROPOSAL, values);
    expect(m.metadata.name).toBe('returns-weekly');
    expect(m.spec.tier).toBe(2);
    expect(m.spec.sla).toEqual({ freshness: 'P7D' });
    expect(m.spec.bindings).toEqual([{ orchestrator: 'airflow-prod', dag: 'returns_weekly' }]);
  });
});

function server(options: { me?: object; exists?: boolean } = {}) {
  const writes: { headers: Headers; body: Record<string, unknown> }[] = [];
  const fake = fakeFetch(async (r) => {
    const p = path(r);
    if (p === '/api/v1/me') return json(options.me ?? ADMIN_ME);
    if (p === '/api/v1/orchestrators') return json({ items: [ORCHESTRATOR] });
    if (p === '/api/v1/orchestrators/airflow-prod/sync') return json(REPORT);
    if (p === '/api/v1/policy/evaluate') {
      const body = (await r.json()) as { action: string };
      const allowed = !options.me || body.action !== 'sync';
      return json({ allowed, reason: allowed ? 'ok' : "no rule of the principal's roles allows sync Orchestrator", action: body.action, subjectType: 'Orchestrator', decidingRule: null, matchedRules: [], policyVersion: 'pv', principal: OLGA, subject: 'Orchestrator' });
    }
    if (p === '/api/v1/data-products/returns-weekly' && r.method === 'GET') return json({ ...productAt(4), name: 'returns-weekly', etag: '"r4"' });
    if (p === '/api/v1/data-products/returns-weekly' && r.method === 'PUT') {
      const body = (await r.json()) as { metadata: { owner: string } };
      writes.push({ headers: r.headers, body });
      if (body.metadata.owner === 'sales') return problem(400, 'validation_failed', 'Validation failed', { errors: [{ field: 'metadata.owner', message: 'must look like team:<slug>' }] });
      if (options.exists && r.headers.get('if-none-match') === '*') return problem(412, 'precondition_failed', 'Precondition failed');
      const created = !r.headers.get('if-match');
      return json({ ...productAt(created ? 1 : 5), name: 'returns-weekly' }, created ? 201 : 200);
    }
    return new Response(null, { status: 404 });
  });
  return { fake, writes };
}

describe('the orchestrators page', () => {
  it('syncs, shows bound and unbound, and applies a reviewed proposal with the error at its field', async () => {
    const { writes } = server();
    signIn('admin-token');
    renderApp('/orchestrators');
    const row = within(await screen.findByRole('table', { name: 'Orchestrators' })).getByRole('row', { name: /airflow-prod/ });
    expect(row.textContent).toContain('Healthy');
    expect(row.textContent).toContain('3.0.2');
    await userEvent.click(await within(row).findByRole('button', { name: 'Sync airflow-prod' }));
    const found = await screen.findByRole('table', { name: 'Discovered on airflow-prod' });
    expect(within(found).getByRole('row', { name: /DAG orders_daily/ }).textContent).toContain('Bound to orders-daily r3');
    await userEvent.click(within(found).getByRole('button', { name: 'Review proposed manifest for DAG returns_weekly' }));
    const owner = screen.getByLabelText('Owner');
    await userEvent.clear(owner);
    await userEvent.type(owner, 'sales');
    await userEvent.click(screen.getByRole('button', { name: 'Apply manifest' }));
    expect(await screen.findByText('must look like team:<slug>')).toBeTruthy();
    expect(owner.getAttribute('aria-invalid')).toBe('true');
    expect(writes[0]!.headers.get('if-none-match')).toBe('*');
    await userEvent.clear(owner);
    await userEvent.type(owner, 'team:sales-data');
    await userEvent.selectOptions(screen.getByLabelText('Tier'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Apply manifest' }));
    expect(await screen.findByRole('heading', { name: 'Created returns-weekly r1' })).toBeTruthy();
    expect(writes[1]!.body).toMatchObject({ metadata: { name: 'returns-weekly', owner: 'team:sales-data' }, spec: { tier: 2, bindings: [{ orchestrator: 'airflow-prod', dag: 'returns_weekly' }] } });
  });

  it('a product of that name exists: nothing is overwritten until "Replace", sent with If-Match', async () => {
    const { writes } = server({ exists: true });
    signIn('admin-token');
    renderApp('/orchestrators');
    await userEvent.click(await screen.findByRole('button', { name: 'Sync airflow-prod' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Review proposed manifest for DAG returns_weekly' }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply manifest' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('A product named returns-weekly already exists (r4');
    await userEvent.click(within(alert).getByRole('button', { name: 'Replace returns-weekly r4 with this manifest' }));
    expect(await screen.findByRole('heading', { name: 'Updated returns-weekly r5' })).toBeTruthy();
    await waitFor(() => expect(writes.at(-1)!.headers.get('if-match')).toBe('"r4"'));
  });

  it('Sync is disabled with the server’s reason for someone who may not sync', async () => {
    server({ me: OLGA });
    signIn('ghs_olga');
    renderApp('/orchestrators');
    const reason = await screen.findByText("no rule of the principal's roles allows sync Orchestrator");
    const button = screen.getByRole('button', { name: 'Sync airflow-prod' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-describedby')).toBe(reason.id);
  });
});
