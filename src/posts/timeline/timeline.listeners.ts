import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../../common/events/domain-event-map';
import { OnDomainEvent } from '../../common/events/on-domain-event.decorator';
import { JobQueue } from '../../jobs/job-queue';
import type { JobPayloads } from '../../jobs/job-payloads';
import { OnJob } from '../../jobs/on-job.decorator';
import { TimelineService } from './timeline.service';

/**
 * Keeps the home timelines in step with posts and follows. The author's own entry, a new
 * follow's backfill (a bounded number of rows) and an unfollow's removal happen in the
 * change's transaction; the fan-out to every follower, unbounded, is a job.
 */
@Injectable()
export class TimelineListeners {
  constructor(
    private readonly timeline: TimelineService,
    private readonly jobs: JobQueue,
  ) {}

  @OnDomainEvent('post.published')
  async published({ postId }: DomainEventMap['post.published']): Promise<void> {
    await this.timeline.addToAuthor(postId);
    await this.jobs.enqueue('timeline.fanout', { postId });
  }

  @OnJob('timeline.fanout')
  async fanOut({ postId }: JobPayloads['timeline.fanout']): Promise<void> {
    await this.timeline.fanOut(postId);
  }

  /** At most BACKFILL_POSTS rows: done with the follow, so the feed shows them at once. */
  @OnDomainEvent('follow.added')
  async followed({ followerId, followeeId }: DomainEventMap['follow.added']): Promise<void> {
    this.timeline.followsChanged(followerId);
    await this.timeline.backfill(followerId, followeeId);
  }

  @OnDomainEvent('follow.removed')
  async unfollowed({ followerId, followeeId }: DomainEventMap['follow.removed']): Promise<void> {
    this.timeline.followsChanged(followerId);
    await this.timeline.removeAuthor(followerId, followeeId);
  }

  /** The muter's timeline loses the muted person's posts at once (a bounded delete). */
  @OnDomainEvent('user.muted')
  async muted({ muterId, mutedId }: DomainEventMap['user.muted']): Promise<void> {
    await this.timeline.removeAuthor(muterId, mutedId);
  }

  /** Their latest posts come back by a job, as a follow's backfill does. */
  @OnDomainEvent('user.unmuted')
  async unmuted({ muterId, mutedId }: DomainEventMap['user.unmuted']): Promise<void> {
    await this.jobs.enqueue('timeline.backfill', { userId: muterId, authorId: mutedId });
  }

  @OnJob('timeline.backfill')
  async refill({ userId, authorId }: JobPayloads['timeline.backfill']): Promise<void> {
    await this.timeline.backfill(userId, authorId);
  }

  @OnDomainEvent('user.blocked')
  async blocked({ blockerId, blockedId }: DomainEventMap['user.blocked']): Promise<void> {
    await this.timeline.removeAuthor(blockerId, blockedId);
    await this.timeline.removeAuthor(blockedId, blockerId);
  }
}
