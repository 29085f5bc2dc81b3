// The console in a real browser: every `*.browser.ts` under test/browser, driving Debian's Chromium
// (scripts/browser/chromium.sh installs it where missing) against a Gatehouse started in the test
// process, which serves the console built by `npm run build`. One worker: each spec runs a browser.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
  testTimeout: 120_000,
};
