import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, describeError, type Profile } from '../api';
import { Avatar, displayName } from '../components/Avatar';
import { PostGrid } from '../components/InfiniteFeed';
import { LoadFailure } from '../components/LoadFailure';
import { SubjectMenu, type RelationChange } from '../components/SubjectMenu';
import { useResource } from '../resource';
import { loginPath, useSession } from '../session';
import { Icon } from '../layout/icons';
import { useTitle } from '../title';

export function ProfilePage() {
  const { username = '' } = useParams();
  const { me } = useSession();
  const { resource, retry, set } = useResource(
    () => api.profile(username),
    `${username} ${me?.id}`,
  );
  if (resource.state === 'loading') return <p className="muted">Loading…</p>;
  if (resource.state === 'failed')
    return <LoadFailure error={resource.error} what="User" onRetry={retry} />;
  return <ProfileView profile={resource.value} setProfile={set} />;
}

const NO_RELATION = {
  following: false,
  requested: false,
  followedBy: false,
  blocking: false,
  muting: false,
};

/** The follow button's words: Unfollow, Requested (a pending request), Follow back, Follow. */
function followLabel(viewer: NonNullable<Profile['viewer']>): string {
  if (viewer.following) return 'Unfollow';
  if (viewer.requested) return 'Requested';
  return viewer.followedBy ? 'Follow back' : 'Follow';
}

function ProfileView({
  profile,
  setProfile,
}: {
  profile: Profile;
  setProfile: (profile: Profile) => void;
}) {
  const { me } = useSession();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const { username } = profile;
  const viewer = profile.viewer ?? NO_RELATION;
  const load = useCallback((cursor: string | null) => api.userPosts(username, cursor), [username]);
  useTitle(`${displayName(profile)} (@${username})`);

  const relate = (change: Partial<typeof NO_RELATION>, followers = 0) =>
    setProfile({
      ...profile,
      viewer: { ...viewer, ...change },
      counts: { ...profile.counts, followers: profile.counts.followers + followers },
    });

  async function toggleFollow() {
    setError(undefined);
    try {
      if (viewer.following || viewer.requested) {
        // Unfollowing, or taking a pending request back.
        await api.unfollow(username);
        relate({ following: false, requested: false }, viewer.following ? -1 : 0);
      } else if ((await api.follow(username)) === 'requested') {
        relate({ requested: true });
      } else {
        relate({ following: true }, 1);
      }
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  function onRelationChange(change: RelationChange) {
    if (change === 'blocked') {
      // Blocking ends following both ways.
      relate(
        { blocking: true, following: false, requested: false, followedBy: false },
        viewer.following ? -1 : 0,
      );
    } else if (change === 'unblocked') relate({ blocking: false });
    else relate({ muting: change === 'muted' });
  }

  const own = me?.id === profile.id;
  const locked = profile.private && !own && !viewer.following;
  return (
    <main>
      <header className="profile">
        <Avatar user={profile} size={88} />
        <div>
          <div className="profile-title">
            <h1>{displayName(profile)}</h1>
            <SubjectMenu
              subject={{ type: 'user', id: profile.id }}
              what={`@${username}`}
              person={profile}
              relation={viewer}
              label={`More options for @${username}`}
              onChange={onRelationChange}
            />
          </div>
          <p className="muted handle">
            @{username}
            {profile.private && (
              <span className="private-mark">
                {' '}
                · <Icon name="lock" /> Private
              </span>
            )}
          </p>
          <ul className="counts" aria-label="Counts">
            <li>
              <strong>{profile.counts.posts}</strong>{' '}
              {profile.counts.posts === 1 ? 'post' : 'posts'}
            </li>
            <li>
              {locked ? (
                <span>
                  <strong>{profile.counts.followers}</strong>{' '}
                  {profile.counts.followers === 1 ? 'follower' : 'followers'}
                </span>
              ) : (
                <Link to={`/u/${username}/followers`}>
                  <strong>{profile.counts.followers}</strong>{' '}
                  {profile.counts.followers === 1 ? 'follower' : 'followers'}
                </Link>
              )}
            </li>
            <li>
              {locked ? (
                <span>
                  <strong>{profile.counts.following}</strong> following
                </span>
              ) : (
                <Link to={`/u/${username}/following`}>
                  <strong>{profile.counts.following}</strong> following
                </Link>
              )}
            </li>
          </ul>
        </div>
      </header>
      {profile.bio && <p className="bio">{profile.bio}</p>}
      {viewer.followedBy && !own && <p className="muted">Follows you</p>}
      <p className="profile-actions">
        {own ? (
          <Link to="/settings" className="button-like secondary">
            Edit profile
          </Link>
        ) : viewer.blocking ? null : me ? (
          <button
            type="button"
            className={viewer.following || viewer.requested ? 'secondary' : ''}
            onClick={() => void toggleFollow()}
            aria-pressed={viewer.following || viewer.requested}
          >
            {followLabel(viewer)}
          </button>
        ) : (
          <Link to={loginPath(location)} className="button-like">
            Log in to follow
          </Link>
        )}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {viewer.blocking ? (
        <section className="locked" aria-labelledby="blocked-heading">
          <h2 id="blocked-heading">You blocked @{username}</h2>
          <p>You do not see each other&apos;s posts. Unblock them from the “…” menu above.</p>
        </section>
      ) : locked ? (
        <section className="locked" aria-labelledby="locked-heading">
          <span className="lock">
            <Icon name="lock" />
          </span>
          <h2 id="locked-heading">This account is private</h2>
          <p>
            {viewer.requested
              ? `Your request is waiting for @${username} to accept it.`
              : `Follow @${username} to see their photos.`}
          </p>
        </section>
      ) : (
        <>
          <h2 className="visually-hidden">Posts</h2>
          <PostGrid
            key={username}
            cacheKey={`grid ${username}`}
            load={load}
            empty={<p>No posts yet.</p>}
          />
        </>
      )}
    </main>
  );
}
