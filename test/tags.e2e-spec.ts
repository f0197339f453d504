import { JobWorker } from '../src/jobs/job-worker';
import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp } from './harness/client';
import { queriesDuring } from './harness/queries';
import { publish } from './harness/storage';

let tagCounter = 0;
/** A tag no other test uses. */
const freshTag = (base: string) => `${base}${(tagCounter += 1)}${Date.now().toString(36)}`;

describe('Hashtags (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const tag = async (name: string) =>
    (
      await client(t)
        .get(`/api/tags/${encodeURIComponent(name)}`)
        .expect(200)
    ).body as {
      name: string;
      postCount: number;
    };
  const tagPostIds = async (name: string, query: Record<string, string | number> = {}) => {
    const res = await client(t)
      .get(`/api/tags/${encodeURIComponent(name)}/posts`)
      .query(query)
      .expect(200);
    return {
      ids: (res.body.items as Array<{ id: string }>).map((post) => post.id),
      nextCursor: res.body.nextCursor as string | null,
    };
  };

  it('reads tags from a caption, lower-case with accents kept, and lists the post under each', async () => {
    const author = await signUp(t);
    const paris = freshTag('Paris');
    const cafe = freshTag('Café');
    const post = (await publish(t, author.agent, {
      caption: `Morning #${paris} at the #${cafe}, #${paris.toUpperCase()} again`,
    })) as unknown as { id: string; tags: string[] };
    expect(post.tags).toEqual([paris.toLowerCase(), cafe.toLowerCase()]);

    expect(await tag(paris)).toEqual({ name: paris.toLowerCase(), postCount: 1 });
    expect(await tag(`#${paris.toUpperCase()}`)).toEqual({
      name: paris.toLowerCase(),
      postCount: 1,
    });
    expect(await tag(cafe)).toEqual({ name: cafe.toLowerCase(), postCount: 1 });
    expect((await tagPostIds(cafe.toUpperCase())).ids).toEqual([post.id]);
    // "cafe…" without the accent is another tag, with nothing in it.
    expect(await tag(cafe.toLowerCase().replace('é', 'e'))).toEqual({
      name: cafe.toLowerCase().replace('é', 'e'),
      postCount: 0,
    });
  });

  it('follows caption edits: an added tag appears, a removed one disappears', async () => {
    const author = await signUp(t);
    const [before, added] = [freshTag('before'), freshTag('added')];
    const post = await publish(t, author.agent, { caption: `#${before}` });

    const edited = await author.agent
      .patch(`/api/posts/${post.id}`)
      .send({ caption: `now #${added}` })
      .expect(200);
    expect(edited.body.tags).toEqual([added]);
    expect(await tag(added)).toEqual({ name: added, postCount: 1 });
    expect((await tagPostIds(added)).ids).toEqual([post.id]);
    expect(await tag(before)).toEqual({ name: before, postCount: 0 });
    expect((await tagPostIds(before)).ids).toEqual([]);
  });

  it('counts follow deletes, of a post and of an account', async () => {
    const [author, other] = await Promise.all([signUp(t), signUp(t)]);
    const name = freshTag('counted');
    const first = await publish(t, author.agent, { caption: `#${name}` });
    await publish(t, author.agent, { caption: `#${name} #${name}` });
    await publish(t, other.agent, { caption: `#${name}` });
    expect((await tag(name)).postCount).toBe(3);

    await author.agent.delete(`/api/posts/${first.id}`).expect(204);
    expect((await tag(name)).postCount).toBe(2);
    expect((await tagPostIds(name)).ids).not.toContain(first.id);

    await author.agent.delete('/api/users/me').send({ password: author.password }).expect(204);
    expect((await tag(name)).postCount).toBe(1);
    expect((await tagPostIds(name)).ids).toHaveLength(1);
  });

  it('pages a tag’s posts newest first with a cursor', async () => {
    const author = await signUp(t);
    const name = freshTag('paged');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await publish(t, author.agent, { caption: `#${name} ${i}` })).id);

    const first = await tagPostIds(name, { limit: 2 });
    expect(first.ids).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await tagPostIds(name, { limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ ids: [ids[0]], nextCursor: null });
  });

  it('reads a page of a tag’s posts in one statement, never a password hash or an email', async () => {
    const author = await signUp(t);
    const name = freshTag('one');
    for (let i = 0; i < 3; i++) await publish(t, author.agent, { caption: `#${name} ${i}` });
    // The job workers pause, so the statements are the request's own.
    const worker = t.app.get(JobWorker);
    await worker.stop();
    try {
      const statements = await queriesDuring(t, () =>
        client(t).get(`/api/tags/${name}/posts`).expect(200),
      );
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/post_tags/);
      expect(statements[0]).not.toMatch(/password_hash|email/);
    } finally {
      worker.start();
    }
    expect((await tagPostIds(name)).ids).toHaveLength(3);
  });

  it('answers an unused tag with a zero count and an empty page', async () => {
    const name = freshTag('nobody');
    expect(await tag(name)).toEqual({ name, postCount: 0 });
    expect(await tagPostIds(name)).toEqual({ ids: [], nextCursor: null });
  });

  it('refuses a name that cannot be a tag', async () => {
    expectProblem((await client(t).get('/api/tags/not-a-tag').expect(400)).body, 400);
    expectProblem(
      (
        await client(t)
          .get(`/api/tags/${'a'.repeat(101)}`)
          .expect(400)
      ).body,
      400,
    );
  });

  it('is found by search, by prefix and without accents, the most used first', async () => {
    const author = await signUp(t);
    const stem = freshTag('søk');
    await publish(t, author.agent, { caption: `#${stem}été` });
    await publish(t, author.agent, { caption: `#${stem}ete #${stem}été` });
    const res = await client(t)
      .get('/api/search')
      .query({ q: `#${stem.replace('ø', 'o').toUpperCase()}` })
      .expect(200);
    expect(res.body).toEqual({
      users: [],
      tags: [
        { name: `${stem}été`, postCount: 2 },
        { name: `${stem}ete`, postCount: 1 },
      ],
    });
  });
});
