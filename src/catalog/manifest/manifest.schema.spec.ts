import { DomainError } from '../../common/errors/domain-error';
import { manifest } from '../../../test/support/manifests';
import { parseManifest } from './parse-manifest';

function fieldErrors(input: unknown): Record<string, string> {
  try {
    parseManifest(input);
  } catch (error) {
    if (error instanceof DomainError) return Object.fromEntries(error.errors.map((e) => [e.field, e.message]));
    throw error;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('manifest validation', () => {
  it('accepts the documented example and fills defaults', () => {
    const m = parseManifest({ ...manifest('orders-daily'), metadata: { name: 'orders-daily', title: 'T', domain: 'sales', owner: 'team:sales-data' } });
    expect(m.metadata.stewards).toEqual([]);
    expect(m.metadata.tags).toEqual([]);
    expect(m.spec.outputs).toHaveLength(1);
  });

  it.each([
    ['metadata.name', { metadata: { name: 'Orders_Daily' } }, /slug/],
    ['metadata.owner', { metadata: { owner: 'ana@example.com' } }, /team reference/],
    ['metadata.stewards[0]', { metadata: { stewards: ['not-an-email'] } }, /e-mail/],
    ['metadata.tags', { metadata: { tags: ['a', 'a'] } }, /repeat/],
    ['spec.tier', { spec: { tier: 5 } }, /.+/],
    ['spec.classification', { spec: { classification: 'secret' } }, /public, internal, confidential, restricted/],
    ['spec.containsPii', { spec: { containsPii: 'yes' } }, /true or false/],
    ['spec.sla.freshness', { spec: { sla: { freshness: '6 hours' } } }, /ISO 8601/],
    ['spec.sla.freshness', { spec: { sla: { freshness: 'P1M' } } }, /ISO 8601/],
    ['spec.sla.schedule', { spec: { sla: { freshness: 'PT1H', schedule: '61 * * * *' } } }, /cron/],
    ['spec.sla.schedule', { spec: { sla: { freshness: 'PT1H', schedule: '* * *' } } }, /five-field/],
    ['spec.outputs[1]', { spec: { outputs: [{ namespace: 'n', name: 'a' }, { namespace: 'n', name: 'a' }] } }, /repeats output/],
    ['spec.outputs[0].name', { spec: { outputs: [{ namespace: 'n', name: '' }] } }, /empty/],
    ['spec.bindings[0].orchestrator', { spec: { bindings: [{ orchestrator: 'Airflow Prod', dag: 'x' }] } }, /orchestrator name/],
    ['spec.bindings[0].asset', { spec: { bindings: [{ orchestrator: 'd', asset: [] }] } }, /at least one/],
    ['spec.bindings[1]', { spec: { bindings: [{ orchestrator: 'a', dag: 'x' }, { orchestrator: 'a', dag: 'x' }] } }, /repeats/],
    ['spec.extra', { spec: { extra: 1 } }, /unknown field/],
  ])('names %s when it is wrong', (field, overrides, message) => {
    const errors = fieldErrors(manifest('orders-daily', overrides as never));
    expect(Object.keys(errors)).toContain(field);
    expect(errors[field]).toMatch(message);
  });

  it('rejects unknown top-level fields and wrong kinds', () => {
    const errors = fieldErrors({ ...manifest('x'), kind: 'Dataset', status: {} });
    expect(errors.kind).toMatch(/DataProduct/);
    expect(errors.status).toBe('unknown field');
  });

  it('reports every problem at once', () => {
    const errors = fieldErrors(manifest('x', { metadata: { owner: 'nobody' }, spec: { tier: 0, classification: 'x' } }));
    expect(Object.keys(errors).sort()).toEqual(['metadata.owner', 'spec.classification', 'spec.tier']);
  });

  it('rejects a body that is not an object', () => {
    expect(fieldErrors([1, 2])).toEqual({ '(root)': expect.any(String) });
  });
});
