import { Inject, Injectable } from '@nestjs/common';
import type { OrchestratorPort } from '../../adapters/core/orchestrator.port';
import { OrchestratorError } from '../../adapters/core/orchestrator-error';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { lineageNamespaceOf, type OrchestratorInstance } from './orchestrators-file';

/** Builds the adapter for a configured instance; tests substitute their own. */
export type AdapterFactory = (instance: OrchestratorInstance) => OrchestratorPort;
export const ADAPTER_FACTORY = Symbol('ADAPTER_FACTORY');

/** What the API may show of an instance: never its credentials. */
export interface OrchestratorDescription {
  name: string;
  kind: 'airflow' | 'dagster';
  environment: string;
  baseUrl: string;
  /** Where people open its own UI. */
  uiUrl: string;
  /** The OpenLineage namespace its jobs report under. */
  lineageNamespace: string;
}

export interface RegisteredOrchestrator {
  description: OrchestratorDescription;
  port: OrchestratorPort;
}

/** The configured orchestrator instances and their adapters, by name. */
@Injectable()
export class OrchestratorRegistry {
  private readonly byName = new Map<string, RegisteredOrchestrator>();

  constructor(@Inject(CONFIG) config: GatehouseConfig, @Inject(ADAPTER_FACTORY) factory: AdapterFactory) {
    for (const instance of config.orchestrators) {
      this.byName.set(instance.name, {
        description: { name: instance.name, kind: instance.kind, environment: instance.environment, baseUrl: instance.baseUrl, uiUrl: instance.uiUrl ?? instance.baseUrl, lineageNamespace: lineageNamespaceOf(instance) },
        port: factory(instance),
      });
    }
  }

  all(): RegisteredOrchestrator[] {
    return [...this.byName.values()];
  }

  get(name: string): RegisteredOrchestrator {
    const found = this.byName.get(name);
    if (!found) throw DomainError.notFound(`No orchestrator named ${name} is configured (GATEHOUSE_ORCHESTRATORS).`);
    return found;
  }

  /** The instance whose jobs report under this OpenLineage namespace. */
  byLineageNamespace(namespace: string): RegisteredOrchestrator | undefined {
    return this.all().find((o) => o.description.lineageNamespace === namespace);
  }

  find(name: string): RegisteredOrchestrator | undefined {
    return this.byName.get(name);
  }
}

/** An adapter failure as the API reports it: typed, with the orchestrator's own words. */
export function fromOrchestratorError(orchestrator: string, error: unknown): unknown {
  if (!(error instanceof OrchestratorError)) return error;
  const code =
    error.code === 'not_found'
      ? ErrorCode.NOT_FOUND
      : error.code === 'unreachable' || error.code === 'timeout'
        ? ErrorCode.ORCHESTRATOR_UNAVAILABLE
        : ErrorCode.ORCHESTRATOR_FAILED;
  return new DomainError(code, `${orchestrator}: ${error.message}`, [], {
    orchestrator,
    orchestratorError: error.code,
    orchestratorMessage: error.orchestratorMessage,
  });
}
