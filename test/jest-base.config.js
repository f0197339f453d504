/**
 * What both Jest runs share. The Swagger CLI plugin is applied as under `nest build`, so the
 * OpenAPI test sees the same document as production.
 * @type {import('jest').Config}
 */
const baseConfig = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: require('node:path').resolve(__dirname, '..'),
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

module.exports = { baseConfig };
