/**
 * Seeds a MariaDB database for the floor benchmark: users, posts with their images, likes,
 * comments and follows, written as tab-separated files and loaded with LOAD DATA LOCAL INFILE.
 * Ids are UUIDv7 from each row's own creation time and every counter column holds the count of
 * its rows, as the app makes them. Deterministic (a seeded PRNG): the same sizes give the same data.
 */
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import type { Connection } from 'mysql2/promise';
import { v7 } from 'uuid';
import { ARGON2_OPTIONS } from '../../src/auth/password/password-hasher';
import { AVATAR_SIDES, PHOTO_WIDTHS, variantSizes } from '../../src/media/variant-sizes';
import { nameKey } from '../../src/users/users.service';

export interface SeedSizes {
  users: number;
  posts: number;
  likes: number;
  comments: number;
  follows: number;
}

/** The data set: 100,000 users, 1M posts, 2M likes, 0.5M comments, 2M follows. */
export const FULL_SIZES: SeedSizes = {
  users: 100_000,
  posts: 1_000_000,
  likes: 2_000_000,
  comments: 500_000,
  follows: 2_000_000,
};

/** A tenth of it: seeds in about a minute on two cores. */
export const SMALL_SIZES: SeedSizes = {
  users: 10_000,
  posts: 100_000,
  likes: 200_000,
  comments: 50_000,
  follows: 200_000,
};

/** Every seeded account's password (argon2id with the app's parameters). */
export const SEED_PASSWORD = 'bench password 1234';

/** Timelines are seeded with the posts of these last days (older ones arrive by backfill). */
export const TIMELINE_DAYS = 60;

/** TIMELINE_FANOUT_LIMIT's default: larger accounts are merged into feeds at read time. */
export const FANOUT_LIMIT = 10_000;

/** Readers whose home feeds are measured, by how many people they follow. */
export const READERS = [10, 300, 5000] as const;
export const readerName = (followees: number) => `reader${followees}`;
export const userName = (index: number) => `user${index}`;
/**
 * One account in 20 is private (never a reader): their posts are left out of the anonymous
 * pages, and a signed-in page holding one asks whether the reader follows them, the path a
 * data set of public accounts alone never measured.
 */
const isPrivate = (index: number) => index % 20 === 3;

const DAY = 86_400_000;

/** A ThumbHash of the right length (every seeded photo shares it). */
const PLACEHOLDER = 'HBkSHYSIeHiPiHh8eJd4eTN0EEQG';

/** The variants processing would record for an image of this size: widest first, as JSON. */
function variantsOf(
  owner: string,
  imageId: string,
  width: number,
  height: number,
  standard: readonly number[],
): string {
  return JSON.stringify(
    variantSizes(width, standard).map((w) => ({
      width: w,
      height: Math.round((height * w) / width),
      key: `users/${owner}/variants/${imageId}/${w}.webp`,
    })),
  );
}

/** mulberry32: a small, fast, seeded PRNG. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const datetime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** Rows to a tab-separated file LOAD DATA reads (`\N` is NULL). */
class TableFile {
  private readonly out: WriteStream;
  private buffer: string[] = [];
  rows = 0;

  constructor(
    readonly path: string,
    readonly table: string,
    readonly columns: string[],
  ) {
    this.out = createWriteStream(path);
  }

  add(values: Array<string | number | null>): void {
    this.buffer.push(values.map((v) => (v === null ? '\\N' : String(v))).join('\t'));
    this.rows += 1;
    if (this.buffer.length >= 10_000) this.flush();
  }

  private flush(): void {
    if (this.buffer.length > 0) this.out.write(`${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }

  close(): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

export async function seed(
  connection: Connection,
  sizes: SeedSizes,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  if (sizes.users <= Math.max(...READERS) + 1)
    throw new Error('users must exceed the largest reader');
  const rand = random(42);
  const pick = (n: number) => Math.floor(rand() * n);
  const dir = mkdtempSync(join(tmpdir(), 'freeb-seed-'));
  const file = (table: string, columns: string[]) =>
    new TableFile(join(dir, `${table}.tsv`), table, columns);
  const now = Date.now();
  const postsFrom = now - 365 * DAY;
  const passwordHash = await argon2.hash(SEED_PASSWORD, ARGON2_OPTIONS);

  // Users: joined over the year before the posts begin; three readers at the end.
  const userIds: string[] = [];
  const userCreated: number[] = [];
  for (let u = 0; u < sizes.users; u++) {
    const at = postsFrom - 365 * DAY + Math.floor((u / sizes.users) * 365 * DAY);
    userCreated.push(at);
    userIds.push(v7({ msecs: at }));
  }
  const postsCount = new Int32Array(sizes.users);
  const followers = new Int32Array(sizes.users);
  const following = new Int32Array(sizes.users);

  const images = file('images', [
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
    'placeholder',
    'color',
    'expires_at',
    'created_at',
  ]);
  const avatar: Array<string | null> = userIds.map((owner, u) => {
    if (rand() >= 0.3) return null;
    const id = v7({ msecs: userCreated[u] + 1000 });
    images.add([
      id,
      owner,
      `users/${owner}/${id}.jpg`,
      'image/jpeg',
      40_000,
      320,
      320,
      'attached',
      'avatar',
      'ready',
      variantsOf(owner, id, 320, 320, AVATAR_SIDES),
      PLACEHOLDER,
      '#7a8c9e',
      null,
      datetime(userCreated[u] + 1000),
    ]);
    return id;
  });

  // Posts, oldest first, evenly over the year; each with its photos (one, or two to four).
  const posts = file('posts', [
    'id',
    'author_id',
    'caption',
    'status',
    'pending_photos',
    'like_count',
    'comment_count',
    'created_at',
    'updated_at',
  ]);
  const postIds: string[] = new Array<string>(sizes.posts);
  const postAuthor = new Int32Array(sizes.posts);
  const postCreated = new Float64Array(sizes.posts);
  for (let p = 0; p < sizes.posts; p++) {
    postCreated[p] = postsFrom + Math.floor((p / sizes.posts) * 365 * DAY) + pick(1000);
    postAuthor[p] = pick(sizes.users - READERS.length);
    postIds[p] = v7({ msecs: postCreated[p] });
    postsCount[postAuthor[p]] += 1;
  }
  log(`users and posts generated`);

  // Likes: distinct (post, user) pairs.
  const likes = file('likes', ['id', 'post_id', 'user_id', 'created_at']);
  const likeCount = new Int32Array(sizes.posts);
  const liked = new Set<number>();
  while (likes.rows < sizes.likes) {
    const p = pick(sizes.posts);
    const u = pick(sizes.users);
    const pair = p * sizes.users + u;
    if (liked.has(pair)) continue;
    liked.add(pair);
    likeCount[p] += 1;
    const at = postCreated[p] + pick(DAY);
    likes.add([v7({ msecs: at }), postIds[p], userIds[u], datetime(at)]);
  }
  liked.clear();

  const comments = file('comments', ['id', 'post_id', 'author_id', 'body', 'created_at']);
  const commentCount = new Int32Array(sizes.posts);
  for (let c = 0; c < sizes.comments; c++) {
    const p = pick(sizes.posts);
    commentCount[p] += 1;
    const at = postCreated[p] + pick(DAY);
    comments.add([
      v7({ msecs: at }),
      postIds[p],
      userIds[pick(sizes.users)],
      `comment ${c}`,
      datetime(at),
    ]);
  }

  // Follows: popular accounts are skewed towards low indices (a few with tens of thousands of
  // followers at full size), plus the readers' fixed numbers of followees.
  const follows = file('follows', ['id', 'follower_id', 'followee_id', 'created_at']);
  const followed = new Set<number>();
  const followersOf: number[][] = userIds.map(() => []);
  const follow = (follower: number, followee: number) => {
    const pair = follower * sizes.users + followee;
    if (follower === followee || followed.has(pair)) return false;
    followed.add(pair);
    followersOf[followee].push(follower);
    following[follower] += 1;
    followers[followee] += 1;
    const at = Math.max(userCreated[follower], userCreated[followee]) + 1000;
    follows.add([v7({ msecs: at }), userIds[follower], userIds[followee], datetime(at)]);
    return true;
  };
  READERS.forEach((count, r) => {
    const reader = sizes.users - READERS.length + r;
    for (let k = 0; k < count; k++)
      follow(reader, Math.floor((k * (sizes.users - READERS.length)) / count));
  });
  while (follows.rows < sizes.follows) {
    follow(
      pick(sizes.users - READERS.length),
      Math.floor((sizes.users - READERS.length) * rand() ** 3),
    );
  }
  followed.clear();

  const users = file('users', [
    'id',
    'username',
    'email',
    'password_hash',
    'first_name',
    'last_name',
    'first_name_key',
    'last_name_key',
    'bio',
    'avatar_image_id',
    'posts_count',
    'followers_count',
    'following_count',
    'session_generation',
    'private',
    'created_at',
    'updated_at',
  ]);
  userIds.forEach((id, u) => {
    const r = u - (sizes.users - READERS.length);
    const name = r >= 0 ? readerName(READERS[r]) : userName(u);
    const [first, last] = [`First${u}`, u % 2 ? `Last${u}` : null];
    users.add([
      id,
      name,
      `${name}@example.com`,
      passwordHash,
      first,
      last,
      // the keys search reads, as the app writes them
      nameKey(first),
      nameKey(last),
      null,
      avatar[u],
      postsCount[u],
      followers[u],
      following[u],
      0,
      r < 0 && isPrivate(u) ? 1 : 0,
      datetime(userCreated[u]),
      datetime(userCreated[u]),
    ]);
  });
  const media = file('post_media', ['post_id', 'position', 'image_id', 'alt_text']);
  for (let p = 0; p < sizes.posts; p++) {
    const owner = userIds[postAuthor[p]];
    const photos = rand() < 0.75 ? 1 : 2 + pick(3);
    for (let position = 0; position < photos; position++) {
      const imageId = v7({ msecs: postCreated[p] - 60_000 + position });
      images.add([
        imageId,
        owner,
        `users/${owner}/${imageId}.jpg`,
        'image/jpeg',
        250_000,
        1080,
        1350,
        'attached',
        'post',
        'ready',
        variantsOf(owner, imageId, 1080, 1350, PHOTO_WIDTHS),
        PLACEHOLDER,
        '#a0b0c0',
        null,
        datetime(postCreated[p] - 60_000 + position),
      ]);
      media.add([postIds[p], position, imageId, (p + position) % 3 ? `A photo, ${p}` : null]);
    }
    posts.add([
      postIds[p],
      owner,
      `Post number ${p}`,
      'published',
      0,
      likeCount[p],
      commentCount[p],
      datetime(postCreated[p]),
      datetime(postCreated[p]),
    ]);
  }

  // Timelines as fan-out on write leaves them: each recent post in its author's timeline and
  // in every follower's, unless the author has more followers than the fan-out limit.
  const timeline = file('timeline', ['user_id', 'post_id', 'author_id', 'created_at']);
  for (let p = 0; p < sizes.posts; p++) {
    if (postCreated[p] < now - TIMELINE_DAYS * DAY) continue;
    const a = postAuthor[p];
    const readers = followersOf[a].length > FANOUT_LIMIT ? [a] : [a, ...followersOf[a]];
    for (const r of readers)
      timeline.add([userIds[r], postIds[p], userIds[a], datetime(postCreated[p])]);
  }

  const files = [users, images, posts, media, likes, comments, follows, timeline];
  await Promise.all(files.map((f) => f.close()));
  log(`files written in ${dir}`);
  try {
    await connection.query('SET foreign_key_checks = 0, unique_checks = 0');
    for (const f of files) {
      const started = Date.now();
      await connection.query({
        sql: `LOAD DATA LOCAL INFILE ? INTO TABLE ${f.table} CHARACTER SET utf8mb4 (${f.columns.join(', ')})`,
        values: [f.path],
        infileStreamFactory: (path: string) => createReadStream(path),
      });
      log(`${f.table}: ${f.rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await connection.query('SET foreign_key_checks = 1, unique_checks = 1');
    await connection.query(`ANALYZE TABLE ${files.map((f) => f.table).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
