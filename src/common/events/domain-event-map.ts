/**
 * Every domain event and its payload. Payloads carry ids, never entities: a listener reads
 * what it needs through its own module. Events are emitted after the change, inside the
 * transaction that made it (see DomainEvents).
 */
export interface DomainEventMap {
  /** An image's processing finished: its variants are ready, or `failure` says why not. */
  'image.processed': { imageId: string; ownerId: string; failure?: string };
  /** A post became visible in feeds (published, or created when there is no processing). */
  'post.published': { postId: string; authorId: string };
  /** A post's caption (or other content) was edited. */
  'post.updated': { postId: string; authorId: string };
  'post.deleted': { postId: string; authorId: string };
  /** `userId` liked the post of `postAuthorId`. */
  'like.added': { postId: string; postAuthorId: string; userId: string };
  'like.removed': { postId: string; postAuthorId: string; userId: string };
  /** `userId` commented on the post of `postAuthorId`. */
  'comment.added': { commentId: string; postId: string; postAuthorId: string; userId: string };
  'comment.deleted': { commentId: string; postId: string; postAuthorId: string; userId: string };
  'follow.added': { followerId: string; followeeId: string };
  'follow.removed': { followerId: string; followeeId: string };
  /** Follows both ways and pending requests are already gone (their own events were emitted). */
  'user.blocked': { blockerId: string; blockedId: string };
  /** `muterId` no longer sees the posts and notifications of `mutedId`. */
  'user.muted': { muterId: string; mutedId: string };
  'user.unmuted': { muterId: string; mutedId: string };
  /** `requesterId` asked to follow the private account `targetId`. */
  'follow.requested': { requesterId: string; targetId: string };
  /** A pending request was withdrawn, declined, or dropped by a block. */
  'follow.requestRemoved': { requesterId: string; targetId: string };
  /** The request became a follow (`follow.added` was emitted just before). */
  'follow.accepted': { followerId: string; followeeId: string };
  /** A private account switched to public. */
  'account.madePublic': { userId: string };
  /** A caption (`commentId` null) or a comment by `actorId` newly names these users. */
  'mention.added': {
    postId: string;
    commentId: string | null;
    actorId: string;
    userIds: string[];
  };
  /** An edited caption no longer names these users. */
  'mention.removed': {
    postId: string;
    commentId: string | null;
    actorId: string;
    userIds: string[];
  };
  /** Emitted before the account's rows go, so listeners can still read what they must undo. */
  'account.deleted': { userId: string };
}

export type DomainEventName = keyof DomainEventMap;

export type DomainEventListener<K extends DomainEventName> = (
  payload: DomainEventMap[K],
) => Promise<void> | void;
