import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, describeError, type Profile } from '../api';
import { Avatar, displayName } from '../components/Avatar';
import { InfiniteFeed } from '../components/InfiniteFeed';
import { useSession } from '../session';

export function ProfilePage() {
  const { username = '' } = useParams();
  const { me } = useSession();
  const [profile, setProfile] = useState<Profile | null>();
  const [error, setError] = useState<string>();
  const load = useCallback((cursor: string | null) => api.userPosts(username, cursor), [username]);

  useEffect(() => {
    setProfile(undefined);
    api.profile(username).then(setProfile, (caught: unknown) => {
      setProfile(null);
      setError(describeError(caught));
    });
  }, [username, me?.id]);

  if (profile === undefined) return <p className="muted">Loading…</p>;
  if (profile === null)
    return (
      <main className="narrow">
        <h1>User not found</h1>
        <p role="alert">{error}</p>
      </main>
    );

  async function toggleFollow() {
    if (!profile) return;
    const following = profile.viewer?.following ?? false;
    setError(undefined);
    try {
      await (following ? api.unfollow(profile.username) : api.follow(profile.username));
      setProfile({
        ...profile,
        viewer: { following: !following },
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
        <Avatar user={profile} size={96} />
        <div>
          <h1>{displayName(profile)}</h1>
          <p className="muted">@{profile.username}</p>
          {profile.bio && <p>{profile.bio}</p>}
          <ul className="counts" aria-label="Counts">
            <li>
              <strong>{profile.counts.posts}</strong> posts
            </li>
            <li>
              <strong>{profile.counts.followers}</strong> followers
            </li>
            <li>
              <strong>{profile.counts.following}</strong> following
            </li>
          </ul>
          {own ? (
            <Link to="/settings" className="button-like">
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
            <Link to="/login" className="button-like">
              Log in to follow
            </Link>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </div>
      </header>
      <InfiniteFeed key={username} load={load} empty={<p>No posts yet.</p>} />
    </main>
  );
}
