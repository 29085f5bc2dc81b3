import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { signIn } from '../../auth/session';
import { fakeFetch, json } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { declaredRows, findingText, observedRows } from './ContractTab';
import { OLGA, path, productAt } from './testing';

type ProductContract = components['schemas']['ProductContract'];

const ID = 'dataset:postgres://wh:analytics.orders_daily';
const DECLARED: components['schemas']['DeclaredSchema'] = [
  { name: 'order_id', logicalType: 'integer', physicalType: 'BIGINT', required: true, primaryKey: true },
  { name: 'customer', logicalType: 'object', properties: [{ name: 'email', logicalType: 'string', classification: 'restricted' }] },
  { name: 'lines', logicalType: 'array', items: { logicalType: 'object', properties: [{ name: 'sku', logicalType: 'string' }] } },
];
const FINDINGS = [
  { kind: 'type' as const, field: 'order_id', declared: 'BIGINT', observed: 'varchar' },
  { kind: 'missing' as const, field: 'customer.email', declared: 'string', observed: null },
];
const observed = (fields: components['schemas']['ObservedField'][]) => ({ dataset: ID, fields, runId: '00000000-0000-4000-8000-000000000001', job: 'spark/orders', observedAt: '2026-01-03T00:00:00Z', facetVersion: null });
const CONTRACT: ProductContract = {
  product: 'orders-daily',
  revision: 3,
  outputs: [
    {
      output: ID,
      namespace: 'postgres://wh',
      name: 'analytics.orders_daily',
      declared: DECLARED,
      environments: [
        { environment: 'dev', observed: null, findings: [] },
        { environment: 'staging', observed: observed([{ name: 'order_id', type: 'bigint' }]), findings: [] },
        { environment: 'prod', observed: observed([{ name: 'order_id', type: 'varchar' }, { name: 'customer', type: 'struct', fields: [] }]), findings: FINDINGS },
      ],
    },
  ],
  openDrift: [{ id: 'd1', product: 'orders-daily', output: ID, environment: 'prod', revision: 3, findings: FINDINGS, observedAt: '2026-01-03T00:00:00Z', openedAt: '2026-01-03T00:00:00Z', resolvedAt: null }],
};

describe('contract model', () => {
  it('flattens declared and observed fields by dotted path, array items as _element', () => {
    expect(declaredRows(DECLARED).map((r) => r.path)).toEqual(['order_id', 'customer', 'customer.email', 'lines', 'lines._element', 'lines._element.sku']);
    expect(observedRows([{ name: 'a', type: 'struct', fields: [{ name: 'b', type: 'int' }] }])).toEqual([{ path: 'a', type: 'struct' }, { path: 'a.b', type: 'int' }]);
    expect(FINDINGS.map(findingText)).toEqual(['order_id: observed varchar, declared BIGINT', 'customer.email: declared (string), not observed']);
  });
});

describe('the contract tab', () => {
  it('shows the declared schema, the observed schema per environment and open drift', async () => {
    fakeFetch((r) => {
      const p = path(r);
      if (p === '/api/v1/me') return json(OLGA);
      if (p === '/api/v1/policy/evaluate') return json({ allowed: true, reason: 'ok', action: 'update', subjectType: 'DataProduct', decidingRule: null, matchedRules: [], policyVersion: 'pv', principal: OLGA, subject: 'DataProduct' });
      if (p === '/api/v1/data-products/orders-daily') return json(productAt(3));
      if (p === '/api/v1/data-products/orders-daily/contract') return json(CONTRACT);
      return new Response(null, { status: 404 });
    });
    signIn('ghs_olga');
    renderApp('/products/orders-daily?tab=contract');
    const declared = await screen.findByRole('table', { name: 'Declared schema of analytics.orders_daily' });
    const email = within(declared).getByRole('row', { name: /customer\.email/ });
    expect(within(email).getByText('restricted')).toBeTruthy();
    expect(within(within(declared).getByRole('row', { name: /^order_id/ })).getByText('primary key, required')).toBeTruthy();
    const perEnvironment = screen.getByRole('table', { name: 'Observed schema of analytics.orders_daily per environment' });
    expect(within(perEnvironment).getByRole('row', { name: /^dev/ }).textContent).toContain('nothing reported');
    expect(within(perEnvironment).getByRole('row', { name: /^staging/ }).textContent).toContain('matches');
    expect(within(perEnvironment).getByRole('row', { name: /^prod/ }).textContent).toContain('order_id: observed varchar, declared BIGINT');
    const drift = screen.getByRole('region', { name: 'Open drift' });
    expect(within(drift).getByText('customer.email: declared (string), not observed')).toBeTruthy();
  });
});
