import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { endOnFirstSignal } from './common/lifecycle/process-signals';
import { ConfigError, loadConfiguration } from './config/configuration';
import { JobWorker } from './jobs/job-worker';

/**
 * The job workers without HTTP (`npm run worker`, `node dist/src/worker.js`): the same modules
 * as the API, so every handler is there, but no server. Runs whatever WORKERS says (that
 * setting is for the API process). SIGTERM or SIGINT stops claiming, lets the running jobs
 * finish (or gives their leases back after a grace period), writes its last log lines and ends
 * by the same signal.
 */
async function bootstrap(): Promise<void> {
  loadConfiguration(process.env);
  const app = await NestFactory.createApplicationContext(AppModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  endOnFirstSignal(() => app.close(), {
    reraise: true,
    onError: (error) => logger.error(`Shutdown failed: ${String(error)}`, 'Worker'),
  });
  app.get(JobWorker).start();
  logger.log('Freeb worker started', 'Worker');
}

bootstrap().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `Freeb worker failed to start: ${String(error)}`,
  );
  process.exit(1);
});
