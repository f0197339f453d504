/**
 * Which statement shape reads a page of posts with their photos most cheaply on MariaDB, on
 * the floor benchmark's seeded database (npm run bench:floor seeds it):
 *
 * - join:      the page of posts in a derived table, its photos joined (one row per photo,
 *              grouped by the app) — what Freeb sends (src/posts/post-pages.repository.ts);
 * - aggregate: one row per post, its photos as a JSON array built per post by MariaDB;
 * - two:       the page of posts, then its photos by id (the floor's two statements).
 *
 * Each shape reads the same first page, and the page 10,000 posts deep, ROUNDS times in turn
 * on one connection; reported: milliseconds per page (wall, Node included) and MariaDB's CPU
 * per page (from /proc/<mariadbd pid>/stat, so other load on the machine adds to it: compare
 * the shapes within one run only).
 *
 *   npm run bench:shapes        # BENCH_DATABASE_URL as bench:floor, BENCH_ROUNDS (2000)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type RowDataPacket, createConnection } from 'mysql2/promise';

const DATABASE_URL = (
  process.env.BENCH_DATABASE_URL ?? 'mariadb://freeb_test:freeb_test@127.0.0.1:3306/freeb_t_bench'
).replace(/^mariadb:/, 'mysql:');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);
const LIMIT = 21;

const POST_COLUMNS = `p.id, p.author_id, p.caption, p.status, p.failure, p.like_count, p.comment_count,
  p.created_at, u.username, u.first_name, u.last_name, u.avatar_image_id`;
const KEYSET = `p.status = 'published' AND p.created_at <= ? AND (p.created_at < ? OR p.id < ?)`;
const PAGE = `SELECT STRAIGHT_JOIN ${POST_COLUMNS} FROM posts p STRAIGHT_JOIN users u ON u.id = p.author_id
  WHERE ${KEYSET} ORDER BY p.created_at DESC, p.id DESC LIMIT ${LIMIT}`;

const SHAPES: Record<string, (cursor: unknown[]) => Array<[string, unknown[]]>> = {
  join: (cursor) => [
    [
      `SELECT page.*, m.position, m.alt_text, i.id AS photo_id, i.processing, i.width, i.height,
         i.placeholder, i.color, i.variants, a.variants AS avatar_variants
       FROM (${PAGE}) page STRAIGHT_JOIN post_media m ON m.post_id = page.id
       STRAIGHT_JOIN images i ON i.id = m.image_id AND i.status = 'attached'
       LEFT JOIN images a ON a.id = page.avatar_image_id AND a.status = 'attached'`,
      cursor,
    ],
  ],
  aggregate: (cursor) => [
    [
      `SELECT STRAIGHT_JOIN ${POST_COLUMNS}, a.variants AS avatar_variants,
         (SELECT JSON_ARRAYAGG(JSON_OBJECT('position', m.position, 'altText', m.alt_text,
            'id', i.id, 'processing', i.processing, 'width', i.width, 'height', i.height,
            'placeholder', i.placeholder, 'color', i.color, 'variants', i.variants)
            ORDER BY m.position)
          FROM post_media m JOIN images i ON i.id = m.image_id AND i.status = 'attached'
          WHERE m.post_id = p.id) AS photos
       FROM posts p STRAIGHT_JOIN users u ON u.id = p.author_id
       LEFT JOIN images a ON a.id = u.avatar_image_id AND a.status = 'attached'
       WHERE ${KEYSET} ORDER BY p.created_at DESC, p.id DESC LIMIT ${LIMIT}`,
      cursor,
    ],
  ],
  two: (cursor) => [
    [PAGE, cursor],
    [
      `SELECT m.post_id, m.position, m.alt_text, i.id, i.processing, i.width, i.height,
         i.placeholder, i.color, i.variants
       FROM post_media m JOIN images i ON i.id = m.image_id AND i.status = 'attached'
       WHERE m.post_id IN (?) ORDER BY m.post_id, m.position`,
      [],
    ],
  ],
};

function mariadbCpuMs(): number {
  const pid = execFileSync('pgrep', ['-o', 'mariadbd']).toString().trim();
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function main(): Promise<void> {
  const db = await createConnection({ uri: DATABASE_URL, timezone: 'Z' });
  const [[top]] = await db.query<RowDataPacket[]>(
    'SELECT created_at, id FROM posts ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  const [[deep]] = await db.query<RowDataPacket[]>(
    'SELECT created_at, id FROM posts ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 9999',
  );
  const cursors = [top, deep].map((row) => [row.created_at, row.created_at, row.id]);
  const results: Record<string, { wall: number[]; cpu: number[] }> = {};
  for (const name of Object.keys(SHAPES)) results[name] = { wall: [], cpu: [] };
  // Three alternating passes, so a burst of other load does not fall on one shape alone.
  for (let pass = 0; pass < 3; pass++) {
    for (const [name, shape] of Object.entries(SHAPES)) {
      const cpu = mariadbCpuMs();
      const started = process.hrtime.bigint();
      for (let i = 0; i < ROUNDS; i++) {
        const statements = shape(cursors[i % 2]);
        let ids: string[] = [];
        for (const [sql, params] of statements) {
          const [rows] = await db.query<RowDataPacket[]>(sql, ids.length ? [ids] : params);
          ids = rows.map((row) => row.id as string);
        }
      }
      results[name].wall.push(Number(process.hrtime.bigint() - started) / 1e6 / ROUNDS);
      results[name].cpu.push((mariadbCpuMs() - cpu) / ROUNDS);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
  for (const [name, { wall, cpu }] of Object.entries(results)) {
    process.stdout.write(
      `${name.padEnd(9)} ${median(wall).toFixed(3)} ms/page wall, MariaDB CPU ${median(cpu).toFixed(3)} ms/page\n`,
    );
  }
  await db.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
