import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/http/viewer.decorator';
import { TransactionHost } from '../database/transaction-host';
import { ImagePresenter } from '../images/image-presenter';
import { ImagesService } from '../images/images.service';
import { UploadsService } from '../images/uploads.service';
import { PrivateUserDto, ProfileDto, UserSummaryDto } from './dto/user.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { User } from './entities/user.entity';
import { FollowsRepository } from './follows.repository';
import { type ProfileFields, UsersRepository } from './users.repository';
import { UsersService, nameKey } from './users.service';

/** Profiles: what people see of a user (and the user of themselves), and editing one's own. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly followsRepository: FollowsRepository,
    private readonly images: ImagesService,
    private readonly uploads: UploadsService,
    private readonly imagePresenter: ImagePresenter,
    private readonly db: TransactionHost,
  ) {}

  /** The caller's own account, the only view that carries the email. */
  async ownAccount(viewer: Viewer): Promise<PrivateUserDto> {
    const user = await this.users.findByIdOrGone(viewer.id);
    return PrivateUserDto.fromUser(user, await this.avatarUrlOf(user));
  }

  async getProfile(username: string, viewer?: Viewer): Promise<ProfileDto> {
    const user = await this.users.findByUsernameOrFail(username);
    const following = viewer
      ? (await this.followsRepository.followedAmong(viewer.id, [user.id])).has(user.id)
      : false;
    return ProfileDto.fromUser(
      user,
      await this.avatarUrlOf(user),
      viewer
        ? { following, requested: false, followedBy: false, blocking: false, muting: false }
        : null,
    );
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
    const ranked = (await this.usersRepository.searchByPrefix(key, limit))
      .sort(
        (a, b) =>
          Number(b.username === key) - Number(a.username === key) ||
          b.followersCount - a.followersCount,
      )
      .slice(0, limit);
    const summaries = await this.summarize(ranked);
    return ranked.flatMap((user) => summaries.get(user.id) ?? []);
  }

  /**
   * People `viewerId` might follow: those followed by the people they follow (the most shared
   * first), then the most followed; never themselves, anyone they follow, or `hidden`.
   */
  async suggestionsFor(
    viewerId: string,
    limit: number,
    hidden: ReadonlySet<string>,
  ): Promise<UserSummaryDto[]> {
    const exclude = new Set([viewerId, ...hidden]);
    const wanted = limit + exclude.size;
    const [friendsOfFriends, popular] = await Promise.all([
      this.followsRepository.followedByFollowees(viewerId, wanted),
      this.usersRepository.mostFollowedNotFollowedBy(viewerId, wanted),
    ]);
    const ids = [...new Set([...friendsOfFriends, ...popular])]
      .filter((id) => !exclude.has(id))
      .slice(0, limit);
    const summaries = await this.summaries(ids);
    return ids.flatMap((id) => summaries.get(id) ?? []);
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
    // Checked outside the transaction: reading from storage must not hold the database.
    const avatar = changes.avatarUploadId
      ? await this.uploads.verifyUpload(viewer.id, changes.avatarUploadId, 'avatarUploadId')
      : undefined;
    try {
      await this.db.run(async () => {
        // The old avatar is read under the row lock: two changes at once must not both see
        // the same old one (the first one's new avatar would be left attached to nothing).
        await this.db.lockRows(User, [viewer.id]);
        const replaced = avatar ? (await this.users.findByIdOrGone(viewer.id)).avatarImageId : null;
        if (avatar) {
          await this.images.attach(avatar, 'avatar');
          fields.avatarImageId = avatar.id;
        }
        if (Object.keys(fields).length > 0)
          await this.usersRepository.updateProfile(viewer.id, fields, new Date());
        if (replaced) await this.images.discard([replaced]);
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
