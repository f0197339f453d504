/**
 * The floor: a bare Express 5 + mysql2 server answering Freeb's hot anonymous reads with the
 * best SQL we know and byte-identical JSON (test/cloud/floor.e2e-spec.ts holds them equal).
 * Freeb's throughput, latency and CPU per request are measured against it (bench/floor/run.ts).
 * A page is one statement, as Freeb's (src/posts/post-pages.repository.ts): the posts and their
 * authors in a derived table, their photos and avatars joined, grouped here (bench:shapes
 * measured it cheaper than a second statement for the photos or photos aggregated per post).
 * STRAIGHT_JOIN: MariaDB would otherwise start from users and sort every post.
 * It signs image URLs as Freeb's embedded storage does (HMAC-SHA256, a KeyObject, cached per
 * hour window), so both pay for the same URLs.
 */
import { type KeyObject, createHmac, createSecretKey } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import { type Pool, type RowDataPacket, createPool } from 'mysql2/promise';
import { mentionsIn, tagsIn } from '../../src/common/text/caption-parser';

export interface FloorOptions {
  databaseUrl: string;
  /** The app secret Freeb signs its embedded storage's URLs with. */
  secret: string;
  /** PUBLIC_URL as Freeb has it ('' for root-relative URLs). */
  publicUrl?: string;
  connectionLimit?: number;
}

const HOUR = 3600_000;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** One row per photo, with its post, author and avatar. */
interface PostRow extends RowDataPacket {
  id: string;
  caption: string | null;
  status: string;
  like_count: number;
  comment_count: number;
  created_at: string;
  author_id: string;
  username: string;
  first_name: string | null;
  last_name: string | null;
  avatar_variants: string | null;
  position: number;
  alt_text: string | null;
  photo_id: string;
  processing: string | null;
  width: number | null;
  height: number | null;
  placeholder: string | null;
  color: string | null;
  variants: string | null;
}

/** A post's rows, its photos in order. */
interface PostRows {
  post: PostRow;
  photos: PostRow[];
}

interface Variant {
  width: number;
  height: number;
  key: string;
}

/**
 * A page of published posts of public accounts with their authors (`where` and `tail`: the
 * keyset and its order and limit) and each one's photos and avatar joined: one statement, one
 * row per photo.
 */
const selectPage = (where: string, tail: string) => `SELECT page.*, m.position, m.alt_text,
  i.id AS photo_id, i.processing, i.width, i.height, i.placeholder, i.color, i.variants,
  CASE WHEN a.processing = 'ready' THEN a.variants END AS avatar_variants
FROM (SELECT STRAIGHT_JOIN p.id, p.caption, p.status, p.like_count, p.comment_count, p.created_at,
    u.id AS author_id, u.username, u.first_name, u.last_name, u.avatar_image_id
  FROM posts p JOIN users u ON u.id = p.author_id
  WHERE p.status = 'published' AND NOT u.private${where} ${tail}) page
STRAIGHT_JOIN post_media m ON m.post_id = page.id
STRAIGHT_JOIN images i ON i.id = m.image_id AND i.status = 'attached'
LEFT JOIN images a ON a.id = page.avatar_image_id AND a.status = 'attached'`;

/** Rows into posts, newest first, each with its photos in order. */
function group(rows: PostRow[]): PostRows[] {
  const posts = new Map<string, PostRows>();
  for (const row of rows) {
    const post = posts.get(row.id) ?? { post: row, photos: [] };
    post.photos.push(row);
    posts.set(row.id, post);
  }
  return [...posts.values()]
    .map((post) => ({ ...post, photos: post.photos.sort((a, b) => a.position - b.position) }))
    .sort(
      (a, b) =>
        b.post.created_at.localeCompare(a.post.created_at) ||
        (b.post.id < a.post.id ? -1 : b.post.id > a.post.id ? 1 : 0),
    );
}

/** The widest of `variants` (widest first) no wider than `width`, else the narrowest. */
const widestUpTo = <T extends { width: number }>(variants: T[], width: number): T =>
  variants.find((variant) => variant.width <= width) ?? variants[variants.length - 1];

/** Download URLs as Freeb's embedded storage signs them, made once per (key, hour window). */
class UrlSigner {
  private readonly key: KeyObject;
  private window = 0;
  private urls = new Map<string, string>();

  constructor(
    secret: string,
    private readonly publicUrl: string,
  ) {
    this.key = createSecretKey(
      createHmac('sha256', secret).update('freeb local object storage v1').digest(),
    );
  }

  url(storageKey: string): string {
    const window = Math.floor(Date.now() / HOUR) * HOUR;
    if (window !== this.window) {
      this.window = window;
      this.urls = new Map();
    }
    let url = this.urls.get(storageKey);
    if (url === undefined) {
      const expires = Math.floor((window + 2 * HOUR) / 1000);
      const signature = createHmac('sha256', this.key)
        .update(`GET\n${storageKey}\n${expires}`)
        .digest('base64url');
      url = `${this.publicUrl}/api/storage/${storageKey}?expires=${expires}&signature=${signature}`;
      this.urls.set(storageKey, url);
    }
    return url;
  }
}

/** '2026-01-01 10:00:00.123' (DATETIME(3), UTC) to '2026-01-01T10:00:00.123Z'. */
const iso = (datetime: string) => `${datetime.replace(' ', 'T')}Z`;

function parseCursor(cursor: unknown): [string, string] | null | undefined {
  if (cursor === undefined) return undefined;
  if (typeof cursor !== 'string') return null;
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof time !== 'number' || typeof id !== 'string') return null;
    return [new Date(time).toISOString().replace('T', ' ').replace('Z', ''), id];
  } catch {
    return null;
  }
}

export function createFloor(options: FloorOptions): { app: express.Express; pool: Pool } {
  const pool = createPool({
    uri: options.databaseUrl.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: options.connectionLimit ?? 10,
    dateStrings: true,
    timezone: 'Z',
  });
  const signer = new UrlSigner(options.secret, options.publicUrl ?? '');
  /** Which usernames the captions mention exist: one query, only when a caption mentions anyone. */
  const mentionable = async (posts: PostRows[]): Promise<Set<string>> => {
    const names = [...new Set(posts.flatMap(({ post }) => mentionsIn(post.caption)))];
    if (names.length === 0) return new Set();
    const [found] = await pool.query<RowDataPacket[]>(
      'SELECT username FROM users WHERE username IN (?)',
      [names],
    );
    return new Set(found.map((row) => row.username as string));
  };
  const photo = (row: PostRow) => {
    const stored: Variant[] =
      row.processing === 'ready' && row.variants ? (JSON.parse(row.variants) as Variant[]) : [];
    const variants = stored.map((variant) => ({
      width: variant.width,
      height: variant.height,
      contentType: 'image/webp',
      url: signer.url(variant.key),
    }));
    return {
      id: row.photo_id,
      status: row.processing ?? 'processing',
      width: row.width ?? 0,
      height: row.height ?? 0,
      placeholder: row.placeholder,
      color: row.color,
      url: variants.length ? widestUpTo(variants, 1080).url : '',
      variants,
      altText: row.alt_text,
    };
  };
  const avatarUrl = (variants: string | null) => {
    const stored = variants ? (JSON.parse(variants) as Variant[]) : [];
    return stored.length ? signer.url(widestUpTo(stored, 160).key) : null;
  };
  const present = (posts: PostRows[], existing: Set<string>) =>
    posts.map(({ post: row, photos }) => {
      const list = photos.map(photo);
      return {
        id: row.id,
        author: {
          id: row.author_id,
          username: row.username,
          firstName: row.first_name,
          lastName: row.last_name,
          avatarUrl: avatarUrl(row.avatar_variants),
        },
        status: row.status,
        media: list,
        image: list[0],
        caption: row.caption,
        tags: tagsIn(row.caption),
        mentions: mentionsIn(row.caption).filter((name) => existing.has(name)),
        createdAt: iso(row.created_at),
        likeCount: row.like_count,
        commentCount: row.comment_count,
        viewer: null,
      };
    });
  const problem = (res: Response, status: number, detail: string) =>
    res.status(status).type('application/problem+json').send(JSON.stringify({ status, detail }));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/api/posts', async (req: Request, res: Response) => {
    const limit = req.query.limit === undefined ? DEFAULT_LIMIT : Number(req.query.limit);
    const after = parseCursor(req.query.cursor);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || after === null) {
      return problem(res, 400, 'bad page');
    }
    const order = 'ORDER BY p.created_at DESC, p.id DESC LIMIT ?';
    const [rows] = after
      ? await pool.query<PostRow[]>(
          selectPage(' AND p.created_at <= ? AND (p.created_at < ? OR p.id < ?)', order),
          [after[0], after[0], after[1], limit + 1],
        )
      : await pool.query<PostRow[]>(selectPage('', order), [limit + 1]);
    const posts = group(rows);
    const visible = posts.slice(0, limit);
    const last = visible[visible.length - 1]?.post;
    res.json({
      items: present(visible, await mentionable(visible)),
      nextCursor:
        posts.length > limit && last
          ? Buffer.from(JSON.stringify([Date.parse(iso(last.created_at)), last.id])).toString(
              'base64url',
            )
          : null,
    });
  });

  app.get('/api/posts/:id', async (req: Request<{ id: string }>, res: Response) => {
    const [rows] = await pool.query<PostRow[]>(selectPage(' AND p.id = ?', ''), [req.params.id]);
    const posts = group(rows);
    const [post] = present(posts, await mentionable(posts));
    if (!post) return problem(res, 404, 'No such post.');
    res.json(post);
  });

  return { app, pool };
}

/** Starts the floor on a port (0: any free one); resolves with the listening server. */
export async function startFloor(options: FloorOptions, port = 0): Promise<Server> {
  const { app, pool } = createFloor(options);
  return new Promise((resolve) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.on('close', () => void pool.end());
  });
}
