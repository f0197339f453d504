import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { buildOpenApiDocument, setApiPrefix } from './app.setup';

/**
 * `node dist/src/openapi.js <file>` (`npm run api:client`): writes the OpenAPI document the app
 * serves at /docs-json, built the same way, without a server, a database or any configuration:
 * Nest's preview mode reads the modules and routes without creating a single provider.
 */
async function main(file: string): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  setApiPrefix(app);
  writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

main(process.argv[2] ?? 'openapi.json').catch((error: unknown) => {
  console.error(`Could not write the OpenAPI document: ${String(error)}`);
  process.exit(1);
});
