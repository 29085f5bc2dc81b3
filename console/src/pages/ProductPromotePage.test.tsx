import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/session';
import { renderApp } from '../test/renderApp';
import { defaultTarget, promotionSteps } from './product/promote';
import { productServer } from './product/testing';

const ENVS = [
  { environment: 'dev', revision: 3 },
  { environment: 'staging', revision: 1 },
  { environment: 'prod', revision: null },
];

describe('requesting a promotion', () => {
  it('offers only one-step moves, in the order of the environments', () => {
    expect(promotionSteps(ENVS)).toEqual([
      { from: 'dev', to: 'staging' },
      { from: 'staging', to: 'prod' },
    ]);
    expect(defaultTarget(ENVS, 3)).toBe('staging');
    expect(defaultTarget(ENVS, 1)).toBe('prod'); // staging runs r1 already
    expect(defaultTarget(ENVS, 3, 'prod')).toBe('prod');
    expect(defaultTarget(ENVS, 3, 'dev')).toBe('staging'); // nothing promotes into the first one
  });

  it('shows what the gates say now (a dry run per choice), the plan, and the diff against what the target runs', async () => {
    const server = productServer();
    signIn('ghs_olga');
    const app = renderApp('/products/orders-daily/promote');
    expect(await screen.findByRole('heading', { level: 1, name: 'Promote orders-daily' })).toBeTruthy();
    expect(within(await screen.findByLabelText('Target environment')).getAllByRole('option').map((o) => o.textContent)).toEqual(['staging (from dev)', 'prod (from staging)']);
    expect((screen.getByLabelText('Revision') as HTMLSelectElement).value).toBe('3');
    expect(await screen.findByText('Promote orders-daily r3 from dev to staging, replacing r1; triggers Airflow DAG orders_daily on airflow-staging')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Gates' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 3, name: 'Changes from r1 to r3' })).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText('Target environment'), 'prod');
    expect(await screen.findByText(/Promote orders-daily r3 from staging to prod, the first revision to run in prod/)).toBeTruthy();
    expect(screen.getByText('Nothing runs in prod yet: r3 would be the first revision there.')).toBeTruthy();
    expect(app.router.state.location.search).toEqual({ to: 'prod' });
    const dryRuns = server.writes.filter((w) => w.path === '/api/v1/promotion-dry-runs').map((w) => w.body as { from: string; to: string; revision: number });
    expect(dryRuns.map((b) => `${b.revision} ${b.from}→${b.to}`)).toEqual(['3 dev→staging', '3 staging→prod']);
  });

  it('needs a reason (the server says so, at the field), then submits once with an Idempotency-Key and opens the promotion', async () => {
    const server = productServer();
    signIn('ghs_olga');
    const app = renderApp('/products/orders-daily/promote');
    await screen.findByText(/Promote orders-daily r3 from dev to staging/);
    await userEvent.click(screen.getByRole('button', { name: 'Request the promotion' }));
    const reason = screen.getByLabelText('Reason (required)');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(reason.getAttribute('aria-describedby')!.split(' ').map((i) => document.getElementById(i)!.textContent)).toContain('must say why');

    await userEvent.type(reason, 'ship the by-region output');
    const button = screen.getByRole('button', { name: 'Request the promotion' });
    await userEvent.dblClick(button);
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/promotions/0b6f3c1e-1111-4222-8333-000000000001'));
    const posts = server.writes.filter((w) => w.path === '/api/v1/promotions');
    const keys = new Set(posts.map((w) => w.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(posts.at(-1)!.body).toEqual({ product: 'orders-daily', revision: 3, from: 'dev', to: 'staging', reason: 'ship the by-region output' });
  });
});
