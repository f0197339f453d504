import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/http/viewer.decorator';
import { notFound } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import { TransactionHost } from '../database/transaction-host';
import { VisibilityPolicy } from '../relations/visibility.policy';
import type { UserSummaryDto } from '../users/dto/user.dto';
import { ProfilesService } from '../users/profiles.service';
import { Post } from './entities/post.entity';
import { LikesRepository } from './likes.repository';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/** Likes; each one moves the post's like_count in the same transaction. */
@Injectable()
export class LikesService {
  constructor(
    private readonly likesRepository: LikesRepository,
    private readonly postsRepository: PostsRepository,
    private readonly posts: PostsService,
    private readonly profiles: ProfilesService,
    private readonly visibility: VisibilityPolicy,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  /** Idempotent. */
  async like(viewer: Viewer, postId: string): Promise<void> {
    const post = await this.posts.findOrFail(postId, viewer);
    const like = { postId: post.id, postAuthorId: post.authorId, userId: viewer.id };
    await this.db.run(async () => {
      if (!(await this.db.lockExisting(Post, [post.id])).has(post.id)) throw notFound('Post');
      const inserted = await this.likesRepository.insert({
        id: newId(),
        postId: post.id,
        userId: viewer.id,
        createdAt: new Date(),
      });
      if (!inserted) return;
      await this.postsRepository.adjust(post.id, 'likeCount', 1);
      await this.events.emit('like.added', like);
    });
  }

  /** Idempotent. */
  async unlike(viewer: Viewer, postId: string): Promise<void> {
    const post = await this.posts.findOrFail(postId, viewer);
    const like = { postId: post.id, postAuthorId: post.authorId, userId: viewer.id };
    await this.db.run(async () => {
      if (!(await this.db.lockExisting(Post, [post.id])).has(post.id)) return;
      if (!(await this.likesRepository.delete(post.id, viewer.id))) return;
      await this.postsRepository.adjust(post.id, 'likeCount', -1);
      await this.events.emit('like.removed', like);
    });
  }

  /**
   * Who liked the post ("liked by"), newest first; a post the viewer may not see is 404, and
   * people the policy hides from the viewer (a block either way, a suspension) are left out.
   */
  async likers(
    postId: string,
    viewer: Viewer | undefined,
    query: PageQueryDto,
  ): Promise<Page<UserSummaryDto>> {
    const post = await this.posts.findOrFail(postId, viewer);
    const request = pageRequest(query);
    const page = toPage(
      await this.likesRepository.findPage(
        post.id,
        request,
        this.visibility.peopleCondition(viewer, false),
      ),
      request.limit,
      (rows) => rows,
    );
    const summaries = await this.profiles.summaries(page.items.map((like) => like.userId));
    return {
      items: page.items.flatMap((like) => summaries.get(like.userId) ?? []),
      nextCursor: page.nextCursor,
    };
  }
}
