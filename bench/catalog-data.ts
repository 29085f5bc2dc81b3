/**
 * The catalog the benches load: deterministic, varied (owners, domains, tiers, classifications,
 * tags), with words to search for. Shared by bench:catalog and bench:console.
 */
import { CLASSIFICATIONS } from '../src/catalog/manifest/manifest.schema';
import { prng } from './support';

export const DOMAINS = ['sales', 'marketing', 'finance', 'supply-chain', 'logistics', 'people', 'product', 'risk', 'customer', 'platform'];
export const TEAMS = Array.from({ length: 50 }, (_, i) => `team:${DOMAINS[i % DOMAINS.length]}-${['data', 'analytics', 'eng', 'ops', 'insights'][Math.floor(i / DOMAINS.length)]}`);
export const TAGS = [
  'finance', 'gdpr', 'pii', 'daily', 'hourly', 'weekly', 'streaming', 'batch', 'gold', 'silver', 'bronze', 'kpi', 'forecast',
  'ml-feature', 'reporting', 'regulatory', 'audit', 'external', 'internal-only', 'deprecated-soon', 'realtime', 'snapshot',
  'dimension', 'fact', 'aggregate', 'raw', 'curated', 'experimental', 'certified', 'sox', 'emea', 'amer', 'apac', 'b2b', 'b2c',
  'web', 'mobile', 'pos', 'erp', 'crm',
];
const NOUNS = [
  'orders', 'invoices', 'payments', 'customers', 'sessions', 'shipments', 'inventory', 'returns', 'refunds', 'leads',
  'campaigns', 'clicks', 'impressions', 'subscriptions', 'churn', 'margins', 'ledger', 'budgets', 'forecasts', 'suppliers',
  'warehouses', 'routes', 'deliveries', 'employees', 'payroll', 'headcount', 'features', 'events', 'incidents', 'alerts',
];
const QUALIFIERS = ['daily', 'hourly', 'weekly', 'monthly', 'by-region', 'by-channel', 'by-product', 'snapshot', 'history', 'current', 'enriched', 'raw'];
const WORDS = [
  'one', 'row', 'per', 'order', 'customer', 'day', 'aggregated', 'from', 'the', 'warehouse', 'with', 'late', 'arriving', 'facts',
  'deduplicated', 'joined', 'to', 'reference', 'data', 'and', 'enriched', 'by', 'region', 'channel', 'currency', 'converted',
  'into', 'euros', 'partitioned', 'date', 'for', 'dashboards', 'models', 'finance', 'close', 'operational', 'reporting',
  'including', 'cancelled', 'items', 'excluding', 'test', 'accounts', 'source', 'systems', 'erp', 'crm', 'clickstream',
];
const CLASS_WEIGHTS: [(typeof CLASSIFICATIONS)[number], number][] = [
  ['public', 0.2],
  ['internal', 0.4],
  ['confidential', 0.3],
  ['restricted', 0.1],
];
/** In about 10% of descriptions: a common search word. */
export const COMMON_WORD = 'revenue';
/** In about 0.5% of descriptions: a rare one, so a search has to look at most of the table. */
export const RARE_WORD = 'quasar';

export interface Generated {
  manifest: Record<string, unknown>;
}

export function generateCatalog(count: number): Generated[] {
  const rnd = prng(20261124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const products: Generated[] = [];
  for (let i = 0; i < count; i++) {
    const noun = pick(NOUNS);
    const qualifier = pick(QUALIFIERS);
    // The number goes last and the rest of the name is random, so name order is unrelated to
    // owner, domain, tier and classification (no accidental clustering that flatters a filter).
    const name = `${noun}-${qualifier}-${String(i).padStart(5, '0')}`;
    const owner = TEAMS[i % TEAMS.length];
    const domain = pick(DOMAINS);
    const tags = new Set<string>();
    const tagCount = 1 + Math.floor(rnd() * 4);
    while (tags.size < tagCount) tags.add(pick(TAGS));
    let r = rnd();
    let classification: (typeof CLASSIFICATIONS)[number] = 'internal';
    for (const [c, w] of CLASS_WEIGHTS) {
      if ((r -= w) < 0) {
        classification = c;
        break;
      }
    }
    const words = Array.from({ length: 10 + Math.floor(rnd() * 20) }, () => pick(WORDS));
    if (rnd() < 0.1) words.splice(Math.floor(rnd() * words.length), 0, COMMON_WORD);
    if (rnd() < 0.005) words.splice(Math.floor(rnd() * words.length), 0, RARE_WORD);
    const description = `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
    const snake = name.replace(/-/g, '_');
    products.push({
      manifest: {
        apiVersion: 'gatehouse/v1',
        kind: 'DataProduct',
        metadata: {
          name,
          title: `${noun[0].toUpperCase()}${noun.slice(1)} ${qualifier.replace(/-/g, ' ')} (${domain})`,
          domain,
          owner,
          stewards: [`${owner.slice(5)}.steward@example.com`],
          tags: [...tags],
        },
        spec: {
          description,
          tier: 1 + Math.floor(rnd() * 4),
          classification,
          containsPii: classification === 'confidential' || classification === 'restricted' ? rnd() < 0.6 : false,
          sla: { freshness: pick(['PT1H', 'PT6H', 'P1D']), schedule: pick(['0 * * * *', '0 2 * * *', '30 4 * * 1']) },
          outputs: [{ namespace: 'postgres://warehouse:5432', name: `analytics.${domain.replace(/-/g, '_')}.${snake}` }],
          bindings: [
            rnd() < 0.5
              ? { orchestrator: 'airflow-prod', dag: snake }
              : { orchestrator: 'dagster-prod', asset: [domain.replace(/-/g, '_'), snake] },
          ],
        },
      },
    });
  }
  return products;
}
