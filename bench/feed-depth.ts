/**
 * Keyset pages cost the same at any depth: the public feed's first page against a page 10,000
 * posts deep (and 19,980 deep), measured in the same run on the same app and data.
 *
 *   npm run bench                       # embedded default (SQLite)
 *   FREEB_TEST_MODE=cloud npm run bench # MariaDB (needs scripts/ensure-mariadb.sh, dynalite, s3rver)
 *
 * Prints requests/second and latency for each, and each depth's ratio to the first page.
 * Rows are inserted directly (a benchmark fixture, not a test of the API).
 */
import autocannon from 'autocannon';
import { encodeCursor } from '../src/common/pagination/page';
import { startApp } from '../test/harness/app';

const POSTS = 20_000;
const AUTHORS = 20;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function seed(query: (sql: string, params: unknown[]) => Promise<unknown>): Promise<void> {
  const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  const start = Date.UTC(2026, 0, 1);
  for (let a = 0; a < AUTHORS; a++) {
    await query(
      'INSERT INTO users (id, username, email, password_hash, session_generation, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
      [
        `00000000-0000-7000-8000-${String(a).padStart(12, '0')}`,
        `author${a}`,
        `author${a}@example.com`,
        'x',
        stamp(start),
        stamp(start),
      ],
    );
  }
  const batch = 500;
  for (let from = 0; from < POSTS; from += batch) {
    const images: unknown[] = [];
    const posts: unknown[] = [];
    const photos: unknown[] = [];
    for (let i = from; i < from + batch; i++) {
      const author = `00000000-0000-7000-8000-${String(i % AUTHORS).padStart(12, '0')}`;
      const id = `00000000-0000-7000-9000-${String(i).padStart(12, '0')}`;
      const at = stamp(start + i * 1000);
      const variants = JSON.stringify([
        { width: 3, height: 2, key: `users/${author}/variants/${id}-3.webp` },
      ]);
      images.push(id, author, `users/${author}/${id}.png`, variants, at);
      posts.push(id, author, `post ${i}`, at, at);
      photos.push(id, id);
    }
    await query(
      `INSERT INTO images (id, owner_id, storage_key, content_type, size_bytes, width, height, status, purpose, processing, variants, created_at) VALUES ${Array(batch).fill("(?, ?, ?, 'image/png', 10, 3, 2, 'attached', 'post', 'ready', ?, ?)").join(', ')}`,
      images,
    );
    await query(
      `INSERT INTO posts (id, author_id, caption, status, created_at, updated_at) VALUES ${Array(batch).fill("(?, ?, ?, 'published', ?, ?)").join(', ')}`,
      posts,
    );
    await query(
      `INSERT INTO post_media (post_id, position, image_id) VALUES ${Array(batch).fill('(?, 0, ?)').join(', ')}`,
      photos,
    );
  }
}

async function measure(url: string) {
  const result = await autocannon({ url, connections: 8, duration: DURATION_SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  const t = await startApp({ WORKERS: 'off' });
  try {
    await seed((sql, params) => t.dataSource.query(sql, params));
    const base = `http://127.0.0.1:${(t.server.address() as { port: number }).port}/api/posts?limit=20`;
    const cursorAt = async (offset: number) => {
      const [row] = (await t.dataSource.query(
        'SELECT id, created_at FROM posts ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?',
        [offset],
      )) as Array<{ id: string; created_at: string | Date }>;
      const createdAt =
        row.created_at instanceof Date
          ? row.created_at
          : new Date(`${row.created_at.replace(' ', 'T')}Z`);
      return encodeCursor({ createdAt, id: row.id });
    };
    const cases: Array<[string, string]> = [
      ['first page', base],
      ['10,000 deep', `${base}&cursor=${await cursorAt(9_999)}`],
      ['19,980 deep', `${base}&cursor=${await cursorAt(19_979)}`],
    ];
    await measure(base); // warm-up
    const results = [];
    for (const [name, url] of cases) results.push({ name, ...(await measure(url)) });
    const first = results[0];
    process.stdout.write(
      `feed depth, ${POSTS} posts, ${t.dataSource.options.type}, ${DURATION_SECONDS}s each, 8 connections\n`,
    );
    for (const r of results) {
      process.stdout.write(
        `${r.name.padEnd(12)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  ` +
          `throughput ratio to first page ${(r.rps / first.rps).toFixed(2)}\n`,
      );
    }
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
