import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../../config/configuration';
import { TransactionHost } from '../../database/transaction-host';
import { FollowsService } from '../../relations/follows.service';
import { UsersService } from '../../users/users.service';
import { PostsRepository } from '../posts.repository';
import { FollowedLargeAccounts, LargeAccounts } from './large-accounts';
import { TimelineEntry } from './timeline-entry.entity';
import { TimelineRepository } from './timeline.repository';

/** How many of an account's latest posts a new follower's timeline receives. */
export const BACKFILL_POSTS = 200;

interface PostPosition {
  id: string;
  authorId: string;
  createdAt: Date;
}

const entryFor = (userId: string, post: PostPosition): TimelineEntry =>
  Object.assign(new TimelineEntry(), {
    userId,
    postId: post.id,
    authorId: post.authorId,
    createdAt: post.createdAt,
  });

/**
 * The home timeline, fanned out on write: a published post goes into its author's timeline at
 * once and into every follower's by a job; following someone backfills their latest posts,
 * unfollowing or blocking takes them out. Accounts over TIMELINE_FANOUT_LIMIT followers are
 * not fanned out but merged in when a follower reads the feed.
 */
@Injectable()
export class TimelineService {
  private readonly fanoutLimit: number;
  private readonly largeAccounts: LargeAccounts;
  private readonly followedLarge: FollowedLargeAccounts;

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly db: TransactionHost,
    private readonly timelineRepository: TimelineRepository,
    private readonly postsRepository: PostsRepository,
    private readonly follows: FollowsService,
    private readonly users: UsersService,
  ) {
    this.fanoutLimit = config.get('feeds', { infer: true }).fanoutLimit;
    this.largeAccounts = new LargeAccounts(() =>
      follows.accountsWithFollowersOver(this.fanoutLimit),
    );
    this.followedLarge = new FollowedLargeAccounts(this.largeAccounts, (followerId, ids) =>
      follows.followedAmong(followerId, ids),
    );
  }

  /** In the publishing transaction: the author sees their post in their own feed at once. */
  async addToAuthor(postId: string): Promise<void> {
    const post = await this.postsRepository.findById(postId);
    if (post) await this.timelineRepository.add([entryFor(post.authorId, post)]);
  }

  /** The fan-out job: the post into every follower's timeline, unless its author is large. */
  async fanOut(postId: string): Promise<void> {
    const post = await this.postsRepository.findById(postId);
    if (!post || (await this.isLarge(post.authorId))) return;
    const followers = await this.follows.followerIds(post.authorId);
    await this.timelineRepository.add(followers.map((userId) => entryFor(userId, post)));
  }

  /** In the follow's transaction: a new follower receives the followee's latest posts. */
  async backfill(followerId: string, followeeId: string): Promise<void> {
    if (await this.isLarge(followeeId)) return;
    const following = await this.follows.followedAmong(followerId, [followeeId]);
    if (!following.has(followeeId)) return;
    const posts = await this.postsRepository.latestOf(followeeId, BACKFILL_POSTS);
    await this.timelineRepository.add(posts.map((post) => entryFor(followerId, post)));
  }

  /** In the unfollow's (or block's, or mute's) transaction. */
  async removeAuthor(userId: string, authorId: string): Promise<void> {
    await this.timelineRepository.removeAuthor(userId, authorId);
  }

  /** Writes ask the author's row itself; reads use the set of large accounts (a minute old at most). */
  private async isLarge(userId: string): Promise<boolean> {
    const user = await this.users.findById(userId);
    return user !== null && user.followersCount > this.fanoutLimit;
  }

  /**
   * Whose posts a home page merges in: the large accounts the viewer follows (none while the
   * instance has no large account), read at most once a minute per viewer.
   */
  mergedAuthors(viewerId: string): Promise<string[]> {
    return this.followedLarge.of(viewerId);
  }

  /**
   * In the transaction of a change to whom the user follows (a follow, an unfollow, either
   * way of a block): their merged authors are read again, now and once the change has
   * committed (a read in between would still see the old follows).
   */
  followsChanged(userId: string): void {
    this.followedLarge.forget(userId);
    this.db.afterCommit(() => this.followedLarge.forget(userId));
  }
}
