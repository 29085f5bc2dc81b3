import { manifest } from '../../../test/support/manifests';
import { classifyContractChanges, CONTRACT_RULES, ContractRule } from './contract-changes';
import type { DeclaredProperty } from './declared-schema';
import { parseManifest } from './parse-manifest';

const NS = 'postgres://warehouse:5432';
const OUT = 'analytics.public.orders';
const ID = `dataset:${NS}:${OUT}`;
const product = (schema: DeclaredProperty[] | undefined, spec: Record<string, unknown> = {}) =>
  parseManifest(manifest('orders', { spec: { outputs: [{ namespace: NS, name: OUT, ...(schema ? { schema } : {}) }], ...spec } }));
const rules = (before: ReturnType<typeof product>, after: ReturnType<typeof product>) => classifyContractChanges(before, after).changes.map((c) => [c.rule, c.field]);

const BASE: DeclaredProperty[] = [
  { name: 'id', logicalType: 'integer', physicalType: 'BIGINT', required: true, unique: true, primaryKey: true },
  { name: 'email', logicalType: 'string', classification: 'confidential', description: 'Buyer e-mail' },
  { name: 'address', logicalType: 'object', properties: [{ name: 'city', logicalType: 'string' }] },
  { name: 'lines', logicalType: 'array', items: { logicalType: 'object', properties: [{ name: 'sku', logicalType: 'string' }] } },
];
const edit = (name: string, change: Partial<DeclaredProperty>): DeclaredProperty[] => BASE.map((p) => (p.name === name ? { ...p, ...change } : p));

describe('contract change classification', () => {
  it('finds nothing between equal contracts', () => {
    expect(classifyContractChanges(product(BASE), product(structuredClone(BASE)))).toEqual({ breaking: false, changes: [] });
  });

  it.each<[ContractRule, DeclaredProperty[], string | null]>([
    ['field-removed', BASE.filter((p) => p.name !== 'email'), 'email'],
    ['field-added', [...BASE, { name: 'note', logicalType: 'string' }], 'note'],
    ['field-added-required', [...BASE, { name: 'note', logicalType: 'string', required: true }], 'note'],
    ['field-type-changed', edit('id', { logicalType: 'string' }), 'id'],
    ['field-physical-type-changed', edit('id', { physicalType: 'INTEGER' }), 'id'],
    ['field-type-declared', edit('address', {}).map((p) => (p.name === 'email' ? { ...p, physicalType: 'TEXT' } : p)), 'email'],
    ['field-type-undeclared', edit('id', { physicalType: undefined }), 'id'],
    ['field-required-relaxed', edit('id', { required: false }), 'id'],
    ['field-required-tightened', edit('email', { required: true }), 'email'],
    ['field-unique-relaxed', edit('id', { unique: undefined }), 'id'],
    ['field-unique-tightened', edit('email', { unique: true }), 'email'],
    ['field-primary-key-removed', edit('id', { primaryKey: false }), 'id'],
    ['field-primary-key-added', edit('email', { primaryKey: true }), 'email'],
    ['field-classification-raised', edit('email', { classification: 'restricted' }), 'email'],
    ['field-classification-lowered', edit('email', { classification: 'internal' }), 'email'],
    ['field-description-changed', edit('email', { description: 'Where receipts go' }), 'email'],
    ['field-removed', edit('address', { properties: [] }), 'address.city'],
    ['field-type-changed', edit('lines', { items: { logicalType: 'object', properties: [{ name: 'sku', logicalType: 'integer' }] } }), 'lines._element.sku'],
    ['field-removed', edit('lines', { items: undefined }), 'lines._element'],
  ])('%s (%#)', (rule, after, field) => {
    const diff = classifyContractChanges(product(BASE), product(after));
    expect(diff.changes).toEqual([expect.objectContaining({ rule, field, output: ID, level: CONTRACT_RULES[rule].level })]);
    expect(diff.breaking).toBe(CONTRACT_RULES[rule].level === 'breaking');
  });

  it('treats a rename as a removal and an addition, and compares physical types without case or spaces', () => {
    const renamed = BASE.map((p) => (p.name === 'email' ? { ...p, name: 'mail' } : p));
    expect(rules(product(BASE), product(renamed))).toEqual([['field-removed', 'email'], ['field-added', 'mail']]);
    expect(rules(product(BASE), product(edit('id', { physicalType: 'bigint' })))).toEqual([]);
  });

  it('judges outputs by identity', () => {
    const moved = parseManifest(manifest('orders', { spec: { outputs: [{ namespace: NS, name: 'analytics.public.orders_v2', schema: BASE }] } }));
    expect(classifyContractChanges(product(BASE), moved).changes.map((c) => [c.rule, c.output, c.level])).toEqual([
      ['output-removed', ID, 'breaking'],
      ['output-added', `dataset:${NS}:analytics.public.orders_v2`, 'safe'],
    ]);
  });

  it('declaring a schema for the first time adds fields; dropping it removes them', () => {
    expect(rules(product(undefined), product(BASE.slice(0, 2)))).toEqual([['field-added-required', 'id'], ['field-added', 'email']]);
    expect(classifyContractChanges(product(BASE.slice(0, 1)), product(undefined)).breaking).toBe(true);
  });

  it.each<[ContractRule, Record<string, unknown>, Record<string, unknown>]>([
    ['pii-added', { containsPii: false }, { containsPii: true }],
    ['pii-removed', { containsPii: true }, { containsPii: false }],
    ['classification-raised', { classification: 'internal' }, { classification: 'restricted' }],
    ['classification-lowered', { classification: 'restricted' }, { classification: 'public' }],
    ['sla-freshness-loosened', { sla: { freshness: 'PT6H' } }, { sla: { freshness: 'P1D' } }],
    ['sla-freshness-loosened', { sla: { freshness: 'PT6H' } }, { sla: undefined }],
    ['sla-freshness-tightened', { sla: { freshness: 'PT6H' } }, { sla: { freshness: 'PT1H' } }],
    ['sla-freshness-tightened', { sla: undefined }, { sla: { freshness: 'PT1H' } }],
  ])('governance: %s', (rule, before, after) => {
    const diff = classifyContractChanges(product(BASE, before), product(BASE, after));
    expect(diff.changes).toEqual([expect.objectContaining({ rule, output: null, field: null, level: CONTRACT_RULES[rule].level })]);
  });

  it('does not count an SLA spelled differently as a change', () => {
    expect(rules(product(BASE, { sla: { freshness: 'PT6H' } }), product(BASE, { sla: { freshness: 'PT360M' } }))).toEqual([]);
  });
});
