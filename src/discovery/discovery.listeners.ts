import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../common/events/domain-event-map';
import { DomainEvents } from '../common/events/domain-events';
import { OnDomainEvent } from '../common/events/on-domain-event.decorator';
import { CommentsService } from '../posts/comments.service';
import { PostsService } from '../posts/posts.service';
import { type MentioningText, MentionsService } from './mentions.service';
import { TagsService } from './tags.service';

type PostEvent = DomainEventMap['post.published'];
type CommentEvent = DomainEventMap['comment.added'];

/**
 * Keeps tags and mentions in step with posts and comments, inside the transaction of each
 * change, and tells the inbox whom a text newly mentions (or no longer does).
 */
@Injectable()
export class DiscoveryListeners {
  constructor(
    private readonly tags: TagsService,
    private readonly mentions: MentionsService,
    private readonly posts: PostsService,
    private readonly comments: CommentsService,
    private readonly events: DomainEvents,
  ) {}

  /** A new post has no tags or mentions recorded yet: nothing to read back. */
  @OnDomainEvent('post.published')
  async published({ postId }: PostEvent): Promise<void> {
    await this.captionWritten(postId, true);
  }

  @OnDomainEvent('post.updated')
  async updated({ postId }: PostEvent): Promise<void> {
    await this.captionWritten(postId, false);
  }

  private async captionWritten(postId: string, fresh: boolean): Promise<void> {
    const post = await this.posts.publishedCaption(postId);
    if (!post) return;
    const indexed = { postId, authorId: post.authorId, createdAt: post.createdAt };
    await this.tags.index({ ...indexed, caption: post.caption }, fresh);
    await this.recordMentions(
      { postId, commentId: null, authorId: post.authorId, text: post.caption },
      fresh,
    );
  }

  @OnDomainEvent('post.deleted')
  async postDeleted({ postId }: DomainEventMap['post.deleted']): Promise<void> {
    await this.tags.unindex(postId);
  }

  @OnDomainEvent('comment.added')
  async commentAdded({ commentId, postId, userId }: CommentEvent): Promise<void> {
    const body = (await this.comments.bodies([commentId])).get(commentId);
    if (body === undefined) return;
    await this.recordMentions({ postId, commentId, authorId: userId, text: body }, true);
  }

  private async recordMentions(text: MentioningText, fresh: boolean): Promise<void> {
    const { added, removed } = await this.mentions.record(text, fresh);
    const about = { postId: text.postId, commentId: text.commentId, actorId: text.authorId };
    if (added.length > 0) await this.events.emit('mention.added', { ...about, userIds: added });
    if (removed.length > 0)
      await this.events.emit('mention.removed', { ...about, userIds: removed });
  }
}
