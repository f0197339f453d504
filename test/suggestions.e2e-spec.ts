import { newId } from '../src/common/ids';
import { FRIENDS_READ } from '../src/relations/follows.repository';
import { FollowsService } from '../src/relations/follows.service';
import { Follow } from '../src/relations/entities/follow.entity';
import { User } from '../src/users/entities/user.entity';
import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp, type Account } from './harness/client';

describe('Suggested people (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const follow = (who: Account, whom: Account) =>
    who.agent.put(`/api/users/${whom.username}/follow`).expect(204);

  const suggestedFor = async (who: Account) =>
    (await who.agent.get('/api/users/suggested').expect(200)).body as {
      items: Array<{ id: string; username: string }>;
      nextCursor: null;
    };

  it('offers whom the people you follow follow (most shared first), then the most followed; never yourself or whom you follow', async () => {
    const [viewer, friend, otherFriend, shared, single, popular, ...fans] = await Promise.all(
      Array.from({ length: 10 }, () => signUp(t)),
    );
    await follow(viewer, friend);
    await follow(viewer, otherFriend);
    await follow(friend, single);
    await follow(friend, shared);
    await follow(otherFriend, shared);
    await follow(otherFriend, viewer);
    for (const fan of fans) await follow(fan, popular);

    const page = await suggestedFor(viewer);
    expect(page.nextCursor).toBeNull();
    expect(page.items.slice(0, 3).map((user) => user.id)).toEqual([
      shared.id,
      single.id,
      popular.id,
    ]);
    const ids = page.items.map((user) => user.id);
    expect(ids).not.toContain(viewer.id);
    expect(ids).not.toContain(friend.id);
    expect(ids).not.toContain(otherFriend.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page.items[0]).toEqual({
      id: shared.id,
      username: shared.username,
      firstName: null,
      lastName: null,
      avatarUrl: null,
    });
  });

  it('counts whom the people you followed most recently follow, not those of older follows', async () => {
    const [viewer, early, recent] = await Promise.all(Array.from({ length: 3 }, () => signUp(t)));
    const onlyEarly = await signUp(t);
    const shown = await signUp(t); // the later id
    await follow(early, onlyEarly);
    await follow(recent, shown);
    // Whom the viewer follows, and the viewer, are never counted.
    await follow(recent, early);
    await follow(recent, viewer);
    // The viewer followed `early` an hour ago, then FRIENDS_READ others (who follow nobody),
    // then `recent` (through the API, now). Inserted directly: social writes are rate-limited.
    const hour = 60 * 60 * 1000;
    const fillers = Array.from({ length: FRIENDS_READ }, (_, i) => {
      const id = newId();
      const at = new Date(Date.now() - hour / 2);
      return { id, username: `filler_${id.slice(-12)}_${i}`, email: `${id}@example.com`, at };
    });
    await t.dataSource.getRepository(User).insert(
      fillers.map(({ id, username, email, at }) => ({
        id,
        username,
        email,
        passwordHash: 'not a hash',
        createdAt: at,
        updatedAt: at,
      })),
    );
    await t.dataSource.getRepository(Follow).insert([
      {
        id: newId(),
        followerId: viewer.id,
        followeeId: early.id,
        createdAt: new Date(Date.now() - hour),
      },
      ...fillers.map(({ id }, i) => ({
        id: newId(),
        followerId: viewer.id,
        followeeId: id,
        createdAt: new Date(Date.now() - hour / 2 + i),
      })),
    ]);
    await follow(viewer, recent);

    const ids = (await suggestedFor(viewer)).items.map((user) => user.id);
    // Each is followed by one person the viewer follows; counted over all their follows,
    // `onlyEarly` (the older id) would come first.
    expect(ids[0]).toBe(shown.id);
    const fromFriends = await t.app.get(FollowsService).followedByFollowees(viewer.id, 60);
    expect(fromFriends).toEqual([shown.id]);
  });

  it('offers a new account the most followed people, at most 20', async () => {
    const newcomer = await signUp(t);
    const page = await suggestedFor(newcomer);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(20);
    expect(page.items.map((user) => user.id)).not.toContain(newcomer.id);
  });

  it('needs a session', async () => {
    expectProblem((await client(t).get('/api/users/suggested').expect(401)).body, 401);
  });

  it('keeps “suggested” from being anyone’s username', async () => {
    const res = await client(t)
      .post('/api/auth/signup')
      .send({
        username: 'suggested',
        email: 'suggested@example.com',
        password: 'a long secret phrase',
      })
      .expect(400);
    expectProblem(res.body, 400);
  });
});
