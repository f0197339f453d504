import { useCallback } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { InfiniteFeed } from '../components/InfiniteFeed';
import { useSession } from '../session';
import { useTitle } from '../title';

export function HomePage() {
  const { me } = useSession();
  const load = useCallback((cursor: string | null) => api.homeFeed(cursor), []);
  useTitle(me ? 'Home' : me === null ? 'Explore' : undefined);
  if (me === undefined) return <p className="muted">Loading…</p>;
  if (!me) return <ExplorePage />;
  return (
    <main className="column">
      <h1 className="visually-hidden">Home</h1>
      <InfiniteFeed
        cacheKey={`home ${me.id}`}
        load={load}
        empty={
          <p>
            Your feed is empty. <Link to="/new">Share a photo</Link> or{' '}
            <Link to="/explore">find people to follow</Link>.
          </p>
        }
      />
    </main>
  );
}

export function ExplorePage() {
  const { me } = useSession();
  const load = useCallback((cursor: string | null) => api.publicFeed(cursor), []);
  useTitle('Explore');
  return (
    <main className="column">
      <h1 className="visually-hidden">Explore</h1>
      {me === null && (
        <p className="intro">
          Freeb is a place to share photos. <Link to="/signup">Sign up</Link> to post, follow and
          like.
        </p>
      )}
      <InfiniteFeed
        cacheKey="explore"
        load={load}
        empty={<p>No photos yet. Be the first to share one.</p>}
      />
    </main>
  );
}
