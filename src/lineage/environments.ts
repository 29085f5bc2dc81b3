import type { GatehouseConfig } from '../config/config';
import { lineageNamespaceOf } from '../orchestrators/orchestrators-file';

/**
 * Which environment lineage from a namespace belongs to: each orchestrator instance's namespace
 * is its environment's, and GATEHOUSE_LINEAGE_ENVIRONMENTS names the other producers'.
 */
export function environmentOfNamespace(config: Pick<GatehouseConfig, 'orchestrators' | 'lineageEnvironments'>): Map<string, string> {
  return new Map([...config.orchestrators.map((o) => [lineageNamespaceOf(o), o.environment] as const), ...Object.entries(config.lineageEnvironments)]);
}

export function namespacesOf(config: Pick<GatehouseConfig, 'orchestrators' | 'lineageEnvironments'>, environment: string): string[] {
  return [...environmentOfNamespace(config)].filter(([, e]) => e === environment).map(([ns]) => ns);
}
