/**
 * OpenLineage RunEvents for a Dagster run, produced by Gatehouse from the adapter's RunActivity (Dagster has no
 * maintained OpenLineage emitter). Pure and deterministic: the same activity always gives identical events, so
 * delivering an activity twice is harmless for a consumer that de-duplicates identical events.
 *
 * Naming (stable across runs of the same target):
 * - run id: Dagster's run id (a UUID, as OpenLineage requires), lower-cased.
 * - job: `{namespace, name}` where name is the run's selected asset keys, each joined by "/", sorted and joined by ","
 *   (`sales/orders_daily,sales/raw_orders`) for Dagster's implicit asset job (`__ASSET_JOB…`, what Gatehouse and the
 *   UI launch); for a job defined in code, its name (a defined job is the unit its owners know, whatever it selects).
 * - datasets: the physical identity Dagster's metadata gives the asset (`dagster/uri`, `dagster/table_name`), with the
 *   asset-key identity as its `symlinks` facet; else `{namespace, name: asset key joined by "/"}`, the same namespace as
 *   the job (see dagster-datasets.ts, which also turns column schema, column lineage and row counts into facets).
 *
 * Events:
 * - queued: none. running: START at startedAt. final: START (if the run ever started) + COMPLETE / FAIL / ABORT at
 *   endedAt. Every event carries the custom run facet `gatehouse_dagsterRun` (Dagster run id, Gatehouse run id, job).
 * - START names what the run is set to produce: outputs = the selected assets, inputs = their upstream assets, as their
 *   definitions describe them. It depends only on things fixed when the run starts, so the START seen while running
 *   equals the one produced again once the run has finished.
 * - The final event names what happened: outputs = the assets materialized, as their materializations describe them,
 *   with their check results as the custom output facet `gatehouse_assetChecks`; inputs = the upstream assets of those
 *   outputs (an upstream produced in the same run is listed on both sides: the run did read it). Checks on an asset the run did not materialize (check-only
 *   runs) make that asset an input carrying the standard `dataQualityAssertions` input facet.
 * - FAIL carries the standard `errorMessage` run facet (programmingLanguage "python").
 */
import { RunActivity } from '../../../adapters/core/orchestrator.port';
import type { DatasetStorage } from '../../orchestrators/orchestrators-file';
import { DatasetRef, Facet, Facets, RunEvent, RunEventType } from '../openlineage/openlineage.types';
import { DagsterDatasets, keyName } from './dagster-datasets';

export const RUN_EVENT_SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const ERROR_MESSAGE_SCHEMA = 'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet';
const DATA_QUALITY_SCHEMA = 'https://openlineage.io/spec/facets/1-0-2/DataQualityAssertionsDatasetFacet.json#/$defs/DataQualityAssertionsDatasetFacet';
const JOB_TYPE_SCHEMA = 'https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet';
/** Dagster's implicit job for ad-hoc asset selections (`__ASSET_JOB`, or `__ASSET_JOB_<n>` for partitioned sets). */
const IMPLICIT_ASSET_JOB = /^__ASSET_JOB/;

export interface DagsterLineageOptions {
  /** The orchestrator's lineage namespace: jobs and datasets live in it. */
  namespace: string;
  /** Gatehouse's producer URI (every event's `producer` and every facet's `_producer`). */
  producer: string;
  /**
   * Base of the schema URLs of Gatehouse's custom facets (`<base>/GatehouseAssetChecksFacet.json`…). Defaults to
   * `<producer>/spec/facets/1-0-0`: custom facets are defined by their producer.
   */
  facetSchemaBase?: string;
  /** Where the instance's `dagster/table_name` tables live (the orchestrators file's `storage`). */
  storage?: DatasetStorage;
}

function sortedUniqueKeys(keys: readonly (readonly string[])[]): string[][] {
  const byName = new Map(keys.map((k) => [JSON.stringify(k), [...k]]));
  return [...byName.values()].sort((a, b) => compare(keyName(a), keyName(b)) || compare(JSON.stringify(a), JSON.stringify(b)));
}

/** Locale-independent, so the output never depends on where Gatehouse runs. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The OpenLineage job name of a run (see the file comment). */
export function dagsterJobName(activity: RunActivity): string {
  const keys = activity.target.kind === 'assets' ? sortedUniqueKeys(activity.target.assetKeys) : [];
  const implicit = !activity.jobName || IMPLICIT_ASSET_JOB.test(activity.jobName);
  if (implicit && keys.length) return keys.map(keyName).join(',');
  return activity.jobName ?? (activity.target.kind === 'dag' ? activity.target.dagId : 'dagster-run');
}

/** RunEvents for one activity, in order (START first). Queued runs give none. */
export function dagsterRunEvents(activity: RunActivity, options: DagsterLineageOptions): RunEvent[] {
  if (activity.status === 'queued') return [];
  const facetBase = (options.facetSchemaBase ?? `${options.producer.replace(/\/+$/, '')}/spec/facets/1-0-0`).replace(/\/+$/, '');
  const facet = (schemaURL: string, fields: Record<string, unknown>): Facet => ({ _producer: options.producer, _schemaURL: schemaURL, ...fields });
  const custom = (name: string) => `${facetBase}/${name}.json#/$defs/${name}`;

  const upstreamOf = new Map(activity.dependencies.map((d) => [JSON.stringify(d.assetKey), d.upstream]));
  const upstreamKeys = (outputs: string[][]) => sortedUniqueKeys(outputs.flatMap((k) => upstreamOf.get(JSON.stringify(k)) ?? []));
  const datasets = new DagsterDatasets(activity, { namespace: options.namespace, storage: options.storage, facet });
  const planned = (key: string[]): DatasetRef => datasets.dataset(key, false);
  const dataset = (key: string[]): DatasetRef => datasets.dataset(key, true);

  const jobName = dagsterJobName(activity);
  const jobType = activity.jobName && !IMPLICIT_ASSET_JOB.test(activity.jobName) ? 'JOB' : 'ASSET_JOB';
  // Built afresh for every event (no object shared between events), from facts fixed for the run's whole life, so
  // every event of a run carries the same job and run facets.
  const event = (eventType: RunEventType, eventTime: string, runFacets: Facets, inputs: DatasetRef[], outputs: DatasetRef[]): RunEvent => ({
    kind: 'run',
    eventType,
    eventTime,
    producer: options.producer,
    schemaURL: RUN_EVENT_SCHEMA_URL,
    run: {
      runId: activity.runId.toLowerCase(),
      facets: {
        gatehouse_dagsterRun: facet(custom('GatehouseDagsterRunFacet'), { dagsterRunId: activity.runId, gatehouseRunId: activity.gatehouseRunId, dagsterJobName: activity.jobName }),
        ...runFacets,
      },
    },
    job: { namespace: options.namespace, name: jobName, facets: { jobType: facet(JOB_TYPE_SCHEMA, { processingType: 'BATCH', integration: 'DAGSTER', jobType }) } },
    inputs,
    outputs,
  });

  const events: RunEvent[] = [];
  const selected = activity.target.kind === 'assets' && activity.target.assetKeys.length ? sortedUniqueKeys(activity.target.assetKeys) : sortedUniqueKeys(activity.dependencies.map((d) => d.assetKey));
  // No START without a recorded start (a run cancelled while queued): inventing a time would make the START of a
  // running run differ from the one produced again once it has finished.
  if (activity.startedAt) events.push(event('START', activity.startedAt, {}, upstreamKeys(selected).map(planned), selected.map(planned)));
  if (activity.status === 'running') return events;

  const produced = sortedUniqueKeys(activity.materializations.map((m) => m.assetKey));
  const producedNames = new Set(produced.map((k) => JSON.stringify(k)));
  const checksOf = (key: string[]) =>
    activity.checks
      .filter((c) => JSON.stringify(c.assetKey) === JSON.stringify(key))
      .sort((a, b) => compare(a.name, b.name) || compare(a.at, b.at))
      .map((c) => ({ name: c.name, passed: c.passed, at: c.at }));

  const outputs = produced.map((key): DatasetRef => {
    const checks = checksOf(key);
    const outputFacets: Facets = { ...datasets.outputFacets(key), ...(checks.length ? { gatehouse_assetChecks: facet(custom('GatehouseAssetChecksFacet'), { checks }) } : {}) };
    return Object.keys(outputFacets).length ? { ...dataset(key), outputFacets } : dataset(key);
  });
  const checkedElsewhere = sortedUniqueKeys(activity.checks.map((c) => c.assetKey).filter((k) => !producedNames.has(JSON.stringify(k))));
  const inputKeys = sortedUniqueKeys([...upstreamKeys(produced), ...checkedElsewhere]);
  const inputs = inputKeys.map((key): DatasetRef => {
    if (producedNames.has(JSON.stringify(key))) return dataset(key);
    const checks = checksOf(key);
    if (!checks.length) return dataset(key);
    const assertions = checks.map((c) => ({ assertion: c.name, success: c.passed }));
    return { ...dataset(key), inputFacets: { dataQualityAssertions: facet(DATA_QUALITY_SCHEMA, { assertions }) } };
  });

  const endedAt = activity.endedAt ?? activity.updatedAt;
  if (activity.status === 'succeeded') events.push(event('COMPLETE', endedAt, {}, inputs, outputs));
  else if (activity.status === 'cancelled') events.push(event('ABORT', endedAt, {}, inputs, outputs));
  else {
    const message = activity.error?.trim() || `Dagster run ${activity.runId} failed (${activity.nativeStatus}) without a failure message`;
    events.push(event('FAIL', endedAt, { errorMessage: facet(ERROR_MESSAGE_SCHEMA, { message, programmingLanguage: 'python' }) }, inputs, outputs));
  }
  return events;
}
