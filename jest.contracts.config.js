// The open-standards suite (`npm run test:contracts`): Gatehouse's ODCS contracts against the
// reference tool datacontract-cli, from a pinned Python venv (scripts/orchestrators/venv.sh
// datacontract). Every `*.datacontract.ts` under test/, which the default config does not match.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.datacontract.ts'],
  maxWorkers: 1,
  // the first run may build the venv (seconds with the wheels cached, about a minute without)
  testTimeout: 600_000,
};
