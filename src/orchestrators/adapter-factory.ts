import type { OrchestratorInstance } from './orchestrators-file';
import type { AdapterFactory } from './orchestrator-registry';

/** The real adapters for configured instances. */
export const realAdapters: AdapterFactory = (instance: OrchestratorInstance) => {
  throw new Error(`No ${instance.kind} adapter is available yet for ${instance.name}`);
};
