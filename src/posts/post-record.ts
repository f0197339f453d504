import type { StoredPhoto } from '../images/image-presenter';
import type { StoredVariant } from '../images/entities/image.entity';
import { rawDatetime } from '../database/raw-datetime';
import type { SqlCondition } from '../database/sql-condition';
import type { PostStatus } from './entities/post.entity';

/** The database's words for a fixed join order and for an index to read a table by. */
export interface PageSql {
  join: string;
  /** ` FORCE INDEX (name)` after a table's alias on MariaDB; nothing on SQLite. */
  force: (index: string) => string;
}

/**
 * Where another module's ranked list of posts comes from (its repository writes it): `from`
 * is its tables with aliases (joined with `sql.join`, which keeps the written order),
 * `postId` the column naming the post, `where` picks this page's
 * rows (with `:named` params), `orderBy` and `limit` as its index serves them; `rank`, when the
 * order is not the posts' own (newest first), is the column the rows are ordered by, ascending.
 */
export interface PostSource {
  from: (sql: PageSql) => string;
  postId: string;
  where: string;
  orderBy: string;
  params: Record<string, unknown>;
  limit: number;
  rank?: string;
}

/** Whom a page is read for: the visibility policy's condition, and whose likes it marks. */
export interface PageScope {
  condition?: SqlCondition;
  /** Each post says whether this user likes it (`likedByViewer`), read with the page. */
  viewerId?: string;
}

/** A post as stored, with its author and its photos in order: what a page's statement reads. */
export interface PostRecord {
  id: string;
  authorId: string;
  caption: string | null;
  status: PostStatus;
  failure: string | null;
  likeCount: number;
  commentCount: number;
  createdAt: Date;
  /** The position in the source's order (PostSource `rank`), when it has one. */
  rank?: number;
  /** Whether the page's viewer likes it (PageScope `viewerId`), when it was read for one. */
  likedByViewer?: boolean;
  author: {
    id: string;
    username: string;
    firstName: string | null;
    lastName: string | null;
    avatarVariants: StoredVariant[] | null;
  };
  photos: Array<StoredPhoto & { altText: string | null }>;
}

/** One row of a page's statement: a photo, with its post, author and avatar. */
interface PostPhotoRow {
  id: string;
  author_id: string;
  caption: string | null;
  status: PostStatus;
  failure: string | null;
  like_count: number | string;
  comment_count: number | string;
  created_at: Date | string;
  page_rank?: number | string;
  liked_by_viewer?: number | string;
  author_username: string;
  author_first_name: string | null;
  author_last_name: string | null;
  avatar_variants: string | null;
  photo_position: number | string;
  photo_alt_text: string | null;
  photo_id: string;
  photo_processing: StoredPhoto['processing'];
  photo_width: number | null;
  photo_height: number | null;
  photo_placeholder: string | null;
  photo_color: string | null;
  photo_variants: string | null;
}

/**
 * Rows (one per photo, in any order, a post possibly twice) into posts with their photos in
 * order: by `rank` ascending when ranked, else newest first by (createdAt, id).
 */
export function groupPostRows(rows: PostPhotoRow[], ranked: boolean): PostRecord[] {
  const posts = new Map<string, PostRecord & { positions: number[] }>();
  for (const row of rows) {
    let post = posts.get(row.id);
    if (!post) {
      post = {
        id: row.id,
        authorId: row.author_id,
        caption: row.caption,
        status: row.status,
        failure: row.failure,
        likeCount: Number(row.like_count),
        commentCount: Number(row.comment_count),
        createdAt: rawDatetime(row.created_at),
        ...(row.page_rank === undefined ? {} : { rank: Number(row.page_rank) }),
        ...(row.liked_by_viewer === undefined
          ? {}
          : { likedByViewer: Number(row.liked_by_viewer) === 1 }),
        author: {
          id: row.author_id,
          username: row.author_username,
          firstName: row.author_first_name,
          lastName: row.author_last_name,
          avatarVariants: parseVariants(row.avatar_variants),
        },
        photos: [],
        positions: [],
      };
      posts.set(row.id, post);
    }
    const position = Number(row.photo_position);
    // A post in two parts of a merged page comes twice: its photos once.
    if (post.positions.includes(position)) continue;
    post.positions.push(position);
    post.photos.push({
      id: row.photo_id,
      processing: row.photo_processing,
      width: row.photo_width,
      height: row.photo_height,
      placeholder: row.photo_placeholder,
      color: row.photo_color,
      variants: parseVariants(row.photo_variants),
      altText: row.photo_alt_text,
    });
  }
  return [...posts.values()]
    .map(({ positions, ...post }) => {
      const order = positions.map((position, index) => [position, index] as const);
      order.sort((a, b) => a[0] - b[0]);
      return { ...post, photos: order.map(([, index]) => post.photos[index]) };
    })
    .sort(ranked ? byRank : newestFirst);
}

const byRank = (a: PostRecord, b: PostRecord) => (a.rank ?? 0) - (b.rank ?? 0);

const newestFirst = (a: PostRecord, b: PostRecord) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

function parseVariants(json: string | null): StoredVariant[] | null {
  return json ? (JSON.parse(json) as StoredVariant[]) : null;
}
