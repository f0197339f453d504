import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors/app-error';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import { CommentsService } from '../posts/comments.service';
import { PostReadsService } from '../posts/post-reads.service';
import { VisibilityPolicy } from '../relations/visibility.policy';
import type { Viewer } from '../common/http/viewer.decorator';
import { ProfilesService } from '../users/profiles.service';
import type { MarkReadDto, NotificationDto, UnreadCountDto } from './dto/notification.dto';
import { Notification, type NotificationType } from './entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';

interface NewNotification {
  type: NotificationType;
  actorId: string;
  recipientId: string;
  postId?: string;
  commentId?: string;
}

/**
 * The inbox. Rows are written in the transaction of what they tell (the listeners below run
 * inside it) and taken back when the action is undone; nobody is told of their own actions.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly users: ProfilesService,
    private readonly posts: PostReadsService,
    private readonly comments: CommentsService,
    private readonly visibility: VisibilityPolicy,
  ) {}

  /**
   * In the caller's transaction. Nobody hears of their own actions, nor of someone they are in
   * a block with or mute.
   */
  async tell(items: NewNotification[], at = new Date()): Promise<void> {
    const told: NewNotification[] = [];
    for (const item of items) {
      if (item.actorId === item.recipientId) continue;
      if (await this.visibility.silenced(item.recipientId, item.actorId)) continue;
      told.push(item);
    }
    await this.notifications.insert(
      told.map((item) =>
        Object.assign(new Notification(), {
          id: newId(),
          type: item.type,
          actorId: item.actorId,
          recipientId: item.recipientId,
          postId: item.postId ?? null,
          commentId: item.commentId ?? null,
          read: false,
          createdAt: at,
        }),
      ),
    );
  }

  /**
   * In the caller's transaction: an unlike, an unfollow or a request withdrawn takes its
   * notification back.
   */
  async takeBack(
    type: 'like' | 'follow' | 'follow_request',
    actorId: string,
    recipientId: string,
    postId?: string,
  ) {
    await this.notifications.deleteFor(type, actorId, recipientId, postId);
  }

  /** In the caller's transaction, before the comment goes. */
  async commentDeleted(commentId: string): Promise<void> {
    await this.notifications.deleteOfComment(commentId);
  }

  /** In the block's transaction: what the pair told each other goes. */
  async betweenRemoved(a: string, b: string): Promise<void> {
    await this.notifications.deleteBetween(a, b);
  }

  async mentionsDropped(postId: string, commentId: string | null, userIds: string[]) {
    await this.notifications.deleteMentions(postId, commentId, userIds);
  }

  /** Newest first; what people the policy hides from the viewer did is left out (a mute too). */
  async page(viewer: Viewer, query: PageQueryDto): Promise<Page<NotificationDto>> {
    const visible = this.visibility.peopleCondition(viewer, true);
    const request = pageRequest(query);
    const rows = await this.notifications.page(viewer.id, request, visible);
    const page = toPage(rows, request.limit, (visible) => visible);
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  async unreadCount(viewer: Viewer): Promise<UnreadCountDto> {
    const visible = this.visibility.peopleCondition(viewer, true);
    return { count: await this.notifications.unreadCount(viewer.id, visible) };
  }

  async markRead(viewer: Viewer, dto: MarkReadDto): Promise<void> {
    let upTo: Notification | undefined;
    if (dto.upTo) {
      upTo = (await this.notifications.findOwn(viewer.id, dto.upTo)) ?? undefined;
      if (!upTo) throw notFound('Notification');
    }
    await this.notifications.markRead(viewer.id, upTo);
  }

  /** Actors, posts' thumbnails and comments' bodies: a fixed number of queries per page. */
  private async present(rows: Notification[]): Promise<NotificationDto[]> {
    const [actors, thumbnails, bodies] = await Promise.all([
      this.users.summaries(rows.map((row) => row.actorId)),
      this.posts.thumbnails(rows.flatMap((row) => (row.postId ? [row.postId] : []))),
      this.comments.bodies(rows.flatMap((row) => (row.commentId ? [row.commentId] : []))),
    ]);
    return rows.flatMap((row) => {
      const actor = actors.get(row.actorId);
      if (!actor) return [];
      const item: NotificationDto = {
        id: row.id,
        type: row.type,
        actor,
        createdAt: row.createdAt.toISOString(),
        read: row.read,
      };
      if (row.postId)
        item.post = { id: row.postId, thumbnailUrl: thumbnails.get(row.postId) ?? null };
      const body = row.commentId ? bodies.get(row.commentId) : undefined;
      if (row.commentId && body !== undefined) item.comment = { id: row.commentId, body };
      return [item];
    });
  }
}
