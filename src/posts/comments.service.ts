import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { forbidden, notFound } from '../common/errors/app-error';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import { mentionsIn } from '../common/text/caption-parser';
import { TransactionHost } from '../database/transaction-host';
import type { Viewer } from '../common/http/viewer.decorator';
import { VisibilityPolicy } from '../relations/visibility.policy';
import { ProfilesService } from '../users/profiles.service';
import { CommentsRepository } from './comments.repository';
import { CommentDto, CreateCommentDto } from './dto/comment.dto';
import { Comment } from './entities/comment.entity';
import { Post } from './entities/post.entity';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/** Comments; each one moves the post's comment_count in the same transaction. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly commentsRepository: CommentsRepository,
    private readonly postsRepository: PostsRepository,
    private readonly posts: PostsService,
    private readonly profiles: ProfilesService,
    private readonly visibility: VisibilityPolicy,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Oldest first, so a thread reads top to bottom; comments by people the policy hides from
   * the viewer (a block either way, a suspension) are left out.
   */
  async list(postId: string, query: PageQueryDto, viewer?: Viewer): Promise<Page<CommentDto>> {
    const post = await this.posts.findOrFail(postId, viewer);
    const request = pageRequest(query);
    const page = toPage(
      await this.commentsRepository.findPage(
        post.id,
        request,
        this.visibility.peopleCondition(viewer, false),
      ),
      request.limit,
      (rows) => rows,
    );
    return {
      items: await this.present(page.items),
      nextCursor: page.nextCursor,
    };
  }

  async add(viewer: Viewer, postId: string, dto: CreateCommentDto): Promise<CommentDto> {
    const post = await this.posts.findOrFail(postId, viewer);
    const comment = Object.assign(new Comment(), {
      id: newId(),
      postId: post.id,
      authorId: viewer.id,
      body: dto.body,
      createdAt: new Date(),
    });
    await this.db.run(async () => {
      if (!(await this.db.lockExisting(Post, [post.id])).has(post.id)) throw notFound('Post');
      await this.commentsRepository.insert(comment);
      await this.postsRepository.adjust(post.id, 'commentCount', 1);
      await this.events.emit('comment.added', about(comment, post));
    });
    const [presented] = await this.present([comment]);
    return presented;
  }

  /** For moderation: a comment by its id alone, or a 404. */
  async findOrFail(id: string): Promise<Comment> {
    const comment = await this.commentsRepository.findById(id);
    if (!comment) throw notFound('Comment');
    return comment;
  }

  /** A moderator's removal (the caller checked the role); a comment already gone is a no-op. */
  async removeForModeration(id: string): Promise<void> {
    const comment = await this.commentsRepository.findById(id);
    if (!comment) return;
    await this.db.run(async () => {
      await this.db.lockRows(Post, [comment.postId]);
      if (await this.commentsRepository.delete(comment.id))
        await this.postsRepository.adjust(comment.postId, 'commentCount', -1);
    });
  }

  /** The comment's author or the post's owner may remove it. */
  async remove(viewer: Viewer, postId: string, commentId: string): Promise<void> {
    const post = await this.posts.findOrFail(postId, viewer);
    const comment = await this.commentsRepository.findInPost(post.id, commentId);
    if (!comment) throw notFound('Comment');
    if (comment.authorId !== viewer.id && post.authorId !== viewer.id) {
      throw forbidden('Only the comment’s author or the post’s owner can delete it.');
    }
    await this.db.run(async () => {
      if (!(await this.db.lockExisting(Post, [post.id])).has(post.id)) return;
      if (!(await this.commentsRepository.delete(comment.id))) return;
      await this.postsRepository.adjust(post.id, 'commentCount', -1);
      await this.events.emit('comment.deleted', about(comment, post));
    });
  }

  /** The bodies of these comments (for notifications), in one query; gone comments are absent. */
  async bodies(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.commentsRepository.findByIds([...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, row.body]));
  }

  private async present(comments: Comment[]): Promise<CommentDto[]> {
    const [authors, mentionable] = await Promise.all([
      this.profiles.summaries(comments.map((comment) => comment.authorId)),
      this.profiles.existingUsernames(comments.flatMap((comment) => mentionsIn(comment.body))),
    ]);
    return comments.flatMap((comment) => {
      const author = authors.get(comment.authorId);
      return author
        ? [
            {
              id: comment.id,
              author,
              body: comment.body,
              mentions: mentionsIn(comment.body).filter((name) => mentionable.has(name)),
              createdAt: comment.createdAt.toISOString(),
            },
          ]
        : [];
    });
  }
}

/** The payload of a comment's events. */
function about(comment: Comment, post: Post) {
  return {
    commentId: comment.id,
    postId: post.id,
    postAuthorId: post.authorId,
    userId: comment.authorId,
  };
}
