/** A valid manifest, as in the example; override parts per test. */
export function manifest(name: string, overrides: { metadata?: Record<string, unknown>; spec?: Record<string, unknown> } = {}) {
  return {
    apiVersion: 'gatehouse/v1',
    kind: 'DataProduct',
    metadata: {
      name,
      title: `Product ${name}`,
      domain: 'sales',
      owner: 'team:sales-data',
      stewards: ['ana@example.com'],
      tags: ['finance'],
      ...overrides.metadata,
    },
    spec: {
      description: 'One row per order per day.',
      tier: 1,
      classification: 'confidential',
      containsPii: true,
      sla: { freshness: 'PT6H', schedule: '0 2 * * *' },
      outputs: [{ namespace: 'postgres://warehouse:5432', name: `analytics.public.${name.replace(/-/g, '_')}` }],
      bindings: [
        { orchestrator: 'airflow-prod', dag: name.replace(/-/g, '_') },
        { orchestrator: 'dagster-staging', asset: ['sales', name.replace(/-/g, '_')] },
      ],
      ...overrides.spec,
    },
  };
}
