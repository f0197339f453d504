/**
 * A second worker process for the tests, on the environment it is given: it boots the app
 * without listening, registers a handler for the job type named in argv that reports
 * `claimed <jobId>` on stdout and then never finishes, and starts its worker. The test kills it.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import type { JobType } from '../../src/jobs/job-payloads';
import { JobRegistry } from '../../src/jobs/job-registry';
import { JobWorker } from '../../src/jobs/job-worker';

async function main(): Promise<void> {
  // Its handler never finishes: when the test process goes away (its end of stdin closes), so does it.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.init();
  app.get(JobRegistry).register(process.argv[2] as JobType, async (_payload, { jobId }) => {
    process.stdout.write(`claimed ${jobId}\n`);
    await new Promise(() => undefined);
  });
  app.get(JobWorker).start();
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker-child failed: ${String(error)}\n`);
  process.exit(1);
});
