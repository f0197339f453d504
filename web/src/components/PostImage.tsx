import type { Post } from '../api';
import { Carousel } from './Carousel';
import { FEED_MAX_WIDTH, PhotoImage, SIZES, type Drawable } from './PhotoImage';

/** The alt text, or failing that who posted it and the caption. */
export function describeImage(post: Post, photo: { altText: string | null } = post.image): string {
  return (
    photo.altText ?? `Photo by ${post.author.username}${post.caption ? `: ${post.caption}` : ''}`
  );
}

/** The photos of a post, in order. */
export function photosOf(post: Post): Array<Drawable & { altText: string | null }> {
  return post.media.length ? post.media : [post.image];
}

/**
 * A post's photos: one photo, or a carousel of them; each at its real aspect ratio with its
 * alt text, from the smallest variant that fills its slot (up to 1080 px in feeds).
 */
export function PostImage({
  post,
  eager = false,
  place = 'feed',
}: {
  post: Post;
  eager?: boolean;
  place?: 'feed' | 'post';
}) {
  const photos = photosOf(post);
  if (post.status !== 'published') {
    // Only its author sees a post before it is published.
    const { width, height, color } = photos[0];
    return (
      <div
        className="post-image processing-photo"
        style={{ aspectRatio: `${width} / ${height}`, backgroundColor: color ?? undefined }}
      >
        <p role="status">
          {post.status === 'failed'
            ? `This post could not be published: ${post.failure ?? 'a photo could not be read'}.`
            : `Processing ${photos.length === 1 ? 'your photo' : `your ${photos.length} photos`}…`}
        </p>
      </div>
    );
  }
  return (
    <Carousel
      label={`Photos by ${post.author.username}`}
      slides={photos.map((photo, index) => (
        <PhotoImage
          key={index}
          photo={photo}
          alt={describeImage(post, photo)}
          sizes={SIZES[place]}
          maxWidth={place === 'feed' ? FEED_MAX_WIDTH : Infinity}
          eager={eager && index === 0}
        />
      ))}
    />
  );
}
