import type { ProductIdentity } from '../../catalog/data-product.types';
import { datasetNodeId, jobNodeId } from '../node-id';

/** Orchestrator instance name → its OpenLineage namespace. */
export type NamespaceOf = (orchestrator: string) => string | undefined;

/**
 * A DAG a product is bound to, as lineage names its jobs: `<dag>` and `<dag>.<task>` in the
 * instance's namespace; a binding that names a task is that task's job only.
 */
export interface DagRef {
  namespace: string;
  dagId: string;
  task?: string;
}

export interface ProductNodes {
  /** Declared outputs, plus Dagster assets it is bound to (Gatehouse names those `<key>/<key>` in the instance's namespace). */
  datasets: string[];
  dags: DagRef[];
}

/** Where a product sits in the lineage graph. Bindings to unconfigured orchestrators are ignored. */
export function productNodes(product: Pick<ProductIdentity, 'outputs' | 'bindings'>, namespaceOf: NamespaceOf): ProductNodes {
  const datasets = new Set(product.outputs.map((o) => datasetNodeId(o.namespace, o.name)));
  const dags: DagRef[] = [];
  for (const binding of product.bindings) {
    const namespace = namespaceOf(binding.orchestrator);
    if (!namespace) continue;
    if ('asset' in binding) datasets.add(datasetNodeId(namespace, binding.asset.join('/')));
    else dags.push({ namespace, dagId: binding.dag, ...(binding.task ? { task: binding.task } : {}) });
  }
  return { datasets: [...datasets], dags };
}

/**
 * Finds which products a lineage node belongs to: datasets by identity, jobs by their DAG (`dag` or `dag.task`).
 * `canonical` gives the node a dataset id is read as (lineage-alias.repository.ts), so a product declaring a table
 * and one bound to the Dagster asset writing it own the same node; nodes asked about are canonical ids.
 */
export class ProductIndex {
  private readonly byDataset = new Map<string, ProductIdentity[]>();
  private readonly byDagJob = new Map<string, ProductIdentity[]>();

  constructor(
    readonly products: ProductIdentity[],
    namespaceOf: NamespaceOf,
    readonly canonical: (datasetId: string) => string = (id) => id,
  ) {
    for (const product of products) {
      const nodes = productNodes(product, namespaceOf);
      for (const id of new Set(nodes.datasets.map(canonical))) push(this.byDataset, id, product);
      for (const dag of nodes.dags) push(this.byDagJob, jobNodeId(dag.namespace, dag.task ? `${dag.dagId}.${dag.task}` : dag.dagId), product);
    }
  }

  /** Products owning a node; `job:<ns>:<dag>.<task>` belongs to the task's products, else to the DAG's. */
  ownersOf(nodeId: string, job?: { namespace: string; name: string }): ProductIdentity[] {
    const direct = this.byDataset.get(nodeId) ?? this.byDagJob.get(nodeId);
    if (direct) return direct;
    if (!job) return [];
    const dot = job.name.indexOf('.');
    return dot > 0 ? (this.byDagJob.get(jobNodeId(job.namespace, job.name.slice(0, dot))) ?? []) : [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
