import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../queryClient';
import { fakeFetch, json, problem } from '../test/fakeApi';
import { RevisionDiff } from './RevisionDiff';
import { areaOf, describeDiff, durationSeconds, type Manifest, type ManifestChange } from './revisionDiffModel';

const path = (r: Request) => new URL(r.url).pathname;

function manifest(over: { outputs?: Manifest['spec']['outputs']; bindings?: Manifest['spec']['bindings'] } = {}): Manifest {
  return {
    apiVersion: 'gatehouse/v1',
    kind: 'DataProduct',
    metadata: { name: 'orders-daily', title: 'Daily orders', domain: 'sales', owner: 'team:sales-data', stewards: ['ana@example.com'], tags: ['finance'] },
    spec: {
      description: 'One row per order per day.',
      tier: 1,
      classification: 'internal',
      containsPii: false,
      sla: { freshness: 'PT6H' },
      outputs: over.outputs ?? [{ namespace: 'postgres://wh', name: 'analytics.orders_daily' }],
      bindings: over.bindings ?? [{ orchestrator: 'airflow-prod', dag: 'orders_daily' }],
    },
  };
}

/** Renders the component against a fake server answering the diff and the revisions. */
function renderDiff(changes: ManifestChange[], opts: { from?: number; to?: number; manifests?: Record<number, Manifest>; fail?: boolean; contract?: unknown[] } = {}) {
  const from = opts.from ?? 1;
  const to = opts.to ?? 3;
  const fake = fakeFetch((r) => {
    const p = path(r);
    if (p === '/api/v1/data-products/orders-daily/diff') return opts.fail ? problem(404, 'not_found', 'Not found') : json({ product: 'orders-daily', from, to, changes, contract: { breaking: false, changes: opts.contract ?? [] } });
    const rev = /\/revisions\/(\d+)$/.exec(p);
    if (rev && opts.manifests?.[Number(rev[1])]) return json({ number: Number(rev[1]), product: 'orders-daily', digest: 'sha256:x', author: 'olga', createdAt: '2026-01-01T00:00:00Z', manifest: opts.manifests[Number(rev[1])] });
    return new Response(null, { status: 404 });
  });
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  render(
    <QueryClientProvider client={client}>
      <RevisionDiff product="orders-daily" from={from} to={to} headingLevel={3} />
    </QueryClientProvider>,
  );
  return fake;
}

describe('describeDiff (the model)', () => {
  it('puts each path in its area', () => {
    expect(areaOf('metadata.owner')).toBe('ownership');
    expect(areaOf('metadata.stewards')).toBe('ownership');
    expect(areaOf('spec.classification')).toBe('classification');
    expect(areaOf('spec.containsPii')).toBe('classification');
    expect(areaOf('spec.sla')).toBe('sla');
    expect(areaOf('spec.sla.schedule')).toBe('sla');
    expect(areaOf('spec.outputs[1].name')).toBe('outputs');
    expect(areaOf('spec.bindings[0]')).toBe('bindings');
    expect(areaOf('spec.tier')).toBe('metadata');
    expect(areaOf('metadata.tags')).toBe('metadata');
    expect(areaOf('spec.outputsExtra')).toBe('metadata');
  });

  it('groups in a fixed order and labels each change', () => {
    const d = describeDiff([
      { path: 'metadata.title', op: 'changed', before: 'Orders', after: 'Daily orders' },
      { path: 'spec.sla.schedule', op: 'added', after: '0 2 * * *' },
      { path: 'metadata.owner', op: 'changed', before: 'team:a', after: 'team:b' },
    ]);
    expect(d.groups.map((g) => g.label)).toEqual(['Ownership', 'SLA', 'Description & metadata']);
    expect(d.groups[1]!.items[0]).toMatchObject({ op: 'added', field: 'SLA schedule', after: '0 2 * * *' });
    expect(d.groups[1]!.items[0]!.before).toBeUndefined();
    expect(d.count).toBe(3);
  });

  it('shows lists of scalars as items added and removed', () => {
    const d = describeDiff([{ path: 'metadata.stewards', op: 'changed', before: ['ana@example.com', 'bo@example.com'], after: ['bo@example.com', 'cy@example.com'] }]);
    expect(d.groups[0]!.items[0]!.list).toEqual({ added: ['cy@example.com'], removed: ['ana@example.com'], kept: ['bo@example.com'] });
  });

  it('flags owner, classification up and down, PII on and off, SLA loosened or removed, outputs removed', () => {
    const kinds = (changes: ManifestChange[]) => describeDiff(changes).flags.map((f) => f.kind);
    expect(kinds([{ path: 'metadata.owner', op: 'changed', before: 'team:a', after: 'team:b' }])).toEqual(['owner-changed']);
    expect(kinds([{ path: 'spec.classification', op: 'changed', before: 'internal', after: 'restricted' }])).toEqual(['classification-raised']);
    expect(kinds([{ path: 'spec.classification', op: 'changed', before: 'confidential', after: 'public' }])).toEqual(['classification-lowered']);
    expect(kinds([{ path: 'spec.containsPii', op: 'changed', before: false, after: true }])).toEqual(['pii-on']);
    expect(kinds([{ path: 'spec.containsPii', op: 'changed', before: true, after: false }])).toEqual(['pii-off']);
    expect(kinds([{ path: 'spec.sla.freshness', op: 'changed', before: 'PT4H', after: 'P1D' }])).toEqual(['sla-loosened']);
    expect(kinds([{ path: 'spec.sla.freshness', op: 'changed', before: 'PT6H', after: 'PT4H' }])).toEqual([]); // tightened
    expect(kinds([{ path: 'spec.sla', op: 'removed', before: { freshness: 'PT6H' } }])).toEqual(['sla-removed']);
    expect(kinds([{ path: 'spec.outputs[1]', op: 'removed', before: { namespace: 'pg', name: 'a.b' } }])).toEqual(['output-removed']);
    expect(kinds([{ path: 'spec.outputs[1]', op: 'added', after: { namespace: 'pg', name: 'a.b' } }])).toEqual([]);
    expect(kinds([{ path: 'spec.tier', op: 'changed', before: 1, after: 2 }, { path: 'metadata.tags', op: 'changed', before: ['a'], after: ['b'] }])).toEqual([]);
    expect(describeDiff([{ path: 'spec.outputs[1]', op: 'removed', before: { namespace: 'pg', name: 'a.b' } }]).flags[0]!.message).toBe('Output removed: a.b (pg)');
  });

  it('with the manifests, compares outputs and bindings by identity, not by position', () => {
    const a = { namespace: 'pg', name: 'a' };
    const b = { namespace: 'pg', name: 'b' };
    const c = { namespace: 'pg', name: 'c' };
    // [a, b] → [b, c]: by position "output 1 name a → b, output 2 name b → c"; by identity: a removed, c added
    const changes: ManifestChange[] = [
      { path: 'spec.outputs[0].name', op: 'changed', before: 'a', after: 'b' },
      { path: 'spec.outputs[1].name', op: 'changed', before: 'b', after: 'c' },
    ];
    const d = describeDiff(changes, { before: manifest({ outputs: [a, b] }), after: manifest({ outputs: [b, c] }) });
    expect(d.groups[0]!.items.map((i) => [i.op, i.field, i.before ?? i.after])).toEqual([
      ['removed', 'Output', 'a (pg)'],
      ['added', 'Output', 'c (pg)'],
    ]);
    expect(d.flags).toEqual([{ kind: 'output-removed', message: 'Output removed: a (pg)' }]);
    const bindings = describeDiff([{ path: 'spec.bindings[0].dag', op: 'changed', before: 'x', after: 'y' }], {
      before: manifest({ bindings: [{ orchestrator: 'airflow-prod', dag: 'x' }] }),
      after: manifest({ bindings: [{ orchestrator: 'airflow-prod', dag: 'y' }] }),
    });
    expect(bindings.groups[0]!.items.map((i) => `${i.op} ${i.before ?? i.after}`)).toEqual(['removed DAG x on airflow-prod', 'added DAG y on airflow-prod']);
  });

  it('reads ISO 8601 durations', () => {
    expect(durationSeconds('PT6H')).toBe(6 * 3600);
    expect(durationSeconds('P1DT30M')).toBe(86400 + 1800);
    expect(durationSeconds('P2W')).toBe(14 * 86400);
    expect(durationSeconds('soon')).toBeNull();
    expect(durationSeconds('P')).toBeNull();
    expect(durationSeconds('PT')).toBeNull();
  });

  it('has nothing for an empty diff', () => {
    expect(describeDiff([])).toEqual({ groups: [], flags: [], count: 0 });
  });
});

describe('<RevisionDiff>', () => {
  it('shows the changes grouped, with text labels, and the flags first', async () => {
    renderDiff([
      { path: 'metadata.owner', op: 'changed', before: 'team:a', after: 'team:sales-data' },
      { path: 'spec.classification', op: 'changed', before: 'internal', after: 'confidential' },
      { path: 'spec.outputs[1]', op: 'added', after: { namespace: 'pg', name: 'analytics.by_region' } },
      { path: 'spec.sla.freshness', op: 'changed', before: 'PT6H', after: 'PT4H' },
      { path: 'spec.tier', op: 'changed', before: 1, after: 2 },
      { path: 'metadata.tags', op: 'changed', before: ['finance'], after: ['finance', 'daily'] },
    ], {
      manifests: {
        1: manifest(),
        3: manifest({ outputs: [{ namespace: 'postgres://wh', name: 'analytics.orders_daily' }, { namespace: 'pg', name: 'analytics.by_region' }] }),
      },
    });
    expect(await screen.findByRole('heading', { level: 3, name: 'Changes from r1 to r3' })).toBeTruthy();
    const flags = await screen.findByRole('group', { name: 'Governance-relevant changes' });
    expect(within(flags).getAllByRole('listitem').map((li) => li.textContent?.replace('⚑ ', ''))).toEqual(['Owner changed: team:a → team:sales-data', 'Classification raised: internal → confidential']);
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Governance-relevant changes', 'Ownership', 'Classification & privacy', 'SLA', 'Outputs', 'Description & metadata']);

    const outputs = screen.getByRole('region', { name: 'Outputs' });
    expect(outputs.textContent).toBe('OutputsAdded Output: analytics.by_region (pg)');
    const tier = screen.getByRole('region', { name: 'Description & metadata' });
    const tierLine = within(tier).getByText('Tier').closest('li')!;
    expect(tierLine.textContent).toBe('Changed Tier: 1 →to 2');
    expect(within(tier).getByText('daily').closest('li')!.textContent).toBe('added daily');
    const owner = screen.getByRole('region', { name: 'Ownership' });
    expect(owner.textContent).toContain('(governance-relevant)');
    expect(screen.getByText('6 changes in 5 areas, 2 of them governance-relevant.')).toBeTruthy();

    // the raw changes, in a disclosure
    const raw = screen.getByText('Raw changes (JSON)');
    expect(raw.closest('details')!.open).toBe(false);
    await userEvent.click(raw);
    expect(raw.closest('details')!.open).toBe(true);
    expect(raw.closest('details')!.textContent).toContain('"path": "spec.tier"');
  });

  it('says "No changes" for an empty diff, and asks nothing when from = to', async () => {
    renderDiff([]);
    expect(await screen.findByText('No changes: r1 and r3 have the same manifest.')).toBeTruthy();
    document.body.innerHTML = '';
    const fake = renderDiff([], { from: 2, to: 2 });
    expect(screen.getByText('No changes: both sides are r2.')).toBeTruthy();
    expect(fake.requests).toHaveLength(0);
  });

  it('falls back to positions when a manifest cannot be read, and shows a failed diff', async () => {
    renderDiff([{ path: 'spec.outputs[0]', op: 'removed', before: { namespace: 'pg', name: 'x' } }]);
    expect(await screen.findByText('Output removed: x (pg)', { exact: false })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Outputs' }).textContent).toContain('Removed Output 1: x (pg)');
    document.body.innerHTML = '';
    renderDiff([], { fail: true });
    expect(await screen.findByRole('alert', { name: 'Not found' })).toBeTruthy();
  });

  it('lists the contract changes as classified, with their level and rule, even where the outputs compare the same', async () => {
    const out = { namespace: 'postgres://wh', name: 'analytics.orders_daily' };
    const withSchema = (names: string[]) => manifest({ outputs: [{ ...out, schema: names.map((name) => ({ name, logicalType: 'string' as const })) }] });
    const removed = { rule: 'field-removed', level: 'breaking', output: 'dataset:postgres://wh:analytics.orders_daily', field: 'amount', before: { name: 'amount' }, message: 'field amount removed from analytics.orders_daily' };
    const described = { rule: 'field-description-changed', level: 'safe', output: removed.output, field: 'id', message: 'description of id changed' };
    renderDiff([{ path: 'spec.outputs[0].schema', op: 'changed', before: [], after: [] }], { manifests: { 1: withSchema(['id', 'amount']), 3: withSchema(['id']) }, contract: [removed, described] });
    const contract = await screen.findByRole('region', { name: 'Contract' });
    expect(within(contract).getByRole('heading', { level: 4 }).textContent).toBe('Contract: 1 breaking change');
    const items = within(contract).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Breaking field amount removed from analytics.orders_daily (field-removed)', 'Safe description of id changed (field-description-changed)']);
    expect(screen.getByText('2 contract changes.')).toBeTruthy();
    expect(screen.queryByText(/No changes/)).toBeNull();
  });
});
