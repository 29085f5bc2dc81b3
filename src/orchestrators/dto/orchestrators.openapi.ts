/**
 * JSON Schemas of the orchestrator and run endpoints' answers (orchestrators.service.ts,
 * run.types.ts, runs.service.ts, and the adapters' port for what the orchestrators report), named
 * for generated clients; the e2e specs check real answers against them.
 */
import type { OrchestratorKind, RunStatus, RunStep, RunTarget } from '../../../adapters/core/orchestrator.port';
import type { LineageRunStatus } from '../../lineage/projection/run-projection';
import { namedSchema } from '../../common/validation/openapi';
import { arrayOf, count, dateTime, everyValueOf, JsonSchema, nullable, nullableDateTime, nullableText, objectOf, pageSchema, text, texts } from '../../common/validation/openapi-shapes';
import type { RunSource } from '../run.types';

export const RUN_STATUSES = everyValueOf<RunStatus>()(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
const STEP_STATUSES = everyValueOf<RunStep['status']>()([...RUN_STATUSES, 'skipped', 'pending']);
const RUN_SOURCES = everyValueOf<RunSource>()(['gatehouse', 'lineage']);
const LINEAGE_RUN_STATUSES = everyValueOf<LineageRunStatus>()(['running', 'succeeded', 'failed', 'cancelled', 'other']);
const KINDS = everyValueOf<OrchestratorKind>()(['airflow', 'dagster']);

const assetKey = { ...texts, description: 'Asset key path, e.g. `["sales", "orders_daily"]`' };
const dagId = { type: 'string', description: 'Airflow dag_id' };

export const ORCHESTRATOR = namedSchema(
  'Orchestrator',
  objectOf({
    name: { type: 'string', description: 'What product bindings name' },
    kind: { type: 'string', enum: KINDS },
    environment: text,
    baseUrl: text,
    uiUrl: { type: 'string', description: 'Where its own UI is (links to runs); the base URL unless the orchestrators file says otherwise' },
    lineageNamespace: { type: 'string', description: 'The OpenLineage namespace its jobs report under' },
    health: objectOf(
      {
        healthy: { type: 'boolean' },
        version: nullableText,
        details: { type: 'object', description: 'Orchestrator-specific facts (scheduler heartbeat, code locations…)' },
        checkedAt: { ...dateTime, description: 'When the instance answered, or failed to' },
        error: objectOf({ code: text, message: text }, { description: 'Why the health check failed (only then)' }),
      },
      { optional: ['error'], description: 'Asked live; an instance that is down is reported, not an error' },
    ),
  }),
);

export const ORCHESTRATOR_LIST = namedSchema('OrchestratorList', objectOf({ items: arrayOf(ORCHESTRATOR) }));

export const DISCOVERED_DAG = namedSchema(
  'DiscoveredDag',
  objectOf({
    type: { const: 'dag' },
    dagId,
    owners: texts,
    tags: texts,
    schedule: { ...nullableText, description: 'As Airflow states it (a cron expression, a preset, a timetable’s summary)' },
    paused: { type: 'boolean' },
    description: nullableText,
  }),
);

export const DISCOVERED_ASSET = namedSchema(
  'DiscoveredAsset',
  objectOf({
    type: { const: 'asset' },
    assetKey,
    group: nullableText,
    owners: texts,
    tags: { type: 'object', additionalProperties: text },
    kinds: texts,
    dependencies: arrayOf(assetKey, 'Keys of the assets it depends on'),
    checks: { ...texts, description: 'Names of its asset checks' },
    description: nullableText,
    freshness: nullable(
      objectOf({ maximumLagMinutes: { type: 'number' }, cron: { ...nullableText, description: 'A deadline cron, when the policy has one' } }),
      'The freshness expectation the orchestrator declares for it, if any',
    ),
  }),
);

const discoveredBinding = {
  description: 'The binding a manifest would have for it',
  anyOf: [objectOf({ orchestrator: text, dag: dagId, task: text }, { optional: ['task'] }), objectOf({ orchestrator: text, asset: assetKey })],
};

export const SYNC_ITEM = namedSchema(
  'SyncItem',
  objectOf({
    discovered: { oneOf: [DISCOVERED_DAG, DISCOVERED_ASSET] },
    binding: discoveredBinding,
    product: nullable(objectOf({ name: text, revision: { type: 'integer', minimum: 1 } }), 'The product bound to it; null when none is'),
    proposedManifest: {
      type: ['object', 'null'],
      description: 'For an unbound item: a manifest to review and apply (it may need changes; see proposalProblems); null when bound',
    },
    proposalProblems: arrayOf(objectOf({ field: text, message: text }), 'Why the proposed manifest is not valid as it is (empty when it is)'),
  }),
);

export const SYNC_REPORT = namedSchema(
  'SyncReport',
  objectOf({ orchestrator: text, discoveredAt: dateTime, bound: count, unbound: count, items: arrayOf(SYNC_ITEM) }),
);

/** What each kind of target names (a Record, so a new kind of target must be added here). */
const TARGETS: Record<RunTarget['kind'], JsonSchema> = { dag: { dagId }, assets: { assetKeys: arrayOf(assetKey) } };

export const RUN_TARGET = namedSchema('RunTarget', {
  description: 'What a run runs: a DAG (Airflow) or asset keys (Dagster)',
  oneOf: Object.entries(TARGETS).map(([kind, properties]) => objectOf({ kind: { const: kind }, ...properties })),
});

export const RUN_STEP = namedSchema(
  'RunStep',
  objectOf({ name: { type: 'string', description: 'Task id (mapped tasks: `task[0]`…) or step key' }, status: { type: 'string', enum: STEP_STATUSES }, startedAt: nullableDateTime, endedAt: nullableDateTime }),
);

const RUN_PROPERTIES = {
  id: { type: 'string', format: 'uuid', description: 'Gatehouse’s run id, also the run id the orchestrator was given' },
  source: { type: 'string', enum: RUN_SOURCES, description: '`gatehouse`: triggered here; `lineage`: only the orchestrator’s lineage reported it' },
  lineageRunId: { ...nullableText, format: 'uuid', description: 'The OpenLineage run reporting it, once lineage arrived' },
  orchestrator: text,
  environment: text,
  product: { ...nullableText, description: 'The data product it ran for' },
  revision: { type: ['integer', 'null'], minimum: 1, description: 'The product revision it ran for; null for runs only lineage reported' },
  target: RUN_TARGET,
  status: { type: 'string', enum: RUN_STATUSES },
  nativeStatus: { ...nullableText, description: 'The orchestrator’s own state name' },
  steps: arrayOf(RUN_STEP),
  error: nullableText,
  requestedBy: { type: 'string', description: 'Principal id; `lineage` for runs only lineage reported' },
  requestedAt: dateTime,
  startedAt: nullableDateTime,
  endedAt: nullableDateTime,
  updatedAt: dateTime,
  externalUrl: { ...nullableText, format: 'uri', description: 'The run in its orchestrator’s own UI (Airflow 3: `{uiUrl}/dags/{dagId}/runs/{dagRunId}`; Dagster: `{uiUrl}/runs/{runId}`); null while its id there is unknown (a Dagster run before lineage reported it)' },
};

export const RUN = namedSchema('Run', objectOf(RUN_PROPERTIES, { description: 'A run of a product’s bound target' }));

export const RUN_PAGE = pageSchema('RunPage', RUN);

const LINEAGE_RUN_PROPERTIES = {
  runId: { type: 'string', description: 'OpenLineage run id' },
  job: { type: 'string', description: 'Lineage node id of the job' },
  status: { type: 'string', enum: LINEAGE_RUN_STATUSES, description: '`other` when only OTHER events arrived' },
  startedAt: nullableDateTime,
  endedAt: nullableDateTime,
  errorMessage: nullableText,
};

const LINEAGE_TASK_TRY = namedSchema(
  'LineageTaskTry',
  objectOf(
    {
      try: { ...count, description: 'The orchestrator’s try number (Airflow’s `try_number`), else the try’s place among the task’s runs' },
      runId: { type: 'string', description: 'OpenLineage run id of this try' },
      status: LINEAGE_RUN_PROPERTIES.status,
      startedAt: nullableDateTime,
      endedAt: nullableDateTime,
      errorMessage: nullableText,
    },
    { description: 'One try of a task (each try is a lineage run of its own)' },
  ),
);

const LINEAGE_TASK = namedSchema(
  'LineageTask',
  objectOf(
    {
      ...LINEAGE_RUN_PROPERTIES,
      runId: { type: 'string', description: 'OpenLineage run id of the last try' },
      status: { ...LINEAGE_RUN_PROPERTIES.status, description: 'The last try’s status: what the task ended as' },
      startedAt: { ...nullableDateTime, description: 'When the first try started' },
      endedAt: { ...nullableDateTime, description: 'When the last try ended' },
      errorMessage: { ...nullableText, description: 'The last try’s error' },
      tries: arrayOf(LINEAGE_TASK_TRY, 'Every try, first to last'),
      inputs: arrayOf(text, 'Datasets (lineage node ids) its last try read'),
      outputs: arrayOf(text, 'Datasets (lineage node ids) its last try wrote'),
    },
    { description: 'A task of the run, once, whatever the number of tries' },
  ),
);

export const LINEAGE_RUN = namedSchema('LineageRun', {
  description: 'What lineage reported of a run: the run (a DAG run) and its tasks',
  ...objectOf({
    ...LINEAGE_RUN_PROPERTIES,
    inputs: arrayOf(text, 'Datasets (lineage node ids) the run or any of its tasks read'),
    outputs: arrayOf(text, 'Datasets (lineage node ids) the run or any of its tasks wrote'),
    tasks: arrayOf(LINEAGE_TASK),
  }),
});

export const RUN_DETAIL = namedSchema('RunDetail', {
  description: 'One run, refreshed from its orchestrator while it is not final, with what lineage reported of it',
  allOf: [
    RUN,
    objectOf({
      live: { type: 'boolean', description: 'True when the state was just read from the orchestrator' },
      lineage: nullable(LINEAGE_RUN, 'Null until lineage reported the run'),
    }),
  ],
});
