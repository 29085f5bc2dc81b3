// The API conformance suite (`npm run test:api`): schemathesis, from a pinned Python venv
// (scripts/orchestrators/venv.sh schemathesis), against a Gatehouse started in process. Every
// `*.conformance.ts` under test/, which the default config does not match.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.conformance.ts'],
  maxWorkers: 1,
  // the first run may build the venv (about 10 s with the wheels cached, a minute without)
  testTimeout: 600_000,
};
