import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, describeError, type Profile } from '../api';
import { Avatar, displayName } from '../components/Avatar';
import { PostGrid } from '../components/InfiniteFeed';
import { LoadFailure } from '../components/LoadFailure';
import { SubjectMenu } from '../components/SubjectMenu';
import { useResource } from '../resource';
import { loginPath, useSession } from '../session';
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
  const load = useCallback((cursor: string | null) => api.userPosts(username, cursor), [username]);
  useTitle(`${displayName(profile)} (@${username})`);

  async function toggleFollow() {
    const following = profile.viewer?.following ?? false;
    setError(undefined);
    try {
      await (following ? api.unfollow(username) : api.follow(username));
      setProfile({
        ...profile,
        viewer: {
          requested: false,
          followedBy: false,
          blocking: false,
          muting: false,
          ...profile.viewer,
          following: !following,
        },
        counts: { ...profile.counts, followers: profile.counts.followers + (following ? -1 : 1) },
      });
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  const own = me?.id === profile.id;
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
              authorId={profile.id}
              label={`More options for @${username}`}
            />
          </div>
          <p className="muted handle">@{username}</p>
          <ul className="counts" aria-label="Counts">
            <li>
              <strong>{profile.counts.posts}</strong>{' '}
              {profile.counts.posts === 1 ? 'post' : 'posts'}
            </li>
            <li>
              <Link to={`/u/${username}/followers`}>
                <strong>{profile.counts.followers}</strong>{' '}
                {profile.counts.followers === 1 ? 'follower' : 'followers'}
              </Link>
            </li>
            <li>
              <Link to={`/u/${username}/following`}>
                <strong>{profile.counts.following}</strong> following
              </Link>
            </li>
          </ul>
        </div>
      </header>
      {profile.bio && <p className="bio">{profile.bio}</p>}
      <p className="profile-actions">
        {own ? (
          <Link to="/settings" className="button-like secondary">
            Edit profile
          </Link>
        ) : me ? (
          <button
            type="button"
            onClick={() => void toggleFollow()}
            aria-pressed={profile.viewer?.following ?? false}
          >
            {profile.viewer?.following ? 'Unfollow' : 'Follow'}
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
      <h2 className="visually-hidden">Posts</h2>
      <PostGrid
        key={username}
        cacheKey={`grid ${username}`}
        load={load}
        empty={<p>No posts yet.</p>}
      />
    </main>
  );
}
