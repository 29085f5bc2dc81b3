import type { ManifestInput } from '../catalog/manifest/manifest.schema';
import { planManifests } from './apply-plan';
import { splitDocuments } from './manifest-files';
import { mergeStandards, separateStandards } from './standards-plan';

const manifest = {
  apiVersion: 'gatehouse/v1',
  kind: 'DataProduct',
  metadata: { name: 'orders', title: 'Orders', domain: 'sales', owner: 'team:sales' },
  spec: { tier: 2, classification: 'internal', containsPii: false, outputs: [{ namespace: 'pg://w', name: 'a.orders' }] },
};
const contract = (sla: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'c',
  version: '1.0.0',
  status: 'active',
  dataProduct: 'orders',
  schema: [{ name: 'orders', properties: [{ name: 'id', logicalType: 'integer' }] }],
  slaProperties: sla,
  ...extra,
});
const odps = { apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'orders', status: 'active', outputPorts: [] };
const file = (name: string, ...docs: unknown[]) => splitDocuments(name, docs.map((d) => JSON.stringify(d)).join('\n---\n'));
const none = async () => null;

describe('open-standard documents in gatehouse apply', () => {
  it('tells contracts and ODPS documents from manifests by their content', () => {
    const { manifests, standards } = separateStandards([file('all.yaml', manifest, contract([]), odps)]);
    expect(manifests).toHaveLength(1);
    expect(manifests[0].ok && manifests[0].documents.map((d) => d.body)).toEqual([manifest]);
    expect(standards.map((s) => s.standard)).toEqual(['ODCS', 'ODPS']);
  });

  it('merges into the manifest of the same run, without asking the server', async () => {
    const { manifests, standards } = separateStandards([file('orders.yaml', manifest), file('orders.odcs.yaml', contract([{ property: 'latency', value: 1, unit: 'd' }]))]);
    const current = jest.fn(async (_name: string) => null);
    const { plan, notes } = await mergeStandards(planManifests(manifests), standards, current);
    expect(current).not.toHaveBeenCalled();
    expect(plan).toEqual([{ ready: true, name: 'orders', source: 'orders.yaml, orders.odcs.yaml', body: expect.objectContaining({ spec: expect.objectContaining({ sla: { freshness: 'P1D' } }) }) }]);
    expect(notes.get('orders')).toEqual(['kept in spec.outputs[0].extensions.odcs (from orders.odcs.yaml): id']);
  });

  it('refuses contracts that disagree on the SLA, and a second ODPS document, naming the field', async () => {
    const { manifests, standards } = separateStandards([
      file('orders.yaml', manifest),
      file('a.odcs.yaml', contract([{ property: 'latency', value: 1, unit: 'd' }])),
      file('b.odcs.yaml', contract([{ property: 'latency', value: 2, unit: 'd' }])),
    ]);
    const { plan } = await mergeStandards(planManifests(manifests), standards, none);
    expect(plan).toEqual([{ ready: false, name: 'orders', source: 'b.odcs.yaml', failure: { detail: 'The contracts of orders disagree on its SLA.', errors: [{ field: 'slaProperties', message: 'differs from the SLA of a.odcs.yaml' }] } }]);

    const twice = separateStandards([file('one.odps.yaml', odps), file('two.odps.yaml', odps)]);
    const refused = await mergeStandards([], twice.standards, none);
    expect(refused.plan).toEqual([expect.objectContaining({ ready: false, source: 'two.odps.yaml', failure: expect.objectContaining({ errors: [{ field: 'id', message: 'orders is already described in one.odps.yaml' }] }) })]);
  });

  it('asks the server for the product a contract names when no manifest of the run does', async () => {
    const { standards } = separateStandards([file('orders.odcs.yaml', contract([]))]);
    const current = jest.fn(async (_name: string) => manifest as unknown as ManifestInput);
    const { plan } = await mergeStandards([], standards, current);
    expect(current).toHaveBeenCalledWith('orders');
    expect(plan).toEqual([expect.objectContaining({ ready: true, name: 'orders', source: 'orders.odcs.yaml' })]);
  });
});
