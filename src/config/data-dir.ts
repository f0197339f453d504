import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/** Creates DATA_DIR (or a folder in it) readable by the app's user alone. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
}

/**
 * Makes the SQLite database file exist with mode 0600 before SQLite opens it (SQLite gives
 * its WAL and shared-memory files the database file's mode), and tightens files of an older
 * install that were created world-readable.
 */
export function ensurePrivateDatabaseFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
