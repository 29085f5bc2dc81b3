import type { Discovered, DiscoveredDag, OrchestratorPort, RunDetail, TriggerRequest, RunTarget } from '../../adapters/core/orchestrator.port';
import { OrchestratorError } from '../../adapters/core/orchestrator-error';

/** An in-memory orchestrator for service tests of error paths and bookkeeping (real ones: test/orchestrators). */
export class FakeOrchestrator implements OrchestratorPort {
  readonly triggered: TriggerRequest[] = [];
  failWith: OrchestratorError | null = null;
  private readonly runs = new Map<string, RunDetail>();
  /** Airflow's DAGs can be paused (Dagster has no such thing): the fake keeps the flag of its discovered DAGs. */
  readonly setPaused?: (dagId: string, paused: boolean) => Promise<DiscoveredDag>;

  constructor(
    readonly kind: 'airflow' | 'dagster',
    private readonly discovered: Discovered[],
  ) {
    if (kind === 'airflow') {
      this.setPaused = async (dagId, paused) => {
        if (this.failWith) throw this.failWith;
        const dag = this.discovered.find((d): d is DiscoveredDag => d.type === 'dag' && d.dagId === dagId);
        if (!dag) throw new OrchestratorError('not_found', `DAG ${dagId} not found`);
        dag.paused = paused;
        return { ...dag };
      };
    }
  }

  async health() {
    if (this.failWith) throw this.failWith;
    return { kind: this.kind, healthy: true, version: 'fake-1.0', details: {} };
  }

  async discover() {
    if (this.failWith) throw this.failWith;
    return this.discovered;
  }

  async trigger(request: TriggerRequest): Promise<RunDetail> {
    if (this.failWith) throw this.failWith;
    const existing = this.runs.get(request.runId);
    if (existing) return existing;
    this.triggered.push(request);
    const run: RunDetail = { runId: request.runId, target: request.target, status: 'queued', nativeStatus: 'queued', startedAt: null, endedAt: null, steps: [] };
    this.runs.set(request.runId, run);
    return run;
  }

  async getRun(_target: RunTarget, runId: string): Promise<RunDetail> {
    const run = this.runs.get(runId);
    if (!run) throw new OrchestratorError('not_found', `run ${runId} not found`);
    return run;
  }

  finish(runId: string, status: 'succeeded' | 'failed') {
    const run = this.runs.get(runId)!;
    this.runs.set(runId, { ...run, status, nativeStatus: status, startedAt: new Date().toISOString(), endedAt: new Date().toISOString() });
  }

  async cancel(target: RunTarget, runId: string): Promise<RunDetail> {
    return this.getRun(target, runId);
  }

  async recentProductions() {
    return [];
  }
}
