/**
 * `npm run test:cloud`: the same end-to-end suite on MariaDB + DynamoDB (dynalite), plus the
 * cloud-only suites in test/cloud/. The global setup starts what they need.
 * @type {import('jest').Config}
 */
const { baseConfig } = require('./jest-base.config.js');

module.exports = {
  ...baseConfig,
  testRegex: ['test/[^/]*\\.e2e-spec\\.ts$', 'test/cloud/.*\\.e2e-spec\\.ts$'],
  // The storage contract suite runs both adapters by itself; once (npm test) is enough.
  testPathIgnorePatterns: ['/node_modules/', 'storage-contract'],
  globalSetup: '<rootDir>/test/cloud/global-setup.ts',
  globalTeardown: '<rootDir>/test/cloud/global-teardown.ts',
};
