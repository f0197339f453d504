/**
 * Freeb against the floor (bench/floor/server.ts) on one seeded MariaDB, alternating A/B:
 * in each round each server is measured alone while the other is paused (SIGSTOP), and the
 * order swaps every round. Reports per round and the median: throughput, p99 latency and
 * server CPU time per request (from /proc/<pid>/stat); then the home feed at 10, 300 and 5,000
 * followees against Freeb's own public page 1, logins/s against bare argon2.verify/s with the
 * same parameters, and RSS after 10k and 100k mixed requests.
 *
 *   npm run build && npm run bench:floor      # seeds freeb_t_bench once (BENCH_SIZE=small|full)
 *
 * BENCH_DATABASE_URL (default mariadb://freeb_test:freeb_test@127.0.0.1:3306/freeb_t_bench),
 * BENCH_SIZE (small), BENCH_SECONDS per round (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32),
 * BENCH_RSS_REQUESTS (100000), BENCH_RESEED=1 to seed again (also to replace a database seeded
 * at the other size, which is otherwise refused), BENCH_SEED_ONLY=1 to seed and stop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type Connection, createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { ROOT, SECRET, freebProcess, login } from './freeb';
import { describeLoginCpu, loginBench } from './logins';
import { ServerProcess, alone, databaseCpuMs, median } from './processes';
import { FULL_SIZES, READERS, SMALL_SIZES, readerName, seed } from './seed';

const env = process.env;
const DATABASE_URL =
  env.BENCH_DATABASE_URL ?? 'mariadb://freeb_test:freeb_test@127.0.0.1:3306/freeb_t_bench';
const SIZES = env.BENCH_SIZE === 'full' ? FULL_SIZES : SMALL_SIZES;
const SECONDS = Number(env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 32);
/** Mixed requests before the second RSS reading; the first is taken after a tenth of them. */
const RSS_REQUESTS = Number(env.BENCH_RSS_REQUESTS ?? 100_000);

interface Sample {
  rps: number;
  p99: number;
  cpuPerRequestMs: number;
  /** MariaDB's CPU time per request, when it runs on this machine (0 otherwise). */
  dbPerRequestMs: number;
  errors: number;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

async function prepareDatabase(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const database = url.pathname.slice(1);
  const server = `mysql://${url.username}:${url.password}@${url.host}`;
  const admin = await createConnection(server);
  const create = `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;
  await admin.query(create);
  const source = () =>
    new DataSource(
      buildDataSourceOptions({
        kind: 'mariadb',
        url: DATABASE_URL,
        sqlitePath: '',
        migrationsRun: true,
        timeoutMs: 60_000,
      }),
    );
  const existing = await source().initialize();
  // A schema change (a pending migration) or other sizes call for a fresh database.
  const pending = await existing.showMigrations();
  const [counts] = pending
    ? [{ n: -1, p: 0, k: 0 }]
    : ((await existing.query(
        'SELECT COUNT(*) AS n, COALESCE(SUM(private), 0) AS p, ' +
          'COALESCE(SUM(first_name_key IS NOT NULL), 0) AS k FROM users',
      )) as Array<{ n: string; p: string; k: string }>);
  const users = Number(counts.n);
  await existing.destroy();
  // A database seeded before the seeder made private accounts, or wrote the names' search
  // keys, is seeded again.
  const current = Number(counts.p) > 0 && Number(counts.k) > 0;
  if (users === SIZES.users && current && !env.BENCH_RESEED) {
    await admin.end();
    return;
  }
  // A database seeded at the other size took minutes to make: dropping it takes a word.
  const other = SIZES === FULL_SIZES ? SMALL_SIZES : FULL_SIZES;
  if (users === other.users && !env.BENCH_RESEED) {
    await admin.end();
    throw new Error(
      `${database} holds the ${SIZES === FULL_SIZES ? 'small' : 'full'} data set: set BENCH_SIZE ` +
        'to match it, BENCH_DATABASE_URL to another database, or BENCH_RESEED=1 to replace it.',
    );
  }
  out(`seeding ${JSON.stringify(SIZES)} ...`);
  const started = Date.now();
  await admin.query(`DROP DATABASE \`${database}\``);
  await admin.query(create);
  await admin.end();
  const fresh = await source().initialize();
  await fresh.runMigrations();
  await fresh.destroy();
  const connection = await createConnection({ uri: `${server}/${database}` });
  await seed(connection, SIZES, (line) => out(`  ${line}`));
  await connection.end();
  out(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The post `offset` deep in the public feed (a public account's, published), and its cursor. */
async function cursorAt(
  connection: Connection,
  offset: number,
): Promise<{ cursor: string; id: string }> {
  const [rows] = await connection.query(
    'SELECT STRAIGHT_JOIN p.id, p.created_at FROM posts p JOIN users u ON u.id = p.author_id ' +
      "WHERE p.status = 'published' AND NOT u.private ORDER BY p.created_at DESC, p.id DESC LIMIT 1 OFFSET ?",
    [offset],
  );
  const [row] = rows as Array<{ id: string; created_at: Date }>;
  return {
    id: row.id,
    cursor: Buffer.from(JSON.stringify([row.created_at.getTime(), row.id])).toString('base64url'),
  };
}

async function measure(
  server: ServerProcess,
  path: string,
  headers: Record<string, string> = {},
): Promise<Sample> {
  const before = server.cpuMs();
  const dbBefore = databaseCpuMs();
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
  });
  const cpu = server.cpuMs() - before;
  const db = (databaseCpuMs() ?? 0) - (dbBefore ?? 0);
  // A round of error answers measures the wrong thing: say so where the figures are printed.
  if (result.errors + result.non2xx > 0)
    out(`  WARNING: ${path}: ${result.errors + result.non2xx} errors or non-2xx answers`);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuPerRequestMs: cpu / Math.max(1, result.requests.total),
    dbPerRequestMs: db / Math.max(1, result.requests.total),
    errors: result.errors + result.non2xx,
  };
}

const fmt = (s: Sample) =>
  `${s.rps.toFixed(0).padStart(6)} req/s  p99 ${String(s.p99).padStart(4)} ms  cpu ${(s.cpuPerRequestMs * 1000).toFixed(0).padStart(5)} µs/req  MariaDB ${(s.dbPerRequestMs * 1000).toFixed(0).padStart(5)} µs/req  errors ${s.errors}`;

async function abCase(name: string, path: string, freeb: ServerProcess, floor: ServerProcess) {
  const [a, b] = await Promise.all([fetch(`${freeb.url}${path}`), fetch(`${floor.url}${path}`)]);
  const [bodyA, bodyB] = await Promise.all([a.text(), b.text()]);
  if (bodyA !== bodyB) out(`  WARNING: ${name}: Freeb's JSON differs from the floor's`);
  const samples: Record<'freeb' | 'floor', Sample[]> = { freeb: [], floor: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    const order: Array<['freeb' | 'floor', ServerProcess]> = [
      ['freeb', freeb],
      ['floor', floor],
    ];
    if (round % 2 === 0) order.reverse();
    for (const [key, server] of order) {
      const other = key === 'freeb' ? floor : freeb;
      const sample = await alone(server, [other], () => measure(server, path));
      samples[key].push(sample);
      out(`  ${name} round ${round} ${key.padEnd(5)} ${fmt(sample)}`);
    }
  }
  const med = (key: 'freeb' | 'floor', field: keyof Sample) =>
    median(samples[key].map((s) => s[field]));
  const row = {
    name,
    throughput: med('freeb', 'rps') / med('floor', 'rps'),
    cpu: med('freeb', 'cpuPerRequestMs') / med('floor', 'cpuPerRequestMs'),
    p99: med('freeb', 'p99') / Math.max(1, med('floor', 'p99')),
    // NaN when the database runs elsewhere (its CPU is not seen here)
    db: med('freeb', 'dbPerRequestMs') / med('floor', 'dbPerRequestMs'),
  };
  out(
    `  ${name} median: Freeb ${med('freeb', 'rps').toFixed(0)} req/s, floor ${med('floor', 'rps').toFixed(0)} req/s; ` +
      `Freeb/floor throughput ${row.throughput.toFixed(2)}, CPU per request ${row.cpu.toFixed(2)}×, p99 ${row.p99.toFixed(2)}×, MariaDB CPU per request ${row.db.toFixed(2)}×`,
  );
  return row;
}

async function main(): Promise<void> {
  await prepareDatabase();
  if (env.BENCH_SEED_ONLY) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'freeb-bench-'));
  const freeb = freebProcess(DATABASE_URL, 3291, dataDir);
  const floor = new ServerProcess(
    'floor',
    [process.execPath, '-r', 'ts-node/register/transpile-only', join(__dirname, 'main.ts')],
    {
      FLOOR_PORT: '3292',
      DATABASE_URL,
      SESSION_SECRET: SECRET,
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    },
    3292,
  );
  const connection = await createConnection({
    uri: DATABASE_URL.replace(/^mariadb:/, 'mysql:'),
    timezone: 'Z',
  });
  try {
    await Promise.all([freeb.start(), floor.start()]);
    const deep = await cursorAt(connection, 9_999);
    const byId = await cursorAt(connection, 5_000);
    out(
      `Freeb vs floor, MariaDB, ${JSON.stringify(SIZES)}, ${CONNECTIONS} connections, ${SECONDS} s rounds, ${ROUNDS} rounds`,
    );
    // Warm-up: both servers, every route.
    for (const server of [freeb, floor]) {
      for (const path of [
        '/api/posts',
        `/api/posts?cursor=${deep.cursor}`,
        `/api/posts/${byId.id}`,
      ]) {
        await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, amount: 2000 });
      }
    }
    const rows = [
      await abCase('public feed, page 1', '/api/posts', freeb, floor),
      await abCase('public feed, 10,000 deep', `/api/posts?cursor=${deep.cursor}`, freeb, floor),
      await abCase('one post by id', `/api/posts/${byId.id}`, freeb, floor),
    ];

    // Home feeds against Freeb's own public page 1, the floor paused throughout. Besides the
    // anonymous page (the target's yardstick), the same page for a signed-in reader: a home
    // page is always signed in, which costs a second statement (the session and its caller).
    const feeds: Array<[string, number, number]> = [];
    await alone(freeb, [floor], async () => {
      const cookies = await Promise.all(READERS.map((count) => login(freeb, readerName(count))));
      const page1: Sample[] = [];
      const signedIn: Sample[] = [];
      const home: Sample[][] = READERS.map(() => []);
      for (let round = 1; round <= ROUNDS; round++) {
        const anonymous = await measure(freeb, '/api/posts');
        page1.push(anonymous);
        out(`  public feed, page 1, round ${round}: ${fmt(anonymous)}`);
        const signedInSample = await measure(freeb, '/api/posts', {
          cookie: cookies[READERS.indexOf(300)],
        });
        signedIn.push(signedInSample);
        out(`  public feed, page 1, signed in, round ${round}: ${fmt(signedInSample)}`);
        for (let r = 0; r < READERS.length; r++) {
          const sample = await measure(freeb, '/api/feed', { cookie: cookies[r] });
          home[r].push(sample);
          out(`  home feed, ${READERS[r]} followees, round ${round}: ${fmt(sample)}`);
        }
      }
      const rate = (samples: Sample[]) => median(samples.map((sample) => sample.rps));
      const costOf = (name: string, samples: Sample[]) =>
        `${name} Freeb ${(median(samples.map((sample) => sample.cpuPerRequestMs)) * 1000).toFixed(0)} µs + ` +
        `MariaDB ${(median(samples.map((sample) => sample.dbPerRequestMs)) * 1000).toFixed(0)} µs`;
      for (let r = 0; r < READERS.length; r++) {
        feeds.push([
          `home feed, ${READERS[r]} followees`,
          rate(home[r]) / rate(page1),
          rate(home[r]) / rate(signedIn),
        ]);
      }
      out(`signed-in public page 1 / anonymous: ${(rate(signedIn) / rate(page1)).toFixed(2)}`);
      out(
        `CPU per request (medians): ${costOf('public page 1', page1)}; ${costOf('signed in', signedIn)}; ` +
          READERS.map((count, r) => costOf(`home ${count}`, home[r])).join('; '),
      );
    });

    const [[{ password_hash: hash }]] = (await connection.query(
      'SELECT password_hash FROM users WHERE username = ?',
      [readerName(READERS[0])],
    )) as unknown as [[{ password_hash: string }]];
    const logins = await loginBench(freeb, floor, hash, { seconds: SECONDS, rounds: ROUNDS, out });

    // Memory: RSS after 10k and after 100k mixed requests (feed pages, deep pages, posts by id).
    const mixed = ['/api/posts', `/api/posts?cursor=${deep.cursor}`, `/api/posts/${byId.id}`];
    const rss: number[] = [];
    await alone(freeb, [floor], async () => {
      for (const amount of [RSS_REQUESTS / 10, (RSS_REQUESTS * 9) / 10]) {
        await autocannon({
          url: freeb.url,
          connections: CONNECTIONS,
          amount,
          requests: mixed.map((path) => ({ method: 'GET', path })),
        });
        rss.push(freeb.rssMiB());
      }
    });

    out('\nsummary (medians of the rounds, ratios measured in this run)');
    out(
      '| read | Freeb / floor throughput | Freeb / floor server CPU per request | Freeb / floor p99 | Freeb / floor MariaDB CPU per request |',
    );
    out('| --- | --- | --- | --- | --- |');
    for (const row of rows) {
      out(
        `| ${row.name} | ${row.throughput.toFixed(2)} | ${row.cpu.toFixed(2)}× | ${row.p99.toFixed(2)}× | ${row.db.toFixed(2)}× |`,
      );
    }
    for (const [name, ratio, ofSignedIn] of feeds)
      out(
        `| ${name} | ${ratio.toFixed(2)} of Freeb's public page 1 (${ofSignedIn.toFixed(2)} of it signed in) | | | |`,
      );
    const flat = feeds[feeds.length - 1][1] / feeds[0][1];
    out(`home feed 5,000 / 10 followees: ${flat.toFixed(2)}`);
    out(
      `logins: Freeb ${logins.freeb.toFixed(1)}/s, bare argon2.verify ${logins.bare.toFixed(1)}/s (${(logins.freeb / logins.bare).toFixed(2)})`,
    );
    out(describeLoginCpu(logins.cpu));
    out(
      `RSS after ${RSS_REQUESTS / 10} requests ${rss[0].toFixed(0)} MiB, after ${RSS_REQUESTS} ${rss[1].toFixed(0)} MiB (${(rss[1] / rss[0]).toFixed(2)})`,
    );
  } finally {
    await connection.end();
    await Promise.all([freeb.stop(), floor.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
