import { mode, startApp, type TestApp } from './harness/app';
import { type Agent, signUp } from './harness/client';
import { jobRows } from './harness/jobs';
import { mariadbPlan, sqlitePlan, statementsDuring } from './harness/queries';
import { eventually, publish } from './harness/storage';

const feedIds = async (agent: Agent): Promise<string[]> =>
  (
    (await agent.get('/api/feed?limit=100').expect(200)).body as { items: Array<{ id: string }> }
  ).items.map((post) => post.id);

async function timelineHas(t: TestApp, userId: string, postId: string): Promise<boolean> {
  const rows: unknown[] = await t.dataSource.query(
    'SELECT post_id FROM timeline WHERE user_id = ? AND post_id = ?',
    [userId, postId],
  );
  return rows.length === 1;
}

describe('The home timeline, fanned out on write (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('puts a published post into its author’s feed at once and every follower’s soon after', async () => {
    const author = await signUp(t);
    const fans = [await signUp(t), await signUp(t)];
    for (const fan of fans) await fan.agent.put(`/api/users/${author.username}/follow`).expect(204);
    const post = await publish(t, author.agent);
    expect(await feedIds(author.agent)).toEqual([post.id]);
    for (const fan of fans) {
      await eventually(async () => expect(await feedIds(fan.agent)).toEqual([post.id]));
      expect(await timelineHas(t, fan.id, post.id)).toBe(true);
    }
  });

  it('backfills the latest posts of someone newly followed, at once', async () => {
    const author = await signUp(t);
    const reader = await signUp(t);
    const older = await publish(t, author.agent);
    const newer = await publish(t, author.agent);
    await reader.agent.put(`/api/users/${author.username}/follow`).expect(204);
    expect(await feedIds(reader.agent)).toEqual([newer.id, older.id]);
  });

  it('takes someone’s posts out at once on unfollow, keeping the rest', async () => {
    const author = await signUp(t);
    const other = await signUp(t);
    const reader = await signUp(t);
    await reader.agent.put(`/api/users/${author.username}/follow`).expect(204);
    await reader.agent.put(`/api/users/${other.username}/follow`).expect(204);
    const gone = await publish(t, author.agent);
    const kept = await publish(t, other.agent);
    await eventually(async () => expect(await feedIds(reader.agent)).toEqual([kept.id, gone.id]));
    await reader.agent.delete(`/api/users/${author.username}/follow`).expect(204);
    expect(await feedIds(reader.agent)).toEqual([kept.id]);
    expect(await timelineHas(t, reader.id, gone.id)).toBe(false);
  });

  it('loses a deleted post from every timeline', async () => {
    const author = await signUp(t);
    const reader = await signUp(t);
    await reader.agent.put(`/api/users/${author.username}/follow`).expect(204);
    const post = await publish(t, author.agent);
    await eventually(async () => expect(await timelineHas(t, reader.id, post.id)).toBe(true));
    await author.agent.delete(`/api/posts/${post.id}`).expect(204);
    expect(await feedIds(reader.agent)).toEqual([]);
    expect(await timelineHas(t, reader.id, post.id)).toBe(false);
  });
});

describe('Large accounts in the home timeline (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ TIMELINE_FANOUT_LIMIT: '2' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('merges the posts of an account over TIMELINE_FANOUT_LIMIT at read time instead of fanning them out', async () => {
    const star = await signUp(t);
    const small = await signUp(t);
    const fans = [await signUp(t), await signUp(t), await signUp(t)];
    for (const fan of fans) await fan.agent.put(`/api/users/${star.username}/follow`).expect(204);
    await fans[0].agent.put(`/api/users/${small.username}/follow`).expect(204);
    const starPost = await publish(t, star.agent);
    const smallPost = await publish(t, small.agent);
    await eventually(async () => expect(await jobRows(t, 'timeline.fanout')).toEqual([]));
    expect(await timelineHas(t, fans[0].id, smallPost.id)).toBe(true);
    for (const fan of fans) expect(await timelineHas(t, fan.id, starPost.id)).toBe(false);
    expect(await timelineHas(t, star.id, starPost.id)).toBe(true);

    expect(await feedIds(fans[0].agent)).toEqual([smallPost.id, starPost.id]);
    expect(await feedIds(fans[1].agent)).toEqual([starPost.id]);
    const first = await fans[0].agent.get('/api/feed?limit=1').expect(200);
    const second = await fans[0].agent
      .get('/api/feed')
      .query({ limit: 1, cursor: (first.body as { nextCursor: string }).nextCursor })
      .expect(200);
    expect(
      [first, second].map((res) => (res.body as { items: Array<{ id: string }> }).items[0].id),
    ).toEqual([smallPost.id, starPost.id]);
  });
});

describe('Several large accounts in one home feed (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // An app of its own: the accounts must be large before this app first reads the set.
    t = await startApp({ TIMELINE_FANOUT_LIMIT: '2' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads each followed large account’s posts from an index range of its own, in order', async () => {
    const stars = [await signUp(t), await signUp(t)];
    const fans = [await signUp(t), await signUp(t), await signUp(t)];
    for (const star of stars)
      for (const fan of fans) await fan.agent.put(`/api/users/${star.username}/follow`).expect(204);
    const posts = [];
    for (let i = 0; i < 6; i++) posts.push(await publish(t, stars[i % 2].agent));
    const newest = posts.map((post) => post.id).reverse();
    expect(await feedIds(fans[0].agent)).toEqual(newest);
    const first = await fans[0].agent.get('/api/feed?limit=2').expect(200);
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const [statement] = (
      await statementsDuring(t, () =>
        fans[0].agent.get('/api/feed').query({ limit: 2, cursor }).expect(200),
      )
    ).filter((logged) => /FROM timeline entry/.test(logged.sql));
    // one part per large account, an equality on the author: no sort of all their posts
    expect(statement.sql).not.toMatch(/author_id IN/);
    if (mode === 'embedded') {
      const plan = await sqlitePlan(t, statement);
      expect(
        plan.match(
          /SEARCH post USING INDEX IDX_posts_author_id_created_at_id \(author_id=\? AND created_at<\?\)/g,
        ),
      ).toHaveLength(2);
      // SQLite merges the parts' results, sorting each (at most limit + 1 rows), never a range
      const steps = plan.split(' | ');
      steps.forEach((step, i) => {
        if (/TEMP B-TREE/.test(step)) expect(steps[i - 1]).toBe('SCAN part');
      });
    } else {
      const plan = await mariadbPlan(t, statement);
      const authorRanges = plan.filter(
        (row) => row.table === 'post' && row.key === 'IDX_posts_author_id_created_at_id',
      );
      expect(authorRanges).toHaveLength(2);
      for (const row of authorRanges) expect(row.Extra ?? '').not.toMatch(/filesort|temporary/i);
    }
    const second = await fans[0].agent.get('/api/feed').query({ limit: 2, cursor }).expect(200);
    expect((second.body as { items: Array<{ id: string }> }).items.map((post) => post.id)).toEqual(
      newest.slice(2, 4),
    );
  });
});

describe('A feed merging more large accounts than have parts of their own (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Every account with a follower is large.
    t = await startApp({ TIMELINE_FANOUT_LIMIT: '0' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads the first 20 each in a part of its own and the rest together, in one order', async () => {
    const fan = await signUp(t);
    const stars = [];
    for (let i = 0; i < 22; i++) {
      const star = await signUp(t);
      await fan.agent.put(`/api/users/${star.username}/follow`).expect(204);
      stars.push(star);
    }
    const posts = await Promise.all(stars.map((star) => publish(t, star.agent)));
    const newest = [...posts]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map((post) => post.id);
    const [statement] = (await statementsDuring(t, () => feedIds(fan.agent))).filter((logged) =>
      /FROM timeline entry/.test(logged.sql),
    );
    expect(statement.sql.match(/post\.author_id = /g)).toHaveLength(20);
    expect(statement.sql.match(/post\.author_id IN /g)).toHaveLength(1);
    expect(await feedIds(fan.agent)).toEqual(newest);
    // page by page, every post once
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await fan.agent
        .get('/api/feed')
        .query({ limit: 5, ...(cursor && { cursor }) })
        .expect(200);
      const body = res.body as { items: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...body.items.map((post) => post.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(newest);
  });
});

describe('Unfollowing and following a large account (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // An app of its own: the set of large accounts is read once a minute, so the account
    // must be large before this app's first feed read.
    t = await startApp({ TIMELINE_FANOUT_LIMIT: '2' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('takes a large account’s posts out of the feed at once on unfollow, and back on follow', async () => {
    const star = await signUp(t);
    const fans = [await signUp(t), await signUp(t), await signUp(t)];
    for (const fan of fans) await fan.agent.put(`/api/users/${star.username}/follow`).expect(204);
    const starPost = await publish(t, star.agent);
    const fan = fans[0];
    expect(await feedIds(fan.agent)).toEqual([starPost.id]);

    await fan.agent.delete(`/api/users/${star.username}/follow`).expect(204);
    expect(await feedIds(fan.agent)).toEqual([]);
    await fan.agent.put(`/api/users/${star.username}/follow`).expect(204);
    expect(await feedIds(fan.agent)).toEqual([starPost.id]);
    // the others' feeds were not touched
    expect(await feedIds(fans[1].agent)).toEqual([starPost.id]);
  });
});

describe('An account that grows large after its posts were fanned out (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ TIMELINE_FANOUT_LIMIT: '2' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows each of its posts once, and pages stay full', async () => {
    const author = await signUp(t);
    const fan = await signUp(t);
    await fan.agent.put(`/api/users/${author.username}/follow`).expect(204);
    const posts = [];
    for (let i = 0; i < 3; i++) posts.push(await publish(t, author.agent));
    await eventually(async () => expect(await jobRows(t, 'timeline.fanout')).toEqual([]));
    for (const post of posts) expect(await timelineHas(t, fan.id, post.id)).toBe(true);
    // Two more followers: the author is now over the limit, so the feed merges their posts in
    // while the fan's timeline still holds them (nothing has read the large accounts yet).
    for (const other of [await signUp(t), await signUp(t)])
      await other.agent.put(`/api/users/${author.username}/follow`).expect(204);

    const newest = posts.map((post) => post.id).reverse();
    expect(await feedIds(fan.agent)).toEqual(newest);
    const first = await fan.agent.get('/api/feed?limit=2').expect(200);
    const body = first.body as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(body.items.map((post) => post.id)).toEqual(newest.slice(0, 2));
    expect(body.nextCursor).not.toBeNull();
    const second = await fan.agent
      .get('/api/feed')
      .query({ limit: 2, cursor: body.nextCursor })
      .expect(200);
    expect((second.body as { items: Array<{ id: string }> }).items.map((post) => post.id)).toEqual(
      newest.slice(2),
    );
  });
});
