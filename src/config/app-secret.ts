import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The app secret (SESSION_SECRET, which also keys the local storage signatures) when set; otherwise (never in production, config refuses that) a secret
 * generated once and kept in DATA_DIR so sessions survive restarts.
 */
export function resolveAppSecret(secret: string | undefined, dataDir: string): string {
  if (secret) return secret;
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const generated = randomBytes(48).toString('base64url');
    writeFileSync(file, generated, { mode: 0o600, flag: 'wx' });
    return generated;
  }
}
