import { Link } from 'react-router';
import type { Post } from '../api';
import { Avatar, displayName } from './Avatar';
import { LikeButton } from './LikeButton';
import { PostImage } from './PostImage';

export function PostCard({ post }: { post: Post }) {
  return (
    <article className="card" aria-label={`Post by ${post.author.username}`}>
      <header className="card-head">
        <Link to={`/u/${post.author.username}`} className="author">
          <Avatar user={post.author} />
          <span>{displayName(post.author)}</span>
        </Link>
      </header>
      <Link to={`/p/${post.id}`} className="image-link" aria-label="Open post">
        <PostImage post={post} />
      </Link>
      <footer className="card-foot">
        <LikeButton post={post} />
        <Link to={`/p/${post.id}`} className="comments-link">
          {post.commentCount} {post.commentCount === 1 ? 'comment' : 'comments'}
        </Link>
        {post.caption && <p className="caption">{post.caption}</p>}
      </footer>
    </article>
  );
}
