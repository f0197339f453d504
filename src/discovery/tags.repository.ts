import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { isUniqueViolation } from '../common/errors/database-errors';
import { newId } from '../common/ids';
import type { PageRequest } from '../common/pagination/page';
import type { PostSource } from '../posts/post-record';
import { searchKey } from '../common/text/caption-parser';
import { type PrefixSearchIndexes, bestIdsByPrefix } from '../database/ranked-prefix-search';
import { TransactionHost } from '../database/transaction-host';
import { PostTag } from './entities/post-tag.entity';
import { Tag } from './entities/tag.entity';

export interface TaggedPost {
  postId: string;
  authorId: string;
  createdAt: Date;
}

/** Tags by prefix of their accent-free name: the most used first. */
const TAG_SEARCH: PrefixSearchIndexes = {
  table: 'tags',
  keys: [{ column: 'name_key', index: 'IDX_tags_name_key_post_count' }],
  orderBy: 'candidate.post_count DESC, candidate.name',
  ranking: 'IDX_tags_search_ranking',
};

@Injectable()
export class TagsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get tags() {
    return this.db.repository(Tag);
  }

  private get postTags() {
    return this.db.repository(PostTag);
  }

  findByName(name: string): Promise<Tag | null> {
    return this.tags.findOneBy({ name });
  }

  /** The ids of these tags, creating the missing ones (a racing creator's row wins quietly). */
  async idsOf(names: string[], at: Date): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    const existing = await this.tags.find({
      select: { id: true, name: true },
      where: { name: In(names) },
    });
    const ids = new Map(existing.map((tag) => [tag.name, tag.id]));
    for (const name of names.filter((name) => !ids.has(name))) {
      const tag = {
        id: newId(),
        name,
        nameKey: searchKey(name).slice(0, 100),
        postCount: 0,
        createdAt: at,
      };
      try {
        await this.tags.insert(tag);
        ids.set(name, tag.id);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        ids.set(name, await this.committedIdOf(name));
      }
    }
    return ids;
  }

  /** A locking read sees the row another transaction just committed, whatever the snapshot. */
  private async committedIdOf(name: string): Promise<string> {
    const query = this.tags.createQueryBuilder('tag').where('tag.name = :name', { name });
    if (this.db.locksRows) query.setLock('pessimistic_read');
    return (await query.getOneOrFail()).id;
  }

  async tagIdsOfPost(postId: string): Promise<string[]> {
    const rows = await this.postTags.find({ select: { tagId: true }, where: { postId } });
    return rows.map((row) => row.tagId);
  }

  /** Links a post to tags and counts it in each, in the caller's transaction. */
  async attach(post: TaggedPost, tagIds: string[]): Promise<void> {
    if (tagIds.length === 0) return;
    await this.postTags.insert(tagIds.map((tagId) => ({ ...post, tagId })));
    await this.tags.increment({ id: In(tagIds) }, 'postCount', 1);
  }

  async detach(postId: string, tagIds: string[]): Promise<void> {
    if (tagIds.length === 0) return;
    await this.postTags.delete({ postId, tagId: In(tagIds) });
    await this.tags.decrement({ id: In(tagIds) }, 'postCount', 1);
  }

  /** Takes every post of an author out of its tags' counts, in a fixed number of statements. */
  async detachAllOfAuthor(authorId: string): Promise<void> {
    await this.db.manager.query(
      'UPDATE tags SET post_count = post_count - ' +
        '(SELECT COUNT(*) FROM post_tags WHERE post_tags.tag_id = tags.id AND post_tags.author_id = ?) ' +
        'WHERE id IN (SELECT tag_id FROM post_tags WHERE author_id = ?)',
      [authorId, authorId],
    );
    await this.postTags.delete({ authorId });
  }

  /**
   * A page of a tag's posts by the tag's name, newest first, as the posts module reads it in
   * one statement: the tag by UQ_tags_name, then IDX_post_tags_tag_id_created_at_post_id sought
   * to the cursor (the same leading `created_at <=` as every keyset page), one row past the page.
   */
  postSource(name: string, page: PageRequest): PostSource {
    const after = page.after
      ? ' AND pt.created_at <= :tagAfterTime AND (pt.created_at < :tagAfterTime OR pt.post_id < :tagAfterId)'
      : '';
    return {
      from: (sql) =>
        `tags tag ${sql.join} post_tags pt${sql.force('IDX_post_tags_tag_id_created_at_post_id')} ON pt.tag_id = tag.id`,
      postId: 'pt.post_id',
      where: `tag.name = :tagName${after}`,
      orderBy: 'pt.created_at DESC, pt.post_id DESC',
      params: {
        tagName: name,
        ...(page.after ? { tagAfterTime: page.after.createdAt, tagAfterId: page.after.id } : {}),
      },
      limit: page.limit + 1,
    };
  }

  /**
   * The `limit` most used tags whose accent-free name starts with `key`
   * (src/database/ranked-prefix-search.ts chooses the plan): only those rows are read.
   */
  async searchByPrefix(key: string, limit: number): Promise<Tag[]> {
    const best = await bestIdsByPrefix(this.db, TAG_SEARCH, key, limit);
    return this.tags
      .createQueryBuilder('tag')
      .innerJoin(`(${best.sql})`, 'best', 'best.id = tag.id')
      .setParameters(best.params)
      .orderBy('tag.postCount', 'DESC')
      .addOrderBy('tag.name', 'ASC')
      .getMany();
  }
}
