import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../auth/session';
import { toCsv } from '../../lib/csv';
import { fakeFetch, json } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { byDistance, distanceLabel, groupByOwner, impactCsvRows, ownersText, pathLabel, type ImpactEntry } from './impact';
import { OLGA, path, productAt } from './testing';

const entry = (name: string, owner: string, distance: number, stewards: string[] = []): ImpactEntry => ({
  product: { name, title: name.replace(/-/g, ' '), owner, stewards, tier: 2, classification: 'internal' },
  distance,
  path: ['dataset:postgres://wh:5432:analytics.orders_daily', `job:airflow-prod:build_${name}`, `dataset:postgres://wh:5432:analytics.${name}`],
});

const DOWNSTREAM = [entry('churn-features', 'team:data-science', 1, ['sam@example.com']), entry('customer-360', 'team:sales-data', 0, ['ana@example.com']), entry('billing-ledger', 'team:finance', 2), entry('campaign-clicks', 'team:data-science', 0, ['sam@example.com'])];

describe('impact model', () => {
  it('orders by distance then name, and groups by owner with the most exposed owner first', () => {
    expect(byDistance(DOWNSTREAM).map((e) => e.product.name)).toEqual(['campaign-clicks', 'customer-360', 'churn-features', 'billing-ledger']);
    expect(groupByOwner(DOWNSTREAM).map((g) => [g.owner, g.nearest, g.entries.map((e) => e.product.name)])).toEqual([
      ['team:data-science', 0, ['campaign-clicks', 'churn-features']],
      ['team:sales-data', 0, ['customer-360']],
      ['team:finance', 2, ['billing-ledger']],
    ]);
    expect(ownersText(DOWNSTREAM)).toBe('team:data-science\nteam:sales-data\nteam:finance');
    expect(distanceLabel(0)).toBe('fed directly');
    expect(distanceLabel(1)).toBe('through 1 product');
    expect(pathLabel(DOWNSTREAM[0]!.path)).toBe('analytics.orders_daily → build_churn-features → analytics.churn-features');
  });

  it('CSV: a header, nearest first, full node ids in the path, stewards space-separated', () => {
    const text = toCsv(impactCsvRows(DOWNSTREAM));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('distance,product,title,owner,stewards,tier,classification,path');
    expect(lines[1]).toBe('0,campaign-clicks,campaign clicks,team:data-science,sam@example.com,2,internal,dataset:postgres://wh:5432:analytics.orders_daily > job:airflow-prod:build_campaign-clicks > dataset:postgres://wh:5432:analytics.campaign-clicks');
    expect(lines).toHaveLength(6); // header, 4 rows, the final CRLF
  });
});

/** The page's clipboard, replaced (an own property shadows happy-dom's getter). */
const setClipboard = (value: unknown) => Object.defineProperty(navigator, 'clipboard', { value, configurable: true });

describe('the impact tab', () => {
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).clipboard;
  });

  function server() {
    return fakeFetch((r) => {
      const p = path(r);
      if (p === '/api/v1/me') return json(OLGA);
      if (p === '/api/v1/policy/evaluate') return json({ allowed: true, reason: 'ok', action: 'update', subjectType: 'DataProduct', decidingRule: null, matchedRules: [], policyVersion: 'pv', principal: OLGA, subject: 'DataProduct' });
      if (p === '/api/v1/data-products/orders-daily') return json(productAt(3));
      if (p === '/api/v1/data-products/orders-daily/impact') return json({ product: 'orders-daily', downstream: DOWNSTREAM, truncated: false });
      return new Response(null, { status: 404 });
    });
  }

  it('lists the downstream products, groups them by owner (in the URL) and copies the owners', async () => {
    server();
    const writeText = vi.fn(async () => undefined);
    setClipboard({ writeText });
    signIn('ghs_olga');
    const app = renderApp('/products/orders-daily?tab=impact');
    const table = await screen.findByRole('table', { name: 'Products downstream of orders-daily' });
    expect(screen.getByText(/4 products of 3 owners depend on orders-daily/)).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('rowheader')[0]!.textContent)).toEqual(['campaign-clickscampaign clicks', 'customer-360customer 360', 'churn-featureschurn features', 'billing-ledgerbilling ledger']);
    const firstPath = within(rows[0]!).getByRole('list', { name: 'Lineage path to campaign-clicks' });
    expect(within(firstPath).getAllByRole('link').map((a) => a.getAttribute('href'))[0]).toBe('/lineage?node=dataset%3Apostgres%3A%2F%2Fwh%3A5432%3Aanalytics.orders_daily');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Group by owner' }));
    await waitFor(() => expect(app.router.state.location.search).toEqual({ tab: 'impact', group: 'owner' }));
    expect(await screen.findByRole('heading', { name: 'team:data-science: 2 products' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Products of team:finance downstream of orders-daily' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Copy owners' }));
    expect(writeText).toHaveBeenCalledWith('team:data-science\nteam:sales-data\nteam:finance');
    expect((await screen.findByText('Copied 3 owners to the clipboard.')).getAttribute('role')).toBe('status');
  });

  it('without a clipboard, shows the owners selected in a box to copy by hand', async () => {
    server();
    setClipboard(undefined);
    signIn('ghs_olga');
    renderApp('/products/orders-daily?tab=impact&group=owner');
    await userEvent.click(await screen.findByRole('button', { name: 'Copy owners' }));
    expect(await screen.findByText(/Copying is not available here/)).toBeTruthy();
    expect((screen.getByLabelText('Copy owners: the text to copy') as HTMLTextAreaElement).value).toBe('team:data-science\nteam:sales-data\nteam:finance');
  });
});
