// Specs against REAL orchestrators (scripts/orchestrators/start.mjs starts Airflow 3 / Dagster on loopback):
// every `*.orchestrators.spec.ts` under test/ or adapters/, which the default config ignores. One worker: each spec
// starts its own orchestrator processes, and the machine is small. `npm run test:orchestrators -- airflow` runs one.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test', '<rootDir>/adapters'],
  testMatch: ['**/*.orchestrators.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
  setupFilesAfterEnv: ['<rootDir>/test/support/orchestrators.setup.ts'],
  // first start may build the Python venv (minutes); runs take seconds to a minute each
  testTimeout: 600_000,
};
