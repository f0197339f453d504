/**
 * `npm test`: unit tests beside the code (src/**\/*.spec.ts) and the end-to-end suite
 * (test/*.e2e-spec.ts) on the embedded default. `npm run test:cloud` runs the e2e suite on
 * MariaDB + DynamoDB (test/jest-cloud.config.js).
 * @type {import('jest').Config}
 */
const { baseConfig } = require('./test/jest-base.config.js');

module.exports = {
  ...baseConfig,
  testRegex: ['src/.*\\.spec\\.ts$', 'test/[^/]*\\.e2e-spec\\.ts$'],
};
