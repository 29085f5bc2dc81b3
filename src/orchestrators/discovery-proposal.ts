import type { Discovered } from '../../adapters/core/orchestrator.port';
import type { Binding } from '../catalog/manifest/manifest.schema';
import { manifestSchema } from '../catalog/manifest/manifest.schema';
import { toFieldErrors } from '../common/validation/zod-issues';
import type { FieldError } from '../common/errors/domain-error';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63) || 'unnamed';

/** The binding a discovered DAG or asset would have in a manifest. */
export function bindingOf(orchestrator: string, item: Discovered): Binding {
  return item.type === 'dag' ? { orchestrator, dag: item.dagId } : { orchestrator, asset: item.assetKey };
}

export function sameBinding(a: Binding, b: Binding): boolean {
  if (a.orchestrator !== b.orchestrator) return false;
  if ('dag' in a && 'dag' in b) return a.dag === b.dag && !('task' in a && a.task);
  if ('asset' in a && 'asset' in b) return a.asset.join('/') === b.asset.join('/');
  return false;
}

/**
 * A manifest a user could apply for an unbound discovery. Owners map to the product's team:
 * Dagster `team:x` owners as they are, Airflow DAG owners as `team:<owner>`; e-mail owners
 * become stewards. Classification and tier are conservative defaults to review before applying.
 */
export function proposeManifest(orchestrator: string, item: Discovered): { manifest: Record<string, unknown>; problems: FieldError[] } {
  const owners = item.owners;
  const team = owners.find((o) => o.startsWith('team:')) ?? (owners.find((o) => !o.includes('@')) ? `team:${slug(owners.find((o) => !o.includes('@'))!)}` : 'team:unassigned');
  const stewards = owners.filter((o) => o.includes('@'));
  const name = item.type === 'dag' ? slug(item.dagId) : slug(item.assetKey.join('-'));
  const tags = (item.type === 'dag' ? item.tags : Object.keys(item.tags)).map(slug).filter((t, i, all) => all.indexOf(t) === i).slice(0, 50);
  const domain = item.type === 'asset' && item.group && item.group !== 'default' ? slug(item.group) : item.type === 'asset' ? slug(item.assetKey[0]) : tags[0] ?? 'unassigned';
  const schedule = item.type === 'dag' && item.schedule && /^(@\w+|(\S+\s+){4}\S+)$/.test(item.schedule.trim()) ? item.schedule.trim() : undefined;
  const manifest = {
    apiVersion: 'gatehouse/v1',
    kind: 'DataProduct',
    metadata: { name, title: item.type === 'dag' ? item.dagId : item.assetKey.join('/'), domain, owner: team, stewards, tags },
    spec: {
      description: item.description ?? '',
      tier: 3,
      classification: 'internal',
      containsPii: false,
      ...(schedule ? { sla: { freshness: 'P1D', schedule } } : {}),
      outputs: [],
      bindings: [bindingOf(orchestrator, item)],
    },
  };
  const checked = manifestSchema.safeParse(manifest);
  return { manifest, problems: checked.success ? [] : toFieldErrors(checked.error) };
}
