import { Inject, Injectable } from '@nestjs/common';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { decodeHeic } from './heic-decoder';
import { MEDIA_LIMITS, type MediaLimits } from './media-limits';
import { type Placeholder, placeholderOf } from './placeholder';
import type { RawPixels } from './raw-pixels';
import { UnprocessableImageError } from './unprocessable-image.error';
import { AVATAR_SIDES, PHOTO_WIDTHS, variantSizes } from './variant-sizes';

export interface EncodedVariant {
  width: number;
  height: number;
  contentType: 'image/webp';
  data: Buffer;
}

/** What a photo or an avatar becomes: upright size, placeholder and WebP variants, widest first. */
export interface ProcessedImage extends Placeholder {
  width: number;
  height: number;
  animated: boolean;
  variants: EncodedVariant[];
}

type Shape = 'photo' | 'avatar';

const WEBP = { quality: 80, effort: 4 } as const;

/**
 * The media pipeline, the one place that knows sharp. A still image is decoded once (HEIC
 * through a WASM decoder), turned upright, converted to sRGB and shrunk to its largest variant;
 * every smaller variant and the placeholder derive from those pixels. Outputs carry no
 * metadata at all (sharp writes none unless asked). Animated GIF and WebP photos stay animated
 * (animated WebP variants) within the frame and pixel caps; avatars keep their first frame.
 */
@Injectable()
export class ImageProcessor {
  constructor(@Inject(MEDIA_LIMITS) private readonly limits: MediaLimits) {
    // libvips' operation cache would keep decoded images alive between jobs.
    sharp.cache(false);
  }

  /** A photo: WebP variants 320/640/1080/2048 px wide (never upscaled). */
  photo(input: Buffer): Promise<ProcessedImage> {
    return this.process(input, 'photo');
  }

  /** An avatar: square WebP variants of 64/160/320 px, cut from the centre. */
  avatar(input: Buffer): Promise<ProcessedImage> {
    return this.process(input, 'avatar');
  }

  private async process(input: Buffer, shape: Shape): Promise<ProcessedImage> {
    const metadata = await this.inspect(input);
    try {
      if (shape === 'photo' && (metadata.pages ?? 1) > 1 && isAnimatable(metadata)) {
        return await this.animated(input, metadata);
      }
      return await this.still(input, metadata, shape);
    } catch (error) {
      throw asUnprocessable(error, this.limits.maxPixels);
    }
  }

  /** Reads the header and applies the caps before anything is decoded. */
  private async inspect(input: Buffer): Promise<Metadata> {
    let metadata: Metadata;
    try {
      metadata = await sharp(input, { animated: true, limitInputPixels: false }).metadata();
    } catch {
      throw new UnprocessableImageError('The file is not an image that can be read.');
    }
    const { maxPixels, maxFrames } = this.limits;
    const frames = isAnimatable(metadata) ? (metadata.pages ?? 1) : 1;
    const frameHeight = metadata.pageHeight ?? metadata.height;
    if (frames > maxFrames) {
      throw new UnprocessableImageError(`The animation has more than ${maxFrames} frames.`);
    }
    if (metadata.width * frameHeight * frames > maxPixels) {
      throw new UnprocessableImageError(
        frames > 1
          ? `The animation has more than ${maxPixels} pixels in all its frames.`
          : `The image has more than ${maxPixels} pixels.`,
      );
    }
    return metadata;
  }

  private async still(input: Buffer, metadata: Metadata, shape: Shape): Promise<ProcessedImage> {
    const { upright, size: source } = await this.decodeUpright(input, metadata, shape);
    const { width, height } = upright.info;
    const sizes =
      shape === 'photo'
        ? variantSizes(width, PHOTO_WIDTHS)
        : variantSizes(Math.min(width, height), AVATAR_SIDES);
    const [variants, placeholder] = await Promise.all([
      Promise.all(sizes.map((size) => this.encode(upright, shape, size))),
      placeholderOf(upright),
    ]);
    return {
      width: shape === 'photo' ? source.width : variants[0].width,
      height: shape === 'photo' ? source.height : variants[0].height,
      animated: false,
      variants,
      ...placeholder,
    };
  }

  /**
   * Decodes once into upright sRGB pixels at the size of the largest variant; `size` is the
   * upright size of the whole image.
   */
  private async decodeUpright(
    input: Buffer,
    metadata: Metadata,
    shape: Shape,
  ): Promise<{ upright: RawPixels; size: { width: number; height: number } }> {
    const { maxPixels } = this.limits;
    let pipeline: Sharp;
    let size = uprightSize(metadata);
    if (metadata.format === 'heif' && metadata.compression === 'hevc') {
      const decoded = await decodeHeic(input, maxPixels);
      pipeline = sharp(decoded.data, { raw: decoded.info, limitInputPixels: maxPixels });
      size = decoded.info;
    } else {
      pipeline = sharp(input, { limitInputPixels: maxPixels, failOn: 'truncated' }).rotate();
    }
    if (shape === 'photo') {
      pipeline = pipeline.resize({ width: Math.min(size.width, PHOTO_WIDTHS.at(-1)!) });
    } else {
      const side = Math.min(size.width, size.height, AVATAR_SIDES.at(-1)!);
      pipeline = pipeline.resize(side, side, { fit: 'cover' });
    }
    const { data, info } = await pipeline
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return {
      upright: { data, info: { width: info.width, height: info.height, channels: info.channels } },
      size: { width: size.width, height: size.height },
    };
  }

  private async encode(upright: RawPixels, shape: Shape, size: number): Promise<EncodedVariant> {
    let pipeline = sharp(upright.data, { raw: upright.info });
    if (size !== upright.info.width) {
      pipeline = shape === 'photo' ? pipeline.resize({ width: size }) : pipeline.resize(size, size);
    }
    const { data, info } = await pipeline.webp(WEBP).toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, contentType: 'image/webp', data };
  }

  /**
   * Animations are small by the caps, so each variant decodes the file again rather than
   * holding every frame decoded; the placeholder comes from the first frame.
   */
  private async animated(input: Buffer, metadata: Metadata): Promise<ProcessedImage> {
    const options = {
      animated: true,
      limitInputPixels: this.limits.maxPixels,
      failOn: 'truncated',
    };
    const frameHeight = metadata.pageHeight ?? metadata.height;
    const variants = await Promise.all(
      variantSizes(metadata.width, PHOTO_WIDTHS).map(async (width): Promise<EncodedVariant> => {
        const data = await sharp(input, options as sharp.SharpOptions)
          .resize({ width })
          .webp(WEBP)
          .toBuffer();
        return {
          width,
          height: Math.max(1, Math.round((frameHeight * width) / metadata.width)),
          contentType: 'image/webp',
          data,
        };
      }),
    );
    const first = await sharp(input, { failOn: 'truncated' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const placeholder = await placeholderOf({
      data: first.data,
      info: { width: first.info.width, height: first.info.height, channels: first.info.channels },
    });
    return {
      width: metadata.width,
      height: frameHeight,
      animated: true,
      variants,
      ...placeholder,
    };
  }
}

function isAnimatable(metadata: Metadata): boolean {
  return metadata.format === 'gif' || metadata.format === 'webp';
}

/** EXIF orientations 5–8 turn the image a quarter: width and height swap. */
function uprightSize(metadata: Metadata): { width: number; height: number } {
  const height = metadata.pageHeight ?? metadata.height;
  return (metadata.orientation ?? 1) >= 5
    ? { width: height, height: metadata.width }
    : { width: metadata.width, height };
}

function asUnprocessable(error: unknown, maxPixels: number): Error {
  if (error instanceof UnprocessableImageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new UnprocessableImageError(`The image has more than ${maxPixels} pixels.`);
  }
  return new UnprocessableImageError('The image file is damaged or truncated.');
}
