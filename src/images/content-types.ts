/** The image types Freeb accepts, never SVG or HTML. The extension goes into the storage key. */
export const ALLOWED_CONTENT_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/heif': 'heif',
} as const;

export type ImageContentType = keyof typeof ALLOWED_CONTENT_TYPES;

export const IMAGE_CONTENT_TYPES = Object.keys(ALLOWED_CONTENT_TYPES) as ImageContentType[];

export function contentTypeOfKey(key: string): ImageContentType | undefined {
  const extension = key.slice(key.lastIndexOf('.') + 1);
  return IMAGE_CONTENT_TYPES.find((type) => ALLOWED_CONTENT_TYPES[type] === extension);
}
