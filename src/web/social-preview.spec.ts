import { escapeHtml, shorten, withPreview } from './social-preview';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta name="description" content="Freeb: share photos with the people you follow." />
    <title>Freeb</title>
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('withPreview', () => {
  it('sets the title and description and adds the Open Graph tags', () => {
    const sut = withPreview(INDEX, {
      title: 'Photo by @ada',
      description: 'Evening over the bay',
      url: 'https://freeb.example/p/1',
      type: 'article',
      image: { url: 'https://cdn.example/v/1080.webp', width: 1080, height: 720, alt: 'A bay' },
    });
    expect(sut).toContain('<title>Photo by @ada · Freeb</title>');
    expect(sut).toContain('<meta name="description" content="Evening over the bay" />');
    expect(sut).not.toContain('share photos with the people you follow');
    expect(sut).toContain('<meta property="og:image" content="https://cdn.example/v/1080.webp" />');
    expect(sut).toContain('<meta property="og:image:width" content="1080" />');
    expect(sut).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(sut.indexOf('og:title')).toBeLessThan(sut.indexOf('</head>'));
  });

  it('escapes what people wrote, so a caption cannot add markup', () => {
    const sut = withPreview(INDEX, {
      title: 'Photo by @ada',
      description: '"/><script>alert(1)</script> & co',
      url: 'https://freeb.example/p/1',
      type: 'article',
    });
    expect(sut).not.toContain('<script>');
    expect(sut).toContain('content="&quot;/&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"');
    expect(sut).toContain('<meta name="twitter:card" content="summary" />');
  });
});

describe('shorten', () => {
  it('keeps a short text, on one line', () => {
    expect(shorten('At sea,\n\nagain')).toBe('At sea, again');
  });

  it('cuts a long one on a word, with an ellipsis', () => {
    const sut = shorten('word '.repeat(100), 23);
    expect(sut).toBe('word word word word…');
  });

  it('escapes all five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
