import type { DataSource } from 'typeorm';

type Callback = (error: Error | null, rows?: unknown, fields?: unknown) => void;

interface PooledConnection {
  query(sql: unknown, values?: unknown, callback?: unknown): unknown;
  release(): void;
  destroy(): void;
}

interface Pool {
  getConnection(callback: (error: Error | null, connection?: PooledConnection) => void): void;
}

const ARMED = Symbol('freeb.deadlines');

function deadlineError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code, fatal: true });
}

/**
 * Every query gets mysql2's per-query `timeout`, and a connection whose query missed it is
 * destroyed: its socket may be dead without a reset, and mysql2 would queue the next
 * command behind the silent one for ever.
 */
function armConnection(connection: PooledConnection, timeoutMs: number): void {
  const tagged = connection as PooledConnection & { [ARMED]?: true };
  if (tagged[ARMED]) return;
  tagged[ARMED] = true;
  const query = connection.query.bind(connection);
  connection.query = (sql: unknown, values?: unknown, callback?: unknown) => {
    const options =
      typeof sql === 'string'
        ? { sql, timeout: timeoutMs }
        : { timeout: timeoutMs, ...(sql as object) };
    const done = (typeof values === 'function' ? values : callback) as Callback | undefined;
    // A streamed query (no callback) keeps its shape; only the deadline is added.
    if (!done) return query(options, values);
    const guarded: Callback = (error, rows, fields) => {
      if ((error as { code?: string } | null)?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        connection.destroy();
      }
      done(error, rows, fields);
    };
    return typeof values === 'function' ? query(options, guarded) : query(options, values, guarded);
  };
}

/**
 * Deadlines on MySQL/MariaDB, armed once the data source is up (migrations at start run
 * without them): getting a pooled connection (connecting included; mysql2 has no acquire
 * timeout, so a full pool would queue requests without end) and every query. A missed
 * deadline is an error the problem filter answers 503. No-op on SQLite.
 */
export function armMysqlDeadlines(dataSource: DataSource, timeoutMs: number): void {
  const pool = (dataSource.driver as { pool?: Pool }).pool;
  if (!pool) return;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      callback(deadlineError('Timed out getting a database connection', 'POOL_ACQUIRE_TIMEOUT'));
    }, timeoutMs);
    getConnection((error, connection) => {
      if (settled) {
        connection?.release();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (connection) armConnection(connection, timeoutMs);
      callback(error, connection);
    });
  };
}
