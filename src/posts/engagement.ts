import type { SelectQueryBuilder } from 'typeorm';
import { Post } from './entities/post.entity';

/** A like or a comment on a post, as explore weighs it. */
export interface Engagement {
  postId: string;
  authorId: string;
  at: Date;
}

/** The rows (likes or comments, aliased `row`) created since then, with their post's author. */
export async function engagementSince(
  query: SelectQueryBuilder<{ postId: string; createdAt: Date }>,
  since: Date,
  limit: number,
): Promise<Engagement[]> {
  const rows = await query
    .innerJoin(Post, 'post', 'post.id = row.postId')
    .select('row.postId', 'postId')
    .addSelect('post.authorId', 'authorId')
    .addSelect('row.createdAt', 'at')
    .where('row.createdAt >= :since', { since })
    .orderBy('row.createdAt', 'DESC')
    .limit(limit)
    .getRawMany<{ postId: string; authorId: string; at: Date | string }>();
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}
