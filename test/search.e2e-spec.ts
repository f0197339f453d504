import { randomUUID } from 'node:crypto';
import { mode, startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp } from './harness/client';
import { statementsDuring } from './harness/queries';

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

  it('ranks from a covering index range for every statement, then reads only the best rows', async () => {
    await seed(t, 3000);
    const statements = await statementsDuring(t, () =>
      client(t).get('/api/search').query({ q: 'seedm' }).expect(200),
    );
    const searches = statements.filter((statement) =>
      /FROM [`"](users|tags)[`"]/.test(statement.sql),
    );
    expect(searches).toHaveLength(4);
    const covering =
      /^(IDX_users_username_followers_count|IDX_users_first_name_key_followers_count|IDX_users_last_name_key_followers_count|IDX_tags_name_key_post_count)$/;
    for (const statement of searches) {
      if (mode === 'embedded') {
        const plan: Array<{ detail: string }> = await t.dataSource.query(
          `EXPLAIN QUERY PLAN ${statement.sql}`,
          statement.parameters,
        );
        const details = plan.map((row) => row.detail);
        // The best ids: an index range (the covering one; for usernames SQLite may take the
        // unique index, equally a range); then each row by id.
        const range = details.find((detail) => detail.startsWith('SEARCH candidate'));
        const [, index] = /USING (?:COVERING )?INDEX (\w+) \(\w+>\? AND \w+<\?\)$/.exec(range!)!;
        expect(index).toMatch(index === 'UQ_users_username' ? /^UQ_users_username$/ : covering);
        expect(details).toContainEqual(
          expect.stringMatching(/^SEARCH (user|tag) USING .*\(id=\?\)$/),
        );
        // The only scan is of the ten ids the subquery chose.
        expect(details.filter((detail) => detail.startsWith('SCAN'))).toEqual(['SCAN best']);
      } else {
        const plan: Array<{ table: string; key: string | null; type: string; Extra: string }> =
          await t.dataSource.query(`EXPLAIN ${statement.sql}`, statement.parameters);
        const derived = plan.find((row) => row.table === 'candidate')!;
        expect(derived).toEqual(
          expect.objectContaining({ type: 'range', key: expect.stringMatching(covering) }),
        );
        expect(derived.Extra).toContain('Using index');
        expect(plan.find((row) => row.table === 'user' || row.table === 'tag')).toEqual(
          expect.objectContaining({ type: 'eq_ref', key: 'PRIMARY' }),
        );
        expect(plan.map((row) => row.table).sort()).toEqual(
          [
            '<derived2>',
            'candidate',
            plan.find((row) => row.table === 'user') ? 'user' : 'tag',
          ].sort(),
        );
      }
    }
  });
});

/** Many users and tags, written straight to the database: enough rows for the planners to choose indexes. */
async function seed(t: TestApp, count: number): Promise<void> {
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let start = 0; start < count; start += 500) {
    const users: unknown[] = [];
    const tags: unknown[] = [];
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const name = `seed${letters[i % 26]}${i}`;
      users.push([
        randomUUID(),
        name,
        `${name}@example.com`,
        'x',
        name,
        name,
        name,
        name,
        now,
        now,
      ]);
      tags.push([randomUUID(), name, name, i % 7, now]);
    }
    await t.dataSource.query(
      `INSERT INTO users (id, username, email, password_hash, first_name, first_name_key, last_name, last_name_key, created_at, updated_at) VALUES ${users.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      users.flat(),
    );
    await t.dataSource.query(
      `INSERT INTO tags (id, name, name_key, post_count, created_at) VALUES ${tags.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      tags.flat(),
    );
  }
  await t.dataSource.query(mode === 'embedded' ? 'ANALYZE' : 'ANALYZE TABLE users, tags');
}
