import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password/password-hasher';

const user = (changes: Partial<User> = {}): User =>
  Object.assign(new User(), {
    id: '0190c8e0-0000-7000-8000-000000000001',
    username: 'ada.l',
    email: 'ada@example.com',
    passwordHash: '$argon2id$stored',
    sessionGeneration: 3,
    ...changes,
  });

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('AuthService', () => {
  let users: StrictMock<UsersService>;
  let hasher: StrictMock<PasswordHasher>;
  let sut: AuthService;

  beforeEach(() => {
    users = strictMock<UsersService>({
      findByLogin: jest.fn(),
      findByIdOrGone: jest.fn(),
      create: jest.fn(),
      replacePassword: jest.fn(),
      deleteAccount: jest.fn(),
    });
    hasher = strictMock<PasswordHasher>({
      hash: jest.fn(),
      verify: jest.fn(),
      verifyNothing: jest.fn(),
    });
    sut = new AuthService(users, hasher);
  });

  describe('signup', () => {
    it('hashes the password and creates the user', async () => {
      hasher.hash.mockResolvedValue('$argon2id$new');
      users.create.mockResolvedValue(user());
      await sut.signup({
        username: 'ada.l',
        email: 'ada@example.com',
        password: 'violet otter juggles',
      });
      expect(hasher.hash).toHaveBeenCalledWith('violet otter juggles');
      expect(users.create).toHaveBeenCalledWith(
        expect.objectContaining({ username: 'ada.l', passwordHash: '$argon2id$new' }),
      );
    });

    it('refuses a common password before hashing anything', async () => {
      expect(
        await codeOf(
          sut.signup({ username: 'ada.l', email: 'ada@example.com', password: 'password1' }),
        ),
      ).toBe(ErrorCode.Validation);
      expect(hasher.hash).not.toHaveBeenCalled();
      expect(users.create).not.toHaveBeenCalled();
    });
  });

  describe('checkCredentials', () => {
    it('returns the user when the password verifies', async () => {
      users.findByLogin.mockResolvedValue(user());
      hasher.verify.mockResolvedValue(true);
      await expect(sut.checkCredentials('ada.l', 'right')).resolves.toEqual(user());
      expect(hasher.verify).toHaveBeenCalledWith('$argon2id$stored', 'right');
    });

    it('returns null for a wrong password', async () => {
      users.findByLogin.mockResolvedValue(user());
      hasher.verify.mockResolvedValue(false);
      await expect(sut.checkCredentials('ada.l', 'wrong')).resolves.toBeNull();
    });

    it('spends a verification on an unknown login too', async () => {
      users.findByLogin.mockResolvedValue(null);
      hasher.verifyNothing.mockResolvedValue(false);
      await expect(sut.checkCredentials('nobody', 'whatever')).resolves.toBeNull();
      expect(hasher.verifyNothing).toHaveBeenCalledWith('whatever');
    });
  });

  const viewer = { id: user().id, username: user().username, role: 'user' as const };

  describe('changePassword', () => {
    beforeEach(() => users.findByIdOrGone.mockResolvedValue(user()));

    it('checks the current password, then stores the new hash', async () => {
      hasher.verify.mockResolvedValue(true);
      hasher.hash.mockResolvedValue('$argon2id$next');
      users.replacePassword.mockResolvedValue(user({ sessionGeneration: 4 }));
      const updated = await sut.changePassword(viewer, {
        currentPassword: 'old secret!',
        newPassword: 'violet otter juggles',
      });
      expect(users.replacePassword).toHaveBeenCalledWith(user().id, '$argon2id$next');
      expect(updated.sessionGeneration).toBe(4);
    });

    it('refuses a wrong current password and changes nothing', async () => {
      hasher.verify.mockResolvedValue(false);
      expect(
        await codeOf(
          sut.changePassword(viewer, {
            currentPassword: 'wrong',
            newPassword: 'violet otter juggles',
          }),
        ),
      ).toBe(ErrorCode.Forbidden);
      expect(users.replacePassword).not.toHaveBeenCalled();
    });

    it('refuses the same password again', async () => {
      hasher.verify.mockResolvedValue(true);
      expect(
        await codeOf(
          sut.changePassword(viewer, {
            currentPassword: 'violet otter juggles',
            newPassword: 'violet otter juggles',
          }),
        ),
      ).toBe(ErrorCode.Validation);
      expect(users.replacePassword).not.toHaveBeenCalled();
    });
  });

  describe('deleteAccount', () => {
    beforeEach(() => users.findByIdOrGone.mockResolvedValue(user()));

    it('deletes only after the password verifies', async () => {
      hasher.verify.mockResolvedValueOnce(false).mockResolvedValueOnce(true);
      users.deleteAccount.mockResolvedValue(undefined);
      expect(await codeOf(sut.deleteAccount(viewer, 'wrong'))).toBe(ErrorCode.Forbidden);
      expect(users.deleteAccount).not.toHaveBeenCalled();
      expect(await codeOf(sut.deleteAccount(viewer, 'right'))).toBe('resolved');
      expect(users.deleteAccount).toHaveBeenCalledWith(user().id);
    });
  });
});
