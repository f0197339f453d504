import type { ReactNode } from 'react';
import type { Page, Post } from '../api';
import { useNearViewport, usePagedList } from '../pages-cache';
import { PostCard } from './PostCard';
import { PostTile } from './PostTile';

/**
 * A list that loads the next cursor page when its end scrolls into view (with a "Load more"
 * button as a fallback), kept across navigation under `cacheKey`.
 */
export function PagedList<T extends { id: string }>({
  cacheKey,
  load,
  empty,
  className,
  render,
}: {
  cacheKey: string;
  load: (cursor: string | null) => Promise<Page<T>>;
  empty: ReactNode;
  className: string;
  /** Draws one item; `all` is every item loaded so far (to head groups, for instance). */
  render: (item: T, index: number, all: T[]) => ReactNode;
}) {
  const { items, done, loading, error, more } = usePagedList(cacheKey, load);
  const sentinel = useNearViewport(() => void more(), !done && !error);
  return (
    <section aria-busy={loading}>
      <div className={className}>{items.map(render)}</div>
      {done && items.length === 0 && <div className="empty">{empty}</div>}
      {error && (
        <p role="alert" className="error">
          {error}{' '}
          <button type="button" onClick={() => void more()}>
            Retry
          </button>
        </p>
      )}
      {loading && <p className="muted">Loading…</p>}
      {!done && !error && (
        <div ref={sentinel} className="sentinel">
          <button
            type="button"
            className="link-button"
            onClick={() => void more()}
            disabled={loading}
          >
            Load more
          </button>
        </div>
      )}
    </section>
  );
}

/** A single column of post cards (home, explore). */
export function InfiniteFeed({
  cacheKey = 'feed',
  load,
  empty,
}: {
  cacheKey?: string;
  load: (cursor: string | null) => Promise<Page<Post>>;
  empty: ReactNode;
}) {
  return (
    <PagedList
      cacheKey={cacheKey}
      load={load}
      empty={empty}
      className="feed"
      // The first photo is the largest paint of the page: loaded at once, first.
      render={(post, index) => <PostCard key={post.id} post={post} priority={index === 0} />}
    />
  );
}

/** A grid of square thumbnails (a profile, a tag, Explore). */
export function PostGrid({
  cacheKey,
  load,
  empty,
}: {
  cacheKey: string;
  load: (cursor: string | null) => Promise<Page<Post>>;
  empty: ReactNode;
}) {
  return (
    <PagedList
      cacheKey={cacheKey}
      load={load}
      empty={empty}
      className="tiles"
      render={(post) => <PostTile key={post.id} post={post} />}
    />
  );
}
