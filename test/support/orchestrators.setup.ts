// Real Airflow and Dagster on a small shared VM occasionally stall (SQLite lock contention, a
// scheduler restart): a failed test of these suites runs once more, and its first error is still
// printed, so a flake is visible but does not hide behind a red build on its own.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
