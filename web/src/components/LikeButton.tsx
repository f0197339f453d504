import { Link } from 'react-router';
import type { Post } from '../api';
import { useLike, type Like } from '../like';

/**
 * The Like button with the count; it stays for keyboards and screen readers. With `likedBy`
 * the count links to who liked it.
 */
export function LikeControl({ like, likedBy }: { like: Like; likedBy?: string }) {
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
      {like.count > 0 && likedBy ? (
        // Opens the "liked by" list.
        <Link to={likedBy} className="count" aria-label={`${like.count} likes`}>
          {like.count}
        </Link>
      ) : (
        <span className="count" aria-label={`${like.count} likes`}>
          {like.count}
        </span>
      )}
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
