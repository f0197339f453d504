import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MethodDiscovery } from '../common/discovery/method-discovery';
import { Job } from './entities/job.entity';
import { JobQueue } from './job-queue';
import { JobsAdminController } from './jobs-admin.controller';
import { JobsOverview } from './jobs-overview';
import { JobRegistry } from './job-registry';
import { JobWorker } from './job-worker';
import { JobsRepository } from './jobs.repository';

/**
 * The job queue for every module: inject `JobQueue` to enqueue (in your transaction), declare
 * handlers with `@OnJob(type)`. `JobWorker` is exported for the shutdown sequence and the
 * worker process. Admins see the queue at `GET /api/admin/jobs`.
 */
@Global()
@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature([Job])],
  controllers: [JobsAdminController],
  providers: [MethodDiscovery, JobsRepository, JobRegistry, JobQueue, JobWorker, JobsOverview],
  exports: [JobQueue, JobWorker, JobRegistry],
})
export class JobsModule {}
