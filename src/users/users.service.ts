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
import { TransactionHost } from '../database/transaction-host';
import { ImagesService } from '../images/images.service';
import { PrivateUserDto, ProfileDto, UserSummaryDto } from './dto/user.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { User } from './entities/user.entity';
import { FollowsRepository } from './follows.repository';
import { UsersRepository } from './users.repository';

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
]);

@Injectable()
export class UsersService {
  private readonly deletionSteps: AccountDeletionStep[] = [];

  constructor(
    private readonly users: UsersRepository,
    private readonly follows: FollowsRepository,
    private readonly images: ImagesService,
    private readonly db: TransactionHost,
  ) {}

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

  async findByUsernameOrFail(username: string): Promise<User> {
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    if (!user) throw notFound('User');
    return user;
  }

  async create(account: NewAccount): Promise<User> {
    if (RESERVED_USERNAMES.has(account.username)) {
      throw invalid([{ field: 'username', message: 'username is reserved; choose another' }]);
    }
    this.throwIfTaken(await this.users.existsByUsernameOrEmail(account.username, account.email));
    const now = new Date();
    const user = Object.assign(new User(), {
      id: newId(),
      username: account.username,
      email: account.email,
      passwordHash: account.passwordHash,
      firstName: account.firstName ?? null,
      lastName: account.lastName ?? null,
      bio: null,
      avatarImageId: null,
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

  async privateView(user: User): Promise<PrivateUserDto> {
    return PrivateUserDto.fromUser(user, await this.avatarUrlOf(user));
  }

  async getProfile(username: string, viewer?: User): Promise<ProfileDto> {
    const user = await this.findByUsernameOrFail(username);
    const following = viewer
      ? (await this.follows.followedAmong(viewer.id, [user.id])).has(user.id)
      : false;
    return ProfileDto.fromUser(user, await this.avatarUrlOf(user), viewer ? { following } : null);
  }

  /** Ids of the people a user follows (the home feed's authors). */
  followeeIds(userId: string): Promise<string[]> {
    return this.follows.followeeIds(userId);
  }

  /** In the caller's transaction: a post was added (1) or removed (-1). */
  adjustPostCount(userId: string, delta: number): Promise<void> {
    return this.users.adjust(userId, 'postsCount', delta);
  }

  /** Summaries of many users by id, in two queries whatever their number. */
  async summaries(ids: string[]): Promise<Map<string, UserSummaryDto>> {
    const users = await this.users.findByIds([...new Set(ids)]);
    const avatars = await this.images.describe(
      users.flatMap((user) => (user.avatarImageId ? [user.avatarImageId] : [])),
    );
    return new Map(
      users.map((user) => [
        user.id,
        UserSummaryDto.from(user, avatars.get(user.avatarImageId ?? '')?.url ?? null),
      ]),
    );
  }

  async updateProfile(viewer: User, changes: UpdateProfileDto): Promise<PrivateUserDto> {
    const fields: Partial<Pick<User, 'firstName' | 'lastName' | 'bio' | 'avatarImageId'>> = {};
    if (changes.firstName !== undefined) fields.firstName = changes.firstName;
    if (changes.lastName !== undefined) fields.lastName = changes.lastName;
    if (changes.bio !== undefined) fields.bio = changes.bio;
    // Checked outside the transaction: reading from storage must not hold the database.
    const avatar = changes.avatarUploadId
      ? await this.images.verifyUpload(viewer.id, changes.avatarUploadId, 'avatarUploadId')
      : undefined;
    await this.db.run(async () => {
      if (avatar) {
        await this.images.attach(avatar);
        fields.avatarImageId = avatar.id;
      }
      if (Object.keys(fields).length > 0)
        await this.users.updateProfile(viewer.id, fields, new Date());
      if (avatar && viewer.avatarImageId) await this.images.discard([viewer.avatarImageId]);
    });
    const updated = await this.users.findById(viewer.id);
    if (!updated) throw new AppError(ErrorCode.Unauthenticated, 'Your account no longer exists.');
    return this.privateView(updated);
  }

  /** Replaces the password hash; every session holding the old generation stops working. */
  async replacePassword(user: User, passwordHash: string): Promise<User> {
    await this.users.replacePassword(user.id, passwordHash, new Date());
    const updated = await this.users.findById(user.id);
    if (!updated) throw new AppError(ErrorCode.Unauthenticated, 'Your account no longer exists.');
    return updated;
  }

  onAccountDeletion(step: AccountDeletionStep): void {
    this.deletionSteps.push(step);
  }

  /** One transaction: other modules' steps, then every image (queued for storage), then the user. */
  async deleteAccount(user: User): Promise<void> {
    await this.db.run(async () => {
      for (const step of this.deletionSteps) await step(user.id);
      await this.images.discardAllOf(user.id);
      await this.users.delete(user.id);
    });
  }

  private async avatarUrlOf(user: User): Promise<string | null> {
    if (!user.avatarImageId) return null;
    return (await this.images.describe([user.avatarImageId])).get(user.avatarImageId)?.url ?? null;
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
