import type { components } from '../../api/schema';
import { mergePatchOf, valuesOf, type EditValues } from '../product/editForm';
import type { Manifest } from '../product/queries';

export type SyncReport = components['schemas']['SyncReport'];
export type SyncItem = SyncReport['items'][number];

/**
 * A proposed manifest under review: the editable fields as the product edit form has them
 * (editForm's values), plus the product's name; applying lays the changed fields over the
 * proposal (a JSON merge patch, RFC 7396), so the rest (outputs, bindings) stays as proposed.
 */

export interface ProposalValues extends EditValues {
  name: string;
}

/** Whether the proposal has the manifest's shape the form reads (the server proposed it, so it should). */
export function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { metadata?: unknown; spec?: unknown };
  return typeof m.metadata === 'object' && m.metadata !== null && typeof m.spec === 'object' && m.spec !== null;
}

/** The form's values of a proposal; missing lists read as empty. */
export function proposalValues(manifest: Manifest): ProposalValues {
  const filled: Manifest = {
    ...manifest,
    metadata: { ...manifest.metadata, stewards: manifest.metadata.stewards ?? [], tags: manifest.metadata.tags ?? [] },
    spec: { ...manifest.spec, description: manifest.spec.description ?? '' },
  };
  return { name: manifest.metadata.name ?? '', ...valuesOf(filled) };
}

/** RFC 7396: objects merge key by key, null removes, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete base[k];
    else base[k] = applyMergePatch(base[k], v);
  }
  return base;
}

/** The manifest to apply: the proposal with the reviewed fields on top. */
export function reviewedManifest(proposal: Manifest, values: ProposalValues): Manifest {
  const { name, ...fields } = values;
  const patched = applyMergePatch(proposal, mergePatchOf(proposalWithDefaults(proposal), fields)) as Manifest;
  return { ...patched, metadata: { ...patched.metadata, name: name.trim() } };
}

function proposalWithDefaults(m: Manifest): Manifest {
  return { ...m, metadata: { ...m.metadata, stewards: m.metadata.stewards ?? [], tags: m.metadata.tags ?? [] }, spec: { ...m.spec, description: m.spec.description ?? '' } };
}

/** What was discovered, in words: `DAG orders_daily` or `asset sales/orders_daily`. */
export function discoveredLabel(item: SyncItem): string {
  return item.discovered.type === 'dag' ? `DAG ${item.discovered.dagId}` : `asset ${item.discovered.assetKey.join('/')}`;
}

/** A stable key of a discovered item. */
export function discoveredKey(item: SyncItem): string {
  return item.discovered.type === 'dag' ? `dag:${item.discovered.dagId}` : `asset:${item.discovered.assetKey.join('/')}`;
}
