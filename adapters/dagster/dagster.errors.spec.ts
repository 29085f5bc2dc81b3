import { recorded } from '../../test/fixtures/dagster-graphql/replay-server';
import { OrchestratorError } from '../core/orchestrator-error';
import { DAGSTER_ERROR_RULES, dagsterResultError, expectTypename } from './dagster.errors';

/** Every error member of the unions the adapter reads, per Dagster 1.13.27's schema (introspected). */
const EXPECTED: Record<string, string> = {
  // LaunchRunResult
  InvalidStepError: 'invalid_request',
  InvalidOutputError: 'invalid_request',
  RunConfigValidationInvalid: 'invalid_request',
  PipelineNotFoundError: 'not_found',
  RunConflict: 'conflict',
  UnauthorizedError: 'unauthorized',
  PythonError: 'orchestrator_error',
  InvalidSubsetError: 'invalid_request',
  PresetNotFoundError: 'orchestrator_error',
  ConflictingExecutionParamsError: 'orchestrator_error',
  NoModeProvidedError: 'orchestrator_error',
  // TerminateRunResult / RunOrError
  TerminateRunFailure: 'conflict',
  RunNotFoundError: 'not_found',
  // RunsOrError
  InvalidPipelineRunsFilterError: 'orchestrator_error',
  // AssetOrError
  AssetNotFoundError: 'not_found',
  // AssetChecksOrError
  AssetCheckNeedsMigrationError: 'orchestrator_error',
  AssetCheckNeedsUserCodeUpgrade: 'orchestrator_error',
  AssetCheckNeedsAgentUpgradeError: 'orchestrator_error',
  // repository lookups
  RepositoryNotFoundError: 'not_found',
  RepositoryLocationNotFound: 'not_found',
};

describe('Dagster result typename → OrchestratorError', () => {
  it('covers every error member of the unions the adapter reads', () => {
    expect(Object.keys(DAGSTER_ERROR_RULES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s → %s, with Dagster’s message kept', (typename, code) => {
    const error = dagsterResultError('launchRun', { __typename: typename, message: `dagster says ${typename}` });
    expect(error).toBeInstanceOf(OrchestratorError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(`(${typename})`);
    expect(error.message).toMatch(/^Dagster launchRun: /);
    if (typename !== 'RunConfigValidationInvalid' && typename !== 'InvalidStepError' && typename !== 'InvalidOutputError') {
      expect(error.orchestratorMessage).toBe(`dagster says ${typename}`);
    }
  });

  it('gives every typename its own wording', () => {
    const messages = Object.keys(EXPECTED).map((t) => dagsterResultError('op', { __typename: t }).message.replace(/ \(\w+\)$/, ''));
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('names the job, step and output Dagster complained about', () => {
    expect(dagsterResultError('launchRun', { __typename: 'PipelineNotFoundError', pipelineName: '__ASSET_JOB', repositoryName: '__repository__', repositoryLocationName: 'defs.py' }).message).toContain(
      'job __ASSET_JOB not found in defs.py/__repository__',
    );
    expect(dagsterResultError('launchRun', { __typename: 'InvalidStepError', invalidStepKey: 'a__b' }).message).toContain('step a__b');
    expect(dagsterResultError('launchRun', { __typename: 'InvalidOutputError', stepKey: 's', invalidOutputName: 'out' }).message).toContain('step s has no output out');
  });

  it('joins RunConfigValidationInvalid errors with their config paths', () => {
    const error = dagsterResultError('launchRun', {
      __typename: 'RunConfigValidationInvalid',
      pipelineName: '__ASSET_JOB',
      errors: [
        { __typename: 'FieldNotDefinedConfigError', message: 'Received unexpected config entry "x"', path: ['ops', 'a'], reason: 'FIELD_NOT_DEFINED' },
        { __typename: 'MissingFieldConfigError', message: 'Missing required config entry "y"', path: [], reason: 'MISSING_REQUIRED_FIELD' },
      ],
    });
    expect(error.code).toBe('invalid_request');
    expect(error.orchestratorMessage).toBe('ops.a: Received unexpected config entry "x"\nMissing required config entry "y"');
  });

  it('turns an unknown typename into orchestrator_error naming it', () => {
    const error = dagsterResultError('launchRun', { __typename: 'BrandNewError', message: 'new in 1.14' });
    expect(error.code).toBe('orchestrator_error');
    expect(error.message).toBe('Dagster launchRun: unexpected answer BrandNewError');
    expect(error.orchestratorMessage).toBe('new in 1.14');
  });

  it('turns a missing result into orchestrator_error', () => {
    expect(dagsterResultError('runOrError', null).code).toBe('orchestrator_error');
    expect(() => expectTypename('runOrError', undefined, 'Run')).toThrow(/the answer carried no result/);
  });

  it('expectTypename returns the expected member', () => {
    const run = { __typename: 'Run', runId: 'x' };
    expect(expectTypename('runOrError', run, 'Run')).toBe(run);
  });

  describe('recorded Dagster 1.13.27 answers', () => {
    it.each([
      ['launch-run-invalid-subset', 'launchRun', 'invalid_request', /no AssetsDefinition objects supply these keys/],
      ['launch-run-pipeline-not-found', 'launchRun', 'orchestrator_error', /No remote job named "__NO_SUCH_JOB"/],
      ['launch-run-python-error', 'launchRun', 'orchestrator_error', /yaml\.parser\.ParserError/],
      ['run-not-found', 'runOrError', 'not_found', /could not be found/],
      ['terminate-run-not-found', 'terminateRun', 'not_found', /could not be found/],
      ['terminate-run-failure-finished', 'terminateRun', 'conflict', /could not be terminated due to having status SUCCESS/],
    ])('%s → %s', (file, field, code, said) => {
      const result = recorded(file).body.data[field];
      const error = dagsterResultError(field, result);
      expect(error.code).toBe(code);
      expect(error.orchestratorMessage).toMatch(said);
    });
  });
});
