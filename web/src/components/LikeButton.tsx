import type { Post } from '../api';
import { useLike, type Like } from '../like';

/** The Like button with the count; it stays for keyboards and screen readers. */
export function LikeControl({ like }: { like: Like }) {
  return (
    <span className="like">
      <button
        type="button"
        className={like.liked ? 'liked' : ''}
        aria-pressed={like.liked}
        onClick={() => void like.toggle()}
      >
        <span aria-hidden="true">{like.liked ? '♥' : '♡'}</span> {like.liked ? 'Liked' : 'Like'}
      </button>
      <span className="count" aria-label={`${like.count} likes`}>
        {like.count}
      </span>
      {like.error && (
        <span role="alert" className="error">
          {like.error}
        </span>
      )}
    </span>
  );
}

export function LikeButton({ post }: { post: Post }) {
  return <LikeControl like={useLike(post)} />;
}
