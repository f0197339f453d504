/**
 * `npm test`: unit tests beside the code (src/**\/*.spec.ts) and the end-to-end suite
 * (test/*.e2e-spec.ts) on the embedded default. The cloud run reuses this config
 * (test/jest-cloud.config.js). The Swagger CLI plugin is applied as under `nest build`,
 * so the OpenAPI test sees the same document as production.
 * @type {import('jest').Config}
 */
const baseConfig = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        // TS151002: ts-jest prefers isolatedModules with module nodenext; the plugin needs it off.
        diagnostics: { ignoreCodes: [151002] },
        astTransformers: { before: ['<rootDir>/test/swagger-transformer.js'] },
      },
    ],
  },
  maxWorkers: 2,
  testTimeout: 30_000,
};

module.exports = {
  ...baseConfig,
  testRegex: ['src/.*\\.spec\\.ts$', 'test/[^/]*\\.e2e-spec\\.ts$'],
};
module.exports.baseConfig = baseConfig;
