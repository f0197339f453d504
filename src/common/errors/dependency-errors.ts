const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'POOL_ACQUIRE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/**
 * True when an error means a dependency (database, session store, object storage) could not
 * be reached or was too busy, rather than a bug: the answer is then 503, not 500.
 */
export function isDependencyDown(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const candidate = current as {
      code?: unknown;
      errno?: unknown;
      name?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    // mysql2 marks errors of the connection itself (not of the statement) fatal.
    if ((candidate as { fatal?: unknown }).fatal === true) return true;
    if (candidate.name === 'TimeoutError' || candidate.name === 'ConnectionIsNotSetError')
      return true;
    if (
      typeof candidate.message === 'string' &&
      /Connection lost|connect ETIMEDOUT|Pool is closed|ECONNREFUSED|in closed state/.test(
        candidate.message,
      )
    ) {
      return true;
    }
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}
