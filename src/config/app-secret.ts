import { type KeyObject, createSecretKey, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FreebConfig } from './configuration';
import { ensurePrivateDir } from './data-dir';

/**
 * SESSION_SECRET when set; otherwise (never in production: config refuses that) a secret
 * generated once and kept in DATA_DIR, so sessions and signed URLs survive restarts.
 */
export function resolveAppSecret(secret: string | undefined, dataDir: string): string {
  if (secret) return secret;
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    ensurePrivateDir(dataDir);
    const generated = randomBytes(48).toString('base64url');
    writeFileSync(file, generated, { mode: 0o600, flag: 'wx' });
    return generated;
  }
}

/**
 * The app secret, resolved once at start: it signs the session cookie and keys the local
 * storage's URL signatures.
 */
export class AppSecret {
  /**
   * The same secret as an HMAC key object, made once: on Node 24 an HMAC keyed by a string
   * costs several times more per call than one keyed by a KeyObject (the session cookie is
   * checked on every signed-in request). Signatures are the same either way.
   */
  readonly key: KeyObject;

  constructor(readonly value: string) {
    this.key = createSecretKey(Buffer.from(value, 'utf8'));
  }

  static from(config: Pick<FreebConfig, 'app' | 'session'>): AppSecret {
    return new AppSecret(resolveAppSecret(config.session.secret, config.app.dataDir));
  }
}
