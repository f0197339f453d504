import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../common/events/domain-event-map';
import { DomainEvents } from '../common/events/domain-events';
import { OnDomainEvent } from '../common/events/on-domain-event.decorator';
import { UsersService } from '../users/users.service';
import { PostMediaRepository } from './post-media.repository';
import { PostsRepository } from './posts.repository';

/**
 * A post goes from `processing` to `published` when its last photo is ready (it is then
 * counted on its author's profile and announced as `post.published`), or to `failed` when a
 * photo cannot be processed. Runs in the transaction that records the photo's outcome.
 */
@Injectable()
export class PostPublisher {
  constructor(
    private readonly postsRepository: PostsRepository,
    private readonly postMediaRepository: PostMediaRepository,
    private readonly users: UsersService,
    private readonly events: DomainEvents,
  ) {}

  @OnDomainEvent('image.processed')
  async photoProcessed({ imageId, failure }: DomainEventMap['image.processed']): Promise<void> {
    const postId = await this.postMediaRepository.findPostIdOf(imageId);
    if (!postId) return;
    const now = new Date();
    if (failure !== undefined) {
      await this.postsRepository.markFailed(postId, failure, now);
      return;
    }
    if (!(await this.postsRepository.photoReady(postId, now))) return;
    const post = await this.postsRepository.findById(postId);
    if (!post) return;
    await this.users.adjustPostCount(post.authorId, 1);
    await this.events.emit('post.published', { postId, authorId: post.authorId });
  }
}
