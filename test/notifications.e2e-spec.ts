import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp, type Account } from './harness/client';
import { publish } from './harness/storage';

interface NotificationBody {
  id: string;
  type: string;
  actor: { id: string; username: string };
  post?: { id: string; thumbnailUrl: string | null };
  comment?: { id: string; body: string };
  createdAt: string;
  read: boolean;
}

describe('Notifications (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const inbox = async (account: Account, query: Record<string, string | number> = {}) => {
    const res = await account.agent.get('/api/notifications').query(query).expect(200);
    return res.body as { items: NotificationBody[]; nextCursor: string | null };
  };
  const unread = async (account: Account) =>
    (
      (await account.agent.get('/api/notifications/unread-count').expect(200)).body as {
        count: number;
      }
    ).count;
  const kinds = async (account: Account) =>
    (await inbox(account)).items.map((item) => `${item.type}:${item.actor.username}`);

  it('tells the author of a like, and an unlike takes it back', async () => {
    const [alice, bob] = await Promise.all([signUp(t), signUp(t)]);
    const post = await publish(t, alice.agent, { caption: 'sunset' });
    await bob.agent.put(`/api/posts/${post.id}/like`).expect(204);
    await bob.agent.put(`/api/posts/${post.id}/like`).expect(204);

    const { items } = await inbox(alice);
    expect(items).toEqual([
      {
        id: expect.any(String),
        type: 'like',
        actor: expect.objectContaining({ id: bob.id, username: bob.username }),
        post: { id: post.id, thumbnailUrl: expect.any(String) },
        createdAt: expect.any(String),
        read: false,
      },
    ]);
    expect(await unread(alice)).toBe(1);

    await bob.agent.delete(`/api/posts/${post.id}/like`).expect(204);
    expect((await inbox(alice)).items).toEqual([]);
    expect(await unread(alice)).toBe(0);
  });

  it('never tells you of your own actions', async () => {
    const alice = await signUp(t);
    const post = await publish(t, alice.agent, { caption: `me @${alice.username}` });
    await alice.agent.put(`/api/posts/${post.id}/like`).expect(204);
    await alice.agent
      .post(`/api/posts/${post.id}/comments`)
      .send({ body: `hi @${alice.username}` })
      .expect(201);
    expect((await inbox(alice)).items).toEqual([]);
  });

  it('tells the author of a comment, with its body, until the comment is deleted', async () => {
    const [alice, bob] = await Promise.all([signUp(t), signUp(t)]);
    const post = await publish(t, alice.agent);
    const comment = await bob.agent
      .post(`/api/posts/${post.id}/comments`)
      .send({ body: 'Lovely light' })
      .expect(201);
    const [item] = (await inbox(alice)).items;
    expect(item).toEqual(
      expect.objectContaining({
        type: 'comment',
        post: { id: post.id, thumbnailUrl: expect.any(String) },
        comment: { id: comment.body.id, body: 'Lovely light' },
      }),
    );

    await alice.agent.delete(`/api/posts/${post.id}/comments/${comment.body.id}`).expect(204);
    expect((await inbox(alice)).items).toEqual([]);
  });

  it('tells whom you follow, and an unfollow takes it back', async () => {
    const [alice, bob] = await Promise.all([signUp(t), signUp(t)]);
    await bob.agent.put(`/api/users/${alice.username}/follow`).expect(204);
    const [item] = (await inbox(alice)).items;
    expect(item).toEqual(
      expect.objectContaining({ type: 'follow', actor: expect.objectContaining({ id: bob.id }) }),
    );
    expect(item.post).toBeUndefined();
    await bob.agent.delete(`/api/users/${alice.username}/follow`).expect(204);
    expect((await inbox(alice)).items).toEqual([]);
  });

  it('tells the people a caption mentions once, ignoring names nobody has', async () => {
    const [alice, bob, carol] = await Promise.all([signUp(t), signUp(t), signUp(t)]);
    const post = (await publish(t, alice.agent, {
      caption: `with @${bob.username.toUpperCase()} and @nobody_${Date.now()}`,
    })) as unknown as { id: string; mentions: string[] };
    expect(post.mentions).toEqual([bob.username]);
    expect(await kinds(bob)).toEqual([`mention:${alice.username}`]);

    // Editing keeps bob's one notification and tells carol, newly named.
    await alice.agent
      .patch(`/api/posts/${post.id}`)
      .send({ caption: `with @${bob.username} and @${carol.username}` })
      .expect(200);
    expect(await kinds(bob)).toEqual([`mention:${alice.username}`]);
    expect(await kinds(carol)).toEqual([`mention:${alice.username}`]);
    expect((await inbox(carol)).items[0].post?.id).toBe(post.id);
  });

  it('tells the people a comment mentions, with the comment', async () => {
    const [alice, bob, carol] = await Promise.all([signUp(t), signUp(t), signUp(t)]);
    const post = await publish(t, alice.agent);
    const comment = await bob.agent
      .post(`/api/posts/${post.id}/comments`)
      .send({ body: `look @${carol.username}` })
      .expect(201);
    expect(comment.body.mentions).toEqual([carol.username]);
    const [item] = (await inbox(carol)).items;
    expect(item).toEqual(
      expect.objectContaining({
        type: 'mention',
        actor: expect.objectContaining({ id: bob.id }),
        comment: { id: comment.body.id, body: `look @${carol.username}` },
      }),
    );
  });

  it('pages newest first, and mark-read lowers the unread count, all or up to one', async () => {
    const alice = await signUp(t);
    const fans: Account[] = [];
    for (let i = 0; i < 3; i++) {
      const fan = await signUp(t);
      await fan.agent.put(`/api/users/${alice.username}/follow`).expect(204);
      fans.push(fan);
    }
    const first = await inbox(alice, { limit: 2 });
    expect(first.items.map((item) => item.actor.id)).toEqual([fans[2].id, fans[1].id]);
    const rest = await inbox(alice, { limit: 2, cursor: first.nextCursor! });
    expect(rest.items.map((item) => item.actor.id)).toEqual([fans[0].id]);
    expect(rest.nextCursor).toBeNull();
    expect(await unread(alice)).toBe(3);

    await alice.agent.post('/api/notifications/read').send({ upTo: first.items[1].id }).expect(204);
    expect(await unread(alice)).toBe(1);
    expect((await inbox(alice)).items.map((item) => item.read)).toEqual([false, true, true]);

    await alice.agent.post('/api/notifications/read').send({}).expect(204);
    expect(await unread(alice)).toBe(0);
  });

  it('keeps inboxes private and refuses bad input', async () => {
    const [alice, bob] = await Promise.all([signUp(t), signUp(t)]);
    await bob.agent.put(`/api/users/${alice.username}/follow`).expect(204);
    const [item] = (await inbox(alice)).items;

    expectProblem((await client(t).get('/api/notifications').expect(401)).body, 401);
    expectProblem((await client(t).get('/api/notifications/unread-count').expect(401)).body, 401);
    expectProblem(
      (await bob.agent.post('/api/notifications/read').send({ upTo: item.id }).expect(404)).body,
      404,
    );
    expectProblem(
      (await alice.agent.post('/api/notifications/read').send({ upTo: 'x' }).expect(400)).body,
      400,
    );
    expectProblem(
      (await alice.agent.post('/api/notifications/read').send({ all: true }).expect(400)).body,
      400,
    );
    expect(await unread(alice)).toBe(1);
  });
});
