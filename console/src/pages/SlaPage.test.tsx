import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/session';
import { fakeFetch, json } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { OLGA, path, query } from './product/testing';
import { TIMELINE } from './sla/fixtures';

const OUT = 'dataset:postgres://wh:5432:analytics.orders_daily';
const state = (product: string, environment: string, status: 'fresh' | 'breached') => ({
  product,
  environment,
  freshness: 'PT4H',
  status,
  breachesAt: null,
  outputs: [{ output: OUT, lastProducedAt: TIMELINE.productions[1]!.at, deadline: TIMELINE.to, status: status === 'fresh' ? 'fresh' : 'stale' }],
});

function server() {
  return fakeFetch((r) => {
    const p = path(r);
    const q = query(r);
    if (p === '/api/v1/me') return json(OLGA);
    if (p === '/api/v1/sla') {
      const all = [state('orders-daily', 'prod', 'breached'), state('orders-daily', 'staging', 'fresh'), state('billing-ledger', 'prod', 'fresh')];
      const mine = q.mine === 'true' ? all.filter((s) => s.product === 'orders-daily') : all;
      return json({ evaluatedAt: TIMELINE.to, items: q.status ? mine.filter((s) => s.status === q.status) : mine });
    }
    if (p === '/api/v1/data-products/orders-daily/sla') return json({ product: 'orders-daily', freshness: 'PT4H', environments: [state('orders-daily', 'staging', 'fresh'), state('orders-daily', 'prod', 'breached')], breaches: [] });
    if (p === '/api/v1/data-products/orders-daily/sla/timeline') return json({ ...TIMELINE, environment: q.environment });
    return new Response(null, { status: 404 });
  });
}

describe('the SLA pages', () => {
  it('products × environments, filters in the URL, each cell opening its timeline', async () => {
    const fake = server();
    signIn('ghs_olga');
    const app = renderApp('/sla');
    const table = await screen.findByRole('table', { name: 'SLA state by product and environment' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Product', 'Freshness', 'staging', 'prod']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['orders-daily', 'billing-ledger']);
    expect(within(rows[1]!).getByText('not running')).toBeTruthy();
    const cell = within(rows[0]!).getByRole('link', { name: /^orders-daily in prod: Breached.*, open the timeline$/ });
    expect(cell.getAttribute('href')).toBe('/sla/orders-daily?environment=prod');

    await userEvent.click(screen.getByRole('checkbox', { name: "Only my teams' products" }));
    await waitFor(() => expect(app.router.state.location.href).toBe('/sla?mine=true'));
    await userEvent.selectOptions(screen.getByLabelText('State'), 'Breached');
    await waitFor(() => expect(fake.requests.some((r) => r.url.endsWith('/api/v1/sla?mine=true&status=breached'))).toBe(true));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'SLA state by product and environment' })).getAllByRole('row')).toHaveLength(2));
  });

  it('a product’s timeline: the chart with its description and the tables, environment and window in the URL', async () => {
    const fake = server();
    signIn('ghs_olga');
    const app = renderApp('/sla/orders-daily');
    const chart = await screen.findByRole('img', { name: /Freshness of orders-daily in prod/ });
    expect(chart.querySelector('desc')!.textContent).toBe('4 productions of 2 outputs; 1 deadline met, 1 missed; 2 breaches (1 still open).');
    expect(chart.querySelectorAll('.sla-chart__production')).toHaveLength(3);
    expect(chart.querySelectorAll('.sla-chart__deadline--missed')).toHaveLength(1);
    expect(chart.querySelectorAll('.sla-chart__breach--open')).toHaveLength(1);
    // the chart's text alternative
    const deadlines = screen.getByRole('table', { name: 'Deadlines' });
    expect(within(deadlines).getAllByRole('row')).toHaveLength(4);
    expect(within(deadlines).getByText('Missed')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Breaches' })).getByText('analytics.orders_daily not produced within PT4H')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Productions' })).getAllByRole('row')).toHaveLength(5);
    const asked = fake.requests.find((r) => path(r).endsWith('/sla/timeline'))!;
    expect(query(asked).environment).toBe('prod');
    expect(Date.parse(query(asked).to!) - Date.parse(query(asked).from!)).toBe(7 * 24 * 3600 * 1000);

    await userEvent.selectOptions(screen.getByLabelText('Environment'), 'staging');
    await userEvent.selectOptions(screen.getByLabelText('Window'), 'Last 24 hours');
    await waitFor(() => expect(app.router.state.location.search).toEqual({ environment: 'staging', range: '24h' }));
    expect(await screen.findByRole('img', { name: /Freshness of orders-daily in staging/ })).toBeTruthy();
  });
});
