import { Injectable } from '@nestjs/common';
import {
  AppError,
  ErrorCode,
  FieldError,
  conflict,
  invalid,
  notFound,
} from '../common/errors/app-error';
import { newId } from '../common/ids';
import { ProfileDto, PrivateUserDto } from './dto/user.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { User } from './entities/user.entity';
import { UsersRepository, isUniqueViolation } from './users.repository';

export interface NewAccount {
  username: string;
  email: string;
  passwordHash: string;
  firstName?: string | null;
  lastName?: string | null;
}

/** Names that would be confusing as profile URLs or collide with routes such as /users/me. */
const RESERVED_USERNAMES = new Set([
  'me',
  'admin',
  'administrator',
  'root',
  'api',
  'docs',
  'health',
  'freeb',
  'support',
  'settings',
]);

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  /** `login` is an email when it holds an @, else a username; both compared lower-case. */
  findByLogin(login: string): Promise<User | null> {
    const normalized = login.trim().toLowerCase();
    return normalized.includes('@')
      ? this.users.findByEmail(normalized)
      : this.users.findByUsername(normalized);
  }

  async create(account: NewAccount): Promise<User> {
    if (RESERVED_USERNAMES.has(account.username)) {
      throw invalid([{ field: 'username', message: 'username is reserved; choose another' }]);
    }
    const taken = await this.users.existsByUsernameOrEmail(account.username, account.email);
    this.throwIfTaken(taken);
    const now = new Date();
    const user = Object.assign(new User(), {
      id: newId(),
      username: account.username,
      email: account.email,
      passwordHash: account.passwordHash,
      firstName: account.firstName ?? null,
      lastName: account.lastName ?? null,
      bio: null,
      sessionGeneration: 0,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.users.insert(user);
    } catch (error) {
      // Two signups racing for one name: the unique index decides, the loser gets the 409.
      if (isUniqueViolation(error)) {
        this.throwIfTaken(
          await this.users.existsByUsernameOrEmail(account.username, account.email),
        );
      }
      throw error;
    }
    return user;
  }

  async getProfile(username: string): Promise<ProfileDto> {
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    if (!user) throw notFound('User');
    return ProfileDto.fromUser(user);
  }

  async updateProfile(viewer: User, changes: UpdateProfileDto): Promise<PrivateUserDto> {
    const fields: Partial<Pick<User, 'firstName' | 'lastName' | 'bio'>> = {};
    if (changes.firstName !== undefined) fields.firstName = changes.firstName;
    if (changes.lastName !== undefined) fields.lastName = changes.lastName;
    if (changes.bio !== undefined) fields.bio = changes.bio;
    if (Object.keys(fields).length > 0)
      await this.users.updateProfile(viewer.id, fields, new Date());
    const updated = await this.users.findById(viewer.id);
    if (!updated) throw new AppError(ErrorCode.Unauthenticated, 'Your account no longer exists.');
    return PrivateUserDto.fromUser(updated);
  }

  /** Replaces the password hash; every session holding the old generation stops working. */
  async replacePassword(user: User, passwordHash: string): Promise<User> {
    await this.users.replacePassword(user.id, passwordHash, new Date());
    const updated = await this.users.findById(user.id);
    if (!updated) throw new AppError(ErrorCode.Unauthenticated, 'Your account no longer exists.');
    return updated;
  }

  async deleteAccount(user: User): Promise<void> {
    await this.users.delete(user.id);
  }

  private throwIfTaken(taken: { username: boolean; email: boolean }): void {
    const errors: FieldError[] = [];
    if (taken.username) errors.push({ field: 'username', message: 'username is already taken' });
    if (taken.email) errors.push({ field: 'email', message: 'email is already registered' });
    if (errors.length > 0) {
      throw conflict(
        errors.length === 2
          ? 'That username and email are already in use.'
          : `That ${errors[0].field} is already in use.`,
        errors,
      );
    }
  }
}
