import { useState } from 'react';
import { Link } from 'react-router';
import { api, describeError, type UserSummary } from '../api';
import { useResource } from '../resource';
import { PersonLink } from './Person';

/**
 * A Follow button for one person in a list: Following (or Requested, for a private account)
 * once done; pressing it again undoes that.
 */
function FollowButton({ user }: { user: UserSummary }) {
  const [state, setState] = useState<'none' | 'following' | 'requested'>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function toggle() {
    setBusy(true);
    setError(undefined);
    try {
      if (state === 'none') setState(await api.follow(user.username));
      else {
        await api.unfollow(user.username);
        setState('none');
      }
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }
  const pressed = state !== 'none';
  const words = { none: 'Follow', following: 'Following', requested: 'Requested' }[state];
  return (
    <span className="follow-cell">
      <button
        type="button"
        className={pressed ? 'secondary' : ''}
        aria-pressed={pressed}
        // A toggle, pressed while following (or requested); its name is its words and whom.
        aria-label={`${words} ${user.username}`}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {words}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}

/** People to follow (`GET /api/users/suggested`), for an empty home feed. */
export function Suggestions() {
  const { resource, retry } = useResource(() => api.suggested(), 'suggested');
  return (
    <section aria-labelledby="suggested-heading" className="suggestions">
      <h2 id="suggested-heading">People you might like</h2>
      {resource.state === 'loading' && <p className="muted">Loading…</p>}
      {resource.state === 'failed' && (
        <p role="alert" className="error">
          {describeError(resource.error)}{' '}
          <button type="button" onClick={retry}>
            Retry
          </button>
        </p>
      )}
      {resource.state === 'ready' &&
        (resource.value.items.length === 0 ? (
          <p>
            No suggestions yet. <Link to="/explore">Explore</Link> recent photos instead.
          </p>
        ) : (
          <ul className="people">
            {resource.value.items.map((user) => (
              <li key={user.id} className="person">
                <PersonLink user={user} className="person-link" />
                <FollowButton user={user} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
