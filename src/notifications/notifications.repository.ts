import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { keysetPage } from '../common/pagination/keyset';
import type { Keyset, PageRequest } from '../common/pagination/page';
import { TransactionHost } from '../database/transaction-host';
import { type SqlCondition, ofEachPerson } from '../database/sql-condition';
import { Notification, type NotificationType } from './entities/notification.entity';

@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get notifications() {
    return this.db.repository(Notification);
  }

  async insert(notifications: Notification[]): Promise<void> {
    if (notifications.length > 0) await this.notifications.insert(notifications);
  }

  /** Takes back what an undone action told someone (an unlike, an unfollow). */
  async deleteFor(type: NotificationType, actorId: string, recipientId: string, postId?: string) {
    await this.notifications.delete({ type, actorId, recipientId, postId: postId ?? IsNull() });
  }

  /** Every notification about a comment (its `comment` and its mentions). */
  async deleteOfComment(commentId: string): Promise<void> {
    await this.notifications.delete({ commentId });
  }

  async deleteMentions(postId: string, commentId: string | null, recipientIds: string[]) {
    if (recipientIds.length === 0) return;
    await this.notifications.delete({
      type: 'mention',
      postId,
      commentId: commentId ?? IsNull(),
      recipientId: In(recipientIds),
    });
  }

  /**
   * Newest first (IDX_notifications_recipient_id_created_at_id), those whose actor (alias
   * `person`) the visibility condition lets through.
   */
  page(recipientId: string, page: PageRequest, visible: SqlCondition): Promise<Notification[]> {
    return keysetPage(this.visibleTo(recipientId, visible), 'notification', page).getMany();
  }

  private visibleTo(recipientId: string, visible: SqlCondition) {
    const person = ofEachPerson(visible, 'notification.actorId');
    return this.notifications
      .createQueryBuilder('notification')
      .where('notification.recipientId = :recipientId', { recipientId })
      .andWhere(person.sql, person.params);
  }

  /** Everything either of two people told the other. */
  async deleteBetween(a: string, b: string): Promise<void> {
    await this.notifications.delete({ actorId: a, recipientId: b });
    await this.notifications.delete({ actorId: b, recipientId: a });
  }

  findOwn(recipientId: string, id: string): Promise<Notification | null> {
    return this.notifications.findOneBy({ recipientId, id });
  }

  /**
   * Unread ones whose actor the visibility condition lets through: the
   * (recipient_id, is_read) index range, each row's actor checked by primary key.
   */
  unreadCount(recipientId: string, visible: SqlCondition): Promise<number> {
    return this.visibleTo(recipientId, visible)
      .andWhere('notification.read = :unread', { unread: false })
      .getCount();
  }

  /** Marks everything unread as read, or only what is not newer than `upTo`. */
  async markRead(recipientId: string, upTo?: Keyset): Promise<void> {
    const query = this.notifications
      .createQueryBuilder()
      .update()
      .set({ read: true })
      .where('recipient_id = :recipientId AND is_read = :unread', { recipientId, unread: false });
    if (upTo) {
      query.andWhere('created_at <= :time AND (created_at < :time OR id <= :id)', {
        time: upTo.createdAt,
        id: upTo.id,
      });
    }
    await query.execute();
  }
}
