import sharp from 'sharp';
import { mode, startApp, type TestApp } from './harness/app';
import { client, signUp, type Account } from './harness/client';
import { metadataBlocks } from './harness/image-metadata';
import {
  absolute,
  eventually,
  fixture,
  put,
  requestUpload,
  storedKeys,
  untilProcessed,
  type PublishedPost,
  type Upload,
} from './harness/storage';

interface Photo {
  file: string;
  contentType: string;
  altText?: string;
}

/** Uploads each file and returns the intents, in order. */
async function uploadAll(t: TestApp, account: Account, photos: Photo[]): Promise<Upload[]> {
  const uploads: Upload[] = [];
  for (const photo of photos) {
    const bytes = fixture(photo.file);
    const upload = await requestUpload(account.agent, photo.contentType, bytes.length);
    expect((await put(t, upload, bytes)).status).toBe(200);
    uploads.push(upload);
  }
  return uploads;
}

/** Posts the photos as one post and returns it as created. */
async function postMedia(t: TestApp, account: Account, photos: Photo[]): Promise<PublishedPost> {
  const uploads = await uploadAll(t, account, photos);
  const res = await account.agent
    .post('/api/posts')
    .send({
      media: uploads.map((upload, index) => ({
        uploadId: upload.uploadId,
        ...(photos[index].altText ? { altText: photos[index].altText } : {}),
      })),
    })
    .expect(201);
  return res.body as PublishedPost;
}

async function download(t: TestApp, url: string): Promise<Buffer> {
  const res = await fetch(absolute(t, url));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Every object stored for an account, under its folder or its upload prefix. */
async function keysOf(t: TestApp, account: Account): Promise<string[]> {
  return (await storedKeys(t)).filter(
    (key) => key.startsWith(`users/${account.id}/`) || key.startsWith(`uploads/${account.id}/`),
  );
}

describe('Media pipeline (e2e)', () => {
  let t: TestApp;
  let author: Account;

  beforeAll(async () => {
    t = await startApp();
    author = await signUp(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves a JPEG with GPS, camera serial and Orientation=6 upright, from variants with no metadata at all', async () => {
    const created = await postMedia(t, author, [
      { file: 'exif-gps-orient6.jpg', contentType: 'image/jpeg' },
    ]);
    expect(created).toMatchObject({
      status: 'processing',
      media: [{ status: 'processing', url: '', variants: [] }],
    });
    const post = await untilProcessed(author.agent, created.id);
    expect(post.status).toBe('published');
    const [photo] = post.media;
    expect(photo).toMatchObject({ status: 'ready', width: 400, height: 600 });
    expect(photo.variants.map(({ width, height }) => [width, height])).toEqual([
      [400, 600],
      [320, 480],
    ]);
    expect(photo.url).toBe(photo.variants[0].url);
    for (const variant of photo.variants) {
      expect(variant.contentType).toBe('image/webp');
      const bytes = await download(t, variant.url);
      expect(await metadataBlocks(bytes)).toEqual([]);
      for (const secret of ['CAM123456789', 'BODY987654321', 'Secret Person', 'Paris']) {
        expect(bytes.includes(secret)).toBe(false);
      }
      expect(await sharp(bytes).metadata()).toMatchObject({
        format: 'webp',
        width: variant.width,
        height: variant.height,
      });
    }
  });

  it('turns HEIC into WebP variants, keeps PNG transparency and GIF animation', async () => {
    const created = await postMedia(t, author, [
      { file: 'photo.heic', contentType: 'image/heic' },
      { file: 'alpha.png', contentType: 'image/png' },
      { file: 'animated.gif', contentType: 'image/gif' },
    ]);
    const { media, status } = await untilProcessed(author.agent, created.id);
    expect(status).toBe('published');
    const [heic, png, gif] = await Promise.all(
      media.map(async (photo) =>
        sharp(await download(t, photo.url), { animated: true }).metadata(),
      ),
    );
    expect(heic).toMatchObject({ format: 'webp', width: 300, height: 200 });
    expect(png).toMatchObject({ format: 'webp', hasAlpha: true });
    expect(gif).toMatchObject({ format: 'webp', pages: 3, pageHeight: 48 });
  });

  it.each([
    ['a truncated JPEG', 'truncated.jpg', 'image/jpeg', 'The image file is damaged or truncated.'],
    [
      'a GIF over the frame cap',
      'many-frames.gif',
      'image/gif',
      'The animation has more than 200 frames.',
    ],
  ])(
    'fails a post with %s, with the reason, for its author alone',
    async (_what, file, type, reason) => {
      const created = await postMedia(t, author, [{ file, contentType: type }]);
      const post = await untilProcessed(author.agent, created.id);
      expect(post).toMatchObject({ status: 'failed', failure: reason });
      expect(post.media[0]).toMatchObject({ status: 'failed', url: '', variants: [] });
      await client(t).get(`/api/posts/${post.id}`).expect(404);
      const feed = await client(t).get('/api/posts').expect(200);
      expect(feed.body.items.map((item: { id: string }) => item.id)).not.toContain(post.id);
    },
  );

  it('keeps the order and alt texts of 20 photos, and refuses a 21st (400)', async () => {
    const photos = Array.from({ length: 20 }, (_, index) => ({
      file: index % 2 ? 'tiny.png' : 'tiny.gif',
      contentType: index % 2 ? 'image/png' : 'image/gif',
      altText: `photo ${index + 1}`,
    }));
    const created = await postMedia(t, author, photos);
    const post = await untilProcessed(author.agent, created.id, 60_000);
    expect(post.status).toBe('published');
    expect(post.media.map((photo) => photo.altText)).toEqual(photos.map((photo) => photo.altText));
    expect(post.media.map((photo) => photo.width)).toEqual(
      photos.map((photo) => (photo.file === 'tiny.png' ? 3 : 5)),
    );
    expect(post.image).toEqual(post.media[0]);

    const uploads = await uploadAll(t, author, [...photos, photos[0]]);
    const res = await author.agent
      .post('/api/posts')
      .send({ media: uploads.map((upload) => ({ uploadId: upload.uploadId })) })
      .expect(400);
    expect(res.body.errors).toEqual([{ field: 'media', message: expect.stringMatching(/20/) }]);
    const again = await author.agent
      .post('/api/posts')
      .send({ media: uploads.slice(0, 1).map((upload) => ({ uploadId: upload.uploadId })) })
      .expect(201);
    expect(again.body.status).toBe('processing');
  });

  it('gives the author the untouched original (302), and 404 to anyone else', async () => {
    const created = await postMedia(t, author, [
      { file: 'exif-gps-orient6.jpg', contentType: 'image/jpeg' },
    ]);
    const post = await untilProcessed(author.agent, created.id);
    const path = `/api/posts/${post.id}/media/${post.media[0].id}/original`;
    const res = await author.agent.get(path).redirects(0).expect(302);
    expect(await download(t, res.headers.location)).toEqual(fixture('exif-gps-orient6.jpg'));
    const stranger = await signUp(t);
    await stranger.agent.get(path).redirects(0).expect(404);
    await client(t).get(path).redirects(0).expect(404);
    await author.agent
      .get(`/api/posts/${post.id}/media/${stranger.id}/original`)
      .redirects(0)
      .expect(404);
  });

  it('changes nothing served when the used upload URL is PUT again', async () => {
    const [upload] = await uploadAll(t, author, [{ file: 'alpha.png', contentType: 'image/png' }]);
    const created = await author.agent
      .post('/api/posts')
      .send({ uploadId: upload.uploadId })
      .expect(201);
    const post = await untilProcessed(author.agent, created.body.id);
    const variant = await download(t, post.image.url);
    const original = `/api/posts/${post.id}/media/${post.image.id}/original`;

    const impostor = Buffer.alloc(fixture('alpha.png').length, 0x41);
    const again = await put(t, upload, impostor);
    if (mode === 'embedded') expect(again.status).toBe(403);

    const after = await author.agent.get(`/api/posts/${post.id}`).expect(200);
    expect(after.body.image.url).toBe(post.image.url);
    expect(await download(t, after.body.image.url)).toEqual(variant);
    const res = await author.agent.get(original).redirects(0).expect(302);
    expect(await download(t, res.headers.location)).toEqual(fixture('alpha.png'));
  });

  it('leaves no object behind when a post is deleted (originals, variants, uploads)', async () => {
    const account = await signUp(t);
    const created = await postMedia(t, account, [
      { file: 'exif-gps-orient6.jpg', contentType: 'image/jpeg' },
      { file: 'tiny.png', contentType: 'image/png' },
    ]);
    await untilProcessed(account.agent, created.id);
    // Two originals, three variants (400 and 320 px, and the tiny one's).
    await eventually(async () => expect(await keysOf(t, account)).toHaveLength(5));
    await account.agent.delete(`/api/posts/${created.id}`).expect(204);
    await eventually(async () => expect(await keysOf(t, account)).toEqual([]));
  });

  it('tells clients the photo limit and the types, HEIC and AVIF included', async () => {
    const meta = await client(t).get('/api/meta').expect(200);
    expect(meta.body.maxPhotosPerPost).toBe(20);
    expect(meta.body.allowedContentTypes).toEqual(
      expect.arrayContaining(['image/jpeg', 'image/heic', 'image/heif', 'image/avif']),
    );
  });
});

describe('A post still processing (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // No job workers: the post stays processing.
    t = await startApp({ WORKERS: 'off' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('is seen by its author alone, counted nowhere, and its original is 404 to others', async () => {
    const author = await signUp(t);
    const post = await postMedia(t, author, [{ file: 'tiny.png', contentType: 'image/png' }]);
    expect(post.status).toBe('processing');
    expect((await author.agent.get(`/api/posts/${post.id}`).expect(200)).body.status).toBe(
      'processing',
    );
    const mine = await author.agent.get(`/api/users/${author.username}/posts`).expect(200);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([post.id]);

    const stranger = await signUp(t);
    for (const agent of [stranger.agent, client(t)]) {
      await agent.get(`/api/posts/${post.id}`).expect(404);
      await agent
        .get(`/api/posts/${post.id}/media/${post.media[0].id}/original`)
        .redirects(0)
        .expect(404);
      await agent.put(`/api/posts/${post.id}/like`).expect(agent === stranger.agent ? 404 : 401);
      const theirs = await agent.get(`/api/users/${author.username}/posts`).expect(200);
      expect(theirs.body.items).toEqual([]);
      expect((await agent.get('/api/posts').expect(200)).body.items).toEqual([]);
    }
    const profile = await client(t).get(`/api/users/${author.username}`).expect(200);
    expect(profile.body.counts.posts).toBe(0);
  });
});
