import { Injectable } from '@nestjs/common';
import { invalid } from '../common/errors/app-error';
import { type Page, type PageQueryDto, DEFAULT_PAGE_SIZE } from '../common/pagination/page';
import { TransactionHost } from '../database/transaction-host';
import type { PostDto } from '../posts/dto/post.dto';
import { PostReadsService } from '../posts/post-reads.service';
import { PostsService } from '../posts/posts.service';
import type { Viewer } from '../common/http/viewer.decorator';
import { MAX_RANKED_POSTS, RANKING_WINDOW_MS, rank } from './explore-ranking';
import { ExploreRepository } from './explore.repository';

/** How many of the week's likes (and as many comments), newest first, a ranking reads. */
const ENGAGEMENT_READ_LIMIT = 50_000;
const CURSOR_TAG = 'x';

/**
 * Explore: a ranking computed by a recurring job and stored as a snapshot (a generation of
 * explore_entries), read as a keyset page over its positions. Until anything has engagement
 * it is the public feed, newest first.
 */
@Injectable()
export class ExploreService {
  constructor(
    private readonly explore: ExploreRepository,
    private readonly posts: PostsService,
    private readonly reads: PostReadsService,
    private readonly db: TransactionHost,
  ) {}

  /** Recomputes the ranking; the previous one stays for readers paging through it. */
  async refresh(now = new Date()): Promise<number> {
    const { likes, comments } = await this.posts.recentEngagement(
      new Date(now.getTime() - RANKING_WINDOW_MS),
      ENGAGEMENT_READ_LIMIT,
    );
    const ranked = rank(likes, comments, now).slice(0, MAX_RANKED_POSTS);
    return this.db.run(async () => {
      const generation = (await this.explore.latestGeneration()) + 1;
      await this.explore.replace(generation, ranked, now);
      return ranked.length;
    });
  }

  async page(query: PageQueryDto, viewer?: Viewer): Promise<Page<PostDto>> {
    const after = decodeCursor(query.cursor);
    let generation = await this.explore.latestGeneration();
    if (after === 'feed' || generation === 0 || !(await this.explore.hasGeneration(generation)))
      return this.reads.publicFeed(query, viewer);
    // A reader paging through the ranking before the last refresh keeps its order if it can.
    if (
      after &&
      after.generation < generation &&
      (await this.explore.hasGeneration(after.generation))
    )
      generation = after.generation;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const page = await this.reads.sourcedPage(
      this.explore.postSource(generation, after?.position ?? 0, limit + 1),
      'explore',
      limit,
      viewer,
    );
    return {
      items: page.items,
      nextCursor: page.more && page.last ? encodeCursor(generation, page.last.rank ?? 0) : null,
    };
  }
}

function encodeCursor(generation: number, position: number): string {
  return Buffer.from(JSON.stringify([CURSOR_TAG, generation, position])).toString('base64url');
}

/** A ranking position, 'feed' for a cursor of the public feed (no ranking yet), or none. */
function decodeCursor(
  cursor: string | undefined,
): { generation: number; position: number } | 'feed' | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed)) throw new Error('not a cursor');
    if (parsed[0] !== CURSOR_TAG) return 'feed';
    const [, generation, position] = parsed as unknown[];
    if (Number.isSafeInteger(generation) && Number.isSafeInteger(position))
      return { generation: generation as number, position: position as number };
  } catch {
    // falls through to the validation error
  }
  throw invalid([{ field: 'cursor', message: 'cursor is not one this API gave out' }]);
}
