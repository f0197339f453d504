import { Injectable } from '@nestjs/common';
import type { PageRequest } from '../common/pagination/page';
import { TransactionHost } from '../database/transaction-host';
import {
  type PageScope,
  type PageSql,
  type PostRecord,
  type PostSource,
  groupPostRows,
} from './post-record';

/**
 * How many large accounts a home page reads each in a part of its own. A part costs the
 * statement a little, and SQLite takes at most 500 members in a UNION; a reader following more
 * large accounts than this (a TIMELINE_FANOUT_LIMIT near 0 makes most accounts large) has the
 * rest read together.
 */
const OWN_PARTS_MAX = 20;

/** Every column a page shows of a post and its author, by name: never a password hash or an email. */
const POST_COLUMNS = `post.id AS id, post.author_id AS author_id, post.caption AS caption,
  post.status AS status, post.failure AS failure, post.like_count AS like_count,
  post.comment_count AS comment_count, post.created_at AS created_at,
  author.username AS author_username, author.first_name AS author_first_name,
  author.last_name AS author_last_name, author.avatar_image_id AS author_avatar_image_id`;

/**
 * Whether the viewer likes the post: joined to the page once its parts are united (one lookup
 * of UQ_likes_post_id_user_id per post, at most one row each), rather than a subquery in each
 * part, which costs MariaDB more to plan than the lookups themselves.
 */
const LIKED_COLUMN = 'viewer_like.post_id IS NOT NULL AS liked_by_viewer';
const LIKED_JOIN =
  'LEFT JOIN likes viewer_like ON viewer_like.post_id = page.id AND viewer_like.user_id = :pageViewerId';

/** Each post's photos in order and its author's avatar, joined to a page of at most 101 posts. */
const PHOTO_COLUMNS = `page.*, media.position AS photo_position, media.alt_text AS photo_alt_text,
  photo.id AS photo_id, photo.processing AS photo_processing, photo.width AS photo_width,
  photo.height AS photo_height, photo.placeholder AS photo_placeholder, photo.color AS photo_color,
  photo.variants AS photo_variants, avatar.variants AS avatar_variants`;

/**
 * Pages of posts as clients see them, each in ONE statement: the page of posts with their
 * authors (a keyset range of one index, `post` and `author` as the aliases an extra condition
 * such as the visibility policy's names), then each post's photos from `post_media` and
 * `images` and the author's avatar, joined to those few rows. The rows come back one per photo
 * and are grouped here (`groupPostRows`): cheaper on MariaDB than aggregating photos per post
 * (README, "The floor benchmark"). A page read for a viewer (PageScope) says of each post
 * whether they like it, in the same statement.
 *
 * This read model reads the users' and images' tables (named columns only) because a page is
 * one round trip (docs/decisions.md, "Data"); those modules still own every write.
 */
@Injectable()
export class PostPagesRepository {
  constructor(private readonly db: TransactionHost) {}

  /** Everyone's published posts, newest first (IDX_posts_created_at_id). */
  publicPage(page: PageRequest, scope: PageScope = {}): Promise<PostRecord[]> {
    return this.page({
      from: `posts post${this.sql.force('IDX_posts_created_at_id')} ${this.join} users author${this.sql.force('PRIMARY')} ON author.id = post.author_id`,
      where: [`post.status = 'published'`, ...keyset('post.created_at', 'post.id', page)],
      orderBy: 'post.created_at DESC, post.id DESC',
      params: keysetParams(page),
      limit: page.limit + 1,
      scope,
    });
  }

  /**
   * One author's posts by their (lower-case) username, newest first: the users row by
   * UQ_users_username, then IDX_posts_author_id_created_at_id. Published ones, and the others
   * too for the author themself (`viewerId`). Empty when nobody has that username.
   */
  authorPage(username: string, page: PageRequest, scope: PageScope = {}): Promise<PostRecord[]> {
    const { viewerId } = scope;
    return this.page({
      from: `users author ${this.join} posts post${this.sql.force('IDX_posts_author_id_created_at_id')} ON post.author_id = author.id`,
      where: [
        'author.username = :pageUsername',
        viewerId
          ? `(post.status = 'published' OR author.id = :pageViewerId)`
          : `post.status = 'published'`,
        ...keyset('post.created_at', 'post.id', page),
      ],
      orderBy: 'post.created_at DESC, post.id DESC',
      params: { ...keysetParams(page), pageUsername: username },
      limit: page.limit + 1,
      scope,
    });
  }

  /**
   * A page of a user's home timeline (IDX_timeline_user_id_created_at_post_id), with the posts
   * of the large accounts they follow (`merged`) read from IDX_posts_author_id_created_at_id
   * instead: newest first, at most limit + 1, whatever the number of people followed. Each
   * large account is a part of its own, an equality on the index's first column, so its range
   * is read in order and stops at the page's end however many posts the account has (one `IN`
   * over several accounts reads all their posts and sorts them); past OWN_PARTS_MAX accounts,
   * the rest share one such `IN`. The timeline's entries of those accounts (fanned out before
   * they grew large) are left out, so no post comes from two parts.
   */
  homePage(
    userId: string,
    page: PageRequest,
    merged: string[],
    scope: PageScope = {},
  ): Promise<PostRecord[]> {
    const merging = merged.length > 0;
    const timeline = {
      from:
        `timeline entry${this.sql.force('IDX_timeline_user_id_created_at_post_id')} ` +
        `${this.join} posts post${this.sql.force('PRIMARY')} ON post.id = entry.post_id ` +
        `${this.join} users author${this.sql.force('PRIMARY')} ON author.id = post.author_id`,
      where: [
        'entry.user_id = :pageUserId',
        `post.status = 'published'`,
        ...(merging ? ['post.author_id NOT IN (:...pageMerged)'] : []),
        ...keyset('entry.created_at', 'entry.post_id', page),
      ],
      orderBy: 'entry.created_at DESC, entry.post_id DESC',
    };
    const own = merged.slice(0, OWN_PARTS_MAX);
    const rest = merged.slice(OWN_PARTS_MAX);
    const authors = [
      ...own.map((_, i) => `post.author_id = :pageMerged${i}`),
      ...(rest.length > 0 ? ['post.author_id IN (:...pageMergedRest)'] : []),
    ];
    const largeAccounts = authors.map((author) => ({
      from: `posts post${this.sql.force('IDX_posts_author_id_created_at_id')} ${this.join} users author${this.sql.force('PRIMARY')} ON author.id = post.author_id`,
      where: [author, `post.status = 'published'`, ...keyset('post.created_at', 'post.id', page)],
      orderBy: 'post.created_at DESC, post.id DESC',
    }));
    return this.pages(
      [timeline, ...largeAccounts],
      {
        ...keysetParams(page),
        pageUserId: userId,
        ...(merging && { pageMerged: merged }),
        ...(rest.length > 0 && { pageMergedRest: rest }),
        ...Object.fromEntries(own.map((id, i) => [`pageMerged${i}`, id])),
      },
      page.limit + 1,
      scope,
    );
  }

  /**
   * Posts in the order of another module's list (a tag's posts, the explore ranking): its
   * source names the rows, their order and limit; published posts only.
   */
  sourcedPage(source: PostSource, scope: PageScope = {}): Promise<PostRecord[]> {
    return this.page({
      from:
        `${source.from(this.sql)} ${this.join} posts post${this.sql.force('PRIMARY')} ON post.id = ${source.postId} ` +
        `${this.join} users author${this.sql.force('PRIMARY')} ON author.id = post.author_id`,
      where: [source.where, `post.status = 'published'`],
      orderBy: source.orderBy,
      rank: source.rank,
      params: source.params,
      limit: source.limit,
      scope,
    });
  }

  /** Posts by id, whatever their status unless a condition says who may see which. */
  byIds(ids: string[], scope: PageScope = {}): Promise<PostRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.page({
      from: `posts post ${this.join} users author${this.sql.force('PRIMARY')} ON author.id = post.author_id`,
      where: ['post.id IN (:...pageIds)'],
      params: { pageIds: [...new Set(ids)] },
      limit: null,
      scope,
    });
  }

  async byId(id: string, scope: PageScope = {}): Promise<PostRecord | null> {
    return (await this.byIds([id], scope))[0] ?? null;
  }

  private get join(): string {
    return this.sql.join;
  }

  /**
   * SQLite and MariaDB both pick the join order of a page themselves, and MariaDB would start
   * from users and sort every post; the join keyword keeps the posts (or the list) first. On
   * small tables MariaDB's costs prefer a sort (or a join buffer, which loses the order) to
   * reading the keyset's index in order and each joined row by its key; the index hints keep
   * the plan the same at every size.
   */
  private get sql(): PageSql {
    return this.db.locksRows
      ? { join: 'STRAIGHT_JOIN', force: (index) => ` FORCE INDEX (${index})` }
      : { join: 'CROSS JOIN', force: () => '' };
  }

  /**
   * The newest `limit` rows of the union of these pages. MariaDB takes each page in
   * parentheses and sorts their union itself; SQLite takes no ORDER BY or LIMIT in a member
   * of a UNION, so there each is a subquery and the union one more (a temporary table each on
   * MariaDB, hence not there).
   */
  private newestOfUnion(pages: string[], limit: number | null): string {
    const tail = ` ORDER BY created_at DESC, id DESC${limit === null ? '' : ' LIMIT :pageLimit'}`;
    return this.db.locksRows
      ? pages.map((sql) => `(${sql})`).join(' UNION ALL ') + tail
      : `SELECT * FROM (${pages.map((sql) => `SELECT * FROM (${sql}) part`).join(' UNION ALL ')}) parts${tail}`;
  }

  private page(
    part: PagePart & {
      params: Record<string, unknown>;
      limit: number | null;
      scope: PageScope;
    },
  ) {
    return this.pages([part], part.params, part.limit, part.scope);
  }

  /**
   * One statement: the page of the parts (each a page of its own, no post in two, then the
   * newest of their union), each post with its photos and avatar.
   */
  private async pages(
    parts: PagePart[],
    params: Record<string, unknown>,
    limit: number | null,
    { condition, viewerId }: PageScope,
  ): Promise<PostRecord[]> {
    const inner = parts.map((part) => {
      const where = [...part.where, ...(condition ? [`(${condition.sql})`] : [])];
      const rank = part.rank ? `, ${part.rank} AS page_rank` : '';
      const order = part.orderBy ? ` ORDER BY ${part.orderBy}` : '';
      const limited = limit === null ? '' : ' LIMIT :pageLimit';
      return `SELECT ${POST_COLUMNS}${rank} FROM ${part.from} WHERE ${where.join(' AND ')}${order}${limited}`;
    });
    // Only a home page has parts, each newest first: the newest `limit` of their union.
    const union = inner.length === 1 ? inner[0] : this.newestOfUnion(inner, limit);
    const liked = viewerId ? { column: `, ${LIKED_COLUMN}`, join: `${LIKED_JOIN} ` } : null;
    const sql =
      `SELECT ${PHOTO_COLUMNS}${liked?.column ?? ''} FROM (${union}) page ${liked?.join ?? ''}` +
      `${this.join} post_media media ON media.post_id = page.id ` +
      `${this.join} images photo ON photo.id = media.image_id AND photo.status = 'attached' ` +
      `LEFT JOIN images avatar ON avatar.id = page.author_avatar_image_id AND avatar.status = 'attached'`;
    return groupPostRows(
      await this.db.queryNamed(sql, {
        ...params,
        ...condition?.params,
        pageViewerId: viewerId,
        pageLimit: limit,
      }),
      parts.some((part) => part.rank),
    );
  }
}

interface PagePart {
  from: string;
  where: string[];
  orderBy?: string;
  rank?: string;
}

/**
 * After the cursor, newest first: the leading `created_at <=` lets SQLite and MariaDB seek
 * the index to the cursor; the rest breaks ties within that timestamp.
 */
function keyset(createdAt: string, id: string, page: PageRequest): string[] {
  return page.after
    ? [`${createdAt} <= :pageAfterTime AND (${createdAt} < :pageAfterTime OR ${id} < :pageAfterId)`]
    : [];
}

function keysetParams(page: PageRequest): Record<string, unknown> {
  return page.after ? { pageAfterTime: page.after.createdAt, pageAfterId: page.after.id } : {};
}
