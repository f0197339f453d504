import { Link } from 'react-router';
import type { Post } from '../api';
import { PhotoImage, SIZES } from './PhotoImage';
import { describeImage } from './PostImage';

/** A square thumbnail of a post in a profile grid (its first photo); opens the post. */
export function PostTile({ post }: { post: Post }) {
  return (
    <Link to={`/p/${post.id}`} className="tile">
      <PhotoImage photo={post.image} alt={describeImage(post)} sizes={SIZES.tile} />
    </Link>
  );
}
