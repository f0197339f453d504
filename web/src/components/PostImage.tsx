import type { Post } from '../api';

/** The alt text, or failing that who posted it and the caption. */
export function describeImage(post: Post): string {
  return (
    post.image.altText ??
    `Photo by ${post.author.username}${post.caption ? `: ${post.caption}` : ''}`
  );
}

/** The image at its real aspect ratio before it loads (width/height from the API), with its alt text. */
export function PostImage({ post, eager = false }: { post: Post; eager?: boolean }) {
  const { url, width, height } = post.image;
  return (
    <div className="post-image" style={{ aspectRatio: `${width} / ${height}` }}>
      <img
        src={url}
        width={width}
        height={height}
        alt={describeImage(post)}
        loading={eager ? 'eager' : 'lazy'}
        fetchPriority={eager ? 'high' : 'auto'}
        decoding="async"
      />
    </div>
  );
}
