import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { LessThan } from 'typeorm';
import { rawDatetime } from '../../database/raw-datetime';
import { TransactionHost } from '../../database/transaction-host';
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
 * Each hit is one atomic upsert: a live window counts one more, a new or expired one starts.
 */
@Injectable()
export class DatabaseThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Throttling');
  private pruner?: NodeJS.Timeout;
  /** One hit as one atomic write (see upsertSqlFor), made once. */
  private readonly upsertSql: string;
  private readonly keyColumn: string;

  constructor(private readonly db: TransactionHost) {
    this.upsertSql = upsertSqlFor(db.locksRows);
    this.keyColumn = keyColumnOf(db.locksRows);
  }

  private get limits() {
    return this.db.repository(RateLimit);
  }

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

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    const now = new Date();
    return this.recordOf(key, (await this.hit(key, ttl, now)).counter, limit, blockDuration, now);
  }

  /**
   * `increment` of `key`, and `blockedFor` of another key read with it: on MySQL and MariaDB,
   * whose upsert answers no row, one SELECT reads both counters (a login's address and its
   * account or device), a round trip fewer.
   */
  async incrementAndCheck(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    other: { key: string; limit: number },
  ): Promise<{ record: ThrottlerStorageRecord; otherBlockedFor: number }> {
    const now = new Date();
    const { counter, also } = await this.hit(key, ttl, now, other.key);
    return {
      record: await this.recordOf(key, counter, limit, blockDuration, now),
      otherBlockedFor: waitOf(also, other.limit, now.getTime()),
    };
  }

  /** The hit's record; a count past the limit starts a block. */
  private async recordOf(
    key: string,
    row: Counter,
    limit: number,
    blockDuration: number,
    now: Date,
  ): Promise<ThrottlerStorageRecord> {
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

  /**
   * One hit (upsertSql) and the key's counter after it; with `alsoKey`, that key's counter too.
   * MySQL and MariaDB are asked for both counters in one SELECT after the write.
   */
  private async hit(
    key: string,
    ttl: number,
    now: Date,
    alsoKey?: string,
  ): Promise<{ counter: Counter; also: Counter | null }> {
    const written = await this.db.queryNamed<CounterRow>(this.upsertSql, {
      key,
      now,
      expiresAt: new Date(now.getTime() + ttl),
    });
    if (!this.db.locksRows) {
      return {
        counter: counterOf(written[0]),
        also: alsoKey === undefined ? null : await this.read(alsoKey),
      };
    }
    const keys = alsoKey === undefined ? [key] : [key, alsoKey];
    // `first` compares as the lookup does (the column's collation), so each row is told apart.
    const rows = await this.db.query<CounterRow & { first: number | string }>(
      `SELECT \`key\` = ? AS first, hits, expires_at, blocked_until FROM rate_limits WHERE \`key\` IN (${keys.map(() => '?').join(', ')})`,
      [key, ...keys],
    );
    const first = rows.find((row) => Number(row.first) === 1);
    const also = alsoKey === undefined ? undefined : rows.find((row) => Number(row.first) !== 1);
    return { counter: counterOf(first!), also: also ? counterOf(also) : null };
  }

  /** The key's counter, by a plain statement; null when it has none. */
  private async read(key: string): Promise<Counter | null> {
    const [row] = await this.db.query<CounterRow>(
      `SELECT hits, expires_at, blocked_until FROM rate_limits WHERE ${this.keyColumn} = ?`,
      [key],
    );
    return row ? counterOf(row) : null;
  }
}

interface CounterRow {
  hits: number | string;
  expires_at: Date | string;
  blocked_until: Date | string | null;
}

interface Counter {
  hits: number;
  expiresAt: Date;
  blockedUntil: Date | null;
}

const counterOf = (row: CounterRow): Counter => ({
  hits: Number(row.hits),
  expiresAt: rawDatetime(row.expires_at),
  blockedUntil: row.blocked_until === null ? null : rawDatetime(row.blocked_until),
});

/** Seconds until a counter with `limit` hits lets its key through again; 0 when it does now. */
function waitOf(row: Counter | null, limit: number, now: number): number {
  if (!row) return 0;
  if (row.blockedUntil && row.blockedUntil.getTime() > now) {
    return seconds(row.blockedUntil.getTime() - now);
  }
  const live = row.expiresAt.getTime() > now;
  return live && row.hits >= limit ? seconds(row.expiresAt.getTime() - now) : 0;
}

/** `key` is a reserved word: quoted as each dialect quotes names. */
function keyColumnOf(mysql: boolean): string {
  return mysql ? '`key`' : '"key"';
}

/**
 * One hit as one atomic write: a live window counts one more, an expired one (or none) starts
 * again at 1, keeping a block that outlasts it. SQLite answers the row with the write
 * (RETURNING); MySQL and MariaDB (`mysql`) answer no row.
 */
function upsertSqlFor(mysql: boolean): string {
  const q = keyColumnOf(mysql);
  // MySQL assigns left to right, each seeing the columns already assigned: expires_at last.
  const assignments =
    'blocked_until = CASE WHEN expires_at > :now OR blocked_until > :now THEN blocked_until ELSE NULL END, ' +
    'hits = CASE WHEN expires_at > :now THEN hits + 1 ELSE 1 END, ' +
    'expires_at = CASE WHEN expires_at > :now THEN expires_at ELSE :expiresAt END';
  const insert = `INSERT INTO rate_limits (${q}, hits, expires_at, blocked_until) VALUES (:key, 1, :expiresAt, NULL)`;
  return mysql
    ? `${insert} ON DUPLICATE KEY UPDATE ${assignments}`
    : `${insert} ON CONFLICT (${q}) DO UPDATE SET ${assignments} RETURNING hits, expires_at, blocked_until`;
}
