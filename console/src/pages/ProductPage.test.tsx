import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/session';
import { renderApp } from '../test/renderApp';
import { diffSides } from './product/RevisionsTab';
import { productAt, productServer } from './product/testing';

const ALICE = { id: 'alice', name: 'Alice Approver', kind: 'person', teams: ['platform'], roles: ['approver'] };

describe('the product page', () => {
  it('shows the facts, one badge per environment linking to its diff against the latest, and the actions', async () => {
    productServer();
    signIn('ghs_olga');
    renderApp('/products/orders-daily');
    expect(await screen.findByText('Daily orders')).toBeTruthy();
    const envs = screen.getByRole('region', { name: 'Where it runs' });
    const staging = within(envs).getByRole('link', { name: /^staging r1 deployed ?: compare with the latest revision, r3$/ });
    expect(staging.getAttribute('href')).toBe('/products/orders-daily?tab=revisions&fromEnv=staging');
    expect(within(envs).getByText('prod').closest('[data-status]')!.textContent).toBe('prod — not deployed');
    expect(screen.getByText('fresh within', { exact: false }).textContent).toBe('fresh within PT4H, schedule 0 2 * * *');
    expect((await screen.findByRole('link', { name: 'Edit' })).getAttribute('href')).toBe('/products/orders-daily/edit');
    expect(screen.getByRole('link', { name: 'Request a promotion' }).getAttribute('href')).toBe('/products/orders-daily/promote');
    // overview
    expect(screen.getByText('analytics.orders_by_region')).toBeTruthy();
    expect(screen.getByText('DAG orders_daily on airflow-prod')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'What changed in r3' })).toBeTruthy();
  });

  it('shows Edit disabled with the server’s reason when the policy says no', async () => {
    productServer({ me: ALICE, policy: { 'update/': { allowed: false, reason: "no rule of the principal's roles allows update DataProduct" } } });
    signIn('ghs_alice');
    renderApp('/products/orders-daily');
    const reason = await screen.findByText("no rule of the principal's roles allows update DataProduct");
    const edit = screen.getByRole('button', { name: 'Edit' });
    expect(edit.getAttribute('aria-disabled')).toBe('true');
    expect(edit.getAttribute('aria-describedby')).toBe(reason.id);
    expect(screen.getByRole('link', { name: 'Request a promotion' })).toBeTruthy();
  });

  it('revisions: picks from and to into the URL, an environment as a side, and shows the diff', async () => {
    productServer();
    signIn('ghs_olga');
    const app = renderApp('/products/orders-daily?tab=revisions&from=1&to=3');
    expect(await screen.findByRole('heading', { name: 'Changes from r1 to r3' })).toBeTruthy();
    expect(await screen.findByText('Tier')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Outputs' }).textContent).toContain('Added Output: analytics.orders_by_region (postgres://wh)');
    await userEvent.selectOptions(screen.getByLabelText('From'), 'What staging runs (r1)');
    await waitFor(() => expect(app.router.state.location.href).toBe('/products/orders-daily?tab=revisions&to=3&fromEnv=staging'));
    expect(screen.getByTestId('diff-sides').textContent).toBe('what staging runs (r1) → r3');
    await userEvent.selectOptions(screen.getByLabelText('To'), 'r2');
    expect(await screen.findByRole('heading', { name: 'Changes from r1 to r2' })).toBeTruthy();
    expect(screen.getAllByRole('row').length).toBeGreaterThan(3); // the revisions table
  });

  it('diff sides: defaults, environments, nothing deployed', () => {
    const p = productAt(3);
    expect(diffSides(p, {})).toEqual({ from: { revision: 2 }, to: { revision: 3 } });
    expect(diffSides(p, { fromEnv: 'staging' })).toEqual({ from: { revision: 1, environment: 'staging' }, to: { revision: 3 } });
    expect(diffSides(p, { from: 3, toEnv: 'prod' })).toEqual({ from: { revision: 3 }, to: { revision: null, environment: 'prod' } });
    expect(diffSides({ ...p, revision: 1 }, {})).toEqual({ from: { revision: 1 }, to: { revision: 1 } });
  });

  it('manifest: the YAML, keys in reading order, with a copy button', async () => {
    productServer();
    signIn('ghs_olga');
    renderApp('/products/orders-daily?tab=manifest');
    const yaml = await screen.findByLabelText('Manifest of orders-daily r3, YAML');
    expect(yaml.textContent!.startsWith('apiVersion: gatehouse/v1\nkind: DataProduct\nmetadata:\n  name: orders-daily\n  title: Daily orders')).toBe(true);
    expect(screen.getByRole('button', { name: 'Copy YAML' })).toBeTruthy();
  });

  it('audit: the "Not allowed" panel for those who may not read the audit trail', async () => {
    productServer();
    signIn('ghs_olga');
    renderApp('/products/orders-daily?tab=audit');
    const panel = await screen.findByRole('alert', { name: 'Not allowed' });
    expect(panel.textContent).toContain("no rule of the principal's roles allows read AuditEntry");
  });
});
