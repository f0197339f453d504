import { checkNewPassword, isCommonPassword } from './password-policy';

describe('password policy', () => {
  const account = { username: 'ada.l', email: 'ada@example.com' };

  it('knows at least the 10,000 most common passwords, without regard to case', () => {
    for (const common of [
      '123456',
      'password',
      'qwerty123',
      'iloveyou',
      'Dragon',
      'LETMEIN',
      'football1',
    ]) {
      expect(isCommonPassword(common)).toBe(true);
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
