import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfiguration } from './config/configuration';

async function bootstrap(): Promise<void> {
  // Validate first, so a bad variable stops the process with one clear line.
  const config = loadConfiguration(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  configureApp(app);
  await app.listen(config.app.port);
}

bootstrap().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `Freeb failed to start: ${String(error)}`,
  );
  process.exit(1);
});
