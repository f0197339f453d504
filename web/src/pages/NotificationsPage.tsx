import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { api, type Notification, type Page } from '../api';
import { Avatar } from '../components/Avatar';
import { PagedList } from '../components/InfiniteFeed';
import { loginPath, useSession } from '../session';
import { useTitle } from '../title';
import { useUnread } from '../unread';

const DAY = 24 * 60 * 60 * 1000;

/** The heading a notification goes under, by how long ago it happened. */
export function timeGroup(createdAt: string, now = new Date()): string {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const at = new Date(createdAt).getTime();
  if (at >= startOfToday) return 'Today';
  if (at >= startOfToday - DAY) return 'Yesterday';
  if (at >= startOfToday - 6 * DAY) return 'This week';
  if (at >= startOfToday - 29 * DAY) return 'This month';
  return 'Earlier';
}

/** What happened, in words, after the actor's name. */
function whatHappened(notification: Notification): string {
  switch (notification.type) {
    case 'like':
      return 'liked your post.';
    case 'comment':
      return 'commented:';
    case 'mention':
      return notification.comment ? 'mentioned you in a comment:' : 'mentioned you in a post.';
    case 'follow':
      return 'started following you.';
    case 'follow_request':
      return 'asked to follow you.';
    case 'follow_accepted':
      return 'accepted your follow request.';
  }
}

/** Where a notification leads: the post it is about, else the person. */
function target(notification: Notification): string {
  if (notification.type === 'follow_request') return '/follow-requests';
  return notification.post ? `/p/${notification.post.id}` : `/u/${notification.actor.username}`;
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { actor, post, comment } = notification;
  const when = new Date(notification.createdAt);
  return (
    <Link
      to={target(notification)}
      className={notification.read ? 'notification' : 'notification unread'}
    >
      <Avatar user={actor} size={44} />
      <span className="notification-text">
        <strong>{actor.username}</strong> {whatHappened(notification)}
        {comment && <span className="quote"> “{comment.body}”</span>}{' '}
        <time className="muted" dateTime={notification.createdAt}>
          {when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
        {!notification.read && <span className="visually-hidden"> (new)</span>}
      </span>
      {post && (
        <span className="notification-thumb" aria-hidden="true">
          {post.thumbnailUrl && <img src={post.thumbnailUrl} alt="" width={44} height={44} />}
        </span>
      )}
    </Link>
  );
}

/**
 * The inbox, newest first, under time headings. Opening it marks everything shown read
 * (up to the newest loaded, so one that arrives meanwhile stays unread) and clears the badge;
 * the items keep their "new" look for this visit.
 */
export function NotificationsPage() {
  const { me } = useSession();
  const location = useLocation();
  const { refresh } = useUnread();
  const marked = useRef<string>(undefined);
  useTitle('Notifications');

  const load = useCallback(
    async (cursor: string | null): Promise<Page<Notification>> => {
      const page = await api.notifications(cursor);
      const newest = page.items[0];
      if (!cursor && newest && !newest.read && marked.current !== newest.id) {
        marked.current = newest.id;
        api.markRead(newest.id).then(refresh, () => undefined);
      }
      return page;
    },
    [refresh],
  );
  useEffect(() => () => refresh(), [refresh]);

  if (me === undefined) return <p className="muted">Loading…</p>;
  if (me === null) return <Navigate to={loginPath(location)} replace />;
  return (
    <main className="column">
      <h1>Notifications</h1>
      <PagedList
        cacheKey={`notifications ${me.id}`}
        load={load}
        empty={<p>Nothing yet. Likes, comments, mentions and follows will show up here.</p>}
        className="notifications"
        render={(notification, index, all) => {
          const group = timeGroup(notification.createdAt);
          const heading: ReactNode =
            index === 0 || timeGroup(all[index - 1].createdAt) !== group ? (
              <h2 className="group">{group}</h2>
            ) : null;
          return (
            <div key={notification.id}>
              {heading}
              <NotificationItem notification={notification} />
            </div>
          );
        }}
      />
    </main>
  );
}
