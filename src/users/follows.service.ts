import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { AppError, ErrorCode, invalid, notFound } from '../common/errors/app-error';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import type { Viewer } from '../common/http/viewer.decorator';
import { TransactionHost } from '../database/transaction-host';
import { UserSummaryDto } from './dto/user.dto';
import type { Follow } from './entities/follow.entity';
import { User } from './entities/user.entity';
import { FollowsRepository } from './follows.repository';
import { ProfilesService } from './profiles.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const gone = () => new AppError(ErrorCode.Unauthenticated, 'Your account no longer exists.');

@Injectable()
export class FollowsService implements OnModuleInit {
  constructor(
    private readonly followsRepository: FollowsRepository,
    private readonly usersRepository: UsersRepository,
    private readonly users: UsersService,
    private readonly profiles: ProfilesService,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.users.onAccountDeletion((userId) => this.followsRepository.removeAllOf(userId));
  }

  /** Ids of the people a user follows (the home feed's authors). */
  followeeIds(userId: string): Promise<string[]> {
    return this.followsRepository.followeeIds(userId);
  }

  /** Ids of the people who follow a user (a post's fan-out). */
  followerIds(userId: string): Promise<string[]> {
    return this.followsRepository.followerIds(userId);
  }

  /** Which of `candidateIds` the user follows. */
  followedAmong(userId: string, candidateIds: string[]): Promise<Set<string>> {
    return this.followsRepository.followedAmong(userId, candidateIds);
  }

  /** Accounts followed by more than `count` people. */
  accountsWithFollowersOver(count: number): Promise<string[]> {
    return this.usersRepository.idsWithFollowersOver(count);
  }

  /** Idempotent: following someone already followed changes nothing. */
  async follow(viewer: Viewer, username: string): Promise<void> {
    const target = await this.targetOf(viewer, username);
    await this.db.run(async () => {
      const present = await this.db.lockExisting(User, [viewer.id, target.id]);
      if (!present.has(target.id)) throw notFound('User');
      if (!present.has(viewer.id)) throw gone();
      const followedAt = new Date();
      const inserted = await this.followsRepository.insert({
        id: newId(),
        followerId: viewer.id,
        followeeId: target.id,
        createdAt: followedAt,
      });
      if (!inserted) return;
      await this.usersRepository.adjust(viewer.id, 'followingCount', 1);
      await this.usersRepository.adjust(target.id, 'followersCount', 1);
      await this.events.emit('follow.added', { followerId: viewer.id, followeeId: target.id });
    });
  }

  /** Idempotent: unfollowing someone not followed changes nothing. */
  async unfollow(viewer: Viewer, username: string): Promise<void> {
    const target = await this.targetOf(viewer, username);
    await this.db.run(async () => {
      const present = await this.db.lockExisting(User, [viewer.id, target.id]);
      if (!present.has(viewer.id) || !present.has(target.id)) return;
      if (!(await this.followsRepository.delete(viewer.id, target.id))) return;
      await this.usersRepository.adjust(viewer.id, 'followingCount', -1);
      await this.usersRepository.adjust(target.id, 'followersCount', -1);
      await this.events.emit('follow.removed', { followerId: viewer.id, followeeId: target.id });
    });
  }

  async followers(username: string, query: PageQueryDto): Promise<Page<UserSummaryDto>> {
    const user = await this.users.findByUsernameOrFail(username);
    const page = pageRequest(query);
    return this.summarize(
      await this.followsRepository.followersPage(user.id, page),
      page.limit,
      (follow) => follow.followerId,
    );
  }

  async following(username: string, query: PageQueryDto): Promise<Page<UserSummaryDto>> {
    const user = await this.users.findByUsernameOrFail(username);
    const page = pageRequest(query);
    return this.summarize(
      await this.followsRepository.followingPage(user.id, page),
      page.limit,
      (follow) => follow.followeeId,
    );
  }

  private async targetOf(viewer: Viewer, username: string): Promise<User> {
    const target = await this.users.findByUsernameOrFail(username);
    if (target.id === viewer.id)
      throw invalid([{ field: 'username', message: 'You cannot follow yourself.' }]);
    return target;
  }

  private async summarize(
    rows: Follow[],
    limit: number,
    other: (follow: Follow) => string,
  ): Promise<Page<UserSummaryDto>> {
    const page = toPage(rows, limit, (visible) => visible);
    const summaries = await this.profiles.summaries(page.items.map(other));
    return {
      items: page.items.flatMap((follow) => summaries.get(other(follow)) ?? []),
      nextCursor: page.nextCursor,
    };
  }
}
