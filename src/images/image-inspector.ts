import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';

export interface Inspection {
  /** The type the magic bytes say, if an image type at all. */
  detectedType?: string;
  width?: number;
  height?: number;
}

/** Bytes enough for the magic numbers and, usually, the header with the dimensions. */
export const HEAD_BYTES = 64 * 1024;
/** A second, larger read when a JPEG's metadata pushes its frame header further in. */
export const HEAD_BYTES_MAX = 1024 * 1024;

/** Reads the type from the magic bytes and the dimensions from the header of an image's start. */
export async function inspectImageStart(start: Buffer): Promise<Inspection> {
  const detected = await fileTypeFromBuffer(start);
  const inspection: Inspection = { detectedType: detected?.mime };
  try {
    const size = imageSize(start);
    if (size.width && size.height) {
      const rotated = size.orientation !== undefined && size.orientation >= 5;
      inspection.width = rotated ? size.height : size.width;
      inspection.height = rotated ? size.width : size.height;
    }
  } catch {
    // No dimensions in these bytes: the caller may read further or refuse the image.
  }
  return inspection;
}
