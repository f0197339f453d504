import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../errors/database-errors';
import { RateLimit } from './rate-limit.entity';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Throttling counters in the database, so a limit holds across every instance of the app.
 * Each hit is one atomic UPDATE on a live window, or the insert (or reset) of a new one.
 */
@Injectable()
export class DatabaseThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Throttling');
  private pruner?: NodeJS.Timeout;

  constructor(@InjectRepository(RateLimit) private readonly limits: Repository<RateLimit>) {}

  /** Every address and login name leaves a row; windows long over are pruned now and then. */
  onModuleInit(): void {
    this.pruner = setInterval(() => {
      this.prune().catch((error: unknown) =>
        this.logger.warn(`Pruning rate limits failed: ${String(error)}`),
      );
    }, 10 * 60_000);
    this.pruner.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruner);
  }

  /** Deletes windows that ended before `before` and hold no block still running. */
  async prune(before = new Date(Date.now() - 3600_000)): Promise<number> {
    const result = await this.limits
      .createQueryBuilder()
      .delete()
      .where({ expiresAt: LessThan(before) })
      .andWhere('(blocked_until IS NULL OR blocked_until < :now)', { now: new Date() })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * Seconds until `key` may be used again once it has `limit` hits in its live window (or a
   * running block); 0 when it may be used now. A read: nothing is counted.
   */
  async blockedFor(key: string, limit: number): Promise<number> {
    const row = await this.limits.findOneBy({ key });
    if (!row) return 0;
    const now = Date.now();
    if (row.blockedUntil && row.blockedUntil.getTime() > now) {
      return seconds(row.blockedUntil.getTime() - now);
    }
    const live = row.expiresAt.getTime() > now;
    return live && row.hits >= limit ? seconds(row.expiresAt.getTime() - now) : 0;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    const now = new Date();
    await this.hit(key, ttl, now);
    const row = await this.limits.findOneByOrFail({ key });
    let blockedUntil = row.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
    if (!blockedUntil && row.hits > limit) {
      blockedUntil = new Date(now.getTime() + blockDuration);
      await this.limits.update({ key }, { blockedUntil });
    }
    return {
      totalHits: row.hits,
      timeToExpire: seconds(row.expiresAt.getTime() - now.getTime()),
      isBlocked: blockedUntil !== null,
      timeToBlockExpire: blockedUntil ? seconds(blockedUntil.getTime() - now.getTime()) : 0,
    };
  }

  private async hit(key: string, ttl: number, now: Date): Promise<void> {
    const expiresAt = new Date(now.getTime() + ttl);
    for (let attempt = 0; attempt < 3; attempt++) {
      const bumped = await this.limits
        .createQueryBuilder()
        .update()
        .set({ hits: () => 'hits + 1' })
        .where('key = :key AND expires_at > :now', { key, now })
        .execute();
      if (bumped.affected) return;
      try {
        await this.limits.insert({ key, hits: 1, expiresAt, blockedUntil: null });
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // The window has expired: start a new one, keeping a block that outlasts it.
      const reset = await this.limits
        .createQueryBuilder()
        .update()
        .set({
          hits: 1,
          expiresAt,
          blockedUntil: () => 'CASE WHEN blocked_until > :now THEN blocked_until ELSE NULL END',
        })
        .where('key = :key AND expires_at <= :now', { key, now })
        .execute();
      if (reset.affected) return;
    }
  }
}
