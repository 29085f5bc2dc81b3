import { Injectable } from '@nestjs/common';
import type { Discovered, DiscoveredDag, OrchestratorHealth } from '../../adapters/core/orchestrator.port';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { OrchestratorError } from '../../adapters/core/orchestrator-error';
import { DataProductsService } from '../catalog/data-products.service';
import type { Binding } from '../catalog/manifest/manifest.schema';
import type { FieldError } from '../common/errors/domain-error';
import { bindingOf, proposeManifest, sameBinding } from './discovery-proposal';
import { fromOrchestratorError, OrchestratorDescription, OrchestratorRegistry } from './orchestrator-registry';

export interface OrchestratorStatus extends OrchestratorDescription {
  /** `checkedAt`: when the instance answered (or failed to). */
  health: Omit<OrchestratorHealth, 'kind'> & { checkedAt: string; error?: { code: string; message: string } };
}

export interface SyncItem {
  discovered: Discovered;
  binding: Binding;
  /** The product bound to it, or null when nothing is; then a proposal is offered. */
  product: { name: string; revision: number } | null;
  proposedManifest: Record<string, unknown> | null;
  proposalProblems: FieldError[];
}

export interface SyncResult {
  orchestrator: string;
  discoveredAt: string;
  bound: number;
  unbound: number;
  items: SyncItem[];
}

/** Live view of the configured orchestrators and discovery into the catalog. */
@Injectable()
export class OrchestratorsService {
  constructor(
    private readonly registry: OrchestratorRegistry,
    private readonly products: DataProductsService,
    private readonly audit: AuditService,
  ) {}

  /** Every instance with its live health; one that is down is reported, not thrown. */
  list(): Promise<OrchestratorStatus[]> {
    return Promise.all(
      this.registry.all().map(async ({ description, port }) => {
        try {
          const { kind: _kind, ...health } = await port.health();
          return { ...description, health: { ...health, checkedAt: new Date().toISOString() } };
        } catch (error) {
          const e = error instanceof OrchestratorError ? { code: error.code, message: error.message } : { code: 'orchestrator_error', message: String(error) };
          return { ...description, health: { healthy: false, version: null, details: {}, checkedAt: new Date().toISOString(), error: e } };
        }
      }),
    );
  }

  /**
   * Pauses or unpauses a DAG. Triggering never unpauses anything: a run on a paused DAG would
   * never start, so resuming it is this explicit, audited call.
   */
  async setPaused(name: string, dagId: string, paused: boolean): Promise<DiscoveredDag> {
    const { port } = this.registry.get(name);
    if (!port.setPaused) throw DomainError.validation([{ field: 'name', message: `orchestrator ${name} has no pausable DAGs` }]);
    try {
      const dag = await port.setPaused(dagId, paused);
      await this.audit.record({ action: paused ? 'orchestrator.pause' : 'orchestrator.unpause', subjectType: 'Orchestrator', subjectId: `${name}/${dagId}`, outcome: 'succeeded', after: dag });
      return dag;
    } catch (error) {
      throw fromOrchestratorError(name, error);
    }
  }

  /** Discovers DAGs or assets; unbound ones are listed with a proposed manifest, never created. */
  async sync(name: string): Promise<SyncResult> {
    const { port } = this.registry.get(name);
    let discovered: Discovered[];
    try {
      discovered = await port.discover();
    } catch (error) {
      throw fromOrchestratorError(name, error);
    }
    const bound = await this.products.boundTo(name);
    const items = discovered.map((item): SyncItem => {
      const binding = bindingOf(name, item);
      const product = bound.find((p) => p.manifest.spec.bindings.some((b) => sameBinding(b, binding)));
      if (product) return { discovered: item, binding, product: { name: product.name, revision: product.revision }, proposedManifest: null, proposalProblems: [] };
      const proposal = proposeManifest(name, item);
      return { discovered: item, binding, product: null, proposedManifest: proposal.manifest, proposalProblems: proposal.problems };
    });
    const boundCount = items.filter((i) => i.product).length;
    return { orchestrator: name, discoveredAt: new Date().toISOString(), bound: boundCount, unbound: items.length - boundCount, items };
  }
}
