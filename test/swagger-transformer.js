// The Swagger CLI plugin as a ts-jest AST transformer, so tests see the OpenAPI schemas that
// `nest build` produces (https://docs.nestjs.com/openapi/cli-plugin#integration-with-ts-jest-e2e-tests).
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) =>
  transformer.before({ introspectComments: true, classValidatorShim: true }, compiler.program);
