/**
 * Discovery and notifications at size: search over 100,000 users and 100,000 tags (p99, one
 * client), a tag page against the public feed's first page (throughput ratio, same run, same
 * posts: the median of BENCH_ROUNDS alternating rounds, 3 by default), and the unread-count
 * statement's database time.
 *
 *   npm run bench:discovery     # embedded default (SQLite)
 *   BENCH_DATABASE_URL=mariadb://freeb_test:freeb_test@127.0.0.1:3306/freeb_t_discovery \
 *     npm run bench:discovery   # MariaDB (scripts/ensure-mariadb.sh); the database is made afresh
 *
 * Rows are inserted directly (a benchmark fixture, not a test of the API).
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { createConnection } from 'mysql2/promise';
import { searchKey } from '../src/common/text/caption-parser';
import { startApp } from '../test/harness/app';

const USERS = 100_000;
const TAGS = 100_000;
const POSTS = 20_000;
const NOTIFICATIONS = 2_000;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FIRST_NAMES = [
  'Zoë',
  'Élodie',
  'Marie',
  'Søren',
  'Ana',
  'Jürgen',
  'Chloé',
  'Noah',
  'Ines',
  'Luca',
];
const LAST_NAMES = ['Müller', 'García', 'Dubois', 'Rossi', 'Nowak', 'Silva', 'Öztürk', 'Smith'];

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const uuid = (kind: number, i: number) =>
  `00000000-0000-7000-${kind}000-${String(i).padStart(12, '0')}`;

async function insertMany(query: Query, table: string, columns: string[], rows: unknown[][]) {
  for (let from = 0; from < rows.length; from += 500) {
    const chunk = rows.slice(from, from + 500);
    const marks = `(${columns.map(() => '?').join(', ')})`;
    await query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => marks).join(', ')}`,
      chunk.flat(),
    );
  }
}

async function seed(query: Query): Promise<void> {
  const start = Date.UTC(2026, 0, 1);
  const users: unknown[][] = [];
  for (let i = 0; i < USERS; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = `${LAST_NAMES[i % LAST_NAMES.length]}${i % 997}`;
    users.push([
      uuid(8, i),
      `user${i}`,
      `user${i}@example.com`,
      'x',
      first,
      searchKey(first),
      last,
      searchKey(last),
      i % 1000,
      stamp(start),
      stamp(start),
    ]);
  }
  await insertMany(
    query,
    'users',
    [
      'id',
      'username',
      'email',
      'password_hash',
      'first_name',
      'first_name_key',
      'last_name',
      'last_name_key',
      'followers_count',
      'created_at',
      'updated_at',
    ],
    users,
  );
  const tags: unknown[][] = [];
  for (let i = 0; i < TAGS; i++) {
    const name = i === 0 ? 'bench' : `${['été', 'paris', 'zoe', 'night', 'food'][i % 5]}${i}`;
    tags.push([uuid(7, i), name, searchKey(name), i === 0 ? POSTS : i % 50, stamp(start)]);
  }
  await insertMany(query, 'tags', ['id', 'name', 'name_key', 'post_count', 'created_at'], tags);

  const images: unknown[][] = [];
  const posts: unknown[][] = [];
  const postTags: unknown[][] = [];
  for (let i = 0; i < POSTS; i++) {
    const author = uuid(8, i % 20);
    const id = uuid(9, i);
    const at = stamp(start + i * 1000);
    images.push([id, author, `users/${author}/${id}.png`, at]);
    posts.push([id, author, id, `post ${i} #bench`, at, at]);
    postTags.push([id, uuid(7, 0), author, at]);
  }
  await insertMany(
    query,
    'images',
    [
      'id',
      'owner_id',
      'storage_key',
      'content_type',
      'size_bytes',
      'width',
      'height',
      'status',
      'purpose',
      'processing',
      'variants',
      'created_at',
    ],
    images.map(([id, owner, key, at]) => [
      id,
      owner,
      key,
      'image/png',
      10,
      3,
      2,
      'attached',
      'post',
      'ready',
      JSON.stringify([
        { width: 3, height: 2, key: `users/${String(owner)}/variants/${String(id)}-3.webp` },
      ]),
      at,
    ]),
  );
  await insertMany(
    query,
    'posts',
    ['id', 'author_id', 'caption', 'status', 'created_at', 'updated_at'],
    posts.map(([id, author, , caption, at, updated]) => [
      id,
      author,
      caption,
      'published',
      at,
      updated,
    ]),
  );
  await insertMany(
    query,
    'post_media',
    ['post_id', 'position', 'image_id'],
    posts.map(([id, , image]) => [id, 0, image]),
  );
  await insertMany(query, 'post_tags', ['post_id', 'tag_id', 'author_id', 'created_at'], postTags);

  const notifications: unknown[][] = [];
  for (let i = 0; i < NOTIFICATIONS; i++) {
    notifications.push([
      uuid(6, i),
      uuid(8, 0),
      uuid(8, 1 + (i % 500)),
      'follow',
      i % 10 === 0 ? 0 : 1,
      stamp(start + i),
    ]);
  }
  await insertMany(
    query,
    'notifications',
    ['id', 'recipient_id', 'actor_id', 'type', 'is_read', 'created_at'],
    notifications,
  );
}

async function measure(url: string, connections: number) {
  const result = await autocannon({ url, connections, duration: DURATION_SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    const name = url.pathname.slice(1);
    url.pathname = '/';
    const admin = await createConnection(url.toString().replace(/^mariadb:/, 'mysql:'));
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
  }
  const t = await startApp({
    STORAGE_WORKER_INTERVAL_MS: '3600000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await seed((sql, params) => t.dataSource.query(sql, params));
    await t.dataSource.query(
      t.dataSource.options.type === 'better-sqlite3'
        ? 'ANALYZE'
        : 'ANALYZE TABLE users, tags, post_tags, posts, notifications',
    );
    const base = `http://127.0.0.1:${(t.server.address() as { port: number }).port}/api`;
    out(
      `discovery, ${USERS} users, ${TAGS} tags, ${POSTS} tagged posts, ${t.dataSource.options.type}, ${DURATION_SECONDS}s each`,
    );

    for (const q of ['zoe', 'soren', 'user4242', 'paris12', 'm']) {
      const url = `${base}/search?q=${encodeURIComponent(q)}`;
      await measure(url, 1);
      const r = await measure(url, 1);
      out(
        `search ${JSON.stringify(q).padEnd(11)} 1 client  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`,
      );
    }

    // Both pages warmed up, then measured in alternating rounds: on a shared machine one
    // back-to-back pair (the second page cold) measured the load's changes more than the pages.
    const feed = `${base}/posts?limit=20`;
    const tag = `${base}/tags/bench/posts?limit=20`;
    await measure(feed, 8);
    await measure(tag, 8);
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const feedResult = await measure(feed, 8);
      const tagResult = await measure(tag, 8);
      ratios.push(tagResult.rps / feedResult.rps);
      for (const [name, r] of [
        ['public feed', feedResult],
        ['tag page', tagResult],
      ] as const) {
        out(
          `round ${round} ${name.padEnd(12)} 8 clients ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`,
        );
      }
    }
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
    out(
      `tag page throughput ratio to the public feed: median ${median.toFixed(2)} of ${ROUNDS} rounds (${ratios.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    );

    const unreadSql =
      'SELECT COUNT(*) AS count FROM notifications WHERE recipient_id = ? AND is_read = ?';
    for (let i = 0; i < 200; i++) await t.dataSource.query(unreadSql, [uuid(8, 0), 0]);
    const runs = 2000;
    const began = performance.now();
    for (let i = 0; i < runs; i++) await t.dataSource.query(unreadSql, [uuid(8, 0), 0]);
    out(
      `unread count (${NOTIFICATIONS} notifications, ${NOTIFICATIONS / 10} unread): ${((performance.now() - began) / runs).toFixed(3)} ms per statement, round trip included`,
    );
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
