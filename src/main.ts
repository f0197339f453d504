import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { createHttpAdapter } from './common/http/http-server';
import { GracefulShutdown } from './common/lifecycle/graceful-shutdown';
import { ConfigError, loadConfiguration } from './config/configuration';

async function bootstrap(): Promise<void> {
  // Validate first, so a bad variable stops the process with one clear line.
  const config = loadConfiguration(process.env);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule,
    createHttpAdapter(config.app),
    { bufferLogs: true },
  );
  configureApp(app);
  const shutdown = app.get(GracefulShutdown);
  shutdown.track(app.getHttpServer());
  shutdown.onSignals(app, config.app.shutdownGraceMs);
  await app.listen(config.app.port);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const where = config.storage.publicUrl ?? `http://localhost:${port}`;
  app.get(Logger).log(`Freeb is running at ${where}`);
}

bootstrap().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `Freeb failed to start: ${String(error)}`,
  );
  process.exit(1);
});
