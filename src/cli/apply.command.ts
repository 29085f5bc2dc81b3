import type { ApplyArguments } from './arguments';
import type { CliIo } from './cli-io';
import { count, emptyTally, formatResult, formatSummary, ManifestResult, nameColumnWidth } from './apply-report';
import { planManifests, PlannedManifest } from './apply-plan';
import { GatehouseClient, ServerUnusableError } from './gatehouse-client';
import { findManifestFiles, MANIFEST_EXTENSIONS, readManifestFile } from './manifest-files';
import { mergeStandards, separateStandards } from './standards-plan';
import type { ManifestInput } from '../catalog/manifest/manifest.schema';

/**
 * `gatehouse apply`: reads every manifest, then applies them one by one in file order, reporting
 * each. ODCS contracts and ODPS products among the files are merged into the manifest of the
 * product they belong to (the one in the same run, else the server's) before it is sent.
 * A failing manifest does not stop the rest; a server that cannot be used does.
 * Returns the exit status: 0 when nothing failed, else 1. Throws UsageError for a missing path.
 */
export async function applyCommand(options: ApplyArguments, io: CliIo): Promise<number> {
  const files = await findManifestFiles(options.paths, io.cwd ?? process.cwd());
  if (files.length === 0) {
    io.stderr(`gatehouse: nothing to apply: no ${MANIFEST_EXTENSIONS.map((e) => `*${e}`).join(', ')} files in ${options.paths.join(', ')}\n`);
    return 1;
  }
  const { manifests, standards } = separateStandards(await Promise.all(files.map(readManifestFile)));
  const client = new GatehouseClient({ server: options.server, token: options.token });
  let plan = planManifests(manifests);
  let notes = new Map<string, string[]>();
  if (standards.length > 0) {
    try {
      ({ plan, notes } = await mergeStandards(plan, standards, async (name) => (await client.current(name)) as ManifestInput | null));
    } catch (error) {
      if (!(error instanceof ServerUnusableError)) throw error;
      io.stderr(`gatehouse: ${error.message}\n`);
      io.stdout(formatSummary({ ...emptyTally(), failed: plan.length + standards.length }));
      return 1;
    }
  }
  const width = nameColumnWidth(plan.flatMap((m) => (m.name ? [m.name] : [])));
  const tally = emptyTally();
  for (const [i, manifest] of plan.entries()) {
    try {
      const result = await applyOne(client, manifest);
      count(tally, result);
      io.stdout(formatResult(result, width));
      if (result.outcome !== 'error' && manifest.name) for (const note of notes.get(manifest.name) ?? []) io.stdout(`  ${note}\n`);
    } catch (error) {
      if (!(error instanceof ServerUnusableError)) throw error;
      io.stderr(`gatehouse: ${error.message}\n`);
      // Nothing from here on was applied.
      tally.failed += plan.length - i;
      break;
    }
  }
  io.stdout(formatSummary(tally));
  return tally.failed > 0 ? 1 : 0;
}

async function applyOne(client: GatehouseClient, manifest: PlannedManifest): Promise<ManifestResult> {
  if (!manifest.ready) return { outcome: 'error', name: manifest.name, source: manifest.source, failure: manifest.failure };
  const { name, source, body } = manifest;
  const response = await client.apply(name, body);
  return response.ok ? { outcome: response.outcome, name, source } : { outcome: 'error', name, source, failure: response.failure };
}
