import { Global, Module } from '@nestjs/common';
import { GracefulShutdown } from './graceful-shutdown';

/** The process's shutdown, which readiness reports on. */
@Global()
@Module({ providers: [GracefulShutdown], exports: [GracefulShutdown] })
export class LifecycleModule {}
