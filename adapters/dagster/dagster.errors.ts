import { OrchestratorError, OrchestratorErrorCode } from '../core/orchestrator-error';

/** A member of one of Dagster's result unions, as asked for in dagster.documents.ts. */
export interface DagsterTyped {
  __typename: string;
  message?: string | null;
  [field: string]: unknown;
}

interface ErrorRule {
  code: OrchestratorErrorCode;
  /** What went wrong, in Gatehouse's words; Dagster's own message goes to `orchestratorMessage`. */
  describe: (r: DagsterTyped) => string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Every error member of the unions the adapter reads (LaunchRunResult, TerminateRunResult, RunOrError, RunsOrError,
 * AssetOrError, AssetChecksOrError, location/workspace results), each with its own code and wording.
 */
export const DAGSTER_ERROR_RULES: Readonly<Record<string, ErrorRule>> = Object.freeze({
  // not found
  PipelineNotFoundError: {
    code: 'not_found',
    describe: (r) => `job ${str(r.pipelineName ?? '?')} not found in ${str(r.repositoryLocationName ?? '?')}/${str(r.repositoryName ?? '?')}`,
  },
  RunNotFoundError: { code: 'not_found', describe: (r) => `run ${str(r.runId ?? '?')} not found` },
  AssetNotFoundError: { code: 'not_found', describe: () => 'asset not found' },
  RepositoryNotFoundError: { code: 'not_found', describe: () => 'repository not found' },
  RepositoryLocationNotFound: { code: 'not_found', describe: () => 'code location not found' },
  // the request itself is wrong
  InvalidSubsetError: { code: 'invalid_request', describe: () => 'the asset selection is not a valid subset of the job' },
  RunConfigValidationInvalid: {
    code: 'invalid_request',
    describe: (r) => `the run config (conf) is invalid for job ${str(r.pipelineName ?? '?')}`,
  },
  InvalidStepError: { code: 'invalid_request', describe: (r) => `step ${str(r.invalidStepKey ?? '?')} is not in the job` },
  InvalidOutputError: {
    code: 'invalid_request',
    describe: (r) => `step ${str(r.stepKey ?? '?')} has no output ${str(r.invalidOutputName ?? '?')}`,
  },
  // state conflicts
  RunConflict: { code: 'conflict', describe: () => 'a run with this id already exists' },
  TerminateRunFailure: { code: 'conflict', describe: () => 'the run could not be terminated' },
  // permissions (Dagster+ RBAC; OSS has none)
  UnauthorizedError: { code: 'unauthorized', describe: () => 'Dagster refused the operation for these credentials' },
  // Dagster-side failures and requests Gatehouse never makes
  PythonError: { code: 'orchestrator_error', describe: (r) => `Dagster raised ${str(r.className ?? 'an error')}` },
  PresetNotFoundError: { code: 'orchestrator_error', describe: (r) => `preset ${str(r.preset ?? '?')} not found (Gatehouse sends no presets)` },
  ConflictingExecutionParamsError: { code: 'orchestrator_error', describe: () => 'conflicting execution parameters (preset together with run config/mode)' },
  NoModeProvidedError: { code: 'orchestrator_error', describe: (r) => `job ${str(r.pipelineName ?? '?')} needs a mode (legacy multi-mode job)` },
  InvalidPipelineRunsFilterError: { code: 'orchestrator_error', describe: () => 'Dagster rejected the runs filter' },
  AssetCheckNeedsMigrationError: { code: 'orchestrator_error', describe: () => 'asset checks need `dagster instance migrate`' },
  AssetCheckNeedsUserCodeUpgrade: { code: 'orchestrator_error', describe: () => 'asset checks need a newer dagster in the code location' },
  AssetCheckNeedsAgentUpgradeError: { code: 'orchestrator_error', describe: () => 'asset checks need a newer Dagster agent' },
});

/** Dagster's own words for an error member (RunConfigValidationInvalid lists several). */
export function dagsterMessage(result: DagsterTyped): string | null {
  if (result.__typename === 'RunConfigValidationInvalid' && Array.isArray(result.errors)) {
    const lines = (result.errors as { message?: string; path?: string[] }[]).map((e) =>
      e.path?.length ? `${e.path.join('.')}: ${e.message ?? ''}` : (e.message ?? ''),
    );
    return lines.join('\n').slice(0, 2000) || null;
  }
  return typeof result.message === 'string' && result.message ? result.message.slice(0, 2000) : null;
}

/** The OrchestratorError for a union member that is not the expected success type. */
export function dagsterResultError(operation: string, result: DagsterTyped | null | undefined): OrchestratorError {
  if (!result || typeof result !== 'object' || typeof result.__typename !== 'string') {
    return new OrchestratorError('orchestrator_error', `Dagster ${operation}: the answer carried no result`, null);
  }
  const rule = DAGSTER_ERROR_RULES[result.__typename];
  if (!rule) {
    return new OrchestratorError(
      'orchestrator_error',
      `Dagster ${operation}: unexpected answer ${result.__typename}`,
      dagsterMessage(result),
    );
  }
  return new OrchestratorError(rule.code, `Dagster ${operation}: ${rule.describe(result)} (${result.__typename})`, dagsterMessage(result));
}

/** Returns the member when it is one of the expected typenames, else throws its OrchestratorError. */
export function expectTypename<T extends DagsterTyped>(operation: string, result: DagsterTyped | null | undefined, ...expected: string[]): T {
  if (result && typeof result === 'object' && expected.includes(result.__typename)) return result as T;
  throw dagsterResultError(operation, result);
}
