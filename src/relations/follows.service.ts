import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { AppError, ErrorCode, forbidden, invalid, notFound } from '../common/errors/app-error';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import type { Viewer } from '../common/http/viewer.decorator';
import { TransactionHost } from '../database/transaction-host';
import type { UserSummaryDto } from '../users/dto/user.dto';
import { User } from '../users/entities/user.entity';
import { ProfilesService } from '../users/profiles.service';
import { UsersService } from '../users/users.service';
import type { Follow } from './entities/follow.entity';
import { FollowRequestsRepository } from './follow-requests.repository';
import { FollowsRepository } from './follows.repository';
import { VisibilityPolicy } from './visibility.policy';

const gone = () => new AppError(ErrorCode.Unauthenticated, 'Your account no longer exists.');

/** What `PUT …/follow` did: a follow, or a request the private account must accept. */
export type FollowOutcome = { status: 'following' } | { status: 'requested' };

/**
 * Following and the follow lists. Following a private account files a request instead
 * (FollowRequestsService accepts or declines it); a blocked pair cannot follow each other.
 */
@Injectable()
export class FollowsService implements OnModuleInit {
  constructor(
    private readonly followsRepository: FollowsRepository,
    private readonly requestsRepository: FollowRequestsRepository,
    private readonly users: UsersService,
    private readonly profiles: ProfilesService,
    private readonly visibility: VisibilityPolicy,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.users.onAccountDeletion((userId) => this.followsRepository.removeAllOf(userId));
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
    return this.users.idsWithFollowersOver(count);
  }

  /** Whom the people `userId` follows follow (and `userId` does not), the most shared first. */
  followedByFollowees(userId: string, limit: number): Promise<string[]> {
    return this.followsRepository.followedByFollowees(userId, limit);
  }

  /**
   * Idempotent: following someone already followed changes nothing. A private account gets a
   * request (again `requested` while it is pending). Someone who blocks the viewer is a 404
   * (as their profile is); someone the viewer blocks, a 403.
   */
  async follow(viewer: Viewer, username: string): Promise<FollowOutcome> {
    const target = await this.targetOf(viewer, username);
    const relation = await this.visibility.assertProfile(viewer, target);
    if (relation.blocking) throw forbidden('Unblock this account to follow it.');
    if (target.private && !relation.following) {
      await this.request(viewer, target);
      return { status: 'requested' };
    }
    await this.db.run(async () => {
      await this.lockBoth(viewer.id, target.id);
      await this.add(viewer.id, target.id);
    });
    return { status: 'following' };
  }

  /** Idempotent: stops following, or withdraws a pending request. */
  async unfollow(viewer: Viewer, username: string): Promise<void> {
    const target = await this.targetOf(viewer, username);
    await this.db.run(async () => {
      const present = await this.db.lockExisting(User, [viewer.id, target.id]);
      if (!present.has(viewer.id) || !present.has(target.id)) return;
      // A follow and a pending request never exist together: the request is only looked for
      // when there was no follow.
      if (!(await this.remove(viewer.id, target.id))) await this.withdraw(viewer.id, target.id);
    });
  }

  /**
   * In the caller's transaction (both users locked): `followerId` follows `followeeId`, both
   * counters move and `follow.added` is told; false when the follow was there already.
   */
  async add(followerId: string, followeeId: string): Promise<boolean> {
    const inserted = await this.followsRepository.insert({
      id: newId(),
      followerId,
      followeeId,
      createdAt: new Date(),
    });
    if (!inserted) return false;
    await this.users.adjustFollowCounts(followerId, followeeId, 1);
    await this.events.emit('follow.added', { followerId, followeeId });
    return true;
  }

  /** In the caller's transaction: the follow goes, if there was one (true then). */
  async remove(followerId: string, followeeId: string): Promise<boolean> {
    if (!(await this.followsRepository.delete(followerId, followeeId))) return false;
    await this.users.adjustFollowCounts(followerId, followeeId, -1);
    await this.events.emit('follow.removed', { followerId, followeeId });
    return true;
  }

  /** In the caller's transaction: a pending request goes, if there was one. */
  async withdraw(requesterId: string, targetId: string): Promise<boolean> {
    if (!(await this.requestsRepository.delete(requesterId, targetId))) return false;
    await this.events.emit('follow.requestRemoved', { requesterId, targetId });
    return true;
  }

  /** In the caller's transaction: locks both accounts, in id order; 404 or 401 when one is gone. */
  async lockBoth(viewerId: string, otherId: string): Promise<void> {
    const present = await this.db.lockExisting(User, [viewerId, otherId]);
    if (!present.has(otherId)) throw notFound('User');
    if (!present.has(viewerId)) throw gone();
  }

  async followers(
    username: string,
    query: PageQueryDto,
    viewer?: Viewer,
  ): Promise<Page<UserSummaryDto>> {
    return this.listOf(username, query, viewer, 'followers');
  }

  async following(
    username: string,
    query: PageQueryDto,
    viewer?: Viewer,
  ): Promise<Page<UserSummaryDto>> {
    return this.listOf(username, query, viewer, 'following');
  }

  /** One of the user's follow lists, newest first, as the viewer may see it. */
  private async listOf(
    username: string,
    query: PageQueryDto,
    viewer: Viewer | undefined,
    list: 'followers' | 'following',
  ): Promise<Page<UserSummaryDto>> {
    const page = pageRequest(query);
    const user = await this.listedUser(username, viewer);
    if (!user) return { items: [], nextCursor: null };
    const visible = this.visibility.peopleCondition(viewer, false);
    return list === 'followers'
      ? this.summarize(
          await this.followsRepository.followersPage(user.id, page, visible),
          page.limit,
          (follow) => follow.followerId,
        )
      : this.summarize(
          await this.followsRepository.followingPage(user.id, page, visible),
          page.limit,
          (follow) => follow.followeeId,
        );
  }

  /** The user whose lists the viewer may see; null when they see the profile only; else 404. */
  private async listedUser(username: string, viewer?: Viewer): Promise<User | null> {
    const user = await this.users.findByUsernameOrFail(username);
    const { access } = await this.visibility.access(viewer, user);
    if (access === 'none') throw notFound('User');
    return access === 'content' ? user : null;
  }

  private async request(viewer: Viewer, target: User): Promise<void> {
    await this.db.run(async () => {
      await this.lockBoth(viewer.id, target.id);
      const inserted = await this.requestsRepository.insert({
        id: newId(),
        requesterId: viewer.id,
        targetId: target.id,
        createdAt: new Date(),
      });
      if (inserted)
        await this.events.emit('follow.requested', {
          requesterId: viewer.id,
          targetId: target.id,
        });
    });
  }

  private async targetOf(viewer: Viewer, username: string): Promise<User> {
    const target = await this.users.findByUsernameOrFail(username);
    if (target.id === viewer.id)
      throw invalid([{ field: 'username', message: 'You cannot follow yourself.' }]);
    return target;
  }

  /** Summaries of the page's people (read under the policy's condition). */
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
