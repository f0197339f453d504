import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type Page, type Post } from '../api';
import { PostCard } from './PostCard';

/** A grid of posts that loads the next cursor page when its end scrolls into view. */
export function InfiniteFeed({
  load,
  empty,
}: {
  load: (cursor: string | null) => Promise<Page<Post>>;
  empty: React.ReactNode;
}) {
  const [posts, setPosts] = useState<Post[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const sentinel = useRef<HTMLDivElement>(null);
  const busy = useRef(false);

  const more = useCallback(async () => {
    if (busy.current || done) return;
    busy.current = true;
    setLoading(true);
    setError(undefined);
    try {
      const page = await load(cursor);
      setPosts((previous) => [
        ...previous,
        ...page.items.filter((post) => !previous.some((seen) => seen.id === post.id)),
      ]);
      setCursor(page.nextCursor);
      setDone(page.nextCursor === null);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, [load, cursor, done]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || done || error) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void more();
      },
      { rootMargin: '600px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [more, done, error]);

  return (
    <section aria-busy={loading}>
      <div className="grid">
        {posts.map((post) => (
          <PostCard key={post.id} post={post} />
        ))}
      </div>
      {done && posts.length === 0 && <div className="empty">{empty}</div>}
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
