/** Freeb as the benchmarks run it: the built app on the seeded database, and its readers' sessions. */
import { join, resolve } from 'node:path';
import { ServerProcess } from './processes';
import { SEED_PASSWORD } from './seed';

export const ROOT = resolve(__dirname, '../..');
export const SECRET = 'a benchmark secret that is long enough to be accepted';

/** `dist/src/main.js` (after `npm run build`) in production mode, quiet, without workers. */
export function freebProcess(databaseUrl: string, port: number, dataDir: string): ServerProcess {
  return new ServerProcess(
    'freeb',
    [process.execPath, join(ROOT, 'dist/src/main.js')],
    {
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: SECRET,
      STORAGE: 'local',
      SESSION_STORE: 'database',
      LOG_LEVEL: 'warn',
      // Production cookies are Secure: the login says it came over TLS through a local proxy.
      TRUST_PROXY: 'loopback',
      DB_MIGRATE_ON_START: 'false',
      WORKERS: 'off',
    },
    port,
  );
}

/** Signs a seeded account in; the session's cookie (`freeb.sid=…`). */
export async function login(freeb: ServerProcess, username: string): Promise<string> {
  const res = await fetch(`${freeb.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
    body: JSON.stringify({ login: username, password: SEED_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status}`);
  // The session's cookie, not the device cookie the login sets beside it.
  const session = res.headers.getSetCookie().find((cookie) => cookie.startsWith('freeb.sid='));
  if (!session) throw new Error(`login as ${username}: no session cookie`);
  return session.split(';')[0];
}
