import { useCallback } from 'react';
import { useParams } from 'react-router';
import { api } from '../api';
import { PostGrid } from '../components/InfiniteFeed';
import { LoadFailure } from '../components/LoadFailure';
import { useResource } from '../resource';
import { useTitle } from '../title';

/** `/tags/:tag`: the tag, how many posts carry it, and their grid, newest first. */
export function TagPage() {
  const { tag = '' } = useParams();
  const name = tag.normalize('NFC').toLowerCase();
  const { resource, retry } = useResource(() => api.tag(name), name);
  const load = useCallback((cursor: string | null) => api.tagPosts(name, cursor), [name]);
  useTitle(`#${name}`);
  if (resource.state === 'failed')
    return <LoadFailure error={resource.error} what="Tag" onRetry={retry} />;
  const count = resource.state === 'ready' ? resource.value.postCount : undefined;
  return (
    <main>
      <header className="tag-head">
        <h1>#{name}</h1>
        {/* The line is there while the count loads, so the grid does not move. */}
        <p className="muted">
          {count === undefined ? '\u00a0' : `${count} ${count === 1 ? 'post' : 'posts'}`}
        </p>
      </header>
      <PostGrid
        key={name}
        cacheKey={`tag ${name}`}
        load={load}
        empty={<p>No posts with #{name} yet.</p>}
      />
    </main>
  );
}
