import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp } from './harness/client';

/** A unique stem per test, so tests never see each other's users. */
let stems = 0;
const stem = () => `q${(stems += 1)}${randomUUID().slice(0, 6).replace(/-/g, '')}`;

describe('Search (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const search = async (q: string) =>
    (await client(t).get('/api/search').query({ q }).expect(200)).body as {
      users: Array<{ username: string; firstName: string | null; lastName: string | null }>;
      tags: Array<{ name: string; postCount: number }>;
    };

  it('finds “Zoë” by “zoe”, “ZOE” and “Zoë”, by first or last name, without accents or case', async () => {
    const last = `Ëlstrøm${stem()}`;
    const zoe = await signUp(t, { firstName: 'Zoë', lastName: last });
    for (const q of ['zoe', 'ZOE', 'Zoë', 'zoë']) {
      expect((await search(q)).users.map((user) => user.username)).toContain(zoe.username);
    }
    const byLast = await search(last.slice(0, 6).toUpperCase().replace('Ë', 'E'));
    expect(byLast.users).toEqual([
      { id: zoe.id, username: zoe.username, firstName: 'Zoë', lastName: last, avatarUrl: null },
    ]);
  });

  it('finds usernames by prefix, the exact username first, then the most followed', async () => {
    const prefix = stem();
    const [exact, popular, quiet] = [prefix, `${prefix}_popular`, `${prefix}_quiet`];
    for (const username of [quiet, exact, popular]) await signUp(t, { username });
    const fan = await signUp(t);
    await fan.agent.put(`/api/users/${popular}/follow`).expect(204);

    expect((await search(prefix.toUpperCase())).users.map((user) => user.username)).toEqual([
      exact,
      popular,
      quiet,
    ]);
    expect((await search(`${prefix}_`)).users.map((user) => user.username)).toEqual([
      popular,
      quiet,
    ]);
  });

  it('puts the exact username first even when ten more followed people share its prefix', async () => {
    const prefix = stem();
    await signUp(t, { username: prefix });
    const fan = await signUp(t);
    const followed: string[] = [];
    for (let i = 0; i < 11; i++) {
      const username = `${prefix}${i}`;
      await signUp(t, { username });
      await fan.agent.put(`/api/users/${username}/follow`).expect(204);
      followed.push(username);
    }

    const found = (await search(prefix)).users.map((user) => user.username);
    expect(found).toHaveLength(10);
    expect(found[0]).toBe(prefix);
    expect(found.slice(1).every((username) => followed.includes(username))).toBe(true);
  });

  it('answers up to 10 people, and only people after an @', async () => {
    const prefix = stem();
    for (let i = 0; i < 12; i++) await signUp(t, { username: `${prefix}${i}` });
    const found = await search(`@${prefix}`);
    expect(found.users).toHaveLength(10);
    expect(found.tags).toEqual([]);
  });

  it('takes wildcards literally', async () => {
    const prefix = stem();
    await signUp(t, { username: `${prefix}_a` });
    await signUp(t, { username: `${prefix}xa` });
    expect((await search(`${prefix}_`)).users.map((user) => user.username)).toEqual([
      `${prefix}_a`,
    ]);
    expect((await search('%')).users).toEqual([]);
  });

  it('refuses an empty or overlong query with a problem', async () => {
    expectProblem((await client(t).get('/api/search').expect(400)).body, 400);
    expectProblem((await client(t).get('/api/search').query({ q: '   ' }).expect(400)).body, 400);
    expectProblem(
      (
        await client(t)
          .get('/api/search')
          .query({ q: 'x'.repeat(101) })
          .expect(400)
      ).body,
      400,
    );
  });
});
