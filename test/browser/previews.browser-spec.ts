import request from 'supertest';
import { startApp, type TestApp } from '../harness/app';
import { signUp, type Account } from '../harness/client';
import { keyOfUrl, publish } from '../harness/storage';

/** The content of a meta tag of the page, decoded; undefined when the page has none. */
function meta(html: string, key: string): string | undefined {
  const found = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)" />`).exec(html);
  return found?.[1]
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

/**
 * Social previews: `/p/:id` and `/u/:username` carry Open Graph meta and a title when a
 * visitor who is not signed in may see the post or profile, and nothing otherwise. Needs the
 * web client built (`npm run build`), like the rest of the browser suite.
 */
describe('Social-preview meta for shared links (issue 11)', () => {
  let t: TestApp;
  let admin: Account;
  let grace: Account;
  let postId: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t); // the first account of an instance is its admin
    grace = await signUp(t, { firstName: 'Grace', lastName: 'Hopper' });
    await grace.agent.patch('/api/users/me').send({ bio: 'Compilers & "bugs".' }).expect(200);
    postId = (
      await publish(t, grace.agent, {
        caption: 'Moth found in relay #70 <script>alert(1)</script>',
        altText: 'A moth taped into a logbook',
      })
    ).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a public post: its title, caption, and a variant of its photo (never the original)', async () => {
    const res = await request(t.server).get(`/p/${postId}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const html = res.text;
    expect(title(html)).toBe(`Photo by @${grace.username} · Freeb`);
    expect(meta(html, 'og:title')).toBe(`Photo by @${grace.username}`);
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:description')).toBe('Moth found in relay #70 <script>alert(1)</script>');
    expect(meta(html, 'description')).toBe(meta(html, 'og:description'));
    expect(html).not.toContain('<script>alert(1)');
    expect(meta(html, 'og:image:alt')).toBe('A moth taped into a logbook');
    const origin = `http://127.0.0.1:${(t.server.address() as { port: number }).port}`;
    expect(meta(html, 'og:url')).toBe(`${origin}/p/${postId}`);

    const image = meta(html, 'og:image')!;
    expect(image.startsWith(`${origin}/`)).toBe(true);
    const post = (await grace.agent.get(`/api/posts/${postId}`).expect(200)).body;
    const variantKeys = post.image.variants.map((variant: { url: string }) =>
      keyOfUrl(t, variant.url),
    );
    expect(variantKeys).toContain(keyOfUrl(t, image));
    const fetched = await request(t.server).get(new URL(image).pathname + new URL(image).search);
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-type']).toBe('image/webp');
    // The web client is still the page: its script is there.
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\//);
  });

  it('a public profile: name, handle, bio and avatar', async () => {
    const html = (await request(t.server).get(`/u/${grace.username}`).expect(200)).text;
    expect(title(html)).toBe(`Grace Hopper (@${grace.username}) · Freeb`);
    expect(meta(html, 'og:type')).toBe('profile');
    expect(meta(html, 'og:description')).toBe('Compilers & "bugs".');
    expect(meta(html, 'og:image')).toBeUndefined(); // no avatar yet
    expect(meta(html, 'twitter:card')).toBe('summary');
  });

  it('nothing for a post or profile that does not exist: the page as built', async () => {
    for (const path of [
      '/p/01890000-0000-7000-8000-000000000000',
      '/p/nonsense',
      '/u/nobody_here',
    ]) {
      const res = await request(t.server).get(path).expect(200);
      expect(title(res.text)).toBe('Freeb');
      expect(meta(res.text, 'og:title')).toBeUndefined();
      expect(meta(res.text, 'description')).toBe('Freeb: share photos with the people you follow.');
    }
  });

  it('nothing from a suspended author, whose posts and profile are hidden', async () => {
    const mallory = await signUp(t, { firstName: 'Mallory' });
    const post = await publish(t, mallory.agent, { caption: 'Buy followers now' });
    expect(meta((await request(t.server).get(`/p/${post.id}`)).text, 'og:title')).toBeDefined();
    const report = await grace.agent
      .post('/api/reports')
      .send({ subject: { type: 'post', id: post.id }, reason: 'spam' })
      .expect(201);
    await admin.agent
      .post(`/api/moderation/reports/${report.body.id}/resolve`)
      .send({ action: 'suspend', note: 'Spam account' })
      .expect(200);
    for (const path of [`/p/${post.id}`, `/u/${mallory.username}`]) {
      const html = (await request(t.server).get(path).expect(200)).text;
      expect(title(html)).toBe('Freeb');
      expect(html).not.toContain('Buy followers');
      expect(html).not.toContain('Mallory');
      expect(meta(html, 'og:title')).toBeUndefined();
    }
  });

  it('nothing from a private account: neither its profile nor its posts', async () => {
    const priya = await signUp(t, { firstName: 'Priya' });
    await priya.agent.patch('/api/users/me').send({ bio: 'Only for friends' }).expect(200);
    const post = await publish(t, priya.agent, { caption: 'Family dinner' });
    expect(meta((await request(t.server).get(`/p/${post.id}`)).text, 'og:title')).toBeDefined();
    await priya.agent.patch('/api/users/me').send({ private: true }).expect(200);
    for (const path of [`/p/${post.id}`, `/u/${priya.username}`]) {
      const html = (await request(t.server).get(path).expect(200)).text;
      expect(title(html)).toBe('Freeb');
      expect(html).not.toContain('Family dinner');
      expect(html).not.toContain('Only for friends');
      expect(meta(html, 'og:title')).toBeUndefined();
    }
  });
});
