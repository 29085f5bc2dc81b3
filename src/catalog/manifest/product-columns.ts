import type { Manifest } from './manifest.schema';

/**
 * The catalog fields of a manifest as the data_product table stores them; policies see a product
 * through the same names, so a rule's conditions mean the same in memory and in SQL.
 */
export function productColumns(m: Manifest) {
  return {
    name: m.metadata.name,
    title: m.metadata.title,
    domain: m.metadata.domain,
    owner: m.metadata.owner,
    stewards: m.metadata.stewards,
    tags: m.metadata.tags,
    description: m.spec.description,
    tier: m.spec.tier,
    classification: m.spec.classification,
    containsPii: m.spec.containsPii,
  };
}
