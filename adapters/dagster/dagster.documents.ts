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
