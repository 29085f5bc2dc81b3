import { Injectable } from '@nestjs/common';
import type { DataProductView } from '../catalog/data-product.types';
import type { Binding } from '../catalog/manifest/manifest.schema';
import { DomainError } from '../common/errors/domain-error';
import { OrchestratorRegistry } from '../orchestrators/orchestrator-registry';
import { RunsService } from '../orchestrators/runs.service';
import type { PromotionKind, PromotionPlan } from './promotion.types';

export interface PlanInput {
  kind: PromotionKind;
  product: DataProductView;
  revision: number;
  bindings: Binding[];
  from: string;
  to: string;
}

/**
 * Says what approving a promotion does, in the words an approver needs: the revision it replaces
 * in the target environment and what it will run there (the binding the executor will use).
 */
@Injectable()
export class PromotionPlanner {
  constructor(
    private readonly runs: RunsService,
    private readonly registry: OrchestratorRegistry,
  ) {}

  plan(input: PlanInput): PromotionPlan {
    const replaces = input.product.environments.find((e) => e.environment === input.to)?.revision ?? null;
    let target: PromotionPlan['target'] = null;
    let targetProblem: string | null = null;
    try {
      const binding = this.runs.bindingFor(input.product.name, input.bindings, input.to);
      const kind = this.registry.find(binding.orchestrator)?.description.kind ?? 'unknown';
      target = { orchestrator: binding.orchestrator, kind, dag: 'dag' in binding ? binding.dag : null, asset: 'asset' in binding ? binding.asset : null };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      targetProblem = error.errors[0]?.message ?? error.message;
    }
    return { summary: summarise(input, replaces, target, targetProblem), replaces, target, targetProblem };
  }
}

function summarise(input: PlanInput, replaces: number | null, target: PromotionPlan['target'], problem: string | null): string {
  const name = input.product.name;
  const replacing = replaces === null ? `the first revision to run in ${input.to}` : replaces === input.revision ? `deploying r${replaces} again` : `replacing r${replaces}`;
  const head = input.kind === 'rollback' ? `Roll ${name} in ${input.to} back to r${input.revision}, ${replacing}` : `Promote ${name} r${input.revision} from ${input.from} to ${input.to}, ${replacing}`;
  return `${head}; ${target ? runs(target) : `runs nothing: ${problem}`}`;
}

function runs(target: NonNullable<PromotionPlan['target']>): string {
  if (target.dag !== null) return `triggers ${target.kind === 'airflow' ? 'Airflow ' : ''}DAG ${target.dag} on ${target.orchestrator}`;
  return `materializes ${target.kind === 'dagster' ? 'Dagster ' : ''}asset ${(target.asset ?? []).join('/')} on ${target.orchestrator}`;
}
