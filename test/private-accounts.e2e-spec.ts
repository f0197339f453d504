import { mode, startApp, type TestApp } from './harness/app';
import { type Agent, client, expectProblem, signUp, type Account } from './harness/client';
import { expectProbedPerRow, statementsDuring } from './harness/queries';
import { eventually, publish } from './harness/storage';

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);
const usernames = (body: { items: Array<{ username: string }> }) =>
  body.items.map((item) => item.username);

describe('Private accounts and follow requests (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const makePrivate = async (account: Account) => {
    const res = await account.agent.patch('/api/users/me').send({ private: true }).expect(200);
    expect(res.body.private).toBe(true);
  };
  const viewerOf = async (agent: Agent, username: string) =>
    (await agent.get(`/api/users/${username}`).expect(200)).body.viewer;
  const counts = async (username: string) =>
    (await client(t).get(`/api/users/${username}`).expect(200)).body.counts;
  const requests = async (agent: Agent) =>
    usernames((await agent.get('/api/users/me/follow-requests').expect(200)).body);
  const notifications = async (agent: Agent) =>
    (await agent.get('/api/notifications').expect(200)).body.items.map(
      (n: { type: string; actor: { username: string } }) => `${n.type}:${n.actor.username}`,
    );

  it('answers 202 requested (again while pending); a request is not a follow until accepted', async () => {
    const owner = await signUp(t);
    const fan = await signUp(t);
    await makePrivate(owner);
    const post = await publish(t, owner.agent);

    const first = await fan.agent.put(`/api/users/${owner.username}/follow`).expect(202);
    expect(first.body).toEqual({ status: 'requested' });
    const again = await fan.agent.put(`/api/users/${owner.username}/follow`).expect(202);
    expect(again.body).toEqual({ status: 'requested' });
    expect(await viewerOf(fan.agent, owner.username)).toEqual(
      expect.objectContaining({ following: false, requested: true }),
    );
    expect(await counts(owner.username)).toEqual({ posts: 1, followers: 0, following: 0 });
    expect(await requests(owner.agent)).toEqual([fan.username]);
    expect(await notifications(owner.agent)).toEqual([`follow_request:${fan.username}`]);
    // Not a follower yet: no posts, no lists, nothing by id.
    expect((await fan.agent.get(`/api/users/${owner.username}/posts`).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
    await fan.agent.get(`/api/posts/${post.id}`).expect(404);
    expect((await fan.agent.get('/api/feed').expect(200)).body.items).toEqual([]);

    await owner.agent.post(`/api/users/me/follow-requests/${fan.username}/accept`).expect(204);
    expect(await viewerOf(fan.agent, owner.username)).toEqual(
      expect.objectContaining({ following: true, requested: false }),
    );
    expect(await viewerOf(owner.agent, fan.username)).toEqual(
      expect.objectContaining({ following: false, followedBy: true }),
    );
    expect(await counts(owner.username)).toEqual({ posts: 1, followers: 1, following: 0 });
    expect(await requests(owner.agent)).toEqual([]);
    expect(await notifications(owner.agent)).toEqual([`follow:${fan.username}`]);
    expect(await notifications(fan.agent)).toEqual([`follow_accepted:${owner.username}`]);
    expect(
      ids((await fan.agent.get(`/api/users/${owner.username}/posts`).expect(200)).body),
    ).toEqual([post.id]);
    expect(ids((await fan.agent.get('/api/feed').expect(200)).body)).toEqual([post.id]);
    await fan.agent.get(`/api/posts/${post.id}`).expect(200);
    // Following already: 204, no new request.
    await fan.agent.put(`/api/users/${owner.username}/follow`).expect(204);
    expect(await requests(owner.agent)).toEqual([]);
  });

  it('withdraws a request with DELETE …/follow, taking its notification back', async () => {
    const owner = await signUp(t);
    const fan = await signUp(t);
    await makePrivate(owner);
    await fan.agent.put(`/api/users/${owner.username}/follow`).expect(202);
    await fan.agent.delete(`/api/users/${owner.username}/follow`).expect(204);
    expect(await requests(owner.agent)).toEqual([]);
    expect(await notifications(owner.agent)).toEqual([]);
    expect(await viewerOf(fan.agent, owner.username)).toEqual(
      expect.objectContaining({ following: false, requested: false }),
    );
  });

  it('lets a declined request be made again; accepting or declining nothing is 404', async () => {
    const owner = await signUp(t);
    const fan = await signUp(t);
    await makePrivate(owner);
    await fan.agent.put(`/api/users/${owner.username}/follow`).expect(202);
    await owner.agent.post(`/api/users/me/follow-requests/${fan.username}/decline`).expect(204);
    expect(await requests(owner.agent)).toEqual([]);
    expect(await counts(owner.username)).toEqual({ posts: 0, followers: 0, following: 0 });
    expectProblem(
      (await owner.agent.post(`/api/users/me/follow-requests/${fan.username}/accept`).expect(404))
        .body,
      404,
    );
    await owner.agent.post(`/api/users/me/follow-requests/${fan.username}/decline`).expect(404);
    await owner.agent.post('/api/users/me/follow-requests/nobody_here/accept').expect(404);
    await client(t).get('/api/users/me/follow-requests').expect(401);

    await fan.agent.put(`/api/users/${owner.username}/follow`).expect(202);
    expect(await requests(owner.agent)).toEqual([fan.username]);
  });

  it('accepts every pending request when the account switches to public', async () => {
    const owner = await signUp(t);
    const fans = [await signUp(t), await signUp(t)];
    await makePrivate(owner);
    for (const fan of fans) await fan.agent.put(`/api/users/${owner.username}/follow`).expect(202);
    const res = await owner.agent.patch('/api/users/me').send({ private: false }).expect(200);
    expect(res.body.private).toBe(false);
    expect(await requests(owner.agent)).toEqual([]);
    expect(await counts(owner.username)).toEqual({ posts: 0, followers: 2, following: 0 });
    for (const fan of fans)
      expect(await viewerOf(fan.agent, owner.username)).toEqual(
        expect.objectContaining({ following: true, requested: false }),
      );
    expect(
      usernames(
        (await client(t).get(`/api/users/${owner.username}/followers`).expect(200)).body,
      ).sort(),
    ).toEqual(fans.map((fan) => fan.username).sort());
    // Public now: following is immediate.
    const late = await signUp(t);
    await late.agent.put(`/api/users/${owner.username}/follow`).expect(204);
  });

  it('keeps a private account’s profile visible, its posts and lists for followers only', async () => {
    const owner = await signUp(t);
    const follower = await signUp(t);
    const stranger = await signUp(t);
    await follower.agent.put(`/api/users/${owner.username}/follow`).expect(204);
    await makePrivate(owner);
    const post = await publish(t, owner.agent, { caption: '#quietplace' });

    const profile = (await client(t).get(`/api/users/${owner.username}`).expect(200)).body;
    expect(profile).toEqual(
      expect.objectContaining({ private: true, counts: { posts: 1, followers: 1, following: 0 } }),
    );
    for (const agent of [client(t), stranger.agent]) {
      expect(
        (await agent.get(`/api/users/${owner.username}/followers`).expect(200)).body.items,
      ).toEqual([]);
      expect(
        (await agent.get(`/api/users/${owner.username}/posts`).expect(200)).body.items,
      ).toEqual([]);
      await agent.get(`/api/posts/${post.id}`).expect(404);
      expect(ids((await agent.get('/api/posts?limit=100').expect(200)).body)).not.toContain(
        post.id,
      );
      expect(ids((await agent.get('/api/tags/quietplace/posts').expect(200)).body)).toEqual([]);
    }
    expect(
      usernames(
        (await follower.agent.get(`/api/users/${owner.username}/followers`).expect(200)).body,
      ),
    ).toEqual([follower.username]);
    expect(ids((await follower.agent.get('/api/posts?limit=100').expect(200)).body)).toContain(
      post.id,
    );
    expect(ids((await follower.agent.get('/api/tags/quietplace/posts').expect(200)).body)).toEqual([
      post.id,
    ]);
    expect(
      ids((await owner.agent.get(`/api/users/${owner.username}/posts`).expect(200)).body),
    ).toEqual([post.id]);
  });

  it.each(['/api/posts', '/api/feed'])(
    `asks whether the viewer follows a private author by one probe of the pair, never by reading all they follow (%s, on ${mode === 'cloud' ? 'MariaDB' : 'SQLite'})`,
    async (path) => {
      const owner = await signUp(t);
      const follower = await signUp(t);
      const others = [await signUp(t), await signUp(t), await signUp(t)];
      for (const account of [owner, ...others]) {
        await follower.agent.put(`/api/users/${account.username}/follow`).expect(204);
      }
      await makePrivate(owner);
      const post = await publish(t, owner.agent);
      // The home feed has it once fan-out has run.
      await eventually(async () =>
        expect(ids((await follower.agent.get(path).expect(200)).body)).toContain(post.id),
      );

      const statements = await statementsDuring(t, async () => {
        const page = (await follower.agent.get(path).expect(200)).body;
        expect(ids(page)).toContain(post.id);
      });
      const [feed] = statements.filter((statement) => statement.sql.includes('vis_f'));
      expect(feed).toBeDefined();
      await expectProbedPerRow(t, feed, [
        { alias: 'vis_f', key: 'UQ_follows_follower_id_followee_id' },
      ]);
      // Someone who does not follow the account still does not see the post.
      expect(ids((await others[0].agent.get(path).expect(200)).body)).not.toContain(post.id);
    },
  );

  it('refuses a private flag that is not a boolean (400), changing nothing', async () => {
    const owner = await signUp(t);
    expectProblem(
      (await owner.agent.patch('/api/users/me').send({ private: 'yes' }).expect(400)).body,
      400,
    );
    expect((await client(t).get(`/api/users/${owner.username}`).expect(200)).body.private).toBe(
      false,
    );
  });
});
