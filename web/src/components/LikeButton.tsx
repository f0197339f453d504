import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, describeError, type Post } from '../api';
import { useSession } from '../session';

/** Optimistic like toggle; goes back (and says why) when the API refuses. */
export function LikeButton({ post, onChange }: { post: Post; onChange?: (post: Post) => void }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState({ liked: post.viewer?.liked ?? false, count: post.likeCount });
  const [error, setError] = useState<string>();

  async function toggle() {
    if (!me) return navigate('/login');
    const next = { liked: !state.liked, count: state.count + (state.liked ? -1 : 1) };
    const previous = state;
    setState(next);
    setError(undefined);
    try {
      await (next.liked ? api.like(post.id) : api.unlike(post.id));
      onChange?.({ ...post, likeCount: next.count, viewer: { liked: next.liked } });
    } catch (caught) {
      setState(previous);
      setError(describeError(caught));
    }
  }

  return (
    <span className="like">
      <button
        type="button"
        className={state.liked ? 'liked' : ''}
        aria-pressed={state.liked}
        onClick={() => void toggle()}
      >
        <span aria-hidden="true">{state.liked ? '♥' : '♡'}</span> {state.liked ? 'Liked' : 'Like'}
      </button>
      <span className="count" aria-label={`${state.count} likes`}>
        {state.count}
      </span>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
