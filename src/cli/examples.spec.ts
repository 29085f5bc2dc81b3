import { join } from 'node:path';
import { parseManifest } from '../catalog/manifest/parse-manifest';
import { planManifests } from './apply-plan';
import { findManifestFiles, readManifestFile } from './manifest-files';

// The README's worked example applies examples/products/; it must stay valid as the schema evolves.
describe('examples/products', () => {
  it('holds three valid manifests, two of them in one file', async () => {
    const files = await findManifestFiles(['examples/products'], join(__dirname, '..', '..'));
    const plan = planManifests(await Promise.all(files.map(readManifestFile)));
    expect(plan.map((m) => [m.name, m.source])).toEqual([
      ['customer-profiles', 'examples/products/customers.yaml'],
      ['customer-segments', 'examples/products/customers.yaml'],
      ['orders-daily', 'examples/products/sales/orders-daily.yaml'],
    ]);
    for (const m of plan) {
      if (!m.ready) throw new Error(`${m.source}: ${m.failure.detail}`);
      expect(() => parseManifest(m.body)).not.toThrow();
    }
  });
});
