import type { Manifest } from './queries';

const METADATA_ORDER = ['name', 'title', 'domain', 'owner', 'stewards', 'tags'];
const SPEC_ORDER = ['description', 'tier', 'classification', 'containsPii', 'sla', 'outputs', 'bindings'];
const SLA_ORDER = ['freshness', 'schedule'];
const OUTPUT_ORDER = ['namespace', 'name'];
const BINDING_ORDER = ['orchestrator', 'dag', 'task', 'asset'];

/** The keys of `value` in `order` first, then any others as they come. */
function ordered(value: unknown, order: string[], nested: Record<string, (v: unknown) => unknown> = {}): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const keys = [...order.filter((k) => k in source), ...Object.keys(source).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, nested[k] ? nested[k](source[k]) : source[k]]));
}

const each = (order: string[]) => (v: unknown) => (Array.isArray(v) ? v.map((x) => ordered(x, order)) : v);

/**
 * The manifest with its keys in the order people write them (apiVersion, kind, metadata, spec;
 * name before title…): the API stores JSON, whose key order is not kept.
 */
export function orderedManifest(manifest: Manifest): unknown {
  return ordered(manifest, ['apiVersion', 'kind', 'metadata', 'spec'], {
    metadata: (m) => ordered(m, METADATA_ORDER),
    spec: (s) =>
      ordered(s, SPEC_ORDER, {
        sla: (x) => ordered(x, SLA_ORDER),
        outputs: each(OUTPUT_ORDER),
        bindings: each(BINDING_ORDER),
      }),
  });
}

/** The manifest as YAML; the YAML library is loaded only when this is first called. */
export async function manifestYaml(manifest: Manifest): Promise<string> {
  const { stringify } = await import('yaml');
  return stringify(orderedManifest(manifest), { lineWidth: 0 });
}
