import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAppSecret } from './app-secret';

describe('resolveAppSecret', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'freeb-secret-')), 'data');
  });

  afterEach(() => {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('takes SESSION_SECRET when given, writing nothing', () => {
    expect(resolveAppSecret('a configured secret', dataDir)).toBe('a configured secret');
    expect(() => statSync(join(dataDir, 'session-secret'))).toThrow();
  });

  it('generates a strong secret once, private to its owner, and keeps it across restarts', () => {
    const first = resolveAppSecret(undefined, dataDir);
    expect(first).toMatch(/^[\w-]{64}$/);
    expect(statSync(join(dataDir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(resolveAppSecret(undefined, dataDir)).toBe(first);
    const elsewhere = join(dataDir, '..', 'other');
    expect(resolveAppSecret(undefined, elsewhere)).not.toBe(first);
  });
});
