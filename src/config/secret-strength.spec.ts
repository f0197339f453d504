import { randomBytes } from 'node:crypto';
import { secretWeakness } from './secret-strength';

describe('secretWeakness', () => {
  it('accepts random secrets in the usual encodings', () => {
    for (let i = 0; i < 200; i++) {
      expect(secretWeakness(randomBytes(48).toString('base64'))).toBeUndefined();
      expect(secretWeakness(randomBytes(16).toString('hex'))).toBeUndefined();
      expect(secretWeakness(randomBytes(32).toString('base64url'))).toBeUndefined();
    }
  });

  it('refuses short, default, repeated and few-character secrets', () => {
    expect(secretWeakness('short')).toMatch(/32 or more/);
    expect(secretWeakness('a'.repeat(40))).toMatch(/predictable/);
    expect(secretWeakness('ab'.repeat(32))).toMatch(/predictable/);
    expect(secretWeakness('0123456789'.repeat(4))).toMatch(/predictable/);
    expect(secretWeakness('abcdefg'.repeat(6))).toMatch(/predictable/);
  });
});
