import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RunTarget } from '../../adapters/core/orchestrator.port';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { DataProductsService } from '../catalog/data-products.service';
import type { Binding } from '../catalog/manifest/manifest.schema';
import { DomainError } from '../common/errors/domain-error';
import type { Page } from '../common/pagination';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { LineageGraphRepository, RunLineage } from '../lineage/graph/lineage-graph.repository';
import { GatehouseRunEvents } from './gatehouse-run-events';
import { fromOrchestratorError, OrchestratorRegistry } from './orchestrator-registry';
import type { OrchestratorInstance } from './orchestrators-file';
import { externalRunUrl } from './run-links';
import { RunRepository } from './run.repository';
import { FINAL_STATUSES, LinkedRunView, RunListQuery, RunView } from './run.types';

export interface LaunchRequest {
  runId: string;
  product: string;
  revision: number;
  environment: string;
  binding: Binding;
  conf?: Record<string, unknown>;
  tags?: Record<string, string>;
  requestedBy: string;
}

export interface TriggerCommand {
  product: string;
  environment: string;
  conf?: Record<string, unknown>;
}

export function targetOf(binding: Binding): RunTarget {
  return 'dag' in binding ? { kind: 'dag', dagId: binding.dag } : { kind: 'assets', assetKeys: [binding.asset] };
}

/** Triggers a product's bound target and keeps the run history. */
@Injectable()
export class RunsService {
  private readonly instances: Map<string, OrchestratorInstance>;

  constructor(
    private readonly registry: OrchestratorRegistry,
    private readonly products: DataProductsService,
    private readonly runs: RunRepository,
    private readonly audit: AuditService,
    private readonly events: GatehouseRunEvents,
    private readonly lineage: LineageGraphRepository,
    @Inject(CONFIG) config: GatehouseConfig,
  ) {
    this.instances = new Map(config.orchestrators.map((o) => [o.name, o]));
  }

  /**
   * The run is recorded before the orchestrator is called, with the id Gatehouse sends as the
   * orchestrator's run id: a retry of the call can never start a second run, and a crash
   * between the two leaves a visible queued run rather than an unknown one.
   */
  async trigger(command: TriggerCommand, actor: Principal): Promise<LinkedRunView> {
    const product = await this.products.get(command.product, actor);
    const binding = this.bindingFor(product.name, product.manifest.spec.bindings, command.environment);
    const id = randomUUID();
    try {
      const run = await this.launch({ runId: id, product: product.name, revision: product.revision, environment: command.environment, binding, conf: command.conf, requestedBy: actor.id });
      await this.audit.record({ action: 'run.trigger', subjectType: 'Run', subjectId: id, outcome: 'succeeded', after: run });
      return (await this.linked([run]))[0];
    } catch (error) {
      await this.runs.recordFailure(id, (error as Error).message);
      await this.audit.record({ action: 'run.trigger', subjectType: 'Run', subjectId: id, outcome: 'failed', details: { product: product.name, error: (error as Error).message } });
      throw fromOrchestratorError(binding.orchestrator, error);
    }
  }

  /** The product's binding to an orchestrator configured for the environment (400 naming `environment` if none). */
  bindingFor(product: string, bindings: Binding[], environment: string): Binding {
    const binding = bindings.find((b) => this.registry.find(b.orchestrator)?.description.environment === environment);
    if (!binding) {
      throw DomainError.validation(
        [{ field: 'environment', message: `data product ${product} has no binding to an orchestrator configured for ${environment}` }],
        'Nothing to run in this environment.',
      );
    }
    return binding;
  }

  /**
   * Starts a run under a run id the caller chose, or resumes starting it: recording the run and
   * triggering it are both idempotent by that id, so calling this again after a crash or a lost
   * answer never starts a second run. Adapter errors are thrown as they are (the caller decides
   * whether to retry).
   */
  async launch(request: LaunchRequest): Promise<RunView> {
    const { port } = this.registry.get(request.binding.orchestrator);
    const target = targetOf(request.binding);
    const newRunId = await this.runs.insertIfAbsent({ id: request.runId, orchestrator: request.binding.orchestrator, environment: request.environment, productName: request.product, revision: request.revision, target, requestedBy: request.requestedBy });
    // Gatehouse's own facts travel as tags; `conf` is the caller's (Dagster reads it as run config).
    const tags = { 'gatehouse/product': request.product, 'gatehouse/revision': String(request.revision), 'gatehouse/environment': request.environment, ...request.tags };
    const detail = await port.trigger({ target, runId: request.runId, conf: request.conf, tags, newRunId });
    const run = await this.runs.recordDetail(request.runId, detail);
    this.events.started(run);
    if (FINAL_STATUSES.has(run.status)) await this.events.ended(run);
    return run;
  }

  latestOfRevision(product: string, environment: string, revision: number): Promise<RunView | null> {
    return this.runs.latestOfRevision(product, environment, revision);
  }

  /** `mine`: only runs of the products the principal's teams own or the principal stewards. */
  async list(query: RunListQuery & { mine?: boolean }, actor: Principal): Promise<Page<LinkedRunView>> {
    const { mine, ...filters } = query;
    const page = await this.runs.list(mine ? { ...filters, products: await this.products.namesOwnedBy(actor) } : filters);
    return { ...page, items: await this.linked(page.items) };
  }

  /**
   * One run with what lineage reported of it (the run and its tasks). A Gatehouse-triggered run not
   * yet final is refreshed from its orchestrator; if that fails the stored state is shown.
   */
  async get(id: string): Promise<LinkedRunView & { live: boolean; lineage: RunLineage | null }> {
    const run = await this.runs.find(id);
    if (!run) throw DomainError.notFound(`Run ${id} does not exist.`);
    const { view, live } = await this.refreshed(run);
    const [[linked], lineage] = await Promise.all([this.linked([view]), view.lineageRunId ? this.lineage.runWithTasks(view.lineageRunId) : null]);
    return { ...linked, live, lineage };
  }

  /** Runs with their links into the orchestrators' UIs: one read of the dag_run_ids lineage named, for all of them. */
  private async linked(runs: RunView[]): Promise<LinkedRunView[]> {
    const observed = runs.filter((r) => r.source === 'lineage' && r.lineageRunId && this.instances.get(r.orchestrator)?.kind === 'airflow');
    const native = await this.lineage.nativeRunIds(observed.map((r) => r.lineageRunId!));
    return runs.map((run) => {
      const instance = this.instances.get(run.orchestrator);
      const apiVersion = instance?.kind === 'airflow' ? instance.apiVersion : undefined;
      return { ...run, externalUrl: instance ? externalRunUrl({ ...instance, apiVersion }, run, run.lineageRunId ? (native.get(run.lineageRunId) ?? null) : null) : null };
    });
  }

  private async refreshed(run: RunView): Promise<{ view: RunView; live: boolean }> {
    const orchestrator = this.registry.find(run.orchestrator);
    if (FINAL_STATUSES.has(run.status) || run.source !== 'gatehouse' || !orchestrator) return { view: run, live: false };
    try {
      const view = await this.runs.recordDetail(run.id, await orchestrator.port.getRun(run.target, run.id));
      if (FINAL_STATUSES.has(view.status)) await this.events.ended(view);
      return { view, live: true };
    } catch {
      return { view: run, live: false };
    }
  }
}
