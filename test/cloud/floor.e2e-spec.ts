import type { Server } from 'node:http';
import request from 'supertest';
import { startFloor } from '../../bench/floor/server';
import { AppSecret } from '../../src/config/app-secret';
import { startApp, type TestApp } from '../harness/app';
import { client, signUp } from '../harness/client';
import {
  FIXTURES,
  eventually,
  fixture,
  publish,
  put,
  requestUpload,
  untilProcessed,
} from '../harness/storage';

/**
 * The floor benchmark compares Freeb with a bare Express + mysql2 server (bench/floor) that
 * must answer the same routes with the same bytes; this holds them equal on one database.
 */
describe('The benchmark floor (e2e, MariaDB)', () => {
  let t: TestApp;
  let floor: Server;
  const postIds: string[] = [];

  beforeAll(async () => {
    // The floor signs image URLs as the embedded storage does.
    t = await startApp({ STORAGE: 'local' });
    floor = await startFloor({
      databaseUrl: t.env.DATABASE_URL,
      secret: t.app.get(AppSecret).value,
    });
    const author = await signUp(t);
    const other = await signUp(t);
    const bytes = fixture(FIXTURES['image/png'].file);
    const avatar = await requestUpload(author.agent, 'image/png', bytes.length);
    expect((await put(t, avatar, bytes)).status).toBe(200);
    await author.agent
      .patch('/api/users/me')
      .send({ firstName: 'Ada', lastName: 'Lovelace', avatarUploadId: avatar.uploadId })
      .expect(200);
    // The avatar shows once its variants are made.
    await eventually(async () =>
      expect((await author.agent.get('/api/auth/me')).body.avatarUrl).toEqual(expect.any(String)),
    );
    for (const [agent, fields] of [
      [author.agent, { caption: 'first', altText: 'a tiny picture' }],
      [other.agent, {}],
      [author.agent, { caption: 'third, with "quotes" and ünïcode' }],
    ] as const) {
      postIds.push((await publish(t, agent, fields)).id);
    }
    await other.agent.put(`/api/posts/${postIds[0]}/like`).expect(204);
    await other.agent.post(`/api/posts/${postIds[0]}/comments`).send({ body: 'nice' }).expect(201);
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => floor.close(resolve));
    await t.close();
  });

  const bothAnswer = async (path: string) => {
    const [freeb, bare] = await Promise.all([
      client(t).get(path).expect(200),
      request(floor).get(path).expect(200),
    ]);
    expect(bare.text).toBe(freeb.text);
    return JSON.parse(freeb.text) as { items: Array<{ id: string }>; nextCursor: string | null };
  };

  it('answers the public feed with the same bytes, page by page', async () => {
    const first = await bothAnswer('/api/posts?limit=2');
    expect(first.items.map((post) => post.id)).toEqual([postIds[2], postIds[1]]);
    const second = await bothAnswer(`/api/posts?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((post) => post.id)).toEqual([postIds[0]]);
    expect(second.nextCursor).toBeNull();
    await bothAnswer('/api/posts');
  });

  it('answers a post by id with the same bytes', async () => {
    for (const id of postIds) {
      const post = await bothAnswer(`/api/posts/${id}`);
      expect(post).toEqual(expect.objectContaining({ id }));
    }
  });

  it('shows avatars, names, counts and captions (the compared pages are not trivial)', async () => {
    const page = await bothAnswer('/api/posts');
    expect(page.items[2]).toEqual(
      expect.objectContaining({
        author: expect.objectContaining({
          firstName: 'Ada',
          avatarUrl: expect.stringMatching(/^\/api\/storage\//),
        }),
        caption: 'first',
        likeCount: 1,
        commentCount: 1,
      }),
    );
  });

  it('leaves a private account’s posts out of the page, and answers 404 for one by id, as Freeb does', async () => {
    const owner = await signUp(t);
    await owner.agent.patch('/api/users/me').send({ private: true }).expect(200);
    const hidden = await publish(t, owner.agent, { caption: 'for followers' });
    const page = await bothAnswer('/api/posts?limit=100');
    expect(page.items.map((post) => post.id)).toEqual(expect.arrayContaining(postIds));
    expect(page.items.map((post) => post.id)).not.toContain(hidden.id);
    await client(t).get(`/api/posts/${hidden.id}`).expect(404);
    await request(floor).get(`/api/posts/${hidden.id}`).expect(404);
  });

  it('answers a post of several photos with the same bytes, its photos in order', async () => {
    const author = await signUp(t);
    const bytes = fixture(FIXTURES['image/png'].file);
    const media: Array<{ uploadId: string; altText: string }> = [];
    for (const altText of ['one', 'two', 'three']) {
      const upload = await requestUpload(author.agent, 'image/png', bytes.length);
      expect((await put(t, upload, bytes)).status).toBe(200);
      media.push({ uploadId: upload.uploadId, altText });
    }
    const created = await author.agent.post('/api/posts').send({ media }).expect(201);
    await untilProcessed(author.agent, created.body.id as string);
    const post = (await bothAnswer(`/api/posts/${created.body.id}`)) as unknown as {
      media: Array<{ altText: string }>;
    };
    expect(post.media.map((photo) => photo.altText)).toEqual(['one', 'two', 'three']);
    const page = (await bothAnswer('/api/posts?limit=1')) as unknown as {
      items: Array<{ id: string }>;
    };
    expect(page.items.map((item) => item.id)).toEqual([created.body.id]);
  });
});
