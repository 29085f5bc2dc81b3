import type { ProductIdentity } from '../../catalog/data-product.types';
import { ProductIndex, productNodes } from './product-nodes';

const ns = (name: string) => ({ 'airflow-prod': 'af', 'dagster-staging': 'dg' })[name];
const product = (name: string, spec: Partial<ProductIdentity>): ProductIdentity => ({
  name, title: name, owner: 'team:t', stewards: [], tier: 1, classification: 'internal', revision: 1, createdAt: new Date(0), outputs: [], bindings: [], sla: null, ...spec,
});

describe('products in the lineage graph', () => {
  it('places a product at its outputs, its Dagster assets and its DAGs; unknown orchestrators are ignored', () => {
    const nodes = productNodes(
      {
        outputs: [{ namespace: 'postgres://db:5432', name: 'a.b.c' }],
        bindings: [{ orchestrator: 'dagster-staging', asset: ['sales', 'orders'] }, { orchestrator: 'airflow-prod', dag: 'orders' }, { orchestrator: 'nowhere', dag: 'x' }],
      },
      ns,
    );
    expect(nodes).toEqual({ datasets: ['dataset:postgres://db:5432:a.b.c', 'dataset:dg:sales/orders'], dags: [{ namespace: 'af', dagId: 'orders' }] });
  });

  it('finds the owners of datasets, DAG jobs and their tasks, preferring a task binding', () => {
    const whole = product('whole-dag', { bindings: [{ orchestrator: 'airflow-prod', dag: 'orders' }] });
    const task = product('one-task', { bindings: [{ orchestrator: 'airflow-prod', dag: 'orders', task: 'load' }] });
    const data = product('data', { outputs: [{ namespace: 'db', name: 't' }] });
    const index = new ProductIndex([whole, task, data], ns);
    const names = (list: ProductIdentity[]) => list.map((p) => p.name);
    expect(names(index.ownersOf('dataset:db:t'))).toEqual(['data']);
    expect(names(index.ownersOf('job:af:orders'))).toEqual(['whole-dag']);
    expect(names(index.ownersOf('job:af:orders.load', { namespace: 'af', name: 'orders.load' }))).toEqual(['one-task']);
    expect(names(index.ownersOf('job:af:orders.extract', { namespace: 'af', name: 'orders.extract' }))).toEqual(['whole-dag']);
    expect(index.ownersOf('job:other:orders.extract', { namespace: 'other', name: 'orders.extract' })).toEqual([]);
  });
});
