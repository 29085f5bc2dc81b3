/**
 * Every GraphQL document the Dagster adapter sends, checked against a Dagster 1.13.27 webserver (introspection and the
 * recordings in test/fixtures/dagster-graphql). Each union is asked for its `__typename` and every error member's
 * message, so dagster.errors.ts can turn any answer into a precise OrchestratorError.
 *
 * Plain strings with no imports: test/fixtures/dagster-graphql/record.mjs loads this file to record real answers.
 */

const PYTHON_ERROR = `... on PythonError { message className }`;

/** The Run fields the adapter maps to RunDetail (times are float seconds). */
const RUN_FIELDS = `
  runId status jobName creationTime startTime endTime updateTime canTerminate
  assetSelection { path }
  tags { key value }
  stepStats { stepKey status startTime endTime }
  executionPlan { steps { key } }`;

export const HEALTH = `query GatehouseHealth {
  version
  locationStatusesOrError {
    __typename
    ... on WorkspaceLocationStatusEntries { entries { name loadStatus updateTimestamp versionKey } }
    ${PYTHON_ERROR}
  }
  workspaceOrError {
    __typename
    ... on Workspace {
      locationEntries {
        name
        loadStatus
        locationOrLoadError {
          __typename
          ... on RepositoryLocation { name repositories { name } }
          ${PYTHON_ERROR}
        }
      }
    }
    ${PYTHON_ERROR}
  }
  instance {
    runQueuingSupported
    daemonHealth { allDaemonStatuses { daemonType required healthy lastHeartbeatTime } }
  }
}`;

const ASSET_NODE_FIELDS = `
  assetKey { path }
  description
  groupName
  isMaterializable
  isAutoCreatedStub
  owners { __typename ... on TeamAssetOwner { team } ... on UserAssetOwner { email } }
  tags { key value }
  kinds
  dependencyKeys { path }
  assetChecksOrError {
    __typename
    ... on AssetChecks { checks { name } }
    ... on AssetCheckNeedsMigrationError { message }
    ... on AssetCheckNeedsUserCodeUpgrade { message }
    ... on AssetCheckNeedsAgentUpgradeError { message }
  }
  internalFreshnessPolicy {
    __typename
    ... on TimeWindowFreshnessPolicy { failWindowSeconds warnWindowSeconds }
    ... on CronFreshnessPolicy { deadlineCron lowerBoundDeltaSeconds timezone }
  }
  freshnessPolicy { maximumLagMinutes cronSchedule cronScheduleTimezone }
  repository { name location { name } }`;

export const ASSET_NODES = `query GatehouseAssetNodes {
  assetNodes { ${ASSET_NODE_FIELDS} }
}`;

/** The definitions of some keys (unknown keys are simply absent from the answer). */
export const ASSET_NODES_BY_KEY = `query GatehouseAssetNodesByKey($assetKeys: [AssetKeyInput!]) {
  assetNodes(assetKeys: $assetKeys) { assetKey { path } isMaterializable isAutoCreatedStub repository { name location { name } } }
}`;

/** Runs carrying a tag (Gatehouse's run id). Newest first, as Dagster orders them. */
export const RUNS_BY_TAG = `query GatehouseRunsByTag($tags: [ExecutionTag!], $limit: Int) {
  runsOrError(filter: { tags: $tags }, limit: $limit) {
    __typename
    ... on Runs { results { ${RUN_FIELDS} } }
    ... on InvalidPipelineRunsFilterError { message }
    ${PYTHON_ERROR}
  }
}`;

export const RUN = `query GatehouseRun($runId: ID!) {
  runOrError(runId: $runId) {
    __typename
    ... on Run { ${RUN_FIELDS} }
    ... on RunNotFoundError { message runId }
    ${PYTHON_ERROR}
  }
}`;

/** launchRun (≡ launchPipelineExecution) with every LaunchRunResult member. */
export const LAUNCH_RUN = `mutation GatehouseLaunchRun($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { ${RUN_FIELDS} } }
    ... on InvalidStepError { invalidStepKey }
    ... on InvalidOutputError { stepKey invalidOutputName }
    ... on RunConfigValidationInvalid { pipelineName errors { __typename message path reason } }
    ... on PipelineNotFoundError { message pipelineName repositoryName repositoryLocationName }
    ... on InvalidSubsetError { message }
    ... on RunConflict { message }
    ... on UnauthorizedError { message }
    ... on PresetNotFoundError { message preset }
    ... on ConflictingExecutionParamsError { message }
    ... on NoModeProvidedError { message pipelineName }
    ${PYTHON_ERROR}
  }
}`;

export const TERMINATE_RUN = `mutation GatehouseTerminateRun($runId: String!) {
  terminateRun(runId: $runId) {
    __typename
    ... on TerminateRunSuccess { run { ${RUN_FIELDS} } }
    ... on TerminateRunFailure { message run { ${RUN_FIELDS} } }
    ... on RunNotFoundError { message runId }
    ... on UnauthorizedError { message }
    ${PYTHON_ERROR}
  }
}`;

/**
 * Latest materializations of one asset key (timestamps are epoch milliseconds as strings). The run's tags give the
 * Gatehouse run id when Gatehouse launched it.
 */
export const ASSET_MATERIALIZATIONS = `query GatehouseAssetMaterializations($assetKey: AssetKeyInput!, $limit: Int) {
  assetNodes(assetKeys: [$assetKey]) { assetKey { path } }
  assetOrError(assetKey: $assetKey) {
    __typename
    ... on Asset {
      key { path }
      assetMaterializations(limit: $limit) {
        runId
        timestamp
        partition
        assetKey { path }
        runOrError { __typename ... on Run { runId tags { key value } } }
      }
    }
    ... on AssetNotFoundError { message }
  }
}`;

// ------------------------------------------------------------------------------------------------- activity feed

/**
 * The light first pass of `activitySince`: which runs changed (`updatedAfter` is a strict `>` on the run's
 * update_timestamp, float seconds). Dagster orders runs by creation (newest first), never by update time, so the adapter
 * pages through all of them (`cursor` = last run id of a page) and orders the changes itself. `endTime` is asked for
 * because a finished run's change is keyed by it (tags added later move updateTime, not the final state).
 */
export const RUNS_UPDATED = `query GatehouseRunsUpdated($filter: RunsFilter, $cursor: String, $limit: Int) {
  runsOrError(filter: $filter, cursor: $cursor, limit: $limit) {
    __typename
    ... on Runs { results { runId status updateTime endTime repositoryOrigin { repositoryLocationName repositoryName } } }
    ... on InvalidPipelineRunsFilterError { message }
    ${PYTHON_ERROR}
  }
}`;

/**
 * Metadata entries with the values Gatehouse reads (dagster.metadata.ts): text-like entries, numbers, booleans, JSON,
 * table schemas and column lineage. Other kinds come back with their label only.
 */
const METADATA_ENTRIES = `metadataEntries {
    __typename label
    ... on TextMetadataEntry { text }
    ... on UrlMetadataEntry { url }
    ... on PathMetadataEntry { path }
    ... on MarkdownMetadataEntry { mdStr }
    ... on IntMetadataEntry { intValue intRepr }
    ... on FloatMetadataEntry { floatValue }
    ... on BoolMetadataEntry { boolValue }
    ... on JsonMetadataEntry { jsonString }
    ... on TableSchemaMetadataEntry { schema { columns { name type description } } }
    ... on TableColumnLineageMetadataEntry { lineage { columnName columnDeps { assetKey { path } columnName } } }
  }`;

/**
 * The events an activity needs, out of everything in a run's event log (logs, step events, …): planned and done
 * materializations, check evaluations and the failure messages. Other events come back as a bare `__typename`.
 */
const ACTIVITY_EVENTS = `
  cursor hasMore
  events {
    __typename
    ... on AssetMaterializationPlannedEvent { assetKey { path } }
    ... on MaterializationEvent { timestamp assetKey { path } ${METADATA_ENTRIES} }
    ... on AssetCheckEvaluationEvent { timestamp evaluation { checkName success timestamp assetKey { path } } }
    ... on ExecutionStepFailureEvent { stepKey message error { message className cause { message cause { message } } } }
    ... on RunFailureEvent { message error { message className } }
  }`;

/** The runs of one activity page with the first page of their events (`hasMore` runs are read on with RUN_EVENTS). */
export const RUNS_ACTIVITY = `query GatehouseRunsActivity($runIds: [String!], $eventsLimit: Int) {
  runsOrError(filter: { runIds: $runIds }) {
    __typename
    ... on Runs {
      results {
        runId status jobName startTime endTime updateTime
        assetSelection { path }
        tags { key value }
        repositoryOrigin { repositoryLocationName repositoryName }
        eventConnection(limit: $eventsLimit) { ${ACTIVITY_EVENTS} }
      }
    }
    ... on InvalidPipelineRunsFilterError { message }
    ${PYTHON_ERROR}
  }
}`;

/** The following pages of one run's events. */
export const RUN_EVENTS = `query GatehouseRunEvents($runId: ID!, $afterCursor: String, $limit: Int) {
  runOrError(runId: $runId) {
    __typename
    ... on Run { runId eventConnection(afterCursor: $afterCursor, limit: $limit) { ${ACTIVITY_EVENTS} } }
    ... on RunNotFoundError { message runId }
    ${PYTHON_ERROR}
  }
}`;

/** What some assets depend on, their kinds and definition metadata (current definitions; unknown keys are absent). */
export const ASSET_DEPENDENCIES = `query GatehouseAssetDependencies($assetKeys: [AssetKeyInput!]) {
  assetNodes(assetKeys: $assetKeys) { assetKey { path } dependencyKeys { path } kinds ${METADATA_ENTRIES} }
}`;
