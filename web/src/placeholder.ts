import { thumbHashToDataURL } from 'thumbhash';

const cache = new Map<string, string>();

/** A ThumbHash (base64, from the API) as a tiny PNG data URL to paint while the photo loads. */
export function placeholderUrl(thumbHash: string | null | undefined): string | undefined {
  if (!thumbHash) return undefined;
  let url = cache.get(thumbHash);
  if (!url) {
    try {
      const bytes = Uint8Array.from(atob(thumbHash), (char) => char.charCodeAt(0));
      url = thumbHashToDataURL(bytes);
    } catch {
      return undefined; // not a ThumbHash: the photo's colour (or grey) shows instead
    }
    cache.set(thumbHash, url);
  }
  return url;
}
