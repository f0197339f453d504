import { QueryFailedError } from 'typeorm';
import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { TransactionHost } from '../database/transaction-host';
import { ImagesService } from '../images/images.service';
import { UsersRepository } from './users.repository';
import { StandingService } from './standing.service';
import { UsersService } from './users.service';

const account = { username: 'ada.l', email: 'ada@example.com', passwordHash: '$argon2id$x' };

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('UsersService', () => {
  let users: StrictMock<UsersRepository>;
  let sut: UsersService;

  beforeEach(() => {
    users = strictMock<UsersRepository>({
      existsByUsernameOrEmail: jest.fn(),
      insert: jest.fn(),
      findByEmail: jest.fn(),
      findByUsername: jest.fn(),
    });
    sut = new UsersService(
      users,
      strictMock<ImagesService>(),
      strictMock<TransactionHost>(),
      strictMock<StandingService>({ initialRole: jest.fn().mockResolvedValue('user') }),
    );
  });

  it('creates a user with a UUIDv7 id', async () => {
    users.existsByUsernameOrEmail.mockResolvedValue({ username: false, email: false });
    users.insert.mockResolvedValue(undefined);
    const created = await sut.create(account);
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(users.insert).toHaveBeenCalledWith(
      expect.objectContaining({ username: 'ada.l', sessionGeneration: 0 }),
    );
  });

  it('names each taken field in the conflict', async () => {
    users.existsByUsernameOrEmail.mockResolvedValue({ username: true, email: true });
    const error = await errorOf(sut.create(account));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.errors?.map((e) => e.field)).toEqual(['username', 'email']);
    expect(users.insert).not.toHaveBeenCalled();
  });

  it('turns a lost race on the unique index into a conflict', async () => {
    users.existsByUsernameOrEmail
      .mockResolvedValueOnce({ username: false, email: false })
      .mockResolvedValueOnce({ username: true, email: false });
    users.insert.mockRejectedValue(
      new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' })),
    );
    const error = await errorOf(sut.create(account));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.errors).toEqual([{ field: 'username', message: expect.any(String) }]);
  });

  it('refuses reserved usernames', async () => {
    expect((await errorOf(sut.create({ ...account, username: 'me' }))).code).toBe(
      ErrorCode.Validation,
    );
  });

  it('finds by email when the login holds an @, else by username, lower-cased', async () => {
    users.findByEmail.mockResolvedValue(null);
    users.findByUsername.mockResolvedValue(null);
    await sut.findByLogin(' Ada@Example.com ');
    await sut.findByLogin('Ada.L');
    expect(users.findByEmail).toHaveBeenCalledWith('ada@example.com');
    expect(users.findByUsername).toHaveBeenCalledWith('ada.l');
  });
});
