import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RunStatus, RunTarget } from '../../adapters/core/orchestrator.port';
import { DataProductsService } from '../catalog/data-products.service';
import type { Manifest } from '../catalog/manifest/manifest.schema';
import { LineageAliasRepository } from '../lineage/graph/lineage-alias.repository';
import { LineageIngestService } from '../lineage/ingest/lineage-ingest.service';
import { datasetNodeId } from '../lineage/node-id';
import type { ProjectedRun } from '../lineage/projection/run-projection';
import { GatehouseRunEvents } from './gatehouse-run-events';
import { OrchestratorRegistry } from './orchestrator-registry';
import { RunRepository } from './run.repository';

/**
 * Joins lineage to the run history. A top-level lineage run (an Airflow DAG run, a Dagster run)
 * from an orchestrator's namespace is either a run Gatehouse triggered — matched through the run id
 * Gatehouse chose, which the orchestrator reports — or one it did not (scheduled, manual), which is
 * recorded as an observed run of the product bound to that DAG or asset. Task runs stay in lineage,
 * under their parent.
 */
@Injectable()
export class RunLineageLinker implements OnModuleInit {
  constructor(
    private readonly lineage: LineageIngestService,
    private readonly registry: OrchestratorRegistry,
    private readonly products: DataProductsService,
    private readonly runs: RunRepository,
    private readonly events: GatehouseRunEvents,
    private readonly aliases: LineageAliasRepository,
  ) {}

  onModuleInit(): void {
    this.lineage.onRunsChanged((runs) => this.link(runs));
  }

  async link(runs: ProjectedRun[]): Promise<void> {
    for (const run of runs) {
      if (run.parentRunId) continue;
      const instance = this.registry.byLineageNamespace(run.jobNamespace);
      if (!instance) continue;
      const state = {
        lineageRunId: run.runId,
        status: run.status === 'other' ? 'running' : run.status,
        startedAt: run.startedAt,
        endedAt: run.endedAt,
        error: run.errorMessage,
      };
      if (run.nativeRunId) {
        const linked = await this.runs.linkLineage(run.nativeRunId, state);
        if (linked.ended) await this.events.ended(linked.ended);
        if (linked.found) continue;
      }
      const bound = await this.boundProduct(instance.description.name, run);
      if (!bound) continue;
      await this.runs.recordObserved({ ...state, status: state.status as RunStatus, orchestrator: instance.description.name, environment: instance.description.environment, productName: bound.product, target: bound.target });
    }
  }

  /**
   * The product bound to the run's DAG (Airflow) or to an asset it materialized (Dagster). The run names an asset by
   * its key in the instance's namespace, or by the dataset it is (its `dagster/uri` or table), which has the key as an
   * alias: both are compared as the node lineage reads them as.
   */
  private async boundProduct(orchestrator: string, run: ProjectedRun): Promise<{ product: string; target: RunTarget } | null> {
    const candidates = (await this.products.boundTo(orchestrator)).flatMap((c) => (c.manifest as Manifest).spec.bindings.filter((b) => b.orchestrator === orchestrator).map((binding) => ({ product: c.name, binding })));
    const assetId = (key: string[]) => datasetNodeId(run.jobNamespace, key.join('/'));
    const outputIds = run.outputs.map((d) => datasetNodeId(d.namespace, d.name));
    const assetIds = candidates.flatMap(({ binding }) => ('asset' in binding ? [assetId(binding.asset)] : []));
    const canonical = assetIds.length && outputIds.length ? await this.aliases.canonical([...outputIds, ...assetIds]) : new Map<string, string>();
    const read = (id: string) => canonical.get(id) ?? id;
    const produced = new Set(outputIds.map(read));
    for (const { product, binding } of candidates) {
      if ('dag' in binding && binding.dag === run.jobName) return { product, target: { kind: 'dag', dagId: binding.dag } };
      if ('asset' in binding && produced.has(read(assetId(binding.asset)))) return { product, target: { kind: 'assets', assetKeys: [binding.asset] } };
    }
    return null;
  }
}
