import { useCallback } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { InfiniteFeed } from '../components/InfiniteFeed';
import { useSession } from '../session';

export function HomePage() {
  const { me } = useSession();
  const load = useCallback((cursor: string | null) => api.homeFeed(cursor), []);
  if (me === undefined) return <p className="muted">Loading…</p>;
  if (!me) return <ExplorePage />;
  return (
    <main>
      <h1>Home</h1>
      <InfiniteFeed
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
  return (
    <main>
      <h1>Explore</h1>
      {me === null && (
        <p className="intro">
          Freeb is a place to share photos. <Link to="/signup">Sign up</Link> to post, follow and
          like.
        </p>
      )}
      <InfiniteFeed load={load} empty={<p>No photos yet. Be the first to share one.</p>} />
    </main>
  );
}
