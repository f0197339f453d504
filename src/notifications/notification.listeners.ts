import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../common/events/domain-event-map';
import { OnDomainEvent } from '../common/events/on-domain-event.decorator';
import { NotificationsService } from './notifications.service';

/** What goes into the inbox, written in the transaction of the change it tells. */
@Injectable()
export class NotificationListeners {
  constructor(private readonly notifications: NotificationsService) {}

  @OnDomainEvent('like.added')
  liked({ postId, postAuthorId, userId }: DomainEventMap['like.added']): Promise<void> {
    return this.notifications.tell([
      { type: 'like', actorId: userId, recipientId: postAuthorId, postId },
    ]);
  }

  @OnDomainEvent('like.removed')
  unliked({ postId, postAuthorId, userId }: DomainEventMap['like.removed']): Promise<void> {
    return this.notifications.takeBack('like', userId, postAuthorId, postId);
  }

  @OnDomainEvent('comment.added')
  commented(event: DomainEventMap['comment.added']): Promise<void> {
    return this.notifications.tell([
      {
        type: 'comment',
        actorId: event.userId,
        recipientId: event.postAuthorId,
        postId: event.postId,
        commentId: event.commentId,
      },
    ]);
  }

  @OnDomainEvent('comment.deleted')
  commentDeleted({ commentId }: DomainEventMap['comment.deleted']): Promise<void> {
    return this.notifications.commentDeleted(commentId);
  }

  @OnDomainEvent('follow.added')
  followed({ followerId, followeeId }: DomainEventMap['follow.added']): Promise<void> {
    return this.notifications.tell([
      { type: 'follow', actorId: followerId, recipientId: followeeId },
    ]);
  }

  @OnDomainEvent('follow.removed')
  unfollowed({ followerId, followeeId }: DomainEventMap['follow.removed']): Promise<void> {
    return this.notifications.takeBack('follow', followerId, followeeId);
  }

  @OnDomainEvent('follow.requested')
  requested({ requesterId, targetId }: DomainEventMap['follow.requested']): Promise<void> {
    return this.notifications.tell([
      { type: 'follow_request', actorId: requesterId, recipientId: targetId },
    ]);
  }

  @OnDomainEvent('follow.requestRemoved')
  requestRemoved({ requesterId, targetId }: DomainEventMap['follow.requestRemoved']) {
    return this.notifications.takeBack('follow_request', requesterId, targetId);
  }

  /** `follow.added` told the owner `follow`; their `follow_request` goes, the requester hears. */
  @OnDomainEvent('follow.accepted')
  async accepted({ followerId, followeeId }: DomainEventMap['follow.accepted']): Promise<void> {
    await this.notifications.takeBack('follow_request', followerId, followeeId);
    await this.notifications.tell([
      { type: 'follow_accepted', actorId: followeeId, recipientId: followerId },
    ]);
  }

  @OnDomainEvent('user.blocked')
  blocked({ blockerId, blockedId }: DomainEventMap['user.blocked']): Promise<void> {
    return this.notifications.betweenRemoved(blockerId, blockedId);
  }

  @OnDomainEvent('mention.added')
  mentioned({ postId, commentId, actorId, userIds }: DomainEventMap['mention.added']) {
    return this.notifications.tell(
      userIds.map((recipientId) => ({
        type: 'mention' as const,
        actorId,
        recipientId,
        postId,
        commentId: commentId ?? undefined,
      })),
    );
  }

  @OnDomainEvent('mention.removed')
  unmentioned({ postId, commentId, userIds }: DomainEventMap['mention.removed']) {
    return this.notifications.mentionsDropped(postId, commentId, userIds);
  }
}
