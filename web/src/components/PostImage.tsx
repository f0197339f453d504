import type { Post } from '../api';

/** The image at its real aspect ratio before it loads (width/height from the API), with its alt text. */
export function PostImage({ post, eager = false }: { post: Post; eager?: boolean }) {
  const { url, width, height, altText } = post.image;
  return (
    <div className="post-image" style={{ aspectRatio: `${width} / ${height}` }}>
      <img
        src={url}
        width={width}
        height={height}
        alt={
          altText ?? `Photo by ${post.author.username}${post.caption ? `: ${post.caption}` : ''}`
        }
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
      />
    </div>
  );
}
