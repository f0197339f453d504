/** The moderation queue shows a post's photo 96 px square (object-fit: cover). */
const PREVIEW_PIXELS = 96 * 3;

interface Photo {
  url: string;
  variants: ReadonlyArray<{ width: number; height: number; url: string }>;
}

/**
 * The narrowest variant whose shorter side fills the preview at 3× density, so the queue never
 * loads a 1080 px photo to show 96 px; the photo's own URL when no variant is that large.
 */
export function previewThumbnail(photo: Photo): string | null {
  const fitting = [...photo.variants]
    .sort((a, b) => a.width - b.width)
    .find((variant) => Math.min(variant.width, variant.height) >= PREVIEW_PIXELS);
  return fitting?.url ?? (photo.url || null);
}
