import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/session';
import { problem } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { manifestAt, productServer } from './product/testing';

async function openForm() {
  signIn('ghs_olga');
  const app = renderApp('/products/orders-daily/edit');
  await screen.findByRole('heading', { level: 1, name: 'Edit orders-daily' });
  await screen.findByLabelText('Freshness');
  return app;
}

describe('editing a product', () => {
  it('shows a field error at its field (aria-invalid, described by the message), and sends a merge patch with If-Match', async () => {
    const server = productServer();
    await openForm();
    const freshness = screen.getByLabelText('Freshness');
    await userEvent.clear(freshness);
    await userEvent.type(freshness, 'soon');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(freshness.getAttribute('aria-invalid')).toBe('true'));
    const described = freshness.getAttribute('aria-describedby')!.split(' ').map((i) => document.getElementById(i)!.textContent);
    expect(described).toContain('must be a positive ISO 8601 duration');
    // shown once, at the field: not repeated in the problem's list
    expect(screen.getByRole('alert', { name: 'Validation failed' }).textContent).not.toContain('spec.sla.freshness');
    expect(server.writes.filter((w) => w.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: '/api/v1/data-products/orders-daily', headers: expect.objectContaining({ 'if-match': '"r3"', 'content-type': 'application/merge-patch+json' }), body: { spec: { sla: { freshness: 'soon' } } } },
    ]);
  });

  it('saves and goes back to the product page, which says the new revision; "unchanged" when nothing changed', async () => {
    productServer();
    const app = await openForm();
    const title = screen.getByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, 'Orders, daily');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: orders-daily is now r4.')).toBeTruthy();
    expect(app.router.state.location.href).toBe('/products/orders-daily');
    app.unmount();

    await openForm();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Unchanged: what you submitted is r4 as it is/)).toBeTruthy();
  });

  it('on 412 explains that someone else changed it, shows their changes, and puts mine on top of the new revision', async () => {
    const server = productServer();
    await openForm();
    const freshness = screen.getByLabelText('Freshness');
    await userEvent.clear(freshness);
    await userEvent.type(freshness, 'PT2H');
    // meanwhile someone else renames it
    const m = manifestAt(3);
    server.changeBehindTheBack({ ...m, metadata: { ...m.metadata, title: 'Their title' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const panel = await screen.findByRole('region', { name: 'Someone else changed orders-daily meanwhile' });
    expect(panel.textContent).toContain('You edited r3; orders-daily is now r4. Nothing was saved, and nothing was overwritten.');
    expect(await within(panel).findByRole('heading', { name: 'Changes from r3 to r4' })).toBeTruthy();
    expect(await within(panel).findByText('Their title')).toBeTruthy();
    // the generic 412 problem is not shown on top of it
    expect(screen.queryByRole('alert', { name: 'Precondition failed' })).toBeNull();

    await userEvent.click(within(panel).getByRole('button', { name: 'Keep my changes on top of r4' }));
    expect(await screen.findByText('Your changes are now on top of r4. Review them and save again.')).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Their title');
    expect((screen.getByLabelText('Freshness') as HTMLInputElement).value).toBe('PT2H');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: orders-daily is now r5.')).toBeTruthy();
    expect(server.writes.filter((w) => w.method === 'PATCH').map((w) => [w.headers['if-match'], w.body])).toEqual([
      ['"r3"', { spec: { sla: { freshness: 'PT2H' } } }],
      ['"r4"', { spec: { sla: { freshness: 'PT2H' } } }],
    ]);
  });

  it('on 403 shows the policy reason at each field that is not mine to change', async () => {
    productServer({
      onPatch: () => problem(403, 'forbidden', 'Forbidden', { detail: 'Not allowed to update DataProduct orders-daily (field classification).', reason: 'editors change descriptive fields', rule: null, policyVersion: 'sha256:pv' }),
      policy: { 'update/classification': { allowed: false, reason: 'no rule of the principal’s roles allows update DataProduct.classification' } },
    });
    await openForm();
    await userEvent.selectOptions(screen.getByLabelText('Classification'), 'confidential');
    const title = screen.getByLabelText('Title');
    await userEvent.type(title, '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert', { name: 'Not allowed' })).toBeTruthy();
    const select = screen.getByLabelText('Classification');
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(select.getAttribute('aria-describedby')!)!.textContent).toBe('Not yours to change: no rule of the principal’s roles allows update DataProduct.classification');
    expect(title.getAttribute('aria-invalid')).toBeNull();
  });

  it('when the policy says no, Save is disabled with the reason', async () => {
    productServer({ policy: { 'update/': { allowed: false, reason: "no rule of the principal's roles allows update DataProduct" } } });
    await openForm();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-disabled')).toBe('true'));
    expect(screen.getByText("no rule of the principal's roles allows update DataProduct")).toBeTruthy();
  });
});
