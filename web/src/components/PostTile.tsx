import { Link } from 'react-router';
import type { Post } from '../api';
import { describeImage } from './PostImage';

/** A square thumbnail of a post in a profile grid; opens the post. */
export function PostTile({ post }: { post: Post }) {
  return (
    <Link to={`/p/${post.id}`} className="tile">
      <img
        src={post.image.url}
        alt={describeImage(post)}
        loading="lazy"
        decoding="async"
        width={post.image.width}
        height={post.image.height}
      />
    </Link>
  );
}
