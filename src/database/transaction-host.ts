import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  QueryFailedError,
  type Repository,
} from 'typeorm';

/** What `query` uses of mysql2's pool and its connections. */
interface MysqlPool {
  getConnection(callback: (error: Error | null, connection?: MysqlConnection) => void): void;
}

interface MysqlConnection {
  query(
    sql: string,
    values: unknown[],
    callback: (error: Error | null, rows?: unknown) => void,
  ): void;
  release(): void;
}

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string }; code?: string }).driverError?.code ??
    (error as { code?: string }).code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Transactions that span modules without passing managers around: `run(work)` opens one
 * and every repository reached through `repository()` inside `work` joins it.
 *
 * SQLite has a single connection, so its transactions are queued one at a time; MySQL and
 * MariaDB run them concurrently on the pool, and a transaction InnoDB chose as a deadlock
 * victim is run again from the start (the work must only touch the database).
 */
interface Scope {
  manager: EntityManager;
  committed: Array<() => void>;
}

@Injectable()
export class TransactionHost {
  private readonly current = new AsyncLocalStorage<Scope>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /**
   * One statement with `?` placeholders, its raw rows, for the reads every request makes (a
   * page of posts, the session's user). In a transaction, or on SQLite, through TypeORM as
   * `manager.query`; otherwise straight on MySQL/MariaDB's pool, which spares TypeORM's query
   * runner (a tenth of a small page's CPU). The same deadlines hold (they are armed on the
   * pool), the statement is logged the same way and errors are the same `QueryFailedError`.
   */
  query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    const pool = this.current.getStore() ? undefined : this.mysqlPool;
    if (!pool) return this.manager.query(sql, parameters);
    this.dataSource.logger.logQuery(sql, parameters);
    const failed = (error: Error) => new QueryFailedError(sql, parameters, error);
    // A connection of the pool and its own query (not pool.query, whose command object the
    // deadline wrapper of each connection's query does not take).
    return new Promise((resolve, reject) =>
      pool.getConnection((error, connection) => {
        if (error || !connection) return reject(failed(error ?? new Error('no connection')));
        connection.query(sql, parameters, (queryError, rows) => {
          connection.release();
          if (queryError) reject(failed(queryError));
          else resolve(rows as T[]);
        });
      }),
    );
  }

  /**
   * The same, with `:name` parameters: the driver writes each value as its database takes it
   * (a Date as SQLite's text or MySQL's DATETIME, an array as a list for `IN (:...name)`).
   */
  queryNamed<T>(sql: string, parameters: Record<string, unknown>): Promise<T[]> {
    const [query, values] = this.manager.connection.driver.escapeQueryWithParameters(
      sql,
      parameters,
    );
    return this.query<T>(query, values);
  }

  private get mysqlPool(): MysqlPool | undefined {
    return this.locksRows ? (this.dataSource.driver as { pool?: MysqlPool }).pool : undefined;
  }

  /** MySQL 8 and MariaDB 10.6+ lock rows (FOR UPDATE, SKIP LOCKED); SQLite serializes instead. */
  get locksRows(): boolean {
    return this.dataSource.options.type !== 'better-sqlite3';
  }

  /**
   * In the current transaction, takes write locks on these rows in id order before anything
   * else touches them, so two transactions on the same rows queue instead of deadlocking
   * (an insert's foreign-key check would otherwise take a shared lock first). No-op on SQLite.
   */
  async lockRows<T extends ObjectLiteral & { id: string }>(
    entity: EntityTarget<T>,
    ids: string[],
  ): Promise<void> {
    if (!this.locksRows || ids.length === 0) return;
    await this.repository(entity)
      .createQueryBuilder('row')
      .select('row.id')
      .where('row.id IN (:...ids)', { ids })
      .orderBy('row.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * Calls `callback` once the current transaction has committed (never if it rolls back), or
   * at once outside a transaction. For in-process nudges only (waking a worker): it must not
   * throw, and nothing durable may depend on it.
   */
  afterCommit(callback: () => void): void {
    const scope = this.current.getStore();
    if (scope) scope.committed.push(callback);
    else callback();
  }

  /**
   * Locks these rows as lockRows does and answers which of them exist, read under the lock (on
   * SQLite, inside its one-at-a-time transaction): a row looked up before the transaction may
   * have been deleted since, and writing against it would break a foreign key.
   */
  async lockExisting<T extends ObjectLiteral & { id: string }>(
    entity: EntityTarget<T>,
    ids: string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const query = this.repository(entity)
      .createQueryBuilder('row')
      .select('row.id')
      .where('row.id IN (:...ids)', { ids })
      .orderBy('row.id', 'ASC');
    if (this.locksRows) query.setLock('pessimistic_write');
    return new Set((await query.getMany()).map((row) => row.id));
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const start = async () => {
      const committed: Array<() => void> = [];
      const result = await this.dataSource.transaction((manager) =>
        this.current.run({ manager, committed }, work),
      );
      for (const callback of committed) callback();
      return result;
    };
    if (this.dataSource.options.type !== 'better-sqlite3') return this.retrying(start);
    const result = this.queue.then(start, start);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async retrying<T>(start: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await start();
      } catch (error) {
        if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }
}
