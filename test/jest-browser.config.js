/**
 * `npm run test:browser`: the web client in Debian's Chromium (playwright-core), against the
 * real app on the embedded default. Needs `npm run build` first (the app serves dist/web).
 * Screenshots go to test-results/.
 * @type {import('jest').Config}
 */
const { baseConfig } = require('./jest-base.config.js');

module.exports = {
  ...baseConfig,
  testRegex: ['test/browser/.*\\.browser-spec\\.ts$'],
  maxWorkers: 1,
  testTimeout: 60_000,
};
