import { Injectable } from '@nestjs/common';
import {
  AppError,
  ErrorCode,
  FieldError,
  conflict,
  invalid,
  notFound,
} from '../common/errors/app-error';
import { isUniqueViolation } from '../common/errors/database-errors';
import { newId } from '../common/ids';
import { searchKey } from '../common/text/caption-parser';
import { TransactionHost } from '../database/transaction-host';
import { ImagesService } from '../images/images.service';
import { type SessionUser, User } from './entities/user.entity';
import { UsersRepository } from './users.repository';
import { StandingService } from './standing.service';

export interface NewAccount {
  username: string;
  email: string;
  passwordHash: string;
  firstName?: string | null;
  lastName?: string | null;
}

/**
 * Work another module does when an account is deleted, inside the deletion's transaction
 * (posts, likes, follows...). Modules register theirs; Users needs to know none of them.
 */
export type AccountDeletionStep = (userId: string) => Promise<void>;

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
  'suggested',
  'explore',
  'search',
  'tags',
  'notifications',
]);

/** A name as search compares it: lower-case, without accents. */
export const nameKey = (name: string | null | undefined): string | null =>
  name ? searchKey(name).slice(0, 50) : null;

/**
 * Accounts: finding them, creating them, their password and their deletion. The rows carry
 * the password hash, so they stay with users and auth; other modules get profiles
 * (ProfilesService) or ids.
 */
@Injectable()
export class UsersService {
  private readonly deletionSteps: AccountDeletionStep[] = [];

  constructor(
    private readonly usersRepository: UsersRepository,
    private readonly images: ImagesService,
    private readonly db: TransactionHost,
    private readonly standing: StandingService,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.usersRepository.findById(id);
  }

  /**
   * What each signed-in request loads of its caller (the session's user), as columns of a
   * statement that joins `users` as `alias`: no hash, no email (see UsersRepository).
   */
  sessionUserColumns(alias: string): string {
    return this.usersRepository.sessionUserColumns(alias);
  }

  sessionUserOf(row: Record<string, unknown>): SessionUser | null {
    return this.usersRepository.sessionUserOf(row);
  }

  /** The signed-in caller's account; a 401 when it was deleted meanwhile. */
  async findByIdOrGone(id: string): Promise<User> {
    const user = await this.usersRepository.findById(id);
    if (!user) throw new AppError(ErrorCode.Unauthenticated, 'Your account no longer exists.');
    return user;
  }

  /** `login` is an email when it holds an @, else a username; both compared lower-case. */
  findByLogin(login: string): Promise<User | null> {
    const normalized = login.trim().toLowerCase();
    return normalized.includes('@')
      ? this.usersRepository.findByEmail(normalized)
      : this.usersRepository.findByUsername(normalized);
  }

  async findByUsernameOrFail(username: string): Promise<User> {
    const user = await this.usersRepository.findByUsername(username.trim().toLowerCase());
    if (!user) throw notFound('User');
    return user;
  }

  async create(account: NewAccount): Promise<User> {
    if (RESERVED_USERNAMES.has(account.username)) {
      throw invalid([{ field: 'username', message: 'username is reserved; choose another' }]);
    }
    this.throwIfTaken(
      await this.usersRepository.existsByUsernameOrEmail(account.username, account.email),
    );
    const now = new Date();
    const user = Object.assign(new User(), {
      id: newId(),
      username: account.username,
      email: account.email,
      passwordHash: account.passwordHash,
      firstName: account.firstName ?? null,
      lastName: account.lastName ?? null,
      firstNameKey: nameKey(account.firstName),
      lastNameKey: nameKey(account.lastName),
      bio: null,
      avatarImageId: null,
      sessionGeneration: 0,
      role: await this.standing.initialRole(account.username),
      private: false,
      suspendedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.usersRepository.insert(user);
    } catch (error) {
      // Two signups racing for one name: the unique index decides, the loser gets the 409.
      if (isUniqueViolation(error)) {
        this.throwIfTaken(
          await this.usersRepository.existsByUsernameOrEmail(account.username, account.email),
        );
      }
      throw error;
    }
    return user;
  }

  /** In the caller's transaction: a post was added (1) or removed (-1). */
  adjustPostCount(userId: string, delta: number): Promise<void> {
    return this.usersRepository.adjust(userId, 'postsCount', delta);
  }

  /** In the caller's transaction: `followerId` started (1) or stopped (-1) following `followeeId`. */
  async adjustFollowCounts(followerId: string, followeeId: string, delta: number): Promise<void> {
    await this.usersRepository.adjust(followerId, 'followingCount', delta);
    await this.usersRepository.adjust(followeeId, 'followersCount', delta);
  }

  /** Accounts followed by more than `count` people (IDX_users_followers_count). */
  idsWithFollowersOver(count: number): Promise<string[]> {
    return this.usersRepository.idsWithFollowersOver(count);
  }

  /** Which of these accounts are suspended (hidden from all but moderators). */
  suspendedAmong(ids: string[]): Promise<Set<string>> {
    return this.usersRepository.suspendedAmong([...new Set(ids)]);
  }

  /** Replaces the password hash; every session holding the old generation stops working. */
  async replacePassword(userId: string, passwordHash: string): Promise<User> {
    await this.usersRepository.replacePassword(userId, passwordHash, new Date());
    return this.findByIdOrGone(userId);
  }

  onAccountDeletion(step: AccountDeletionStep): void {
    this.deletionSteps.push(step);
  }

  /** One transaction: other modules' steps, then every image (queued for storage), then the user. */
  async deleteAccount(userId: string): Promise<void> {
    await this.db.run(async () => {
      for (const step of this.deletionSteps) await step(userId);
      await this.images.discardAllOf(userId);
      await this.usersRepository.delete(userId);
    });
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
