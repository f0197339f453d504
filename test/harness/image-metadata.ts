import sharp from 'sharp';

/** The chunk names of a RIFF/WebP file, in order (`VP8 `, `VP8X`, `ALPH`, `EXIF`, `XMP `…). */
export function webpChunks(file: Buffer): string[] {
  if (file.toString('latin1', 0, 4) !== 'RIFF' || file.toString('latin1', 8, 12) !== 'WEBP') {
    throw new Error('not a WebP file');
  }
  const chunks: string[] = [];
  for (let offset = 12; offset + 8 <= file.length;) {
    const size = file.readUInt32LE(offset + 4);
    chunks.push(file.toString('latin1', offset, offset + 4));
    offset += 8 + size + (size % 2);
  }
  return chunks;
}

/** Chunks that hold pixels or animation timing, nothing else. */
const PIXEL_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF']);

/**
 * Every metadata block a WebP could carry (EXIF, XMP, ICC, unknown chunks), as read by sharp
 * and by walking the RIFF chunks: empty when the file holds pixels only.
 */
export async function metadataBlocks(file: Buffer): Promise<string[]> {
  const metadata = await sharp(file).metadata();
  const found = webpChunks(file).filter((chunk) => !PIXEL_CHUNKS.has(chunk));
  for (const block of ['exif', 'xmp', 'iptc', 'icc', 'tifftagPhotoshop'] as const) {
    if (metadata[block]) found.push(block);
  }
  if (metadata.orientation !== undefined) found.push('orientation');
  return found;
}
