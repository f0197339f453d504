import { dictionary } from '@zxcvbn-ts/language-common';
import { checkNewPassword, isCommonPassword } from './password-policy';

describe('password policy', () => {
  const account = { username: 'ada.l', email: 'ada@example.com' };

  it('knows the 10,000 most common passwords, without regard to case', () => {
    // zxcvbn-ts's list is ranked, most common first: a sample across its first 10,000.
    const ranked = dictionary['passwords-common'] as string[];
    expect(ranked.length).toBeGreaterThanOrEqual(10_000);
    // One in every 50 ranks, at a varying offset, from rank 1 to rank 10,000 itself.
    const ranks = Array.from({ length: 200 }, (_, i) => i * 50 + (i % 50));
    expect(ranks.at(-1)).toBe(9_999);
    const sample = ranks.map((rank) => ranked[rank]);
    for (const [i, common] of sample.entries()) {
      expect(isCommonPassword(i % 2 === 0 ? common : common.toUpperCase())).toBe(true);
    }
    for (const known of ['123456', 'password', 'qwerty123', 'Dragon', 'LETMEIN', 'football1']) {
      expect(isCommonPassword(known)).toBe(true);
    }
  });

  it('accepts an uncommon passphrase', () => {
    expect(isCommonPassword('violet otter juggles quietly')).toBe(false);
    expect(checkNewPassword('violet otter juggles quietly', 'password', account)).toBeNull();
  });

  it('refuses a common password, naming the field', () => {
    expect(checkNewPassword('sunshine', 'newPassword', account)).toEqual({
      field: 'newPassword',
      message: expect.stringContaining('too common'),
    });
  });

  it('refuses the username, the email or its local part', () => {
    for (const password of ['ADA.L', 'ada@example.com', 'ada']) {
      expect(checkNewPassword(password, 'password', account)).toEqual(
        expect.objectContaining({ field: 'password' }),
      );
    }
  });
});
