import { mode, startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp, type Account } from './harness/client';
import { expectIndexSeek, queriesDuring, statementsDuring } from './harness/queries';
import { JobWorker } from '../src/jobs/job-worker';
import {
  eventually,
  fixture,
  keyOfUrl,
  objectExists,
  postPhoto,
  publish,
  put,
  requestUpload,
  storedKeys,
  untilProcessed,
} from './harness/storage';

type PostBody = {
  id: string;
  author: { id: string; username: string; avatarUrl: string | null };
  caption: string | null;
  createdAt: string;
  image: { url: string; altText: string | null };
};

describe('Posts (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('publishes a post that appears in the public feed, the author’s list and on its own', async () => {
    const account = await signUp(t, { firstName: 'Ada' });
    const post = (await publish(t, account.agent, {
      caption: '  Sunset at the pier  ',
      altText: 'An orange sky',
    })) as unknown as PostBody;
    const photo = {
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'ready',
      width: 3,
      height: 2,
      placeholder: expect.any(String),
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      url: expect.any(String),
      variants: [{ width: 3, height: 2, contentType: 'image/webp', url: expect.any(String) }],
      altText: 'An orange sky',
    };
    expect(post).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      author: {
        id: account.id,
        username: account.username,
        firstName: 'Ada',
        lastName: null,
        avatarUrl: null,
      },
      status: 'published',
      media: [photo],
      image: photo,
      caption: 'Sunset at the pier',
      tags: [],
      mentions: [],
      createdAt: expect.any(String),
      likeCount: 0,
      commentCount: 0,
      viewer: { liked: false },
    });

    const anonymous = { ...post, viewer: null };
    const single = await client(t).get(`/api/posts/${post.id}`).expect(200);
    expect(single.body).toEqual(anonymous);
    const feed = await client(t).get('/api/posts').expect(200);
    expect(feed.body.items[0]).toEqual(anonymous);
    const mine = await client(t)
      .get(`/api/users/${account.username.toUpperCase()}/posts`)
      .expect(200);
    expect(mine.body).toEqual({ items: [anonymous], nextCursor: null });
    expect((await account.agent.get(`/api/posts/${post.id}`).expect(200)).body).toEqual(post);
  });

  it('sends API answers without an ETag (docs/decisions.md)', async () => {
    const feed = await client(t).get('/api/posts').expect(200);
    expect(feed.headers.etag).toBeUndefined();
  });

  it('answers 404 for a missing post or user', async () => {
    expectProblem(
      (await client(t).get('/api/posts/01a20f4c-eecd-73b6-ae9e-00c1892859d7').expect(404)).body,
      404,
    );
    await client(t).get('/api/posts/not-an-id').expect(404);
    await client(t).get('/api/users/nobody_here/posts').expect(404);
  });

  it.each([
    ['a caption over 2,200 characters', { caption: 'x'.repeat(2201) }, 'caption'],
    ['alt text over 1,000 characters', { altText: 'x'.repeat(1001) }, 'altText'],
    ['a caption that is not text', { caption: 42 }, 'caption'],
    ['an unknown field', { authorId: 'someone' }, 'authorId'],
  ])('refuses %s without using the upload', async (_label, fields, field) => {
    const account = await signUp(t);
    const bytes = fixture('tiny.png');
    const upload = await requestUpload(account.agent, 'image/png', bytes.length);
    expect((await put(t, upload, bytes)).status).toBe(200);
    const res = await account.agent
      .post('/api/posts')
      .send({ uploadId: upload.uploadId, ...fields })
      .expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    await account.agent
      .post('/api/posts')
      .send({ uploadId: upload.uploadId, caption: 'x'.repeat(2200) })
      .expect(201);
  });

  it('refuses a post without a session or without an upload', async () => {
    await client(t)
      .post('/api/posts')
      .send({ uploadId: '01a20f4c-eecd-73b6-ae9e-00c1892859d7' })
      .expect(401);
    const account = await signUp(t);
    await account.agent.post('/api/posts').send({ caption: 'no image' }).expect(400);
    await account.agent
      .post('/api/posts')
      .send({ uploadId: '01a20f4c-eecd-73b6-ae9e-00c1892859d7' })
      .expect(404);
  });

  describe('changing', () => {
    let owner: Account;
    let other: Account;
    let post: PostBody;

    beforeAll(async () => {
      owner = await signUp(t);
      other = await signUp(t);
      post = (await publish(t, owner.agent, {
        caption: 'first',
        altText: 'a red square',
      })) as unknown as PostBody;
    });

    it('lets the owner edit the caption and alt text, or clear them', async () => {
      const edited = await owner.agent
        .patch(`/api/posts/${post.id}`)
        .send({ caption: 'second' })
        .expect(200);
      expect(edited.body).toEqual(
        expect.objectContaining({
          caption: 'second',
          image: expect.objectContaining({ altText: 'a red square' }),
        }),
      );
      const cleared = await owner.agent
        .patch(`/api/posts/${post.id}`)
        .send({ altText: '' })
        .expect(200);
      expect(cleared.body.image.altText).toBeNull();
      expect((await client(t).get(`/api/posts/${post.id}`)).body.caption).toBe('second');
    });

    it('refuses others (403), the anonymous (401) and missing posts (404), changing nothing', async () => {
      expectProblem(
        (await other.agent.patch(`/api/posts/${post.id}`).send({ caption: 'hijacked' }).expect(403))
          .body,
        403,
      );
      await other.agent.delete(`/api/posts/${post.id}`).expect(403);
      await client(t).patch(`/api/posts/${post.id}`).send({ caption: 'anon' }).expect(401);
      await client(t).delete(`/api/posts/${post.id}`).expect(401);
      await owner.agent
        .patch('/api/posts/01a20f4c-eecd-73b6-ae9e-00c1892859d7')
        .send({ caption: 'x' })
        .expect(404);
      await owner.agent.delete('/api/posts/01a20f4c-eecd-73b6-ae9e-00c1892859d7').expect(404);
      await owner.agent
        .patch(`/api/posts/${post.id}`)
        .send({ caption: 'x'.repeat(2201) })
        .expect(400);
      expect((await client(t).get(`/api/posts/${post.id}`).expect(200)).body.caption).toBe(
        'second',
      );
    });

    it('deletes a post and then its object in storage', async () => {
      const key = keyOfUrl(t, post.image.url);
      expect(await objectExists(t, key)).toBe(true);
      await owner.agent.delete(`/api/posts/${post.id}`).expect(204);
      await client(t).get(`/api/posts/${post.id}`).expect(404);
      await owner.agent.delete(`/api/posts/${post.id}`).expect(404);
      await eventually(async () => expect(await objectExists(t, key)).toBe(false));
    });
  });

  describe('avatars', () => {
    /** The account once its avatar is processed. */
    const avatarOf = async (account: Account) => {
      let me = await account.agent.get('/api/auth/me').expect(200);
      await eventually(async () => {
        me = await account.agent.get('/api/auth/me').expect(200);
        expect(me.body.avatarUrl).toEqual(expect.any(String));
      });
      return me;
    };

    it('sets an avatar through the same upload path, shows it everywhere, and removes the old one', async () => {
      const account = await signUp(t);
      const first = fixture('tiny.jpg');
      const upload = await requestUpload(account.agent, 'image/jpeg', first.length);
      expect((await put(t, upload, first)).status).toBe(200);
      const patched = await account.agent
        .patch('/api/users/me')
        .send({ avatarUploadId: upload.uploadId, bio: 'hi' })
        .expect(200);
      // No URL until the avatar's variants exist: the original is never shown.
      expect(patched.body).toEqual(expect.objectContaining({ avatarUrl: null, bio: 'hi' }));
      const me = await avatarOf(account);
      const avatarKey = keyOfUrl(t, me.body.avatarUrl);
      expect(avatarKey).toBe(`users/${account.id}/variants/${upload.uploadId}/3.webp`);

      const profile = await client(t).get(`/api/users/${account.username}`).expect(200);
      expect(profile.body.avatarUrl).toBe(me.body.avatarUrl);
      const post = (await publish(t, account.agent)) as unknown as PostBody;
      expect(post.author.avatarUrl).toBe(me.body.avatarUrl);

      const second = fixture('tiny.png');
      const next = await requestUpload(account.agent, 'image/png', second.length);
      expect((await put(t, next, second)).status).toBe(200);
      await account.agent
        .patch('/api/users/me')
        .send({ avatarUploadId: next.uploadId })
        .expect(200);
      await eventually(async () =>
        expect(keyOfUrl(t, (await account.agent.get('/api/auth/me')).body.avatarUrl)).toBe(
          `users/${account.id}/variants/${next.uploadId}/2.webp`,
        ),
      );
      await eventually(async () => expect(await objectExists(t, avatarKey)).toBe(false));
    });

    it('refuses an avatar that is not an image, leaving the profile as it was', async () => {
      const account = await signUp(t);
      const text = Buffer.from('definitely not a picture');
      const upload = await requestUpload(account.agent, 'image/jpeg', text.length);
      expect((await put(t, upload, text)).status).toBe(200);
      const res = await account.agent
        .patch('/api/users/me')
        .send({ avatarUploadId: upload.uploadId, bio: 'new' })
        .expect(422);
      expect(res.body.errors).toEqual([{ field: 'avatarUploadId', message: expect.any(String) }]);
      const me = await account.agent.get('/api/auth/me').expect(200);
      expect(me.body).toEqual(expect.objectContaining({ avatarUrl: null, bio: null }));
    });
  });

  it('removes every object of a deleted account', async () => {
    const account = await signUp(t);
    const kept = await signUp(t);
    const keptPost = (await publish(t, kept.agent)) as unknown as PostBody;
    const posts = [
      (await publish(t, account.agent)) as unknown as PostBody,
      (await publish(t, account.agent, {}, 'image/gif')) as unknown as PostBody,
    ];
    const avatar = fixture('tiny.webp');
    const upload = await requestUpload(account.agent, 'image/webp', avatar.length);
    expect((await put(t, upload, avatar)).status).toBe(200);
    await account.agent
      .patch('/api/users/me')
      .send({ avatarUploadId: upload.uploadId })
      .expect(200);
    const unused = await requestUpload(account.agent, 'image/png', fixture('tiny.png').length);
    expect((await put(t, unused, fixture('tiny.png'))).status).toBe(200);
    const prefixes = [`users/${account.id}/`, `uploads/${account.id}/`];
    const accountKeys = async () =>
      (await storedKeys(t)).filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
    // Three originals and their variants (one each: the images are tiny), and the unused upload.
    await eventually(async () => expect(await accountKeys()).toHaveLength(7));

    await account.agent.delete('/api/users/me').send({ password: account.password }).expect(204);

    for (const post of posts) await client(t).get(`/api/posts/${post.id}`).expect(404);
    await eventually(async () => expect(await accountKeys()).toEqual([]));
    expect(await objectExists(t, keyOfUrl(t, keptPost.image.url))).toBe(true);
    await client(t).get(`/api/posts/${keptPost.id}`).expect(200);
  });
});

describe('Feeds are keyset pages (e2e)', () => {
  let t: TestApp;
  const authors: Account[] = [];
  const created: string[] = [];

  beforeAll(async () => {
    t = await startApp();
    for (let i = 0; i < 3; i++) authors.push(await signUp(t));
    for (let i = 0; i < 250; i++) {
      const post = await postPhoto(t, authors[i % 3].agent, { caption: `post ${i}` });
      created.push(post.id);
    }
    for (const [i, id] of created.entries()) await untilProcessed(authors[i % 3].agent, id);
    // The job workers stop, so the query counts below are the request's own.
    await t.app.get(JobWorker).stop();
  }, 240_000);

  afterAll(async () => {
    await t.close();
  });

  async function walk(path: string, limit: number): Promise<PostBody[]> {
    const seen: PostBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: PostBody[]; nextCursor: string | null } } = await client(t)
        .get(path)
        .query({ limit, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(300);
    } while (cursor);
    return seen;
  }

  it('walks all 250 posts, newest first, with no duplicates or gaps', async () => {
    const seen = await walk('/api/posts', 7);
    expect(seen.map((post) => post.id)).toEqual([...created].reverse());
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i - 1].createdAt >= seen[i].createdAt).toBe(true);
    }
  });

  it('walks one author’s posts the same way', async () => {
    const seen = await walk(`/api/users/${authors[1].username}/posts`, 20);
    expect(seen.map((post) => post.id)).toEqual(created.filter((_, i) => i % 3 === 1).reverse());
    expect(seen.every((post) => post.author.id === authors[1].id)).toBe(true);
  });

  it('gives 20 by default and the last page a null cursor', async () => {
    const first = await client(t).get('/api/posts').expect(200);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const all = await client(t).get('/api/posts').query({ limit: 100 }).expect(200);
    const third = await client(t)
      .get('/api/posts')
      .query({ limit: 100, cursor: all.body.nextCursor })
      .expect(200);
    const last = await client(t)
      .get('/api/posts')
      .query({ limit: 100, cursor: third.body.nextCursor })
      .expect(200);
    expect(last.body.items).toHaveLength(50);
    expect(last.body.nextCursor).toBeNull();
  });

  it.each([
    ['limit=0'],
    ['limit=101'],
    ['limit=abc'],
    ['limit=5&limit=6'],
    ['cursor=not-a-cursor'],
    [`cursor=${Buffer.from('["x",1]').toString('base64url')}`],
    ['sort=oldest'],
  ])('answers ?%s with a 400 problem', async (query) => {
    const res = await client(t).get(`/api/posts?${query}`).expect(400);
    expectProblem(res.body, 400);
  });

  it('costs the same few queries for a page of 5 or of 100, near the start or deep in', async () => {
    const small = await queriesDuring(t, () =>
      client(t).get('/api/posts').query({ limit: 5 }).expect(200),
    );
    const large = await queriesDuring(t, () =>
      client(t).get('/api/posts').query({ limit: 100 }).expect(200),
    );
    const page = await client(t).get('/api/posts').query({ limit: 100 });
    const deep = await queriesDuring(t, () =>
      client(t).get('/api/posts').query({ limit: 100, cursor: page.body.nextCursor }).expect(200),
    );
    // one statement: the posts with their authors, avatars and photos
    expect(small).toHaveLength(1);
    expect(large).toHaveLength(1);
    expect(deep).toHaveLength(1);
    // an author's summary never reads what it does not show
    for (const sql of [...small, ...large, ...deep]) expect(sql).not.toMatch(/password_hash|email/);
  });

  it('reads a profile page and a post by id in one statement each, never a password hash or an email', async () => {
    const profile = await queriesDuring(t, () =>
      client(t).get(`/api/users/${authors[1].username}/posts`).expect(200),
    );
    const post = await queriesDuring(t, () =>
      client(t).get(`/api/posts/${created[0]}`).expect(200),
    );
    expect(profile).toHaveLength(1);
    expect(post).toHaveLength(1);
    for (const sql of [...profile, ...post]) expect(sql).not.toMatch(/password_hash|email/);
    // only an empty page asks whether the user exists
    await client(t).get('/api/users/nobody-here/posts').expect(404);
  });

  it(`seeks an author's (created_at, id) index to the cursor on ${mode === 'cloud' ? 'MariaDB' : 'SQLite'}`, async () => {
    const path = `/api/users/${authors[1].username}/posts`;
    const cursor = (await client(t).get(path).query({ limit: 20 }).expect(200)).body
      .nextCursor as string;
    const [page] = await statementsDuring(t, () =>
      client(t).get(path).query({ cursor }).expect(200),
    );
    // On a table this small MariaDB reads the author's rows by `ref` (from their newest) or by
    // `range` (from the cursor) as its costs say; either way in the index's order.
    await expectIndexSeek(t, page, {
      table: 'post',
      key: 'IDX_posts_author_id_created_at_id',
      sqlite:
        /SEARCH post USING INDEX IDX_posts_author_id_created_at_id \(author_id=\? AND created_at<\?\)/,
    });
  });

  it.each(['nobody signed in', 'a signed-in viewer'])(
    `seeks the (created_at, id) index to the cursor on ${mode === 'cloud' ? 'MariaDB' : 'SQLite'}, for %s`,
    async (who) => {
      // The visibility condition (the author's standing; blocks, mutes and follows for a
      // signed-in viewer) must not change which index drives the page.
      const agent = who === 'nobody signed in' ? client(t) : (await signUp(t)).agent;
      const cursor = (await agent.get('/api/posts').query({ limit: 100 }).expect(200)).body
        .nextCursor as string;
      const statements = await statementsDuring(t, () =>
        agent.get('/api/posts').query({ cursor }).expect(200),
      );
      // Nobody signed in: the page alone; signed in, the session, the caller and their likes too.
      const feeds = statements.filter((statement) => statement.sql.includes('FROM posts post'));
      expect(feeds).toHaveLength(1);
      if (who === 'nobody signed in') expect(statements).toHaveLength(1);
      const [feed] = feeds;
      // A SEARCH (a seek to the cursor), not a SCAN (reading every newer row first); no sort.
      await expectIndexSeek(t, feed, {
        table: 'post',
        key: 'IDX_posts_created_at_id',
        type: 'range',
        sqlite: /SEARCH post USING INDEX IDX_posts_created_at_id \(created_at<\?\)/,
      });
    },
  );
});
