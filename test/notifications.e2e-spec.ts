import { randomUUID } from 'node:crypto';
import { mode, startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp, type Account } from './harness/client';
import {
  BLOCK_AND_MUTE_PROBES,
  expectIndexSeek,
  expectProbedPerRow,
  mariadbPlan,
  sqlitePlan,
  statementsDuring,
} from './harness/queries';
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

  it('reads a page and the unread count from the recipient’s own index ranges, with no sort', async () => {
    // Not the server's first account (its admin sees suspended people too), and muting someone:
    // the statements carry the conditions of an ordinary viewer with a mute.
    const someone = await signUp(t);
    const alice = await signUp(t);
    await alice.agent.put(`/api/users/${someone.username}/mute`).expect(204);
    const unreadOfAlice = await seedInboxes(t, alice.id);
    const first = await inbox(alice, { limit: 20 });
    expect(first.items).toHaveLength(20);
    const reads = (work: () => Promise<unknown>) =>
      statementsDuring(t, work).then((all) =>
        all.filter((statement) => /FROM [`"]?notifications/.test(statement.sql)),
      );
    const [next] = await reads(() => inbox(alice, { limit: 20, cursor: first.nextCursor! }));
    const [count] = await reads(async () => expect(await unread(alice)).toBe(unreadOfAlice));
    expect(next.sql).toMatch(/suspended_at IS NULL AND CASE WHEN EXISTS/);
    // Each actor's blocks and her mutes: a probe of the pair, never a copy of her lists.
    await expectProbedPerRow(t, next, BLOCK_AND_MUTE_PROBES);
    await expectIndexSeek(t, next, {
      table: 'notification',
      key: 'IDX_notifications_recipient_id_created_at_id',
      type: 'range',
      sqlite:
        /SEARCH notification USING (COVERING )?INDEX IDX_notifications_recipient_id_created_at_id \(recipient_id=\? AND created_at<\?\)/,
    });
    if (mode === 'embedded') {
      expect(await sqlitePlan(t, count)).toMatch(
        /SEARCH notification USING (COVERING )?INDEX IDX_notifications_recipient_id_is_read \(recipient_id=\? AND is_read=\?\)/,
      );
    } else {
      expect((await mariadbPlan(t, count)).find((row) => row.table === 'notification')).toEqual(
        expect.objectContaining({ key: 'IDX_notifications_recipient_id_is_read', type: 'ref' }),
      );
    }
  });
});

/**
 * 2,000 people and 3,000 follow notifications among them written straight to the database,
 * every tenth to the recipient (one in three of those read): more people than anyone's
 * notifications, as on a real server, and enough rows for the planners to choose by index.
 * Returns how many of the recipient's are unread.
 */
async function seedInboxes(t: TestApp, recipientId: string): Promise<number> {
  const now = Date.now();
  const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  const people = Array.from({ length: 2000 }, () => randomUUID());
  const name = (id: string) => `n${id.slice(0, 8)}${id.slice(9, 13)}`;
  for (let start = 0; start < people.length; start += 500) {
    const batch = people.slice(start, start + 500);
    await t.dataSource.query(
      `INSERT INTO users (id, username, email, password_hash, created_at, updated_at) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      batch.flatMap((id) => [id, name(id), `${name(id)}@example.com`, 'x', at(now), at(now)]),
    );
  }
  let unread = 0;
  for (let start = 0; start < 3000; start += 500) {
    const rows: unknown[][] = [];
    for (let i = start; i < start + 500; i++) {
      const toRecipient = i % 10 === 0;
      const read = i % 3 === 0;
      if (toRecipient && !read) unread += 1;
      const actor = people[i % people.length];
      const recipient = toRecipient ? recipientId : people[(i + 1) % people.length];
      rows.push([randomUUID(), recipient, actor, 'follow', read, at(now - 60_000 - i * 1000)]);
    }
    await t.dataSource.query(
      `INSERT INTO notifications (id, recipient_id, actor_id, type, is_read, created_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
  }
  await t.dataSource.query(mode === 'embedded' ? 'ANALYZE' : 'ANALYZE TABLE users, notifications');
  return unread;
}
