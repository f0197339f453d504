import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, describeError, type Post } from './api';
import { loginPath } from './session';
import { useSession } from './session';

export interface Like {
  liked: boolean;
  count: number;
  error: string | undefined;
  /** The Like button: like or unlike. */
  toggle(): Promise<void>;
  /** A double tap on the photo: likes, never unlikes. */
  like(): Promise<void>;
}

/** Optimistic like state of one post; goes back (and says why) when the API refuses. */
export function useLike(post: Post): Like {
  const { me } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState] = useState({ liked: post.viewer?.liked ?? false, count: post.likeCount });
  const [error, setError] = useState<string>();

  async function set(liked: boolean) {
    if (!me) return void navigate(loginPath(location));
    if (liked === state.liked) return;
    const previous = state;
    setState({ liked, count: state.count + (liked ? 1 : -1) });
    setError(undefined);
    try {
      await (liked ? api.like(post.id) : api.unlike(post.id));
    } catch (caught) {
      setState(previous);
      setError(describeError(caught));
    }
  }

  return { ...state, error, toggle: () => set(!state.liked), like: () => set(true) };
}
