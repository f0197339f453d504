import { useCallback } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { InfiniteFeed, PostGrid } from '../components/InfiniteFeed';
import { SearchBox } from '../components/SearchBox';
import { Suggestions } from '../components/Suggestions';
import { useSession } from '../session';
import { useTitle } from '../title';

/** Signed in: the people you follow. Signed out: the newest posts of everyone. */
export function HomePage() {
  const { me } = useSession();
  const load = useCallback((cursor: string | null) => api.homeFeed(cursor), []);
  useTitle(me ? 'Home' : me === null ? 'Latest photos' : undefined);
  if (me === undefined) return <p className="muted">Loading…</p>;
  if (!me) return <LatestPage />;
  return (
    <main className="column">
      <h1 className="visually-hidden">Home</h1>
      <InfiniteFeed
        cacheKey={`home ${me.id}`}
        load={load}
        empty={
          <>
            <p className="intro">
              Your feed is empty. Follow people to see their photos here, or{' '}
              <Link to="/new">share one</Link>.
            </p>
            <Suggestions />
          </>
        }
      />
    </main>
  );
}

/** The public feed, newest first: what a visitor who is not signed in sees at `/`. */
function LatestPage() {
  const load = useCallback((cursor: string | null) => api.publicFeed(cursor), []);
  return (
    <main className="column">
      <h1 className="visually-hidden">Latest photos</h1>
      <p className="intro">
        Freeb is a place to share photos. <Link to="/signup">Sign up</Link> to post, follow and
        like.
      </p>
      <InfiniteFeed
        cacheKey="latest"
        load={load}
        empty={<p>No photos yet. Be the first to share one.</p>}
      />
    </main>
  );
}

/** Search at the top (on phones; wide screens have it in the header), the ranking below. */
export function ExplorePage() {
  const load = useCallback((cursor: string | null) => api.explore(cursor), []);
  useTitle('Explore');
  return (
    <main>
      <h1 className="visually-hidden">Explore</h1>
      <div className="narrow-only explore-search">
        <SearchBox />
      </div>
      <PostGrid
        cacheKey="explore"
        load={load}
        empty={<p>No photos yet. Be the first to share one.</p>}
      />
    </main>
  );
}
