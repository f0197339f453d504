import { useState } from 'react';
import { placeholderUrl } from '../placeholder';

/** What a photo needs to be drawn: the API's photo shape, or the older `image` of a post. */
export interface Drawable {
  url: string;
  width: number;
  height: number;
  variants?: Array<{ width: number; url: string }>;
  placeholder?: string | null;
  color?: string | null;
}

/** Feeds never ask for more than the 1080 px copy (a phone at DPR 3 shows 1170 px at most). */
export const FEED_MAX_WIDTH = 1080;

/**
 * A photo at its real aspect ratio, capped to the viewport's height, with `srcset`/`sizes`
 * from its variants (the browser picks the smallest copy that fills the slot) and its
 * ThumbHash placeholder (or its dominant colour) painted until the image has loaded.
 */
export function PhotoImage({
  photo,
  alt,
  sizes,
  eager = false,
  maxWidth = Infinity,
}: {
  photo: Drawable;
  alt: string;
  sizes: string;
  eager?: boolean;
  maxWidth?: number;
}) {
  const [loaded, setLoaded] = useState(false);
  const candidates = (photo.variants ?? []).filter((variant) => variant.width <= maxWidth);
  const placeholder = loaded ? undefined : placeholderUrl(photo.placeholder);
  return (
    <div
      className="post-image"
      style={{
        aspectRatio: `${photo.width} / ${photo.height}`,
        backgroundColor: photo.color ?? undefined,
        backgroundImage: placeholder ? `url(${placeholder})` : undefined,
      }}
      data-placeholder={placeholder ? 'shown' : undefined}
    >
      {photo.url && (
        <img
          src={photo.url}
          srcSet={
            candidates.length
              ? candidates.map((variant) => `${variant.url} ${variant.width}w`).join(', ')
              : undefined
          }
          sizes={candidates.length ? sizes : undefined}
          width={photo.width}
          height={photo.height}
          alt={alt}
          loading={eager ? 'eager' : 'lazy'}
          fetchPriority={eager ? 'high' : 'auto'}
          decoding="async"
          onLoad={() => setLoaded(true)}
        />
      )}
    </div>
  );
}

/** The `sizes` of each place a photo is drawn (see the layout in styles.css). */
export const SIZES = {
  feed: '(min-width: 736px) 614px, 100vw',
  post: '(min-width: 736px) 60vw, 100vw',
  tile: '(min-width: 736px) 300px, 33vw',
};
