import { Module } from '@nestjs/common';
import { ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DatabaseThrottlerStorage } from './database-throttler.storage';
import { RateLimitGroup, rateLimitGroupOf } from './rate-limited.decorator';
import { RateLimit } from './rate-limit.entity';

const MINUTE = 60_000;

const byIp = (req: Record<string, unknown>) => `ip:${String((req as unknown as Request).ip)}`;

const byUser = (req: Record<string, unknown>) => {
  const user = (req as unknown as Request).user as { id?: string } | undefined;
  return user?.id ? `user:${user.id}` : byIp(req);
};

const throttler = (
  name: string,
  group: RateLimitGroup,
  limit: number,
  ttl: number,
  getTracker: ThrottlerOptions['getTracker'],
): ThrottlerOptions => ({
  name,
  limit,
  ttl,
  blockDuration: ttl,
  getTracker,
  skipIf: (context: ExecutionContext) => rateLimitGroupOf(context) !== group,
});

/**
 * The limits, per group of routes. Counters live in the database (rate_limits) so they hold
 * across instances. Client IPs come from X-Forwarded-For only when TRUST_PROXY says so.
 */
export const THROTTLERS: ThrottlerOptions[] = [
  throttler('signup-ip', 'signup', 10, 60 * MINUTE, byIp),
  throttler('uploads-user', 'uploads', 120, 60 * MINUTE, byUser),
  // Social writes, per user: far above what a person does in an hour, a wall for a script.
  throttler('likes-user', 'likes', 300, 60 * MINUTE, byUser),
  throttler('comments-user', 'comments', 60, 60 * MINUTE, byUser),
  throttler('follows-user', 'follows', 100, 60 * MINUTE, byUser),
  // Blocks and mutes: each change queues timeline work (an unmute backfills the home feed).
  throttler('relations-user', 'relations', 100, 60 * MINUTE, byUser),
  throttler('reports-user', 'reports', 30, 60 * MINUTE, byUser),
];

/**
 * The database-backed counter store, in a module of its own so the throttler's factory can
 * inject it (and the login throttle, which keeps its own limits, see auth/login).
 */
@Module({
  imports: [TypeOrmModule.forFeature([RateLimit])],
  providers: [DatabaseThrottlerStorage],
  exports: [DatabaseThrottlerStorage],
})
export class RateLimitStorageModule {}

/** Registers @nestjs/throttler (global) with our throttlers and storage; the guard is an APP_GUARD. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [DatabaseThrottlerStorage],
      useFactory: (storage: DatabaseThrottlerStorage) => ({
        throttlers: THROTTLERS,
        storage,
        setHeaders: false,
      }),
    }),
  ],
})
export class ThrottlingModule {}
