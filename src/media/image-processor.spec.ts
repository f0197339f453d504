import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { thumbHashToRGBA } from 'thumbhash';
import { metadataBlocks } from '../../test/harness/image-metadata';
import { ImageProcessor } from './image-processor';
import { UnprocessableImageError } from './unprocessable-image.error';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', name));

const limits = { maxPixels: 50_000_000, maxFrames: 200 };

/** The colour of one pixel of an encoded image. */
async function pixel(file: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * 4;
  return [...data.subarray(at, at + 4)];
}

describe('ImageProcessor', () => {
  const sut = new ImageProcessor(limits);

  describe('a JPEG with GPS, a camera serial and Orientation=6', () => {
    const input = fixture('exif-gps-orient6.jpg');

    it('carries that metadata to begin with', async () => {
      const original = await exifr.parse(input, true);
      expect(original).toMatchObject({
        Orientation: 'Rotate 90 CW',
        SerialNumber: 'CAM123456789',
        City: 'Paris',
      });
      expect(original.latitude).toBeCloseTo(48.8584, 3);
    });

    it('becomes upright WebP variants with no metadata block at all', async () => {
      const result = await sut.photo(input);

      expect(result).toMatchObject({ width: 400, height: 600, animated: false });
      expect(result.variants.map(({ width, height }) => [width, height])).toEqual([
        [400, 600],
        [320, 480],
      ]);
      for (const variant of result.variants) {
        expect(variant.contentType).toBe('image/webp');
        expect((await sharp(variant.data).metadata()).format).toBe('webp');
        expect(await metadataBlocks(variant.data)).toEqual([]);
        for (const secret of [
          'CAM123456789',
          'BODY987654321',
          'Secret Person',
          'Paris',
          'FreebCam',
        ]) {
          expect(variant.data.includes(secret)).toBe(false);
        }
      }
    });

    it('is turned by its orientation: the top of the stored image ends on the right', async () => {
      const [widest] = (await sut.photo(input)).variants;
      const [leftR, , leftB] = await pixel(widest.data, 20, 300);
      const [rightR, , rightB] = await pixel(widest.data, 380, 300);
      expect(leftB).toBeGreaterThan(leftR);
      expect(rightR).toBeGreaterThan(rightB);
    });

    it('gives a ThumbHash placeholder and a dominant colour', async () => {
      const result = await sut.photo(input);
      const decoded = thumbHashToRGBA(Buffer.from(result.placeholder, 'base64'));
      expect(decoded.w).toBeLessThan(decoded.h);
      expect(result.color).toMatch(/^#[0-9a-f]{6}$/);
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(result.color.slice(at, at + 2), 16));
      expect(Math.max(r, b)).toBeGreaterThan(g + 60);
    });

    it('becomes square avatar variants', async () => {
      const result = await sut.avatar(input);
      expect(result.variants.map(({ width, height }) => [width, height])).toEqual([
        [320, 320],
        [160, 160],
        [64, 64],
      ]);
      expect(await metadataBlocks(result.variants[0].data)).toEqual([]);
    });
  });

  it('makes 2048/1080/640/320 variants of a large photo, never wider', async () => {
    const large = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: '#336699' },
    })
      .jpeg()
      .toBuffer();
    const result = await sut.photo(large);
    expect(result).toMatchObject({ width: 3000, height: 2000 });
    expect(result.variants.map(({ width, height }) => [width, height])).toEqual([
      [2048, 1365],
      [1080, 720],
      [640, 427],
      [320, 213],
    ]);
    const channels = [1, 3, 5].map((at) => parseInt(result.color.slice(at, at + 2), 16));
    [0x33, 0x66, 0x99].forEach((expected, index) =>
      expect(Math.abs(channels[index] - expected)).toBeLessThanOrEqual(8),
    );
  });

  it('decodes HEIC into WebP variants', async () => {
    const result = await sut.photo(fixture('photo.heic'));
    expect(result).toMatchObject({ width: 300, height: 200 });
    expect(result.variants.map(({ width, height }) => [width, height])).toEqual([[300, 200]]);
    expect((await sharp(result.variants[0].data).metadata()).format).toBe('webp');
  });

  it('keeps the transparency of a PNG', async () => {
    const result = await sut.photo(fixture('alpha.png'));
    const [widest] = result.variants;
    expect((await sharp(widest.data).metadata()).hasAlpha).toBe(true);
    expect((await pixel(widest.data, 10, 75))[3]).toBe(0);
    expect(await pixel(widest.data, 190, 75)).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      255,
    ]);
    expect(result.color).not.toBe('#000000');
  });

  it('keeps an animated GIF animated, as animated WebP', async () => {
    const result = await sut.photo(fixture('animated.gif'));
    expect(result).toMatchObject({ width: 64, height: 48, animated: true });
    const [variant] = result.variants;
    const metadata = await sharp(variant.data, { animated: true }).metadata();
    expect(metadata).toMatchObject({ format: 'webp', pages: 3, width: 64, pageHeight: 48 });
    expect(await metadataBlocks(variant.data)).toEqual([]);
  });

  it('gives an avatar the first frame of an animation', async () => {
    const result = await sut.avatar(fixture('animated.gif'));
    expect(result.animated).toBe(false);
    expect((await sharp(result.variants[0].data, { animated: true }).metadata()).pages ?? 1).toBe(
      1,
    );
  });

  it('refuses an animation over the frame cap, with the reason', async () => {
    await expect(sut.photo(fixture('many-frames.gif'))).rejects.toEqual(
      new UnprocessableImageError('The animation has more than 200 frames.'),
    );
  });

  it('refuses an animation whose frames together pass the pixel cap', async () => {
    const capped = new ImageProcessor({ maxPixels: 64 * 48 * 2, maxFrames: 200 });
    await expect(capped.photo(fixture('animated.gif'))).rejects.toEqual(
      new UnprocessableImageError(
        `The animation has more than ${64 * 48 * 2} pixels in all its frames.`,
      ),
    );
  });

  it('refuses an image over the pixel cap before decoding it', async () => {
    const capped = new ImageProcessor({ maxPixels: 1000, maxFrames: 200 });
    await expect(capped.photo(fixture('exif-gps-orient6.jpg'))).rejects.toEqual(
      new UnprocessableImageError('The image has more than 1000 pixels.'),
    );
    await expect(capped.photo(fixture('photo.heic'))).rejects.toEqual(
      new UnprocessableImageError('The image has more than 1000 pixels.'),
    );
  });

  it('fails a truncated JPEG with a reason', async () => {
    await expect(sut.photo(fixture('truncated.jpg'))).rejects.toEqual(
      new UnprocessableImageError('The image file is damaged or truncated.'),
    );
  });

  it('fails a file that is no image with a reason', async () => {
    await expect(sut.photo(Buffer.from('<html>not an image</html>'))).rejects.toEqual(
      new UnprocessableImageError('The file is not an image that can be read.'),
    );
  });
});
