/**
 * Social-preview meta (Open Graph, Twitter cards) put into the web client's index.html for
 * the pages a link can be shared from, so a chat app or a social network shows the photo,
 * its author and the caption instead of a bare "Freeb".
 */
export interface SocialPreview {
  /** The page's `<title>` without the " · Freeb" suffix, and og:title. */
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  type: 'article' | 'profile';
  image?: { url: string; width?: number; height?: number; alt: string };
}

const SITE = 'Freeb';
const DESCRIPTION_LENGTH = 200;

/** Text for an HTML attribute or element: the five characters that could end one escaped. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A caption or bio cut to a description's length, on a word when it can, one line. */
export function shorten(text: string, length = DESCRIPTION_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= length) return flat;
  const cut = [...flat].slice(0, length - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * index.html with the preview's `<title>`, description and meta tags. The page's own
 * `<title>` and description are replaced; the rest of the document is left as built.
 */
export function withPreview(html: string, preview: SocialPreview): string {
  const title = `${preview.title} · ${SITE}`;
  const meta = (attribute: 'property' | 'name', key: string, value: string | number) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(String(value))}" />`;
  const tags = [
    meta('property', 'og:site_name', SITE),
    meta('property', 'og:type', preview.type),
    meta('property', 'og:title', preview.title),
    meta('property', 'og:description', preview.description),
    meta('property', 'og:url', preview.url),
    ...(preview.image
      ? [
          meta('property', 'og:image', preview.image.url),
          ...(preview.image.width ? [meta('property', 'og:image:width', preview.image.width)] : []),
          ...(preview.image.height
            ? [meta('property', 'og:image:height', preview.image.height)]
            : []),
          meta('property', 'og:image:alt', preview.image.alt),
        ]
      : []),
    meta('name', 'twitter:card', preview.image ? 'summary_large_image' : 'summary'),
  ];
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(
      /<meta name="description" content="[^"]*" \/>/,
      meta('name', 'description', preview.description),
    )
    .replace('</head>', `    ${tags.join('\n    ')}\n  </head>`);
}
