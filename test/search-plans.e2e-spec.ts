import { randomUUID } from 'node:crypto';
import { BROAD_PREFIX } from '../src/database/ranked-prefix-search';
import { mode, startApp, type TestApp } from './harness/app';
import { client } from './harness/client';
import { type LoggedQuery, statementsDuring } from './harness/queries';

const SEEDED = 3000;
const COVERING = [
  'IDX_users_username_followers_count',
  'IDX_users_first_name_key_followers_count',
  'IDX_users_last_name_key_followers_count',
  'IDX_tags_name_key_post_count',
];
const RANKING = ['IDX_users_search_ranking', 'IDX_tags_search_ranking'];

interface Seeded {
  username: string;
  followers: number;
  tag: string;
  posts: number;
}

/**
 * Search at a size where the planners choose indexes (3,000 users and tags written straight to
 * the database): "seedm" (about 115 of each) is a narrow prefix, ranked from each key's range;
 * "seed" (all of them) is broad and walks the ranking. Both answer the best ten exactly.
 */
describe('Search plans (e2e)', () => {
  let t: TestApp;
  let seeded: Seeded[];

  beforeAll(async () => {
    t = await startApp({ WORKERS: 'off' });
    seeded = await seed(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const search = async (q: string) =>
    (await client(t).get('/api/search').query({ q }).expect(200)).body as {
      users: Array<{ username: string }>;
      tags: Array<{ name: string; postCount: number }>;
    };

  const best = (prefix: string) => {
    const matching = seeded.filter((row) => row.username.startsWith(prefix));
    return {
      users: [...matching]
        .sort((a, b) => b.followers - a.followers)
        .slice(0, 10)
        .map((row) => row.username),
      tags: [...matching]
        .sort((a, b) => b.posts - a.posts || (a.tag < b.tag ? -1 : 1))
        .slice(0, 10)
        .map((row) => ({ name: row.tag, postCount: row.posts })),
    };
  };

  it.each([
    ['seedm', 'narrow'],
    ['seed', 'broad'],
  ])('answers the best ten of a %s (%s) prefix', async (prefix) => {
    const found = await search(prefix);
    expect(found.users.map((user) => user.username)).toEqual(best(prefix).users);
    expect(found.tags).toEqual(best(prefix).tags);
  });

  it('ranks a narrow prefix from each key’s covering index range, then reads only the best rows', async () => {
    expect(seeded.filter((row) => row.username.startsWith('seedm')).length * 3).toBeLessThan(
      BROAD_PREFIX,
    );
    const statements = await searchStatements(t, 'seedm');
    expect(statements).toHaveLength(4); // people and tags: a capped count, then the rows
    for (const statement of statements) {
      const accesses = await accessesOf(t, statement);
      for (const access of accesses.filter((row) => row.table === 'candidate')) {
        expect([...COVERING, 'UQ_users_username']).toContain(access.index);
        expect(access.kind).toBe(access.index === 'UQ_users_username' ? 'lookup' : 'range');
      }
      expect(accesses.filter((row) => row.table === 'candidate').length).toBeGreaterThan(0);
      expectRowsByPrimaryKeyOnly(accesses);
    }
  });

  it('walks the ranking index for a broad prefix and stops at the tenth match', async () => {
    const statements = await searchStatements(t, 'seed');
    expect(statements).toHaveLength(4);
    const reads = statements.filter((statement) => !/ AS entries$/.test(statement.sql));
    expect(reads).toHaveLength(2);
    for (const statement of reads) {
      const accesses = await accessesOf(t, statement);
      const walk = accesses.filter((row) => row.table === 'candidate' && row.kind === 'walk');
      expect(walk).toHaveLength(1);
      expect(RANKING).toContain(walk[0].index);
      // In the index's order: no sort, so the LIMIT stops the walk.
      expect(walk[0].sorted).toBe(false);
      if (mode === 'cloud') expect(walk[0].rowsRead).toBeLessThanOrEqual(10);
      for (const access of accesses.filter((row) => row.table === 'candidate' && row !== walk[0]))
        expect(access).toEqual(expect.objectContaining({ index: 'UQ_users_username' }));
      expectRowsByPrimaryKeyOnly(accesses);
    }
  });
});

/** The statements of one search that read the searched tables. */
async function searchStatements(t: TestApp, q: string): Promise<LoggedQuery[]> {
  const statements = await statementsDuring(t, () =>
    client(t).get('/api/search').query({ q }).expect(200),
  );
  return statements.filter((statement) => /\bcandidate\b/.test(statement.sql));
}

/** Any access other than the candidates' is a derived table or a row by primary key. */
function expectRowsByPrimaryKeyOnly(accesses: Access[]): void {
  for (const access of accesses.filter((row) => row.table !== 'candidate')) {
    expect(access).toEqual(expect.objectContaining({ kind: 'lookup', index: 'PRIMARY' }));
  }
}

interface Access {
  table: string;
  kind: 'range' | 'walk' | 'lookup' | 'scan';
  index: string | null;
  /** A sort right after this access (SQLite: a temp B-tree in the same subquery). */
  sorted: boolean;
  /** MariaDB only (ANALYZE): index entries read. */
  rowsRead?: number;
}

/**
 * How a statement reads each base table (`candidate` for the searched rows, `user` or `tag`
 * for the rows read back), from EXPLAIN on either database; derived tables are left out.
 */
async function accessesOf(t: TestApp, statement: LoggedQuery): Promise<Access[]> {
  if (mode === 'embedded') {
    const plan: Array<{ id: number; parent: number; detail: string }> = await t.dataSource.query(
      `EXPLAIN QUERY PLAN ${statement.sql}`,
      statement.parameters,
    );
    return plan.flatMap((row) => {
      const step =
        /^(SEARCH|SCAN) (candidate|user|tag)\b(?: USING (?:COVERING )?INDEX (\w+))?(.*)$/.exec(
          row.detail,
        );
      if (!step) return [];
      const [, how, table, index = null, rest] = step;
      const sorted = plan.some(
        (other) => other.parent === row.parent && other.detail.startsWith('USE TEMP B-TREE'),
      );
      const name = index?.startsWith('sqlite_autoindex') ? 'PRIMARY' : index;
      const kind =
        how === 'SCAN' ? (index ? 'walk' : 'scan') : /[<>]\?/.test(rest) ? 'range' : 'lookup';
      return [{ table, kind, index: name, sorted }];
    });
  }
  const plan: Array<{ table: string | null; key: string | null; type: string; Extra: string }> =
    await t.dataSource.query(`EXPLAIN ${statement.sql}`, statement.parameters);
  const analyzed = JSON.parse(
    (
      (await t.dataSource.query(
        `ANALYZE FORMAT=JSON ${statement.sql}`,
        statement.parameters,
      )) as Array<Record<string, string>>
    )[0].ANALYZE,
  ) as unknown;
  const kinds: Record<string, Access['kind']> = {
    range: 'range',
    index: 'walk',
    eq_ref: 'lookup',
    const: 'lookup',
    ref: 'lookup',
    ALL: 'scan',
  };
  return plan
    .filter((row) => row.table && !row.table.startsWith('<'))
    .map((row) => ({
      table: row.table!,
      kind: kinds[row.type] ?? 'scan',
      index: row.key,
      sorted: /filesort/.test(row.Extra),
      rowsRead: row.type === 'index' ? rowsRead(analyzed, row.key!) : undefined,
    }));
}

/** The entries ANALYZE counted for the access by `index`. */
function rowsRead(analyzed: unknown, index: string): number | undefined {
  if (typeof analyzed !== 'object' || analyzed === null) return undefined;
  const node = analyzed as Record<string, unknown>;
  if (node.key === index && typeof node.r_rows === 'number') return node.r_rows;
  for (const child of Object.values(node)) {
    const found = rowsRead(child, index);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Users and tags named seed{letter}{i}, with distinct follower counts and post counts 0–6. */
async function seed(t: TestApp): Promise<Seeded[]> {
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const seeded: Seeded[] = [];
  for (let start = 0; start < SEEDED; start += 500) {
    const users: unknown[][] = [];
    const tags: unknown[][] = [];
    for (let i = start; i < Math.min(SEEDED, start + 500); i++) {
      const name = `seed${letters[i % 26]}${i}`;
      const row = { username: name, followers: (i * 7919) % SEEDED, tag: name, posts: i % 7 };
      seeded.push(row);
      users.push([
        randomUUID(),
        name,
        `${name}@example.com`,
        'x',
        name,
        name,
        name,
        name,
        row.followers,
        now,
        now,
      ]);
      tags.push([randomUUID(), name, name, row.posts, now]);
    }
    await t.dataSource.query(
      `INSERT INTO users (id, username, email, password_hash, first_name, first_name_key, last_name, last_name_key, followers_count, created_at, updated_at) VALUES ${users.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      users.flat(),
    );
    await t.dataSource.query(
      `INSERT INTO tags (id, name, name_key, post_count, created_at) VALUES ${tags.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      tags.flat(),
    );
  }
  await t.dataSource.query(mode === 'embedded' ? 'ANALYZE' : 'ANALYZE TABLE users, tags');
  return seeded;
}
