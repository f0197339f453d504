/**
 * Every read the seeded data can answer, for its heaviest reader: finds the route whose work
 * grows with the data (a list read whole, a plan that starts from the wrong table) before a
 * user does. Each route's median latency, one request at a time, against a post by id's in
 * the same run; a route past SLOW_RATIO times that is marked.
 *
 *   npm run build && npm run bench:routes     # on the database bench:floor seeded
 *
 * BENCH_DATABASE_URL as for bench:floor (seed it there first: BENCH_SEED_ONLY=1),
 * BENCH_ROUTE_REQUESTS per route (30).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freebProcess, login } from './freeb';
import { median } from './processes';
import { READERS, readerName } from './seed';

const env = process.env;
const DATABASE_URL =
  env.BENCH_DATABASE_URL ?? 'mariadb://freeb_test:freeb_test@127.0.0.1:3306/freeb_t_bench';
const REQUESTS = Number(env.BENCH_ROUTE_REQUESTS ?? 30);
const SLOW_RATIO = 10;

const out = (line: string) => process.stdout.write(`${line}\n`);

/** The seeded rows the routes name: the most followed account, the most liked and commented posts. */
async function subjects() {
  const connection = await createConnection({
    uri: DATABASE_URL.replace(/^mariadb:/, 'mysql:'),
  });
  try {
    const one = async (sql: string) => {
      const [rows] = await connection.query(sql);
      const [row] = rows as Array<Record<string, string>>;
      if (!row) throw new Error(`nothing seeded: run bench:floor first (${sql})`);
      return Object.values(row)[0];
    };
    return {
      popular: await one(
        'SELECT username FROM users WHERE NOT private ORDER BY followers_count DESC LIMIT 1',
      ),
      liked: await one(
        "SELECT p.id FROM posts p JOIN users u ON u.id = p.author_id WHERE p.status = 'published' AND NOT u.private ORDER BY p.like_count DESC LIMIT 1",
      ),
      commented: await one(
        "SELECT p.id FROM posts p JOIN users u ON u.id = p.author_id WHERE p.status = 'published' AND NOT u.private ORDER BY p.comment_count DESC LIMIT 1",
      ),
    };
  } finally {
    await connection.end();
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** A GET over the kept-alive connection: its status once the body is read. */
function get(url: string, cookie: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: cookie ? { cookie } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** One request at a time: each one's milliseconds, after three unmeasured. */
async function timings(url: string, cookie: string | undefined): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const started = performance.now();
    const status = await get(url, cookie);
    if (status !== 200) throw new Error(`${url}: ${status}`);
    if (i >= 3) times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const { popular, liked, commented } = await subjects();
  const dataDir = mkdtempSync(join(tmpdir(), 'freeb-routes-'));
  const freeb = freebProcess(DATABASE_URL, 3293, dataDir);
  try {
    await freeb.start();
    const heaviest = readerName(READERS[READERS.length - 1]);
    const cookie = await login(freeb, heaviest);
    const baseline = `/api/posts/${liked}`;
    const routes = [
      baseline,
      '/api/posts',
      '/api/feed',
      '/api/auth/me',
      `/api/users/${popular}`,
      `/api/users/${popular}/posts`,
      `/api/users/${popular}/followers?limit=100`,
      `/api/users/${heaviest}/following?limit=100`,
      `/api/posts/${liked}/likes?limit=100`,
      `/api/posts/${commented}/comments?limit=100`,
      '/api/users/suggested',
      '/api/search?q=user',
      '/api/search?q=first1',
      '/api/explore',
      '/api/notifications',
      '/api/notifications/unread-count',
      '/api/users/me/blocks',
      '/api/users/me/mutes',
      '/api/users/me/follow-requests',
    ];
    out(
      `${routes.length} routes as ${heaviest} (follows ${READERS[READERS.length - 1]}), ${REQUESTS} requests each`,
    );
    const medians = new Map<string, number>();
    for (const path of routes) {
      const times = await timings(`${freeb.url}${path}`, cookie);
      medians.set(path, median(times));
      out(
        `  ${path}: median ${median(times).toFixed(1)} ms, slowest ${Math.max(...times).toFixed(1)} ms`,
      );
    }
    const base = medians.get(baseline)!;
    out(`\n| route (signed in as ${heaviest}) | median | of a post by id |`);
    out('| --- | --- | --- |');
    for (const [path, ms] of medians) {
      const ratio = ms / base;
      out(
        `| \`${path}\` | ${ms.toFixed(1)} ms | ${ratio.toFixed(1)}${ratio > SLOW_RATIO ? ' SLOW' : ''} |`,
      );
    }
  } finally {
    agent.destroy();
    await freeb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
