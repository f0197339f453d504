import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Page, type UserSummary } from '../api';
import { PersonLink } from '../components/Person';
import { PagedList } from '../components/InfiniteFeed';
import { useTitle } from '../title';

function PeopleList({
  title,
  back,
  cacheKey,
  load,
  empty,
}: {
  title: string;
  /** Where the list comes from: the profile, the post. */
  back: { to: string; label: string };
  cacheKey: string;
  load: (cursor: string | null) => Promise<Page<UserSummary>>;
  empty: string;
}) {
  useTitle(title);
  return (
    <main className="column">
      <p>
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1>{title}</h1>
      <PagedList
        cacheKey={cacheKey}
        load={load}
        empty={<p>{empty}</p>}
        className="people"
        render={(user) => <PersonLink key={user.id} user={user} />}
      />
    </main>
  );
}

export function FollowersPage() {
  const { username = '' } = useParams();
  const load = useCallback((cursor: string | null) => api.followers(username, cursor), [username]);
  return (
    <PeopleList
      key={username}
      title={`Followers of @${username}`}
      back={{ to: `/u/${username}`, label: `@${username}` }}
      cacheKey={`followers ${username}`}
      load={load}
      empty="No followers yet."
    />
  );
}

export function FollowingPage() {
  const { username = '' } = useParams();
  const load = useCallback((cursor: string | null) => api.following(username, cursor), [username]);
  return (
    <PeopleList
      key={username}
      title={`Followed by @${username}`}
      back={{ to: `/u/${username}`, label: `@${username}` }}
      cacheKey={`following ${username}`}
      load={load}
      empty="Not following anyone yet."
    />
  );
}

/** `/p/:id/likes`: who liked a post, newest first. */
export function LikedByPage() {
  const { id = '' } = useParams();
  const load = useCallback((cursor: string | null) => api.likers(id, cursor), [id]);
  return (
    <PeopleList
      key={id}
      title="Liked by"
      back={{ to: `/p/${id}`, label: 'Post' }}
      cacheKey={`likers ${id}`}
      load={load}
      empty="No likes yet."
    />
  );
}
