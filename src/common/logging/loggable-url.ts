/** Query strings that carry a URL signature (the embedded storage's, S3's SigV4). */
const SIGNED_QUERY = /[?&](signature|x-amz-signature|x-amz-credential)=/i;

/** A URL as logs may show it: the query of a signed storage URL (a bearer credential) is cut. */
export function loggableUrl(url: string): string {
  const query = url.indexOf('?');
  return query >= 0 && SIGNED_QUERY.test(url.slice(query))
    ? `${url.slice(0, query)}?[redacted]`
    : url;
}
