import { Link } from 'react-router';
import type { Post } from '../api';
import { useLike } from '../like';
import { Avatar, displayName } from './Avatar';
import { DoubleTapLike } from './DoubleTap';
import { LikeControl } from './LikeButton';
import { PostImage } from './PostImage';
import { RichText } from './RichText';
import { SubjectMenu } from './SubjectMenu';

const shortDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export function PostCard({ post, priority = false }: { post: Post; priority?: boolean }) {
  const like = useLike(post);
  return (
    <article className="card" aria-label={`Post by ${post.author.username}`}>
      <header className="card-head">
        <Link to={`/u/${post.author.username}`} className="author">
          <Avatar user={post.author} />
          <span>{displayName(post.author)}</span>
        </Link>
        <Link
          to={`/p/${post.id}`}
          className="muted when"
          aria-label={`Open post, ${shortDate(post.createdAt)}`}
        >
          <time dateTime={post.createdAt}>{shortDate(post.createdAt)}</time>
        </Link>
        <SubjectMenu
          subject={{ type: 'post', id: post.id }}
          what="this post"
          person={post.author}
          label={`More options for the post by @${post.author.username}`}
        />
      </header>
      <DoubleTapLike like={like}>
        <PostImage post={post} eager={priority} />
      </DoubleTapLike>
      <footer className="card-foot">
        <LikeControl like={like} likedBy={`/p/${post.id}/likes`} />
        <Link to={`/p/${post.id}`} className="comments-link">
          {post.commentCount} {post.commentCount === 1 ? 'comment' : 'comments'}
        </Link>
        {post.caption && (
          <p className="caption">
            <strong>{post.author.username}</strong>{' '}
            <RichText text={post.caption} tags={post.tags} mentions={post.mentions} />
          </p>
        )}
      </footer>
    </article>
  );
}
