import type { ContractChange } from '../../catalog/manifest/contract-changes';
import { acknowledgeable, acknowledgementRefusal, changeSetDigest, type AcknowledgementFacts } from './breaking-change-gate';

const OUT = 'dataset:postgres://warehouse:5432:analytics.public.orders';
const removed = (field: string): ContractChange => ({ rule: 'field-removed', level: 'breaking', output: OUT, field, before: { name: field }, message: `field ${field} removed` });

const reader = (product: string, owner: string, stewards: string[] = [], acknowledgedBy: { principal: string; comment: string; at: string }[] = []) => ({
  product,
  title: product,
  owner,
  stewards,
  tier: 2,
  columns: {},
  changes: [0],
  acknowledgedBy,
});

const facts: AcknowledgementFacts = {
  owner: 'team:sales-data',
  breaking: [removed('amount')],
  downstream: [reader('revenue', 'team:finance'), reader('churn', 'team:data-science', ['dora']), reader('pipeline', 'team:sales-data')],
};
const who = (id: string, ...teams: string[]) => ({ id, teams });

describe('changeSetDigest', () => {
  it('is the same for the same changes in any order, and differs when a change differs', () => {
    const a = changeSetDigest([removed('amount'), removed('coupon')]);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(changeSetDigest([removed('coupon'), removed('amount')])).toBe(a);
    expect(changeSetDigest([removed('amount')])).not.toBe(a);
  });

  it('ignores the wording of the message', () => {
    expect(changeSetDigest([{ ...removed('amount'), message: 'other words' }])).toBe(changeSetDigest([removed('amount')]));
  });
});

describe('acknowledgementRefusal', () => {
  it('lets the downstream owning team and its stewards acknowledge', () => {
    expect(acknowledgementRefusal(facts, 'revenue', who('fiona', 'finance'), 'carol')).toBeNull();
    expect(acknowledgementRefusal(facts, 'churn', who('dora'), 'carol')).toBeNull();
  });

  it('refuses the requester, even for a product of their own team', () => {
    expect(acknowledgementRefusal(facts, 'pipeline', who('carol', 'sales-data'), 'carol')).toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('requester') });
  });

  it('refuses the producing team for another team’s product, even a member of both', () => {
    expect(acknowledgementRefusal(facts, 'revenue', who('sally', 'sales-data', 'finance'), 'carol')).toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('the producing team') });
    // its own team's downstream product is its own to acknowledge
    expect(acknowledgementRefusal(facts, 'pipeline', who('sam', 'sales-data'), 'carol')).toBeNull();
  });

  it('refuses outsiders naming who may, a product not downstream as invalid, and a second acknowledgement as a conflict', () => {
    expect(acknowledgementRefusal(facts, 'churn', who('alice'), 'carol')).toEqual({ kind: 'forbidden', reason: 'acknowledgements for churn come from team:data-science or its stewards (dora)' });
    expect(acknowledgementRefusal(facts, 'clicks', who('fiona', 'finance'), 'carol')).toMatchObject({ kind: 'invalid' });
    expect(acknowledgementRefusal({ ...facts, breaking: [], downstream: [] }, 'revenue', who('fiona', 'finance'), 'carol')).toEqual({ kind: 'invalid', reason: 'this promotion has no breaking change to acknowledge' });
    const done = { ...facts, downstream: [reader('revenue', 'team:finance', [], [{ principal: 'fiona', comment: '', at: '2026-01-01T00:00:00Z' }])] };
    expect(acknowledgementRefusal(done, 'revenue', who('fiona', 'finance'), 'carol')).toMatchObject({ kind: 'conflict' });
  });
});

describe('acknowledgeable', () => {
  it('lists the products still waiting that the principal may acknowledge for', () => {
    expect(acknowledgeable(facts, who('fiona', 'finance', 'data-science'), 'carol')).toEqual(['revenue', 'churn']);
    expect(acknowledgeable(facts, who('sally', 'sales-data', 'finance'), 'carol')).toEqual(['pipeline']);
    const partly = { ...facts, downstream: [reader('revenue', 'team:finance', [], [{ principal: 'fred', comment: '', at: '2026-01-01T00:00:00Z' }]), reader('churn', 'team:data-science', ['dora'])] };
    expect(acknowledgeable(partly, who('fiona', 'finance'), 'carol')).toEqual([]);
  });
});
