import sharp from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import type { RawPixels } from './raw-pixels';

/** ThumbHash encodes at most 100×100 pixels. */
const THUMBHASH_SIDE = 100;

export interface Placeholder {
  /** ThumbHash, base64. */
  placeholder: string;
  /** The dominant colour, `#rrggbb`. */
  color: string;
}

/** The blurred placeholder and the dominant colour of upright sRGB pixels. */
export async function placeholderOf(image: RawPixels): Promise<Placeholder> {
  const small = await sharp(image.data, { raw: image.info })
    .resize(THUMBHASH_SIDE, THUMBHASH_SIDE, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const thumbhash = rgbaToThumbHash(small.info.width, small.info.height, small.data);
  // Transparent pixels would count as black: judge the colour as the image shows on white.
  const { dominant } = await sharp(small.data, { raw: small.info })
    .flatten({ background: '#ffffff' })
    .stats();
  const hex = [dominant.r, dominant.g, dominant.b]
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('');
  return { placeholder: Buffer.from(thumbhash).toString('base64'), color: `#${hex}` };
}
