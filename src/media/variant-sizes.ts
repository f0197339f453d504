/** Widths of a photo's WebP variants (docs/api.md, "Shapes"). */
export const PHOTO_WIDTHS = [320, 640, 1080, 2048] as const;
/** Sides of an avatar's square variants. */
export const AVATAR_SIDES = [64, 160, 320] as const;

/**
 * The sizes to make for an image `size` wide (or, for avatars, `size` on its short side):
 * every standard size narrower than it, plus one at its own size up to the largest standard
 * one. Never upscaled. Widest first.
 */
export function variantSizes(size: number, standard: readonly number[]): number[] {
  const largest = Math.min(size, standard[standard.length - 1]);
  return [largest, ...standard.filter((width) => width < largest).reverse()];
}
