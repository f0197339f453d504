import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import type { Viewer } from '../common/http/viewer.decorator';
import { TransactionHost } from '../database/transaction-host';
import { ImagePresenter } from '../images/image-presenter';
import { ImagesService } from '../images/images.service';
import { UploadsService } from '../images/uploads.service';
import { PrivateUserDto, ProfileDto, ProfileViewerDto, UserSummaryDto } from './dto/user.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { User } from './entities/user.entity';
import { type ProfileFields, UsersRepository } from './users.repository';
import { UsersService, nameKey } from './users.service';

/** Profiles: what people see of a user (and the user of themselves), and editing one's own. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly images: ImagesService,
    private readonly uploads: UploadsService,
    private readonly imagePresenter: ImagePresenter,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  /** The caller's own account, the only view that carries the email. */
  async ownAccount(viewer: Viewer): Promise<PrivateUserDto> {
    return this.accountOf(await this.users.findByIdOrGone(viewer.id));
  }

  /** The same, of an account the caller has just read in full (login): no second read. */
  async accountOf(user: User): Promise<PrivateUserDto> {
    return PrivateUserDto.fromUser(user, await this.avatarUrlOf(user));
  }

  /**
   * A user's profile with the caller's relation to them (null when nobody is signed in). Who
   * may see it is the visibility policy's call (src/relations), made before this.
   */
  async profileOf(user: User, viewer: ProfileViewerDto | null): Promise<ProfileDto> {
    return ProfileDto.fromUser(user, await this.avatarUrlOf(user), viewer);
  }

  /** Summaries of many users by id, in two queries whatever their number. */
  async summaries(ids: string[]): Promise<Map<string, UserSummaryDto>> {
    return this.summarize(await this.usersRepository.findSummariesByIds([...new Set(ids)]));
  }

  /** Which of these (lower-case) usernames belong to someone, in one query. */
  async existingUsernames(usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    return new Set((await this.idsByUsernames(usernames)).keys());
  }

  /** The ids of the users with these usernames, in one query. */
  idsByUsernames(usernames: string[]): Promise<Map<string, string>> {
    return this.usersRepository.idsByUsernames([...new Set(usernames)]);
  }

  /**
   * Users whose username, first or last name starts with `key` (lower-case, accent-free):
   * an exact username first, then the most followed.
   */
  async searchByPrefix(key: string, limit: number): Promise<UserSummaryDto[]> {
    // Suspended accounts are not searched (moderators reach them by name).
    const ranked = (await this.usersRepository.searchByPrefix(key, limit))
      .filter((user) => !user.suspendedAt)
      .sort(
        (a, b) =>
          Number(b.username === key) - Number(a.username === key) ||
          b.followersCount - a.followersCount,
      )
      .slice(0, limit);
    const summaries = await this.summarize(ranked);
    return ranked.flatMap((user) => summaries.get(user.id) ?? []);
  }

  /** The most followed accounts not suspended, most followed first (IDX_users_followers_count). */
  mostFollowed(limit: number): Promise<string[]> {
    return this.usersRepository.mostFollowed(limit);
  }

  private async summarize(users: User[]): Promise<Map<string, UserSummaryDto>> {
    const avatars = await this.imagePresenter.avatarUrls(
      users.flatMap((user) => (user.avatarImageId ? [user.avatarImageId] : [])),
    );
    return new Map(
      users.map((user) => [
        user.id,
        UserSummaryDto.from(user, avatars.get(user.avatarImageId ?? '') ?? null),
      ]),
    );
  }

  async updateProfile(viewer: Viewer, changes: UpdateProfileDto): Promise<PrivateUserDto> {
    const fields: Partial<ProfileFields> = {};
    if (changes.firstName !== undefined) {
      fields.firstName = changes.firstName;
      fields.firstNameKey = nameKey(changes.firstName);
    }
    if (changes.lastName !== undefined) {
      fields.lastName = changes.lastName;
      fields.lastNameKey = nameKey(changes.lastName);
    }
    if (changes.bio !== undefined) fields.bio = changes.bio;
    if (changes.private !== undefined) fields.private = changes.private;
    // Checked outside the transaction: reading from storage must not hold the database.
    const avatar = changes.avatarUploadId
      ? await this.uploads.verifyUpload(viewer.id, changes.avatarUploadId, 'avatarUploadId')
      : undefined;
    try {
      await this.db.run(async () => {
        // The old avatar is read under the row lock: two changes at once must not both see
        // the same old one (the first one's new avatar would be left attached to nothing).
        await this.db.lockRows(User, [viewer.id]);
        const current = await this.users.findByIdOrGone(viewer.id);
        const replaced = avatar ? current.avatarImageId : null;
        if (avatar) {
          await this.images.attach(avatar, 'avatar');
          fields.avatarImageId = avatar.id;
        }
        if (Object.keys(fields).length > 0)
          await this.usersRepository.updateProfile(viewer.id, fields, new Date());
        if (replaced) await this.images.discard([replaced]);
        // Relations accept the pending follow requests of an account that opens up.
        if (current.private && changes.private === false)
          await this.events.emit('account.madePublic', { userId: viewer.id });
      });
    } catch (error) {
      if (avatar) await this.images.abandon([avatar.storageKey]);
      throw error;
    }
    return this.ownAccount(viewer);
  }

  private async avatarUrlOf(user: User): Promise<string | null> {
    if (!user.avatarImageId) return null;
    const avatars = await this.imagePresenter.avatarUrls([user.avatarImageId]);
    return avatars.get(user.avatarImageId) ?? null;
  }
}
